// Which of two targets asks more. `≥`/`>` targets are minimums: a higher value, or `>` over `≥` at
// the same value, is stricter; `≤`/`<` targets are maximums, the other way round. Targets of
// different kinds (a minimum and a maximum, or an exact value) are not comparable.

import type { Indicator, Scope, Source, Target } from '../../schema/plan.js';

/** 1: a is stricter, -1: a is weaker, 0: the same, null: not comparable. */
export function compareTargets(a: Target, b: Target): 1 | -1 | 0 | null {
  const dir = (t: Target) => (t.op === '>=' || t.op === '>' ? 'min' : t.op === '<=' || t.op === '<' ? 'max' : 'exact');
  const d = dir(a);
  if (d !== dir(b)) return null;
  if (d === 'exact') return a.value === b.value ? 0 : null;
  if (a.value !== b.value) return (d === 'min' ? a.value > b.value : a.value < b.value) ? 1 : -1;
  const strict = (t: Target) => (t.op === '>' || t.op === '<' ? 1 : 0);
  return Math.sign(strict(a) - strict(b)) as 1 | -1 | 0;
}

export interface Statement {
  target: Target;
  source: Source;
}

/** The indicator's target and every restatement of it that gives a target. */
export function statements(ind: Indicator): Statement[] {
  const out: Statement[] = [{ target: ind.target, source: ind.source }];
  for (const a of ind.also_stated ?? []) if (a.target) out.push({ target: a.target, source: a.source });
  return out;
}

/** The statement that asks most (the plan-format convention keeps the stricter reading). */
export function strictest(list: Statement[]): Statement {
  return list.reduce((best, s) => (compareTargets(s.target, best.target) === 1 ? s : best));
}

/** 1: scope a covers more rows than b, -1: fewer, 0: the same, null: different levels. */
export function compareScopes(a: Scope, b: Scope): 1 | -1 | 0 | null {
  if (a === b) return 0;
  if (a === '乡镇' || b === '乡镇') return null;
  if (a === '城乡') return 1;
  if (b === '城乡') return -1;
  return null;
}
