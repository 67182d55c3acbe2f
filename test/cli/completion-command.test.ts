// `cscheck completion` through the real program: the bash script it prints, run in bash.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { run } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'cscheck-completion-cmd-'));
const script = join(dir, 'cscheck.bash');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
  const r = await run(['completion', 'bash', '--no-config']);
  expect(r.code).toBe(0);
  writeFileSync(script, r.stdout);
});

function bash(line: string[]): string[] {
  const setup = `source ${script}; COMP_WORDS=(${line.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${line.length - 1}; _cscheck; printf '%s\\n' "\${COMPREPLY[@]}"`;
  return execFileSync('bash', ['-c', setup], { cwd: dir, encoding: 'utf8' }).split('\n').filter(Boolean).sort();
}

it('completes bundled plan ids, indicator ids of every bundled plan, and subcommands', () => {
  expect(bash(['cscheck', 'evaluate', '--plan', 'q'])).toEqual(['quanzhou']);
  // activity_area_share is in plans/luojiang.yaml; parent_school_coverage_rural in xianyou's and fujian's.
  const indicators = bash(['cscheck', 'explain', '']);
  expect(indicators).toContain('activity_area_share');
  expect(indicators).toContain('parent_school_coverage_rural');
  expect(bash(['cscheck', 'explain', 'parent_school_coverage_'])).toEqual(['parent_school_coverage_rural', 'parent_school_coverage_urban']);
  expect(bash(['cscheck', 'plans', 'l'])).toEqual(['lint', 'list']);
  expect(bash(['cscheck', 'comp'])).toEqual(['compare', 'completion']);
});

it('zsh and fish scripts too; another shell is a usage error', async () => {
  expect((await run(['completion', 'zsh', '--no-config'])).stdout).toMatch(/^#compdef cscheck/m);
  expect((await run(['completion', 'fish', '--no-config'])).stdout).toMatch(/complete -c cscheck/);
  expect((await run(['completion', 'tcsh', '--no-config'])).code).toBe(2);
});
