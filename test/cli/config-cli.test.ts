// The configuration file end to end: bin/cscheck spawned in a temporary folder holding one.
// Expected exit codes and lines come from the fixtures: survey-2024.csv against luojiang has
// data errors (exit 1 at the default --fail-on), and lint of every bundled plan has errors too.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, fixture } from './helpers.js';

const BIN = join(ROOT, 'bin', 'cscheck');
const base = mkdtempSync(join(tmpdir(), 'cscheck-config-cli-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

let n = 0;
/** A fresh folder with these files. */
function folder(files: Record<string, string>): string {
  const dir = join(base, String(n++));
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function cscheck(cwd: string, args: string[]): { code: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    return { code: 0, stdout, stderr: '' };
  } catch (err) {
    const e = err as { status: number; stdout: string; stderr: string };
    return { code: e.status, stdout: e.stdout, stderr: e.stderr };
  }
}

const survey = fixture('survey-2024.csv');

describe('configuration file', () => {
  it('supplies a required --plan and other defaults (cscheck.config.yaml)', () => {
    const dir = folder({ 'cscheck.config.yaml': 'plan: luojiang\nlang: en\nevaluate:\n  format: json\n  fail-on: none\n' });
    const r = cscheck(dir, ['evaluate', survey]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { plan: { id: string } };
    expect(report.plan.id).toBe('luojiang');
  });

  it('without it, --plan is still required', () => {
    const dir = folder({});
    const r = cscheck(dir, ['evaluate', survey]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--plan/);
  });

  it('is read from package.json "cscheck", and the command line beats it', () => {
    const dir = folder({ 'package.json': JSON.stringify({ name: 'x', cscheck: { plan: 'luojiang', 'fail-on': 'none' } }) });
    expect(cscheck(dir, ['evaluate', survey]).code).toBe(0);
    expect(cscheck(dir, ['evaluate', survey, '--fail-on', 'error']).code).toBe(1);
  });

  it('--no-config ignores it, --config FILE names another', () => {
    const dir = folder({ 'cscheck.config.yaml': 'plan: luojiang\nfail-on: none\n', 'strict.yaml': 'plan: luojiang\nfail-on: error\n' });
    expect(cscheck(dir, ['evaluate', survey]).code).toBe(0);
    expect(cscheck(dir, ['evaluate', survey, '--config', 'strict.yaml']).code).toBe(1);
    expect(cscheck(dir, ['--config', 'strict.yaml', 'evaluate', survey]).code).toBe(1);
    const none = cscheck(dir, ['evaluate', survey, '--no-config']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--plan/);
  });

  it('a value the command cannot take, in its own section, is an error at file:line:col', () => {
    // line 3, column 11: the value after "  format: ".
    const dir = folder({ 'cscheck.config.yaml': 'lang: en\nevaluate:\n  format: sarf\n' });
    const r = cscheck(dir, ['evaluate', survey, '--plan', 'luojiang']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`cscheck: ${join(dir, 'cscheck.config.yaml')}:3:11: --format “sarf” is not valid (choose from: table, json, junit, sarif, github, markdown, codeclimate, html)\n`);
  });

  it('values are read as on the command line: an impossible date is refused where it is written', () => {
    const dir = folder({ 'cscheck.config.yaml': 'lang: en\nplan: luojiang\nevaluate:\n  as-of: 2025-02-30\n' });
    const r = cscheck(dir, ['evaluate', survey]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^cscheck: ${join(dir, 'cscheck.config.yaml')}:4:10: .*2025-02-30`));
  });

  it('a top-level value a command does not take is skipped for it; in the command’s section it is an error', () => {
    // plans lint has no --plan: skipped at the top level (line 3, column 9 is the value after "  plan: ").
    const top = folder({ 'cscheck.config.yaml': 'format: sarif\nplan: luojiang\nfail-on: none\n' });
    const lint = cscheck(top, ['plans', 'lint', 'luojiang']);
    expect(lint.code).toBe(0);
    expect(lint.stdout).toMatch(/"version": "2.1.0"/);
    const own = folder({ 'cscheck.config.yaml': 'lang: en\nlint:\n  plan: luojiang\n' });
    const r = cscheck(own, ['plans', 'lint', 'luojiang']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`cscheck: ${join(own, 'cscheck.config.yaml')}:3:9: plans lint has no option --plan\n`);
  });

  it('plans lint reads the section lint', () => {
    const dir = folder({ 'cscheck.config.yaml': 'lint:\n  fail-on: none\n' });
    expect(cscheck(dir, ['plans', 'lint']).code).toBe(0);
    expect(cscheck(dir, ['plans', 'lint', '--fail-on', 'error']).code).toBe(1);
  });
});
