// Cell value parsing (data contract §1.4): forgiving about form, strict about meaning. A parser
// returns the typed value, `null` for an empty cell (missing is not zero), or INVALID — which the
// caller turns into a data error at that cell.

import type { FieldType } from '../schema/contract.js';
import type { MessageId } from '../schema/messages.js';
import { message } from '../schema/messages.js';

export type Value = string | number | boolean | null;
export type Raw = string | number | boolean | Date | null | undefined;

export const INVALID: unique symbol = Symbol('invalid');
export type Parsed = Value | typeof INVALID;
export type Parser = (raw: Raw) => Parsed;

const TRUE_WORDS = new Set(['是', '有', '已建', '已设立', '已建成', '已设', '√', '✓', '✔', 'y', 'yes', 'true', '1']);
const FALSE_WORDS = new Set(['否', '无', '未建', '未设立', '未设', '没有', '×', '✗', '✘', 'n', 'no', 'false', '0']);
/** Every word a yes/no cell may hold. */
export const BOOLEAN_WORDS: readonly string[] = [...TRUE_WORDS, ...FALSE_WORDS];

const KIND_WORDS: Record<string, string> = {
  城市: '城市', 城镇: '城市', 社区: '城市', 居委会: '城市', 城市社区: '城市', 城: '城市', 居民委员会: '城市', 街道社区: '城市', 城镇社区: '城市',
  农村: '农村', 乡村: '农村', 村: '农村', 村委会: '农村', 农村社区: '农村', 乡: '农村', 村民委员会: '农村', 行政村: '农村',
};

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;
const WITH_THOUSANDS = /^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const NUMBER_AND_SUFFIX = /^(-?[\d,]+(?:\.\d+)?)(.*)$/;

// NFKC turns ㎡ into m2, full-width digits into ASCII and U+3000 (the ideographic space) into a space.
const UNITS: Record<'area' | 'count' | 'hours' | 'reported', Set<string>> = {
  area: new Set(['', '平方米', '平米', 'm2', '米2', '平方']),
  count: new Set(['', '人', '名', '个', '户', '张', '间', '处', '所', '家', '支', '位']),
  reported: new Set(['', '人', '名', '个', '户', '张', '间', '处', '所', '家', '次', '平方米', '平米', 'm2', '小时', '元', '岁']),
  hours: new Set(['', '小时', 'h', '时', '个小时', 'hr', 'hrs']),
};

/** Zero-width characters that copy-paste from web pages leaves in cells. */
export const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;
const HAS_INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/;

/**
 * A number a cell can mean: finite and at most 2^53 − 1 in size. Past that, digits are lost (309
 * nines read as Infinity) and sums over a table could overflow; such a cell is unreadable, so
 * NaN and Infinity never reach a result. Text and XLSX numbers alike pass through here.
 */
function readable(v: number): Parsed {
  return Math.abs(v) <= Number.MAX_SAFE_INTEGER ? v : INVALID;
}

function isEmpty(raw: Raw): boolean {
  return raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
}

/**
 * Plain unsigned decimals (`1234`, `56.5`), the form of nearly every cell, or NaN. Only digits and
 * one inner point: `1e3`, `0x10` and `0b101` are not what a survey cell means. (A character loop:
 * measured faster here than a regular expression on a million rows.)
 */
export function quickNumber(s: string): number {
  const n = s.length;
  if (n === 0 || n > 15) return NaN;
  // A whole number is read as its digits are checked (at most 15 digits: exact in a double); one
  // with a point is left to the engine's conversion, which rounds the decimal as JavaScript does.
  let whole = 0;
  let dot = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      whole = whole * 10 + (c - 48);
      continue;
    }
    if (c !== 46 || dot || i === 0 || i === n - 1) return NaN;
    dot = true;
  }
  return dot ? +s : whole;
}

/** Reads a number with an optional unit suffix; `unit` is the set of suffixes allowed. */
function readNumber(raw: Raw, unit: Set<string>): Parsed {
  if (typeof raw === 'string') {
    const q = quickNumber(raw);
    if (q === q) return q;
  }
  if (isEmpty(raw)) return null;
  if (typeof raw === 'number') return readable(raw);
  if (typeof raw !== 'string') return INVALID;
  const trimmed = raw.trim();
  if (PLAIN_NUMBER.test(trimmed)) return readable(Number(trimmed));
  const s = trimmed.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  const m = NUMBER_AND_SUFFIX.exec(s);
  if (!m) return INVALID;
  let digits = m[1];
  if (digits.includes(',')) {
    if (!WITH_THOUSANDS.test(digits)) return INVALID;
    digits = digits.replace(/,/g, '');
  }
  if (!PLAIN_NUMBER.test(digits) || !unit.has(m[2])) return INVALID;
  return readable(Number(digits));
}

function nonNegative(v: Parsed): Parsed {
  return typeof v === 'number' && v < 0 ? INVALID : v;
}

// The spellings seen in nearly every cell, looked up before any normalisation.
/**
 * The one-character yes and no words that fill nearly every yes/no cell (是, 否, 有, 无, 1, 0, √, ×),
 * or undefined for anything else: compared by character code, without hashing the cell's string.
 */
