// A measure kind is the “function” of a plan indicator (as Spectral's core functions are for its
// rules): it compiles the indicator's measure once, then accumulates rows into a plain counter.

import type { FieldDef } from '../../schema/contract.js';
import type { Location } from '../../schema/finding.js';
import type { Measure } from '../../schema/plan.js';
import type { Value } from '../../io/values.js';

/** One counter shape for every kind keeps the hot loop monomorphic. */
export interface Acc {
  inScope: number;
  withData: number;
  /** coverage: rows meeting the condition; ratio: Σ numerator; count: the count or sum. */
  a: number;
  /** coverage: rows with the condition known; ratio: Σ denominator; count: unused. */
  b: number;
}

export const newAcc = (): Acc => ({ inScope: 0, withData: 0, a: 0, b: 0 });

export interface CompiledMeasure {
  /** Field ids the measure reads. */
  fields: string[];
  /** Adds a row that is in scope (rows whose values are missing count as in scope, without data). */
  add(acc: Acc, values: readonly Value[]): void;
  /** The value of an accumulator, or null when it has no data. */
  value(acc: Acc): number | null;
  /** Multiplier from a/b to the value (100 for coverage, the scale for ratios, 0 for counts). */
  scale: number;
}

export interface MeasureKind<M extends Measure = Measure> {
  kind: M['kind'];
  title: { zh: string; en: string };
  description: { zh: string; en: string };
  compile(measure: M, fields: readonly FieldDef[], where: Location): CompiledMeasure;
}
