// `cscheck ledger` end to end: exit codes, formats a CI reads, --unit, bad --as-of.
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { ROOT, run } from './helpers.js';

const ledger = (name: string) => path.join(ROOT, 'fixtures', 'ledger', name);

describe('cscheck ledger', () => {
  it('exits 0 on the clean submitted ledger and 1 on the faulty one', async () => {
    const clean = await run(['ledger', ledger('luojiang-2025-clean.xlsx'), '--plan', 'luojiang', '--as-of', '2025-06-30']);
    expect(clean.code).toBe(0);
    const faulty = await run(['ledger', ledger('luojiang-2025-faulty.xlsx'), '--plan', 'luojiang', '--as-of', '2025-06-30', '--format', 'json']);
    expect(faulty.code).toBe(1);
    const codes = JSON.parse(faulty.stdout).findings.map((f: { code: string }) => f.code);
    // fixtures/ledger/README.md: nine faults, one of them (a dropped task) seen twice, and the
    // plan's own slip at 序号44, as info.
    expect(codes).toHaveLength(11);
    expect(new Set(codes)).toEqual(
      new Set(['ledger-numbering', 'ledger-task-missing', 'ledger-no-unit', 'ledger-deadline-later', 'ledger-status-inconsistent', 'ledger-overdue', 'ledger-unit-unknown', 'ledger-weakened-target', 'ledger-doubled-wording', 'ledger-doubled-wording-inherited']),
    );
  });

  it('explains in JSON how each plan task was matched to rows', async () => {
    const r = await run(['ledger', ledger('luojiang-2025-faulty.xlsx'), '--plan', 'luojiang', '--format', 'json']);
    const matches = JSON.parse(r.stdout).matches as { task: string; rows: number[]; covered: number }[];
    expect(matches).toHaveLength(72);
    // Task 37 (序号37) sits at Excel row 40 of the faulty file (序号 + 3 after the dropped row 36).
    expect(matches.find((m) => m.task === '37')).toMatchObject({ rows: [40], covered: 100 });
    expect(matches.find((m) => m.task === '36')).toMatchObject({ rows: [], covered: 0 });
  });

  it('writes JUnit a CI can read: one failure per error', async () => {
    const r = await run(['ledger', ledger('luojiang-2025-faulty.xlsx'), '--plan', 'luojiang', '--as-of', '2025-06-30', '--format', 'junit']);
    const xml = new XMLParser({ ignoreAttributes: false }).parse(r.stdout);
    const suites = [xml.testsuites.testsuite].flat();
    const failures = suites.flatMap((s: { testcase?: unknown }) => [s.testcase ?? []].flat()).flatMap((c: { failure?: unknown }) => [c.failure ?? []].flat());
    // Errors among the ten: no-unit, task-missing, weakened, deadline-later, overdue, 已完成 at 60%.
    expect(failures).toHaveLength(6);
  });

  it('checks one unit’s rows with --unit', async () => {
    const r = await run(['ledger', ledger('luojiang-2025-faulty.xlsx'), '--plan', 'luojiang', '--as-of', '2025-06-30', '--unit', '区民政局', '--format', 'json']);
    const rows = JSON.parse(r.stdout).findings.map((f: { location: { row: number } }) => f.location.row).sort((a: number, b: number) => a - b);
    expect(rows).toEqual([22, 25, 46, 64]); // 序号 18, 21, 43, 61
  });

  it('reads the ledger’s own structure with no plan', async () => {
    const r = await run(['ledger', ledger('luojiang-2022.csv'), '--format', 'json']);
    expect(r.code).toBe(1); // five blank deadlines
    expect(JSON.parse(r.stdout).findings.filter((f: { code: string }) => f.code === 'ledger-no-deadline')).toHaveLength(5);
  });

  it('refuses a date it cannot read, and a file that is not a ledger', async () => {
    for (const date of ['30/06/2025', '2026-02-30']) {
      const bad = await run(['ledger', ledger('luojiang-2022.xlsx'), '--as-of', date]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain(date);
    }
    const survey = await run(['ledger', path.join(ROOT, 'fixtures', 'luojiang', 'survey-2024.csv')]);
    expect(survey.code).toBe(2);
    expect(survey.stderr).toMatch(/主要内容/);
  });
});
