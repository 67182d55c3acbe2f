// cli-table3 hard-wraps by characters, not by display width, so a CJK line comes out twice as wide
// as its column and is cut; every table that can hold Chinese text breaks its cells here instead.

import stringWidth from 'string-width';

/** Breaks `text` into lines of at most `width` terminal columns, at any character. */
export function wrapByWidth(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  let w = 0;
  for (const ch of text) {
    const cw = stringWidth(ch);
    if (w + cw > width && line) {
      lines.push(line);
      line = '';
      w = 0;
    }
    line += ch;
    w += cw;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/** A run of Latin letters, digits and ASCII punctuation stays whole; any other character is one unit. */
const TOKEN = /[\x21-\x7e]+|[^]/gu;

/**
 * Like wrapByWidth, for text mixing Chinese and English: breaks between Chinese characters or at
 * spaces, never inside a Latin word or a number (unless the word alone is wider than the column).
 * Line breaks already in the text are kept.
 */
export function wrapWords(text: string, width: number): string {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let w = 0;
    for (const token of paragraph.match(TOKEN) ?? []) {
      const tw = stringWidth(token);
      if (w + tw > width && line) {
        lines.push(line.trimEnd());
        line = '';
        w = 0;
        if (token.trim() === '') continue;
      }
      if (tw > width) {
        const pieces = wrapByWidth(token, width).split('\n');
        for (let k = 0; k < pieces.length - 1; k++) lines.push(pieces[k]);
        line = pieces[pieces.length - 1];
        w = stringWidth(line);
        continue;
      }
      line += token;
      w += tw;
    }
    lines.push(line.trimEnd());
  }
  return lines.join('\n');
}
