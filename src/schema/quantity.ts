// How indicator values, targets and gaps read in each language: “≥60%”, “差 4.2 个百分点”,
// “每百户还差 3.1 平方米”. Used to fill message arguments and by every formatter.

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

export function formatValue(v: number | null, unit: string, digits = 1): string {
  return v === null ? '—' : `${formatNumber(v, digits)}${unit}`;
}

/** A value shown beside its target: with the decimals that keep a miss from reading as met. */
export function formatAgainst(v: number | null, target: number, unit: string): string {
  return v === null ? '—' : formatValue(v, unit, digitsApart(v, target));
}

export function formatTarget(t: { op: Comparison; value: number }, unit: string): string {
  return `${OP[t.op]}${formatValue(t.value, unit)}`;
}

/** The gap in the indicator's own unit, in words; `gap` > 0 means short of the target. */
export function gapText(gap: number, op: Comparison, unit: string, lang: Lang): string {
  const g = formatNumber(Math.abs(gap), digitsApart(Math.abs(gap), 0));
  if (gap <= 0 && op !== '=') return message('gap.over', { gap: formatNumber(-gap, digitsApart(-gap, 0)), unit }, lang);
  if (op === '=') return message('gap.equal', { gap: g, unit }, lang);
  if (op === '<=' || op === '<') return message('gap.over', { gap: g, unit }, lang);
  if (unit === '%') return message('gap.points', { gap: g }, lang);
  if (unit === '‰') return message('gap.permille', { gap: g }, lang);
  const [base, per] = unit.split('/');
  if (per && Object.hasOwn(PER, per)) return message('gap.per', { per: PER[per], gap: g, unit: base }, lang);
  return message('gap.plain', { gap: g, unit }, lang);
}

export function localizedGap(gap: number, op: Comparison, unit: string): Localized {
  return { zh: gapText(gap, op, unit, 'zh'), en: gapText(gap, op, unit, 'en') };
}
