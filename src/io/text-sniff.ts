// What a delimited text file is before we parse it: its encoding (UTF-8 with or without BOM,
// UTF-16 with BOM as Excel's “Unicode text”, otherwise GB18030 — a superset of GBK, as Excel on
// Chinese Windows writes it) and its delimiter.

import iconv from 'iconv-lite';
import { CscheckError } from '../schema/errors.js';

export interface Sniffed {
  encoding: string;
  /** Bytes of BOM to skip. */
  bom: number;
  delimiter: string;
}

function validUtf8(sample: Buffer, complete: boolean): boolean {
  let end = sample.length;
  if (!complete) {
    // Do not judge a character cut at the end of the sample.
    let back = 0;
    while (back < 3 && end - back - 1 >= 0 && (sample[end - back - 1] & 0xc0) === 0x80) back++;
    if (end - back - 1 >= 0 && sample[end - back - 1] >= 0xc0) end = end - back - 1;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

export function sniffEncoding(sample: Buffer, complete: boolean, forced?: string): { encoding: string; bom: number } {
  if (sample.length >= 3 && sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf8', bom: 3 };
  if (sample.length >= 2 && sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf16le', bom: 2 };
  if (sample.length >= 2 && sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf16be', bom: 2 };
  if (forced) {
    if (!iconv.encodingExists(forced)) throw new CscheckError('input.encoding', { encoding: forced });
    return { encoding: forced, bom: 0 };
  }
  if (sample.includes(0)) throw new CscheckError('input.binary');
  return validUtf8(sample, complete) ? { encoding: 'utf8', bom: 0 } : { encoding: 'gb18030', bom: 0 };
}

const CANDIDATES = [',', '\t', ';'];

/** The delimiter that splits the sample's lines most consistently (quotes respected). */
export function sniffDelimiter(text: string, fallback = ','): string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 20);
  let best = fallback;
  let bestScore = 0;
  for (const d of CANDIDATES) {
    const counts = lines.map((line) => {
      let n = 0;
      let quoted = false;
      for (const ch of line) {
        if (ch === '"') quoted = !quoted;
        else if (ch === d && !quoted) n++;
      }
      return n;
    });
    // Lines that agree with the most common count are the table; title lines are not.
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    let score = 0;
    for (const [c, f] of freq) score = Math.max(score, f * 1000 + c);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

export function decodeSample(sample: Buffer, encoding: string, bom: number): string {
  return iconv.decode(sample.subarray(bom), encoding);
}
