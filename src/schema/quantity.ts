// How indicator values, targets and gaps read in each language: “≥60%”, “差 4.2 个百分点”,
// “每百户还差 3.1 平方米”; in English “≥30 beds”, “0.8 people short per 10,000 residents”.
// Used to fill message arguments and by every formatter.

import type { Localized } from './finding.js';
import type { Lang } from './messages.js';
import { message } from './messages.js';
import type { Comparison } from './plan.js';

const OP: Record<Comparison, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

const PER: Record<string, Localized> = {
  百户: { zh: '每百户', en: 'per 100 households' },
  万人: { zh: '每万人', en: 'per 10,000 residents' },
  千人: { zh: '每千人', en: 'per 1,000 people' },
  百人: { zh: '每百人', en: 'per 100 people' },
};

// English for the units of the bundled plans and ledgers, each with the space it needs after the
// number. A counter word (个) has no English of its own: the indicator's name says what is counted.
const UNIT_EN: Record<string, string> = {
  '%': '%',
  '‰': '‰',
  个: '',
  张: ' beds',
  户: ' households',
  门: ' courses',
  人: ' people',
  次: ' times',
  人次: ' visits',
  元: ' yuan',
  万元: ' × 10,000 yuan',
  平方米: ' m²',
};
const PER_TIME_EN: Record<string, string> = { 年: 'a year', 月: 'a month', '人·月': 'per person a month' };

/**
 * A unit as it follows a number in `lang`: zh as the plan writes it (glued to the number), en in
 * words with its leading space. A unit the table does not know (a user's own plan) stays as written.
 */
export function unitText(unit: string, lang: Lang): string {
  if (lang === 'zh') return unit;
  if (Object.hasOwn(UNIT_EN, unit)) return UNIT_EN[unit];
  const [base, per, ...rest] = unit.split('/');
  if (per === undefined || rest.length || !Object.hasOwn(UNIT_EN, base)) return unit;
  const perText = Object.hasOwn(PER, per) ? PER[per].en : Object.hasOwn(PER_TIME_EN, per) ? PER_TIME_EN[per] : undefined;
  return perText === undefined ? unit : `${UNIT_EN[base]} ${perText}`;
}

export function round(v: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

export function formatNumber(v: number, digits = 1): string {
  const r = round(v, digits);
  return Number.isInteger(r) ? String(r) : r.toFixed(digits);
}

/**
 * Decimals enough to tell `v` from `other` (up to 4): 59.96 against a target of 60 reads 59.96,
 * not a “60” that looks met.
 */
export function digitsApart(v: number, other: number): number {
  let d = 1;
  while (d < 4 && round(v, d) === round(other, d) && v !== other) d++;
  return d;
}

export function formatValue(v: number | null, unit: string, digits = 1, lang: Lang = 'zh'): string {
  return v === null ? '—' : `${formatNumber(v, digits)}${unitText(unit, lang)}`;
}

/** A value shown beside its target: with the decimals that keep a miss from reading as met. */
export function formatAgainst(v: number | null, target: number, unit: string, lang: Lang = 'zh'): string {
  return v === null ? '—' : formatValue(v, unit, digitsApart(v, target), lang);
}

export function formatTarget(t: { op: Comparison; value: number }, unit: string, lang: Lang = 'zh'): string {
  return `${OP[t.op]}${formatValue(t.value, unit, 1, lang)}`;
}

// A finding argument is one string where both languages write it alike (“≥60%”), which keeps a
// JSON report's args as they were for the percentages most indicators use.
const bothOrOne = (zh: string, en: string): Localized | string => (zh === en ? zh : { zh, en });

/** formatTarget in both languages, as a finding argument. */
export function localizedTarget(t: { op: Comparison; value: number }, unit: string): Localized | string {
  return bothOrOne(formatTarget(t, unit, 'zh'), formatTarget(t, unit, 'en'));
}

/** formatAgainst in both languages, as a finding argument. */
export function localizedAgainst(v: number | null, target: number, unit: string): Localized | string {
  return bothOrOne(formatAgainst(v, target, unit, 'zh'), formatAgainst(v, target, unit, 'en'));
}

/** The gap in the indicator's own unit, in words; `gap` > 0 means short of the target. */
export function gapText(gap: number, op: Comparison, unit: string, lang: Lang): string {
  const g = formatNumber(Math.abs(gap), digitsApart(Math.abs(gap), 0));
  const words = unitText(unit, lang);
  if (gap <= 0 && op !== '=') return message('gap.over', { gap: formatNumber(-gap, digitsApart(-gap, 0)), unit: words }, lang);
  if (op === '=') return message('gap.equal', { gap: g, unit: words }, lang);
  if (op === '<=' || op === '<') return message('gap.over', { gap: g, unit: words }, lang);
  if (unit === '%') return message('gap.points', { gap: g }, lang);
  if (unit === '‰') return message('gap.permille', { gap: g }, lang);
  const [base, per] = unit.split('/');
  if (per && Object.hasOwn(PER, per)) return message('gap.per', { per: PER[per], gap: g, unit: lang === 'zh' ? base : unitText(base, lang) }, lang);
  return message('gap.plain', { gap: g, unit: words }, lang);
}

export function localizedGap(gap: number, op: Comparison, unit: string): Localized {
  return { zh: gapText(gap, op, unit, 'zh'), en: gapText(gap, op, unit, 'en') };
}
