// What holds for every bundled plan, checked against its seed: it loads (schema, unique ids,
// `extends`), its expressions compile against the data contract, every quote is the seed's own
// words, every item says where it comes from, and every task unit is in the canonical list.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadPlan } from '../../src/schema/load-plan.js';
import { compilePlan } from '../../src/rules/compile-plan.js';

export const squash = (s: string): string => s.replace(/\s+/g, '');

type Source = { section: string; quote: string };

/** Every source of a plan file as written (not resolved), with where it sits. */
export function sourcesOf(plan: any): { where: string; source: Source }[] {
  const out: { where: string; source: Source }[] = [];
  for (const kind of ['indicators', 'requirements', 'tasks']) {
    for (const item of plan[kind] ?? []) {
      out.push({ where: `${kind}/${item.id}`, source: item.source });
      for (const [i, a] of (item.also_stated ?? []).entries()) out.push({ where: `${kind}/${item.id}/also_stated/${i}`, source: a.source });
    }
  }
  return out;
}

export function describeEncodedPlan(id: string, seedFile: string): void {
  const file = resolve(__dirname, `../../plans/${id}.yaml`);
  const plan = parse(readFileSync(file, 'utf8'));
  const seed = squash(readFileSync(resolve(__dirname, '../../plans/sources', seedFile), 'utf8'));

  describe(`plans/${id}.yaml as a plan`, () => {
    it('loads: schema, unique ids, extends', () => {
      expect(loadPlan(id).plan.id).toBe(id);
    });

    it('compiles every expression against the data contract', () => {
      expect(() => compilePlan(loadPlan(id))).not.toThrow();
    });

    it('quotes the seed verbatim (white space aside) and names a section for every item', () => {
      const sources = sourcesOf(plan);
      expect(sources.length).toBeGreaterThan(0);
      const bad = sources.filter((s) => !s.source?.section || !s.source?.quote || !seed.includes(squash(s.source.quote)));
      expect(bad.map((b) => `${b.where}: ${b.source?.quote}`)).toEqual([]);
    });

    it('names every task unit in its canonical unit list', () => {
      const units = new Set((plan.units ?? []).map((u: any) => u.name));
      const bad: string[] = [];
      for (const t of plan.tasks ?? []) for (const u of t.units) if (!units.has(u)) bad.push(`${t.id}: ${u}`);
      expect(bad).toEqual([]);
    });
  });
}

/** A row of a plan's indicator table, as read by hand from the seed. */
export interface TableRow {
  row: number;
  zh: string;
  baseline: number | null;
  op: string;
  value: number;
  attribute: string;
}

/** The plan's indicator table is exactly these rows, with their names, baselines, targets and attributes. */
export function describeTableRows(plan: any, rows: readonly TableRow[]): void {
  it(`encodes exactly the ${rows.length} table rows`, () => {
    const encoded = plan.indicators.filter((i: any) => i.table_row !== undefined);
    expect(encoded.map((i: any) => i.table_row).sort((a: number, b: number) => a - b)).toEqual(rows.map((r) => r.row));
  });

  it.each(rows)('table row $row: $zh', (r) => {
    const ind = plan.indicators.find((i: any) => i.table_row === r.row);
    expect(ind, `row ${r.row} missing`).toBeDefined();
    expect(ind.name.zh).toBe(r.zh);
    expect(ind.target.op).toBe(r.op);
    expect(ind.target.value).toBe(r.value);
    expect(ind.attribute).toBe(r.attribute);
    if (r.baseline === null) expect(ind.baseline).toBeUndefined();
    else expect(ind.baseline).toMatchObject({ value: r.baseline, year: 2020 });
    // The row's own quote names the indicator.
    expect(squash(ind.source.quote)).toContain(squash(r.zh));
  });
}
