// A value against its target: met or not (with a tolerance for the last bits of floating point),
// and the gap in the target's unit.

import type { Comparison } from '../schema/plan.js';

const EPS = 1e-9;

export function compare(value: number, op: Comparison, target: number): boolean {
  switch (op) {
    case '>=': return value >= target - EPS;
    case '>': return value > target + EPS;
    case '<=': return value <= target + EPS;
    case '<': return value < target - EPS;
    default: return Math.abs(value - target) <= EPS;
  }
}

/** How far a value is from its target, in the indicator's unit; positive = short of it. */
export function gapOf(value: number, op: Comparison, target: number): number {
  if (op === '<=' || op === '<') return value - target;
  if (op === '=') return Math.abs(value - target);
  return target - value;
}
