// Issue 17.11: the GitHub Action, the pre-commit hooks and the GitLab CI template are valid YAML and
// run cscheck only with commands, options and formats the CLI has (read from its --help).

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './support.js';

const help = (...cmd: string[]): string => {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/cscheck'), ...cmd, '--help'], { encoding: 'utf8' });
  expect(r.status, `cscheck ${cmd.join(' ')} --help`).toBe(0);
  return r.stdout;
};
const load = (file: string): any => parse(readFileSync(path.join(ROOT, file), 'utf8'));
/** The long options a script passes (--format, -o counted as --output). */
const optionsIn = (script: string): string[] => [...new Set([...(script.match(/(?<![\w-])--[a-z][a-z-]*/g) ?? []), ...(/(?<![\w-])-o /.test(script) ? ['--output'] : [])])];
const formatsIn = (script: string): string[] => [...script.matchAll(/--format (\w+)/g)].map((m) => m[1]);

let helps: Record<string, string>;
beforeAll(() => {
  helps = { evaluate: help('evaluate'), ledger: help('ledger'), 'plans lint': help('plans', 'lint') };
});

function expectKnown(command: string, script: string) {
  const h = helps[command];
  for (const o of optionsIn(script)) expect(h, `${command} ${o}`).toContain(o);
  // The help lists the choices after 可选：/choices:, comma-separated (words, wrapped).
  for (const f of formatsIn(script)) expect(h, `${command} --format ${f}`).toMatch(new RegExp(`[\\s,：:(]${f}[,，；;)\\s]`));
}

describe('action.yml', () => {
  const action = load('action.yml');

  it('is a composite action with the inputs and output the README names', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['files', 'plan', 'command', 'fail-on', 'args']));
    expect(action.inputs.files.required).toBe(true);
    expect(action.inputs.command.default).toBe('evaluate');
    expect(action.outputs['exit-code'].value).toBe('${{ steps.check.outputs.exit-code }}');
  });

  it('writes SARIF with options both commands have, and uploads it', () => {
    const check = action.runs.steps.find((s: any) => s.id === 'check');
    expect(check.run).toContain('--format sarif -o cscheck.sarif');
    // Only evaluate and ledger get through; both know every option the step passes.
    expect(check.run).toMatch(/evaluate\|ledger\)/);
    for (const command of ['evaluate', 'ledger']) expectKnown(command, check.run);
    const upload = action.runs.steps.find((s: any) => String(s.uses).startsWith('github/codeql-action/upload-sarif@'));
    expect(upload.with.sarif_file).toBe('cscheck.sarif');
    // Inputs reach the scripts through env, never spliced into the script text.
    for (const s of action.runs.steps) if (s.run) expect(s.run).not.toMatch(/\$\{\{\s*inputs\./);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks: any[] = load('.pre-commit-hooks.yaml');

  it('a ledger hook and a plans-lint hook, on node, each on the files it should see', () => {
    expect(hooks.map((h) => h.id)).toEqual(['cscheck-ledger', 'cscheck-plans-lint']);
    for (const h of hooks) expect(h.language).toBe('node');
    const [ledger, lint] = hooks.map((h) => new RegExp(h.files));
    expect(ledger.test('fixtures/ledger/luojiang-2025-faulty.xlsx')).toBe(true);
    expect(ledger.test('docs/洛江区任务清单及工作台账.xlsx')).toBe(true);
    expect(ledger.test('fixtures/luojiang/survey-2024.xlsx')).toBe(false);
    expect(lint.test('plans/quanzhou.yaml')).toBe(true);
    expect(lint.test('plans/sources/README.md')).toBe(false);
  });

  it('runs commands and options the CLI has', () => {
    for (const h of hooks) {
      const command = String(h.entry).replace(/^cscheck /, '');
      expect(Object.keys(helps)).toContain(command);
      expectKnown(command, (h.args ?? []).join(' '));
    }
  });
});

describe('ci/gitlab/cscheck.gitlab-ci.yml', () => {
  const gitlab = load('ci/gitlab/cscheck.gitlab-ci.yml');

  it('reports Code Quality from codeclimate and tests from JUnit, with options both commands have', () => {
    const job = gitlab.cscheck;
    const runs = (job.script as string[]).filter((l) => l.startsWith('npx cscheck'));
    expect(runs.length).toBeGreaterThan(0);
    for (const command of ['evaluate', 'ledger']) for (const l of runs) expectKnown(command, l);
    expect(runs.join('\n')).toContain('--format codeclimate -o gl-code-quality-report.json');
    expect(runs.join('\n')).toContain('--format junit -o cscheck-junit.xml');
    expect(job.artifacts.reports).toEqual({ codequality: 'gl-code-quality-report.json', junit: 'cscheck-junit.xml' });
    expect(job.artifacts.when).toBe('always');
  });
});
