// `cscheck compare OLD NEW`: two snapshots of one area — two survey files (each evaluated here,
// with its community list recorded) or two `cscheck batch` report directories (read back from
// summary.json and each file's JSON report) — compared by rules/compare.ts and written in one of
// the compare formats. Exit 0, or 1 with --fail-on newly-missed when an indicator of an area went
// from met to not met; unreadable inputs and usage errors 2.

import { constants as fsConstants } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { lstat, open, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { LIMITS, limitArgs } from '../schema/limits.js';
import type { BatchSummary } from '../schema/batch.js';
import type { Comparison } from '../schema/comparison.js';
import { CscheckError } from '../schema/errors.js';
import type { LoadedPlan } from '../schema/load-plan.js';
import { loadPlan } from '../api/plan.js';
import type { Localized, Severity } from '../schema/finding.js';
import type { Lang } from '../schema/messages.js';
import { localized } from '../schema/messages.js';
import type { Report } from '../schema/results.js';
import type { Snapshot } from '../rules/compare.js';
import { batchSnapshot, checkSamePlan, compareSnapshots, fileSnapshot } from '../rules/compare.js';
import { evaluateReport } from '../api/evaluate.js';
import { COMPARE_FORMATS } from '../report/compare/index.js';
import type { Io } from './io.js';
import { checkOutputPath, formatContext, reportExitCode, writeReport } from './report-options.js';
import { COMPARE_FAIL_ON } from './options.js';

export interface CompareOptions {
  /** Required for survey files; for batch directories a check that they used this plan. */
  plan?: string;
  format: string;
  output?: string;
  lang: Lang;
  sheet?: string;
  encoding?: string;
  /** A choice of COMPARE_FAIL_ON. */
  failOn: string;
  color: boolean;
}

type Kind = 'file' | 'batch';

/** A directory is a batch report directory; anything else is read as a survey file (which says why it cannot be). */
async function kindOf(path: string): Promise<Kind> {
  const st = await stat(path).catch(() => null);
  return st?.isDirectory() ? 'batch' : 'file';
}

/**
 * One survey file through the evaluate pipeline, its community rows noted on the way. One stream,
 * never the parallel CSV split: the community list is in file order and the files are small next
 * to what compare writes.
 */
export function evaluateSnapshot(file: string, loaded: LoadedPlan, opts: Pick<CompareOptions, 'sheet' | 'encoding'> = {}): Promise<Report> {
  // Findings are not compared; the evaluation still counts them all.
  return evaluateReport([file], { plan: loaded, sheet: opts.sheet, encoding: opts.encoding, maxFindings: 1, communities: true });
}

/**
 * A file of a report directory, by a path read from inside it (summary.json's report paths, which
 * anyone can edit): opened only when its real path, links followed, lies inside the directory and it
 * is a regular file within the size limit. Anything else is refused with one line naming the path as
 * written: compare must never read, let alone print, a file the user did not point it at.
 */
async function readReportFile(dir: string, rel: unknown, from: string, key: string): Promise<{ file: string; text: string }> {
  if (typeof rel !== 'string' || rel === '' || rel.includes('\0')) throw new CscheckError('compare.bad-summary', { key }, { file: from });
  const file = join(dir, rel);
  const shown = JSON.stringify(rel);
  const root = await realpath(dir);
  const outside = () => new CscheckError('compare.outside-dir', { path: shown, dir }, { file: from });
  const escapes = (p: string) => {
    const rest = relative(root, p);
    return rest === '' || rest === '..' || rest.startsWith(`..${sep}`) || isAbsolute(rest);
  };
  // Refused as written first, so a path leading out is never even looked up.
  if (isAbsolute(rel) || escapes(resolve(root, rel))) throw outside();
  let real: string;
  try {
    real = await realpath(resolve(root, rel));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new CscheckError('input.not-found', { file }, { file });
    throw new CscheckError('input.read-failed', { detail: (err as Error).message }, { file }, { cause: err });
  }
  // Then as the links inside lead.
  if (escapes(real)) throw outside();
  // Not a FIFO to wait on, nor a link swapped in since realpath: O_NONBLOCK, O_NOFOLLOW.
  let handle: FileHandle;
  try {
    handle = await open(real, fsConstants.O_RDONLY | fsConstants.O_NOFOLLOW | fsConstants.O_NONBLOCK);
  } catch (err) {
    throw new CscheckError('input.read-failed', { detail: (err as Error).message }, { file }, { cause: err });
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new CscheckError('compare.not-a-file', { path: shown }, { file: from });
    if (st.size > LIMITS.reportJsonBytes) throw new CscheckError('input.limit', limitArgs('reportJsonBytes', st.size), { file });
    // No more than stat said: a file that grows meanwhile is read as it was.
    const buf = Buffer.allocUnsafe(st.size);
    let got = 0;
    while (got < st.size) {
      const { bytesRead } = await handle.read(buf, got, st.size - got, got);
      if (!bytesRead) break;
      got += bytesRead;
    }
    return { file, text: buf.toString('utf8', 0, got) };
  } catch (err) {
    if (err instanceof CscheckError) throw err;
    throw new CscheckError('input.read-failed', { detail: (err as Error).message }, { file }, { cause: err });
  } finally {
    await handle.close();
  }
}

async function readJson(dir: string, rel: unknown, from: string, key: string): Promise<{ file: string; json: unknown }> {
  const { file, text } = await readReportFile(dir, rel, from, key);
  try {
    return { file, json: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (err) {
    throw new CscheckError('compare.bad-json', { detail: (err as Error).message }, { file }, { cause: err });
  }
}

const ARRAYS = new Set(['files', 'indicators']);

/** The keys without which a summary or report cannot be compared: said by name, not a TypeError later. */
function need(value: unknown, keys: string[], file: string): void {
  for (const key of keys) {
    const v = key.split('.').reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), value);
    if (v === undefined || v === null || (ARRAYS.has(key) && !Array.isArray(v))) throw new CscheckError('compare.bad-summary', { key }, { file });
  }
}

async function readSummary(dir: string): Promise<BatchSummary> {
  if (!(await lstat(join(dir, 'summary.json')).catch(() => null))) throw new CscheckError('compare.no-summary', {}, { file: dir });
  const { file, json } = await readJson(dir, 'summary.json', dir, 'summary.json');
  const summary = json as BatchSummary;
  need(summary, ['plan.id', 'files', 'indicators'], file);
  return summary;
}

/** The batch with the JSON report of each file that has one (their plan must be the summary's). */
async function batchDir(dir: string, summary: BatchSummary): Promise<Snapshot> {
  const reports = new Map<string, Report>();
  const from = join(dir, 'summary.json');
  for (const [i, f] of summary.files.entries()) {
    if (f?.status !== 'ok' || !f.reports?.json) continue;
    const { file, json } = await readJson(dir, f.reports.json, from, `files[${i}].reports.json`);
    const report = json as Report;
    need(report, ['plan.id', 'indicators', 'summary'], file);
    checkSamePlan(join(dir, 'summary.json'), summary.plan.id, file, report.plan.id);
    reports.set(f.input, report);
  }
  return batchSnapshot(dir, summary, reports);
}

/** Reads both snapshots (files: evaluated one after the other) and compares them. */
export async function compareInputs(oldPath: string, newPath: string, opts: CompareOptions): Promise<Comparison> {
  const [oldKind, newKind] = [await kindOf(oldPath), await kindOf(newPath)];
  if (oldKind !== newKind) throw new CscheckError('compare.mixed-inputs', { old: oldPath, oldKind: kindWord(oldKind), new: newPath, newKind: kindWord(newKind) });
  if (oldKind === 'batch') {
    const [older, newer] = [await readSummary(oldPath), await readSummary(newPath)];
    if (opts.plan !== undefined) {
      const id = loadPlan(opts.plan).plan.id;
      checkSamePlan(oldPath, older.plan.id, '--plan', id);
      checkSamePlan(newPath, newer.plan.id, '--plan', id);
    }
    checkSamePlan(oldPath, older.plan.id, newPath, newer.plan.id);
    return compareSnapshots(await batchDir(oldPath, older), await batchDir(newPath, newer));
  }
  if (!opts.plan) throw new CscheckError('compare.needs-plan');
  const loaded = loadPlan(opts.plan);
  const older = fileSnapshot(oldPath, await evaluateSnapshot(oldPath, loaded, opts));
  const newer = fileSnapshot(newPath, await evaluateSnapshot(newPath, loaded, opts));
  return compareSnapshots(older, newer);
}

/** “a survey file” in both languages, for the message the CLI renders in the user's. */
const kindWord = (k: Kind): Localized => localized(`compare.kind.${k}`);

/** Compare's findings by severity (see COMPARE_FAIL_ON), over the area-level indicators of every area. */
export function compareCounts(cmp: Comparison): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const ind of cmp.areas.flatMap((a) => a.indicators)) {
    if (ind.transition === 'newly-missed') counts[ind.binding ? 'error' : 'warning']++;
    else if (ind.transition === 'data-lost') counts.info++;
  }
  return counts;
}

/** 1 when a finding of compare is at or above --fail-on. */
export function compareExitCode(cmp: Comparison, opts: Pick<CompareOptions, 'failOn'>): number {
  return reportExitCode(compareCounts(cmp), { failOn: opts.failOn }, COMPARE_FAIL_ON);
}

export async function compareCommand(oldPath: string, newPath: string, opts: CompareOptions, io: Io): Promise<number> {
  checkOutputPath(opts.output, [oldPath, newPath]);
  const cmp = await compareInputs(oldPath, newPath, opts);
  await writeReport(COMPARE_FORMATS[opts.format](cmp, formatContext(opts, io)), opts, io);
  return compareExitCode(cmp, opts);
}
