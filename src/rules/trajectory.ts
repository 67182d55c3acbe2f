// Where an indicator should be on a given day: on the straight line from its baseline (the end of
// the baseline year) to its target (its due date, else the end of the plan period). A target with
// a due date that has passed is simply expected, and a miss then is overdue.

import { daysBetween } from '../schema/dates.js';
import type { Indicator } from '../schema/plan.js';
import type { IndicatorResult } from '../schema/results.js';
import { gapOf } from './target-compare.js';

export function progressOf(def: Indicator, value: number | null, met: boolean, asOf: string, periodEnd: number): IndicatorResult['progress'] {
  if (value === null) return undefined;
  const due = def.due ?? `${periodEnd}-12-31`;
  const { op, value: target } = def.target;
  if (asOf >= due) {
    // Past its own, earlier due date (2022年12月底前) a miss is overdue; past the end of the period
    // it is simply not met, which the target check says.
    const own = def.due !== undefined && def.due < `${periodEnd}-12-31`;
    return { asOf, expected: target, behind: gapOf(value, op, target), status: met ? 'on-track' : own ? 'overdue' : 'behind' };
  }
  if (!def.baseline) return undefined;
  const start = `${def.baseline.year}-12-31`;
  const span = daysBetween(start, due);
  const share = span > 0 ? Math.min(1, Math.max(0, daysBetween(start, asOf) / span)) : 1;
  const expected = def.baseline.value + (target - def.baseline.value) * share;
  const behind = gapOf(value, op === '>' ? '>=' : op === '<' ? '<=' : op, expected);
  return { asOf, expected, behind, status: behind > 1e-9 ? 'behind' : 'on-track' };
}
