// One --fail-on vocabulary (error|warning|info|none) on every command, with the older names kept as
// aliases, and --quiet hiding rows without changing the counts. Expected exit codes by hand:
// - survey-2024.csv against luojiang has data errors (J50 “约300”) and warnings;
// - plans lint luojiang: errors, warnings and infos (see plans lint of the bundled plans);
// - compare xianyou 2023 → 2024: one indicator newly missed, parent_school_coverage_rural, which
//   plans/xianyou.yaml gives no attribute (→ 预期性, not binding): a warning, no error.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, fixture, run } from './helpers.js';

const survey = fixture('survey-2024.csv');
const EVALUATE = ['evaluate', survey, '--plan', 'luojiang', '--no-config', '--format', 'json'];
const COMPARE = ['compare', path.join(ROOT, 'fixtures', 'compare', 'xianyou-2023.csv'), path.join(ROOT, 'fixtures', 'compare', 'xianyou-2024.xlsx'), '--plan', 'xianyou', '--no-config', '--format', 'json'];

describe('--fail-on', () => {
  it('evaluate takes the severities and binding/expected as their aliases', async () => {
    const codes: Record<string, number> = {};
    for (const level of ['error', 'warning', 'info', 'none', 'binding', 'expected']) codes[level] = (await run([...EVALUATE, '--fail-on', level])).code;
    expect(codes).toEqual({ error: 1, warning: 1, info: 1, none: 0, binding: 1, expected: 1 });
    // The default is unchanged: errors fail.
    expect((await run(EVALUATE)).code).toBe(1);
  });

  it('compare: a non-binding indicator newly missed is a warning', async () => {
    const codes: Record<string, number> = {};
    for (const level of ['error', 'warning', 'info', 'none', 'newly-missed']) codes[level] = (await run([...COMPARE, '--fail-on', level])).code;
    expect(codes).toEqual({ error: 0, warning: 1, info: 1, none: 0, 'newly-missed': 1 });
    expect((await run(COMPARE)).code).toBe(0);
  });

  it('a level a command does not take is a usage error', async () => {
    expect((await run(['plans', 'lint', 'luojiang', '--no-config', '--fail-on', 'binding'])).code).toBe(2);
    expect((await run([...COMPARE, '--fail-on', 'expected'])).code).toBe(2);
  });
});

describe('--quiet', () => {
  it('hides warning rows but the totals still count them', async () => {
    const all = JSON.parse((await run(['plans', 'lint', 'luojiang', '--no-config', '--format', 'json'])).stdout) as { findings: { severity: string }[]; summary: { findings: Record<string, number> } };
    const quiet = JSON.parse((await run(['plans', 'lint', 'luojiang', '--no-config', '--format', 'json', '--quiet'])).stdout) as typeof all;
    const warnings = all.findings.filter((f) => f.severity === 'warning').length;
    expect(warnings).toBeGreaterThan(0);
    expect(quiet.findings.every((f) => f.severity === 'error')).toBe(true);
    expect(quiet.summary.findings).toEqual(all.summary.findings);
    expect(quiet.summary.findings.warning).toBe(warnings);
  });
});
