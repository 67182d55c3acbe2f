// Header matching (data contract §1.4): compare after NFKC, trimming, removing white space and
// quotation marks, and dropping a trailing bracketed unit. The field id itself and the aliases in
// the contract also match.

import type { FieldDef } from '../schema/contract.js';

const QUOTES = /["'“”‘’「」『』《》〈〉]/g;
const SPACE = /\s+/g;
const TRAILING_BRACKET = /[(\[【][^()\[\]【】]*[)\]】]$/;

export function normalizeHeader(raw: string): string {
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
