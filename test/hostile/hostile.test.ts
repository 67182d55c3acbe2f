// The hostile-input suite: every case writes its input into a folder of its own, runs bin/cscheck
// as a child process under a 1.5 GB memory cap and a 60 s kill, and holds it to the contract for
// bad input: the expected exit code, ONE `cscheck:` line naming the file for an error, no stack
// trace or V8/allocator abort, nothing left behind, every file that was there unchanged, and an end
// well within the time cap. The table of cases is in ./cases; adding one is adding an object.
//
// Runs from dist/ (npm test builds first). Two cases at a time: the machine has two cores.

import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Case } from './cases/common.js';
import { cliCases } from './cases/cli.js';
import { csvCases } from './cases/csv.js';
import { planCases } from './cases/plan.js';
import { xlsxCases } from './cases/xlsx.js';
import type { Outcome } from './runner.js';
import { CRASH, HARD_KILL_MS, MEMORY_CAP, hashTree, leftovers, limiter, runCscheck, textLines } from './runner.js';

export const CASES: Case[] = [...xlsxCases, ...csvCases, ...planCases, ...cliCases];

const DEFAULT_MS = 30_000;
// A case may wait for two others ahead of it (the limiter), each at most the hard kill.
const TEST_TIMEOUT = 3 * HARD_KILL_MS + 30_000;

const root = mkdtempSync(path.join(tmpdir(), 'cscheck-hostile-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const slot = limiter(2);

function describeOutcome(o: Outcome): string {
  const first = textLines(o.stderr)[0] ?? '';
  return `exit ${o.code ?? `signal ${o.signal}`}${o.timedOut ? ' (killed at the time cap)' : ''}, ${(o.ms / 1000).toFixed(1)} s (CPU ${(o.cpuMs / 1000).toFixed(1)} s), peak ${Math.round(o.peakKb / 1024)} MB, stderr: ${JSON.stringify(first.slice(0, 300))}${textLines(o.stderr).length > 1 ? ` (+${textLines(o.stderr).length - 1} lines)` : ''}`;
}

async function runCase(c: Case, index: number): Promise<void> {
  const dir = path.join(root, `case-${String(index).padStart(3, '0')}`);
  mkdirSync(dir);
  const setup = await c.make(dir);
  const before = hashTree(dir);
  const o = await slot(() => runCscheck(dir, setup));
  const summary = describeOutcome(o);
  // CSCHECK_HOSTILE_LOG=FILE: one line per case, for comparing branches.
  if (process.env.CSCHECK_HOSTILE_LOG) appendFileSync(process.env.CSCHECK_HOSTILE_LOG, `${c.name}\t${summary}\n`);
  const codes = Array.isArray(c.expect.code) ? c.expect.code : [c.expect.code];

  expect(o.timedOut, `hit the ${HARD_KILL_MS / 1000} s time cap: ${summary}`).toBe(false);
  expect(codes, `exit code: ${summary}`).toContain(o.code);
  // CPU time, not wall time: the budget holds on a machine other jobs load too.
  expect(o.cpuMs, `too slow: ${summary}`).toBeLessThan(c.expect.ms ?? DEFAULT_MS);
  expect(o.peakKb * 1024, `memory: ${summary}`).toBeLessThan(MEMORY_CAP);
  expect(o.stderr, `crash text on stderr: ${summary}`).not.toMatch(CRASH);
  expect(o.stdout, `crash text on stdout: ${summary}`).not.toMatch(/^\s+at .*\(.*:\d+:\d+\)$|Maximum call stack|FATAL ERROR|std::bad_alloc/m);

  const err = textLines(o.stderr);
  if (o.code === 2 && !c.expect.stderrFree) {
    expect(err, `not one line: ${summary}`).toHaveLength(1);
    expect(err[0], summary).toMatch(/^cscheck: /);
    const names = setup.names ?? [setup.args.find((a) => a.startsWith(dir)) ?? ''];
    for (const n of names) expect(err[0], `the line does not name ${n}: ${summary}`).toContain(n);
  } else if (!c.expect.stderrFree) {
    expect(o.stderr, `stderr on exit ${o.code}: ${summary}`).toBe('');
  }
  if (c.expect.stderr && o.code === 2) expect(o.stderr, summary).toMatch(c.expect.stderr);
  if (c.expect.notStderr) expect(o.stderr, summary).not.toMatch(c.expect.notStderr);
  if (c.expect.stdout) expect(o.stdout).toMatch(c.expect.stdout);
  if (c.expect.notStdout) expect(o.stdout.slice(0, 1 << 20), summary).not.toMatch(c.expect.notStdout);

  expect(leftovers(dir, o.pid), `left behind: ${summary}`).toEqual([]);
  const after = hashTree(dir);
  for (const [file, hash] of before) expect(after.get(file), `${file} changed or vanished: ${summary}`).toBe(hash);

  await c.check?.(o, dir);
}

describe.concurrent('hostile inputs: bounded time and memory, one clear line', () => {
  it('has at least 100 cases, each named once', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(100);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });
  CASES.forEach((c, i) => {
    it(c.name, () => runCase(c, i), TEST_TIMEOUT);
  });
});
