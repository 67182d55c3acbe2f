// Inputs that used to exhaust the call stack, run through bin/cscheck as a child process (the
// stack a user has, not a test worker's): a 100,000-row ledger, a unit cell of 200,000 units,
// expressions 2,000 parentheses deep or 4,000 operands long, and plan files too big, too deep or
// full of aliases. Each ends with its result or one line naming the place, never V8's message.

import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/schema/load-plan.js';
import { LIMIT_SPECS } from '../../src/schema/limits.js';
import { fixture, lines, ROOT, tmpDir, writeFile } from '../cli/helpers.js';
import { ONE_INDICATOR_PLAN_HEAD } from '../support/one-indicator-plan.js';

const BIN = path.join(ROOT, 'bin', 'cscheck');
const exec = promisify(execFile);
const dir = tmpDir('cscheck-stack-');

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** bin/cscheck in a child process; `env` adds to a copy of this process's environment. */
async function cli(args: string[], env: Record<string, string> = {}): Promise<Result> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CSCHECK_')));
  try {
    const r = await exec(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...clean, ...env }, maxBuffer: 1 << 30 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    if (typeof e.code !== 'number') throw err;
    return { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** Exit 2, one `cscheck: ` line naming `place`, nothing on stdout, no trace of the stack. */
function oneLine(r: Result, place: string): string {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  const err = lines(r.stderr);
  expect(err, r.stderr).toHaveLength(1);
  expect(err[0]).toMatch(/^cscheck: /);
  expect(err[0]).toContain(place);
  expect(err[0]).not.toMatch(/call stack|RangeError/i);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  return err[0];
}

const LEDGER_HEAD = '序号,工作任务,具体项目,主要内容,责任单位,完成时限';

describe('a ledger of 100,000 rows', () => {
  it('is read and checked against the plan: every row either a task or reported', async () => {
    const rows = 100_000;
    const body: string[] = [LEDGER_HEAD];
    let unreadable = 0;
    for (let i = 1; i <= rows; i++) {
      // Every 1,000th deadline is a word no reader knows.
      const deadline = i % 1000 === 0 ? '明年' : '2025';
      if (i % 1000 === 0) unreadable++;
      // One character of content: close to no plan sentence, and cheap to compare with each
      // (matching rows to tasks compares every row with every sentence of the plan).
      body.push(`${i},一、完善服务,（一）项目,项,区民政局,${deadline}`);
    }
    const file = writeFile(dir, 'ledger-100k.csv', `${body.join('\n')}\n`);
    const r = await cli(['ledger', file, '--plan', 'luojiang', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: { code: string; location: { row?: number; cell?: string } }[] };
    const count = (code: string) => report.findings.filter((f) => f.code === code).length;
    expect(unreadable).toBe(100);
    expect(count('cell-type')).toBe(unreadable);
    // The first unreadable deadline: data row 1000 is line 1001 (the header is line 1), column F.
    expect(report.findings.find((f) => f.code === 'cell-type')?.location).toMatchObject({ row: 1001, cell: 'F1001' });
    // No row's content is a plan task: every plan task is missing and every row is unplanned.
    expect(count('ledger-task-missing')).toBe(loadPlan('luojiang').plan.tasks!.length);
    expect(count('ledger-row-unplanned')).toBe(rows);
  }, 240_000);
});

describe('a unit cell', () => {
  const unitCell = (n: number) => `${LEDGER_HEAD}\n1,一、完善服务,（一）项目,内容,"${Array(n).fill('甲').join('、')}",2025\n`;

  it('of 200,000 units is refused at its cell, naming the limit and how to raise it', async () => {
    const file = writeFile(dir, 'units-200k.csv', unitCell(200_000));
    const line = oneLine(await cli(['ledger', file, '--plan', 'luojiang', '--format', 'json']), `${file} E2`);
    expect(line).toContain('200,000');
    expect(line).toContain('CSCHECK_MAX_UNITS_PER_CELL');
  }, 60_000);

  it(`of exactly ${LIMIT_SPECS.unitsPerCell.value} units is read; one more is refused, unless the limit is raised`, async () => {
    const n = LIMIT_SPECS.unitsPerCell.value;
    const ok = await cli(['ledger', writeFile(dir, 'units-max.csv', unitCell(n)), '--format', 'json']);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBeLessThan(2);
    const over = writeFile(dir, 'units-over.csv', unitCell(n + 1));
    oneLine(await cli(['ledger', over, '--format', 'json']), `${over} E2`);
    const raised = await cli(['ledger', over, '--format', 'json'], { CSCHECK_MAX_UNITS_PER_CELL: String(n + 1) });
    expect(raised.code).toBeLessThan(2);
  }, 60_000);
});

// A plan of one coverage indicator whose condition is written on its own line, so the test knows
// where it is: line CONDITION_LINE, the value at column CONDITION_COL.
const PLAN_HEAD = [...ONE_INDICATOR_PLAN_HEAD, '    measure:', '      kind: coverage'];
const CONDITION_PREFIX = '      condition: ';
const CONDITION_LINE = PLAN_HEAD.length + 1;
const CONDITION_COL = CONDITION_PREFIX.length + 1;
const planWith = (name: string, condition: string) => writeFile(dir, name, `${[...PLAN_HEAD, `${CONDITION_PREFIX}"${condition}"`].join('\n')}\n`);
const survey = fixture('survey-2024.csv');

interface LintReport {
  findings: { code: string; messageId: string; location: { file?: string; line?: number; col?: number }; args: Record<string, unknown> }[];
}

async function lint(plan: string, env: Record<string, string> = {}): Promise<{ r: Result; report: LintReport }> {
  const r = await cli(['plans', 'lint', plan, '--format', 'json', '--lang', 'en'], env);
  return { r, report: JSON.parse(r.stdout) as LintReport };
}

describe('expressions past their bounds', () => {
  const F = 'has_service_facility';

  it('2,000 nested parentheses: plans lint reports plan.too-deep at the expression; evaluate stops with one line', async () => {
    const plan = planWith('deep.yaml', `${'('.repeat(2000)}${F}${')'.repeat(2000)}`);
    const { r, report } = await lint(plan);
    expect(r.code).toBe(1);
    expect(report.findings).toHaveLength(1);
    const depth = LIMIT_SPECS.expressionDepth.value;
    // The parenthesis that goes one level too deep is character depth + 1.
    expect(report.findings[0]).toMatchObject({ code: 'bad-expression', messageId: 'plan.too-deep', location: { file: plan, line: CONDITION_LINE, col: CONDITION_COL }, args: { max: depth, at: depth + 1 } });
    const line = oneLine(await cli(['evaluate', survey, '--plan', plan, '--lang', 'en']), plan);
    expect(line).toMatch(new RegExp(`deep\\.yaml:\\d+:\\d+: the expression nests deeper than ${depth} levels \\(at ${depth + 1}\\)`));
  }, 60_000);

  it('nesting of exactly the limit is accepted', async () => {
    const depth = LIMIT_SPECS.expressionDepth.value;
    const { r, report } = await lint(planWith('deep-ok.yaml', `${'('.repeat(depth)}${F}${')'.repeat(depth)}`));
    expect(r.code).toBe(0);
    expect(report.findings).toEqual([]);
  }, 30_000);

  it('4,000 chained `and` are refused for their length, and with the limit raised evaluate to the single condition', async () => {
    const chain = Array(4000).fill(F).join(' and ');
    const plan = planWith('chain.yaml', chain);
    const { r, report } = await lint(plan);
    expect(r.code).toBe(1);
    expect(report.findings).toMatchObject([{ code: 'bad-expression', messageId: 'input.limit', location: { line: CONDITION_LINE, col: CONDITION_COL } }]);
    const line = oneLine(await cli(['evaluate', survey, '--plan', plan, '--lang', 'en']), plan);
    expect(line).toContain('CSCHECK_MAX_EXPRESSION_CHARS');
    expect(line).toContain(chain.length.toLocaleString('en-US'));

    // x and x and … and x is x: the same coverage as the plan with the bare condition.
    const env = { CSCHECK_MAX_EXPRESSION_CHARS: String(chain.length) };
    expect((await lint(plan, env)).report.findings).toEqual([]);
    const long = await cli(['evaluate', survey, '--plan', plan, '--format', 'json'], env);
    const short = await cli(['evaluate', survey, '--plan', planWith('single.yaml', F), '--format', 'json']);
    expect(long.stderr).toBe('');
    const indicator = (out: string) => (JSON.parse(out) as { indicators: { value: number | null; numerator: number; denominator: number }[] }).indicators[0];
    expect(indicator(long.stdout).denominator).toBeGreaterThan(0);
    expect(indicator(long.stdout)).toMatchObject({ value: indicator(short.stdout).value, numerator: indicator(short.stdout).numerator, denominator: indicator(short.stdout).denominator });
  }, 90_000);

  it('with the depth limit raised past what the stack holds, the overflow is still one line', async () => {
    const plan = planWith('deeper.yaml', `${'('.repeat(2000)}${F}${')'.repeat(2000)}`);
    const line = oneLine(await cli(['evaluate', survey, '--plan', plan, '--lang', 'en'], { CSCHECK_MAX_EXPRESSION_DEPTH: '100000' }), plan);
    expect(line).toContain('CSCHECK_MAX_EXPRESSION_DEPTH');
  }, 30_000);

  // The other names of Object.prototype: test/rules/expression.test.ts.
  it('toString is an unknown field, not Object.prototype.toString', async () => {
    for (const name of ['toString']) {
      const plan = planWith(`proto-${name}.yaml`, `${name} and ${F}`);
      const { report } = await lint(plan);
      expect(report.findings).toMatchObject([{ code: 'unknown-field', messageId: 'plan.unknown-field', args: { name } }]);
      const line = oneLine(await cli(['evaluate', survey, '--plan', plan, '--lang', 'en']), plan);
      expect(line).toContain(`“${name}” in “${name} and ${F}” is not a data field`);
      expect(line).not.toContain('native code');
    }
  }, 90_000);
});

describe('plan files past their bounds', () => {
  it(`larger than ${LIMIT_SPECS.planBytes.value} bytes: refused without reading it whole`, async () => {
    const plan = writeFile(dir, 'huge.yaml', `# ${'x'.repeat(LIMIT_SPECS.planBytes.value)}\n`);
    const line = oneLine(await cli(['evaluate', survey, '--plan', plan]), plan);
    expect(line).toContain('CSCHECK_MAX_PLAN_BYTES');
  }, 30_000);

  it('10,000 levels of [ and of {: one line at the place, for evaluate and plans lint', async () => {
    for (const [name, text] of [
      ['nested-seq.yaml', `a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`],
      ['nested-map.yaml', `a: ${'{b: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`],
    ]) {
      const plan = writeFile(dir, name, text);
      const line = oneLine(await cli(['evaluate', survey, '--plan', plan]), `${plan}:1:`);
      expect(line).toContain('CSCHECK_MAX_PLAN_DEPTH');
      const { r, report } = await lint(plan);
      expect(r.code).toBe(1);
      expect(report.findings).toMatchObject([{ code: 'plan-schema', messageId: 'input.limit', location: { file: plan, line: 1 } }]);
    }
  }, 60_000);

  it('a tree one level deeper than the limit (it parses) is refused at its node', async () => {
    const depth = LIMIT_SPECS.planDepth.value;
    // The document's map is level 1, so `depth` brackets make depth + 1 levels; the innermost
    // bracket is character 3 + depth of line 2.
    const plan = writeFile(dir, 'deep-tree.yaml', `id: x\na: ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
    oneLine(await cli(['evaluate', survey, '--plan', plan]), `${plan}:2:${3 + depth}:`);
    // Document map, indicators, the indicator: the brackets of its note start at level 4.
    const ok = writeFile(dir, 'deep-tree-ok.yaml', `${PLAN_HEAD.join('\n')}\n      condition: has_service_facility\n    note: ${'['.repeat(depth - 3)}${']'.repeat(depth - 3)}\n`);
    // At the limit the depth check passes and the schema speaks (a note is no list).
    const line = oneLine(await cli(['evaluate', survey, '--plan', ok, '--lang', 'en']), ok);
    expect(line).not.toContain('CSCHECK_MAX_PLAN_DEPTH');
  }, 30_000);

  it('an alias bomb is refused at once', async () => {
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x]'];
    const names = 'abcdefghij';
    for (let i = 1; i < names.length; i++) bomb.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(',')}]`);
    const plan = writeFile(dir, 'bomb.yaml', `${bomb.join('\n')}\n`);
    oneLine(await cli(['evaluate', survey, '--plan', plan]), plan);
  }, 30_000);
});

describe('names of Object.prototype in data files', () => {
  const PROTO = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

  it('are unknown columns in a header and unreadable values in cells', async () => {
    const file = writeFile(
      dir,
      'proto.csv',
      [
        ['村（社区）名称', '城乡类型', '乡镇（街道）', ...PROTO, '是否建有综合服务设施'],
        ['塘西社区', '城市', '万安街道', 1, 2, 3, 4, 5, '是'],
        ['下洋村', 'constructor', '万安街道', 1, 2, 3, 4, 5, 'toString'],
        ['后埭社区', '__proto__', '万安街道', 1, 2, 3, 4, 5, '是'],
      ]
        .map((r) => r.join(','))
        .join('\n'),
    );
    const r = await cli(['evaluate', file, '--plan', 'quanzhou', '--format', 'json']);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as { inputs: { columns: string[] }[]; findings: { code: string; location: { cell?: string }; args: { value?: string } }[] };
    expect(report.inputs[0].columns).toEqual(['community', 'kind', 'township', 'has_service_facility']);
    const bad = report.findings.filter((f) => f.code === 'cell-type').map((f) => [f.location.cell, f.args.value]);
    // 城乡类型 is column B, 是否建有综合服务设施 column I (3 + 5 + 1); data rows are lines 2–4.
    expect(bad).toEqual([
      ['B3', 'constructor'],
      ['I3', 'toString'],
      ['B4', '__proto__'],
    ]);
  }, 30_000);

  it('are no status in a ledger', async () => {
    const file = writeFile(dir, 'proto-ledger.csv', `${LEDGER_HEAD},完成状态\n1,一、完善服务,（一）项目,内容,区民政局,2025,constructor\n2,一、完善服务,（一）项目,内容二,区民政局,2025,toString\n`);
    const r = await cli(['ledger', file, '--format', 'json']);
    const report = JSON.parse(r.stdout) as { findings: { code: string; location: { cell?: string } }[] };
    expect(report.findings.filter((f) => f.code === 'cell-type').map((f) => f.location.cell)).toEqual(['G2', 'G3']);
  }, 30_000);
});
