// cli-table3 hard-wraps by characters, not by display width, so a CJK line comes out twice as wide
// as its column and is cut; every table that can hold Chinese text breaks its cells here instead.

import stringWidth from 'string-width';

// string-width costs tens of microseconds a call and grows faster than the text: a wrap measures
// each character once, printable ASCII without a call and the rest from a cache.
const charWidths = new Map<string, number>();
function charWidth(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code >= 0x20 && code < 0x7f) return 1;
  let w = charWidths.get(ch);
  if (w === undefined) {
    w = stringWidth(ch);
    if (charWidths.size < 65_536) charWidths.set(ch, w);
  }
  return w;
}

/** Display width in terminal columns, character by character (a run of printable ASCII: its length). */
function widthOf(s: string): number {
  if (/^[\x20-\x7e]*$/.test(s)) return s.length;
  let w = 0;
  for (const ch of s) w += charWidth(ch);
  return w;
}

/** `line` (of width `w`) with … at its end, within `width` columns. */
function ellipsized(line: string, w: number, width: number): string {
  const chars = [...line];
  while (w + 1 > width && chars.length) w -= charWidth(chars.pop()!);
  return `${chars.join('')}…`;
}

/**
 * Breaks `text` into lines of at most `width` terminal columns, at any character; past `maxLines`
 * lines the last one ends in …. A table cell needs the bound: cli-table3 measures a cell's whole
 * text once for every line it draws, character by character, so a cell of n lines costs n³.
 */
export function wrapByWidth(text: string, width: number, maxLines = Infinity): string {
  const lines: string[] = [];
  let line = '';
  let w = 0;
  for (const ch of text) {
    const cw = charWidth(ch);
    if (w + cw > width && line) {
      if (lines.length + 1 >= maxLines) return [...lines, ellipsized(line, w, width)].join('\n');
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
      const tw = widthOf(token);
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
        w = widthOf(line);
        continue;
      }
      line += token;
      w += tw;
    }
    lines.push(line.trimEnd());
  }
  return lines.join('\n');
}
