// What a hostile-input case is, and the small makers most cases share: a valid survey, a plan
// file to damage, files written into the case's own folder.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Outcome, Setup } from '../runner.js';
import { ONE_INDICATOR_PLAN_HEAD } from '../../support/one-indicator-plan.js';

export interface Expect {
  /** The exit codes that are right for this case (a signal case: 128 + its number). */
  code: number | number[];
  /** On exit 2, the error line must match. */
  stderr?: RegExp;
  /** Something stderr must not contain. */
  notStderr?: RegExp;
  /** stdout must match / must not match. */
  stdout?: RegExp;
  notStdout?: RegExp;
  /** The run must take at most this many ms of CPU time (default 30 s; the hard kill is at 60 s of wall time). */
  ms?: number;
  /** stderr may hold more than the one error line (batch progress, signals). */
  stderrFree?: boolean;
}

export interface Case {
  name: string;
  /** Writes the hostile input into `dir` (the case's own, empty folder) and returns the command. */
  make(dir: string): Setup | Promise<Setup>;
  expect: Expect;
  /** Further assertions after the common ones (throws on failure). */
  check?(o: Outcome, dir: string): void | Promise<void>;
}

/** Writes `content` to dir/name, returning the path. */
export function put(dir: string, name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

export const HEAD = ['村（社区）名称', '城乡类型', '乡镇（街道）', '户数', '是否建有综合服务设施'];
export const ROWS: (string | number)[][] = [
  ['塘西社区', '城市', '万安街道', 3200, '是'],
  ['后埭社区', '城市', '万安街道', 2000, '是'],
  ['下洋村', '农村', '万安街道', 600, '是'],
];

/** A CSV field quoted where it has to be. */
export const field = (v: string | number): string => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
export const csv = (rows: (string | number)[][]): string => rows.map((r) => r.map(field).join(',')).join('\n') + '\n';

/** A valid three-community survey, as CSV text. */
export const SURVEY = csv([HEAD, ...ROWS]);

/** `cscheck evaluate FILE --plan quanzhou …`. */
export const evaluate = (file: string, ...more: string[]): string[] => ['evaluate', file, '--plan', 'quanzhou', ...more];

/** A plan of one indicator whose `condition` expression is given, as YAML text. */
export function planYaml(condition: string): string {
  return [...ONE_INDICATOR_PLAN_HEAD, `    measure: {kind: coverage, condition: ${JSON.stringify(condition)}}`, ''].join('\n');
}

/** Deterministic pseudo-random bytes (xorshift), so a failing case can be reproduced. */
export function noise(n: number, seed = 1): Buffer {
  const b = Buffer.alloc(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = x & 0xff;
  }
  return b;
}

export const LIMIT = /CSCHECK_MAX_[A-Z_]+/;
