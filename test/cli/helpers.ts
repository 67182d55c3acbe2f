// Shared by the CLI tests: run `main` in-process with a capturing Io, and make throw-away files.

import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import { keepTmpDir } from '../support/tmp-dirs.js';

/** The repository root (where package.json, bin/, fixtures/ and plans/ are). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Absolute path of a file under fixtures/luojiang/. */
export const fixture = (name: string): string => path.join(ROOT, 'fixtures', 'luojiang', name);

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `cscheck <args>` in this process: isTTY false, empty environment. */
export async function run(args: string[]): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    isTTY: false,
    env: {},
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** `run` with `--format json`, parsing stdout. */
export async function runJson(args: string[]): Promise<RunResult & { report: any }> {
  const r = await run([...args, '--format', 'json']);
  let report: any;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    throw new Error(`stdout is not JSON (exit ${r.code}):\nstdout: ${r.stdout.slice(0, 500)}\nstderr: ${r.stderr}`);
  }
  return { ...r, report };
}

/** A fresh temporary directory, removed after the test file's tests have run. */
export function tmpDir(prefix = 'cscheck-cli-'): string {
  return keepTmpDir(mkdtempSync(path.join(tmpdir(), prefix)));
}

/** Writes `content` (a string is written as UTF-8) to dir/name and returns the path. */
export function writeFile(dir: string, name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

/** CSV text from rows of cells (cells are written as they are: no quoting). */
export const csv = (rows: (string | number)[][]): string => `${rows.map((r) => r.join(',')).join('\n')}\n`;

export const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Lines of stderr, without the trailing empty one. */
export const lines = (text: string): string[] => text.split('\n').filter((l, i, a) => !(l === '' && i === a.length - 1));
