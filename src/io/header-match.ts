// Header matching (data contract §1.4): compare after NFKC, trimming, removing white space and
// quotation marks, and dropping a trailing bracketed unit. The field id itself and the aliases in
// the contract also match.

import type { FieldDef } from '../schema/contract.js';

const QUOTES = /["'“”‘’「」『』《》〈〉]/g;
const SPACE = /\s+/g;
const TRAILING_BRACKET = /[([【][^()[\]【】]*[)\]】]$/;

/**
 * Whether `s` is plain text that every normalisation of names here leaves unchanged: ASCII
 * lower-case letters, digits, `.`, `-`, `_` and CJK unified ideographs have no NFKC mapping, are no
 * white space, quotation mark or bracket, and have no upper case. Most cells are such text
 * (numbers, 是/否, names, codes), and this loop is far cheaper than normalising them.
 */
export function isPlain(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x4e00 && c <= 0x9fff) || c === 0x2e || c === 0x2d || c === 0x5f) continue;
    return false;
  }
  return true;
}

export function normalizeHeader(raw: string): string {
  if (isPlain(raw)) return raw;
  let s = raw.normalize('NFKC').replace(SPACE, '').replace(QUOTES, '').replace(/[\u200B-\u200D\u2060\uFEFF]/g, '');
  // Units and notes sit in trailing brackets, sometimes more than one: 面积(平方米)(㎡).
  for (let i = 0; i < 3 && TRAILING_BRACKET.test(s); i++) {
    const stripped = s.replace(TRAILING_BRACKET, '');
    if (stripped === '') break;
    s = stripped;
  }
  return s.toLowerCase();
}

export class HeaderMatcher {
  private readonly byKey = new Map<string, number>();

  constructor(readonly fields: readonly FieldDef[]) {
    fields.forEach((f, i) => {
      for (const name of [f.id, f.header, ...(f.aliases ?? [])]) {
        const key = normalizeHeader(name);
        if (!this.byKey.has(key)) this.byKey.set(key, i);
      }
    });
  }

  /** Index of the field a header names, or -1. */
  match(raw: string): number {
    if (!raw) return -1;
    return this.byKey.get(normalizeHeader(raw)) ?? -1;
  }
}
