// One file of `cscheck batch`, done where it is evaluated (a worker thread): the evaluation, its
// JSON report and HTML page written to the report directory (so the threads share the rendering
// and the writing), the annotated workbook written with --annotate (it needs the rows as they are
// read), and the digest the summary needs — all the main thread gets back.

import { performance } from 'node:perf_hooks';
import type { BatchIndicatorValue } from '../schema/batch.js';
import type { PlanSnapshot } from '../schema/plan-snapshot.js';
import type { Lang } from '../schema/messages.js';
import type { Report } from '../schema/results.js';
import type { CompiledPlan } from '../rules/compile-plan.js';
import { evaluateCompiled } from '../api/evaluate.js';
import { jsonParts } from '../report/formats/json.js';
import { reportPageLines } from '../report/formats/html.js';
import { writeJoinedSync } from '../output/write-output.js';
import type { FileFailure } from './wire.js';
import { fileFailure } from './wire.js';

/** What every worker is started with. */
export interface BatchWorkerSetup {
  sheet?: string;
  encoding?: string;
  maxFindings: number;
  asOf?: string;
  /** The plan, loaded and checked by the main thread. */
  plan: PlanSnapshot;
  lang: Lang;
}

export interface BatchTask {
  id: number;
  /** Where to read the file. */
  path: string;
  /** How reports name it. */
  display: string;
  /** Where to write its reports; their folder exists. */
  json: string;
  html: string;
  /** Where to write its annotated workbook (--annotate). */
  xlsx?: string;
  /** The link back to index.html from the file's HTML page. */
  indexHref: string;
}

/** As much of a Report as the batch summary keeps. */
export interface ReportDigest {
  summary: Report['summary'];
  indicators: BatchIndicatorValue[];
  /** The counties the rows name, sorted. */
  counties: string[];
}

export type BatchOutcome =
  | { ok: true; digest: ReportDigest; ms: number }
  /** `output`: a report could not be written (a full disk): that stops the batch, as it would fail every file. */
  | { ok: false; failure: FileFailure; ms: number; output?: true };

export function digestOf(report: Report, counties: string[]): ReportDigest {
  return {
    summary: report.summary,
    indicators: report.indicators.map(({ id, value, status, gap, withData, inScope }) => ({ id, value, status, gap, withData, inScope })),
    counties,
  };
}

/** The counties the community rows name, sorted (usually one): the batch summary shows them as the file's area. */
function countiesOf(report: Report): string[] {
  const counties = new Set<string>();
  for (const c of report.communities ?? []) if (c.county) counties.add(c.county);
  return [...counties].sort();
}

export async function evaluateTask(plan: CompiledPlan, task: BatchTask, setup: BatchWorkerSetup): Promise<BatchOutcome> {
  const t0 = performance.now();
  let report: Report;
  try {
    // The threads go to files, not to parts of a file: each file in one stream (jobs 1), its
    // annotated workbook written here (the thread is busy with nothing else).
    report = await evaluateCompiled(plan, [task.path], {
      ...setup,
      planFile: setup.plan.file,
      display: [task.display],
      communities: true,
      jobs: 1,
      annotate: task.xlsx,
      annotateThread: false,
    });
  } catch (err) {
    return { ok: false, failure: fileFailure(err, task.display), ms: performance.now() - t0 };
  }
  const ctx = { lang: setup.lang, color: false };
  try {
    writeJoinedSync(task.json, jsonParts(report, ctx));
    writeJoinedSync(task.html, reportPageLines(report, ctx, { indexHref: task.indexHref }), '\n');
  } catch (err) {
    return { ok: false, failure: fileFailure(err, task.display), ms: performance.now() - t0, output: true };
  }
  return { ok: true, digest: digestOf(report, countiesOf(report)), ms: performance.now() - t0 };
}
