// The one reading of each kind of option value, for the library's options and the command line
// alike: whole numbers in decimal digits only (`1e3`, `0x10`, `1.0`, `-1` and `+1` are refused, so
// a value means what it looks like), calendar dates YYYY-MM-DD naming a day that exists, and the
// two message languages. Each refusal is a CscheckError naming the option and the value.

import { CscheckError } from '../schema/errors.js';
import { isCalendarDate } from '../schema/dates.js';
import type { Lang } from '../schema/messages.js';

export const LANGS: readonly Lang[] = ['zh', 'en'];

/** A whole number ≥ `min` written in decimal digits (surrounding spaces allowed), or a number that is one. */
export function parseInteger(value: string | number, option: string, min = 0): number {
  const text = String(value).trim();
  const n = typeof value === 'number' ? value : /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < min) throw new CscheckError('usage.not-integer', { option, min, value: String(value) });
  return n;
}

/** YYYY-MM-DD naming a real day (2025-02-30 is refused). */
export function parseDate(value: string, option = '--as-of'): string {
  if (!isCalendarDate(value)) throw new CscheckError('ledger.bad-date', { value, option });
  return value;
}

/** zh or en. */
export function parseLang(value: string, option = '--lang'): Lang {
  if (!(LANGS as readonly string[]).includes(value)) throw new CscheckError('usage.bad-lang', { option, value });
  return value as Lang;
}