export function quickBoolean(s: string): boolean | undefined {
  if (s.length !== 1) return undefined;
  switch (s.charCodeAt(0)) {
    case 0x662f: // 是
    case 0x6709: // 有
    case 0x31: // 1
    case 0x221a: // √
      return true;
    case 0x5426: // 否
    case 0x65e0: // 无
    case 0x30: // 0
    case 0xd7: // ×
      return false;
    default:
      return undefined;
  }
}

export function parseBoolean(raw: Raw): Parsed {
  if (typeof raw === 'string') {
    const quick = quickBoolean(raw);
    if (quick !== undefined) return quick;
  }
  if (isEmpty(raw)) return null;
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') return raw === 1 ? true : raw === 0 ? false : INVALID;
  if (typeof raw !== 'string') return INVALID;
  const s = raw.normalize('NFKC').trim().toLowerCase();
  if (TRUE_WORDS.has(s)) return true;
  if (FALSE_WORDS.has(s)) return false;
  // A remark in brackets after the word (“有（2个）”, “否(在建)”) does not change the answer.
  const bare = s.replace(/\s*[([][^()[\]]*[)\]]$/, '');
  if (bare !== s && TRUE_WORDS.has(bare)) return true;
  if (bare !== s && FALSE_WORDS.has(bare)) return false;
  return INVALID;
}

export function parseKind(raw: Raw): Parsed {
  if (typeof raw === 'string' && (raw === '城市' || raw === '农村')) return raw;
  if (isEmpty(raw) || typeof raw !== 'string') return isEmpty(raw) ? null : INVALID;
  const word = raw.normalize('NFKC').replace(/\s+/g, '').replace(INVISIBLE, '');
  return Object.hasOwn(KIND_WORDS, word) ? KIND_WORDS[word] : INVALID;
}

export function parseText(raw: Raw): Parsed {
  if (isEmpty(raw)) return null;
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? INVALID : raw.toISOString().slice(0, 10);
  const s = String(raw);
  return (HAS_INVISIBLE.test(s) ? s.replace(INVISIBLE, '') : s).trim();
}

/** 统计用区划代码: 12 digits, leading zeros kept; a number that lost digits to Excel is invalid. */
const isDigits = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
};

export function parseCode(raw: Raw): Parsed {
  if (typeof raw === 'string' && raw.length === 12 && isDigits(raw)) return raw;
  if (isEmpty(raw)) return null;
  let s: string;
  if (typeof raw === 'number') {
    if (!Number.isSafeInteger(raw) || raw < 0) return INVALID;
    s = String(raw).padStart(12, '0');
  } else if (typeof raw === 'string') {
    s = raw.normalize('NFKC').trim().replace(/^'/, '');
  } else return INVALID;
  return s.length === 12 && isDigits(s) ? s : INVALID;
}

export function parseArea(raw: Raw): Parsed {
  return nonNegative(readNumber(raw, UNITS.area));
}

export function parseCount(raw: Raw): Parsed {
  const v = nonNegative(readNumber(raw, UNITS.count));
  return typeof v === 'number' && !Number.isInteger(v) ? INVALID : v;
}

export function parseHours(raw: Raw): Parsed {
  const v = readNumber(raw, UNITS.hours);
  return typeof v === 'number' && (v < 0 || v > 24) ? INVALID : v;
}

/**
 * A value in a percent-typed place: `75%`, `75`, or an Excel percent cell holding 0.75
 * (`percentCell` says the cell is formatted as a percentage).
 */
export function parsePercent(raw: Raw, percentCell = false): Parsed {
  if (isEmpty(raw)) return null;
  if (typeof raw === 'number') return readable(percentCell ? raw * 100 : raw);
  if (typeof raw !== 'string') return INVALID;
  const s = raw.normalize('NFKC').replace(/\s+/g, '');
  const pct = s.endsWith('%') ? s.slice(0, -1) : s;
  return readNumber(pct, UNITS.area);
}

/** A reported number in any unit: `72%`, `16.5`, `1,234人`. */
export function parseReported(raw: Raw, percentCell: boolean, unitIsPercent: boolean): Parsed {
  if (unitIsPercent) return parsePercent(raw, percentCell);
  if (isEmpty(raw)) return null;
  if (typeof raw === 'number') return readable(raw);
  // A unit after the figure is fine (12个, 30平方米); a multiplier such as 万 is not dropped.
  return readNumber(raw, UNITS.reported);
}

export const PARSERS: Record<FieldType, Parser> = {
  text: parseText,
  code: parseCode,
  kind: parseKind,
  integer: parseCount,
  number: parseArea,
  boolean: parseBoolean,
  hours: parseHours,
};

/** What a field expects, for the message at an unreadable cell: a catalogue id per type. */
export const EXPECTED: Record<FieldType, MessageId> = {
  text: 'expected.text',
  code: 'expected.code',
  kind: 'expected.kind',
  integer: 'expected.integer',
  number: 'expected.number',
  boolean: 'expected.boolean',
  hours: 'expected.hours',
};

/** The expectation in both languages, as a message argument. */
export const expected = (id: MessageId): { zh: string; en: string } => ({ zh: message(id, {}, 'zh'), en: message(id, {}, 'en') });
