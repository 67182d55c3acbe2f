import { expect } from 'vitest';
// Lookups into a Report for the survey tests: each throws with what is there when the item is not.
import type { Finding } from '../../src/schema/finding.js';
import type { Breakdown, IndicatorResult, Report, RequirementResult } from '../../src/schema/results.js';

export const indicator = (r: Report, id: string): IndicatorResult => {
  const found = r.indicators.find((i) => i.id === id);
  if (!found) throw new Error(`indicator ${id} not in report`);
  return found;
};

export const requirement = (r: Report, id: string): RequirementResult => {
  const found = r.requirements.find((q) => q.id === id);
  if (!found) throw new Error(`requirement ${id} not in report`);
  return found;
};

export const withCode = (r: Report, code: string): Finding[] => r.findings.filter((f) => f.code === code);

export const byTownship = (list: Breakdown[], name: string): Breakdown => {
  const found = list.find((b) => b.township === name);
  if (!found) throw new Error(`township ${name} not in breakdown (${list.map((b) => b.township).join(', ')})`);
  return found;
};

export const byRow = <T extends { row?: number }>(xs: T[]): T[] => [...xs].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));

/** An indicator's figures as worked out by hand from a fixture (op defaults to ≥). */
export interface ExpectedIndicator {
  op?: string;
  target: number;
  numerator: number;
  denominator: number;
  withData: number;
  inScope: number;
  value: number;
  status: string;
}

export function expectIndicator(report: Report, id: string, e: ExpectedIndicator): void {
  const r = indicator(report, id);
  expect(r.target).toMatchObject({ op: e.op ?? '>=', value: e.target });
  expect([r.numerator, r.denominator, r.withData, r.inScope]).toEqual([e.numerator, e.denominator, e.withData, e.inScope]);
  expect(r.value).not.toBeNull();
  expect(r.value!).toBeCloseTo(e.value, 2);
  expect(r.status).toBe(e.status);
}
