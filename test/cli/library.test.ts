// The package as another project uses it: a plain Node script in a folder outside the repository,
// with cscheck in its node_modules, importing the library by its package name (package.json
// `exports`), never by a path into the sources.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, fixture, run } from './helpers.js';
import { checkLedger, evaluate, lintPlans } from '../../src/index.js';

const outside = mkdtempSync(path.join(tmpdir(), 'cscheck-user-'));
afterAll(() => rmSync(outside, { recursive: true, force: true }));

beforeAll(() => {
  // The package's entry point is the compiled one.
  if (existsSync(path.join(ROOT, 'dist', 'index.js'))) return;
  const b = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
  if (b.status !== 0) throw new Error(`build failed:\n${b.stdout}\n${b.stderr}`);
}, 120_000);

/** Indicator ids of a plan YAML and of the plans it extends, read here with the YAML parser alone. */
function planIndicatorIds(id: string): string[] {
  const plan = parse(readFileSync(path.join(ROOT, 'plans', `${id}.yaml`), 'utf8')) as { extends?: string; indicators: { id: string }[] };
  const ids = new Set(plan.indicators.map((i) => i.id));
  for (const parentId of plan.extends ? planIndicatorIds(plan.extends) : []) ids.add(parentId);
  return [...ids].sort();
}

describe('import { evaluate } from "cscheck" in a script outside the repository', () => {
  it('evaluates fixtures/luojiang/survey-2024.csv against the bundled plan luojiang: every indicator of the plan', () => {
    expect(path.relative(ROOT, outside).startsWith('..')).toBe(true);
    mkdirSync(path.join(outside, 'node_modules'));
    symlinkSync(ROOT, path.join(outside, 'node_modules', 'cscheck'), 'dir');
    writeFileSync(
      path.join(outside, 'check.mjs'),
      [
        "import { evaluate, loadPlan } from 'cscheck';",
        'const [file] = process.argv.slice(2);',
        "const report = await evaluate([file], { plan: 'luojiang' });",
        "console.log(JSON.stringify({ plan: loadPlan('luojiang').plan.id, ids: report.indicators.map((i) => i.id), statuses: report.indicators.map((i) => i.status) }));",
      ].join('\n'),
    );
    const r = spawnSync(process.execPath, ['check.mjs', fixture('survey-2024.csv')], { cwd: outside, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const got = JSON.parse(r.stdout) as { plan: string; ids: string[]; statuses: string[] };
    expect(got.plan).toBe('luojiang');
    // luojiang has 22 indicators of its own and inherits quanzhou's others.
    expect([...got.ids].sort()).toEqual(planIndicatorIds('luojiang'));
    expect(got.ids.length).toBeGreaterThan(22);
    expect(got.statuses.every((s) => typeof s === 'string' && s.length > 0)).toBe(true);
  }, 90_000);

  it('a CscheckError thrown by the library keeps its class, message id and location', () => {
    writeFileSync(
      path.join(outside, 'bad.mjs'),
      [
        "import { evaluate, CscheckError } from 'cscheck';",
        "try { await evaluate(['survey.csv'], { plan: 'luojiang', asOf: '2025-02-30' }); } catch (err) {",
        '  console.log(JSON.stringify({ isCscheck: err instanceof CscheckError, id: err.messageId, args: err.args }));',
        '}',
      ].join('\n'),
    );
    const r = spawnSync(process.execPath, ['bad.mjs'], { cwd: outside, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ isCscheck: true, id: 'ledger.bad-date', args: { value: '2025-02-30', option: '--as-of' } });
  }, 90_000);
});

describe('the library returns what --format json prints', () => {
  // Each pair compares the library's object with the command's stdout parsed: the same keys and
  // values, so a field one of them adds or drops fails here.
  const printed = async (args: string[]): Promise<unknown> => {
    const cli = await run([...args, '--format', 'json']);
    // The command may warn about how it was called (--as-of against a plan with no baselines): stderr, not the report.
    for (const line of cli.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^cscheck: (warning|警告)：?:? /);
    return JSON.parse(cli.stdout);
  };
  const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

  it('evaluate: the object `cscheck evaluate --format json` prints, messages in zh by default', async () => {
    const file = fixture('survey-2024.csv');
    const report = await evaluate([file], { plan: 'luojiang' });
    expect(plain(report)).toEqual(await printed(['evaluate', file, '--plan', 'luojiang', '--fail-on', 'none']));
    expect(report.lang).toBe('zh');
    expect(report.findings.length).toBeGreaterThan(0);
    // Worded in zh: every message has Chinese text.
    expect(report.findings.every((f) => /[\u4e00-\u9fff]/.test(f.message))).toBe(true);
  }, 60_000);

  it('evaluate with lang en and asOf: the same as --lang en --as-of', async () => {
    const file = fixture('survey-2024.csv');
    const report = await evaluate([file], { plan: 'luojiang', lang: 'en', asOf: '2024-06-30', maxFindings: 3 });
    expect(plain(report)).toEqual(await printed(['evaluate', file, '--plan', 'luojiang', '--lang', 'en', '--as-of', '2024-06-30', '--max-findings', '3', '--fail-on', 'none']));
    expect(report.lang).toBe('en');
  }, 60_000);

  it('checkLedger: the object `cscheck ledger --format json` prints', async () => {
    const file = path.join(ROOT, 'fixtures', 'ledger', 'luojiang-2025-faulty.xlsx');
    const result = await checkLedger([file], { plan: 'luojiang', asOf: '2025-06-30', lang: 'en' });
    expect(plain(result)).toEqual(await printed(['ledger', file, '--plan', 'luojiang', '--as-of', '2025-06-30', '--lang', 'en']));
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.matches?.length).toBeGreaterThan(0);
  }, 60_000);

  it('lintPlans: the object `cscheck plans lint --format json` prints', async () => {
    const result = lintPlans(['luojiang']);
    expect(plain(result)).toEqual(await printed(['plans', 'lint', 'luojiang']));
    expect(result.lang).toBe('zh');
  }, 60_000);
});
