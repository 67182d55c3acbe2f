// From each file's outcome to the batch summary (src/schema/batch.ts): what summary.json holds and
// every summary writer reads. Only this much of a Report is kept once its file's outputs are written.

import { basename, extname } from 'node:path';
import type { BatchFileResult, BatchSummary } from '../schema/batch.js';
import { BATCH_SCHEMA_VERSION } from '../schema/batch.js';
import type { Severity } from '../schema/finding.js';
import type { Lang } from '../schema/messages.js';
import { message } from '../schema/messages.js';
import type { Report } from '../schema/results.js';
import { locationText } from '../report/render.js';
import type { FoundInput } from './batch-inputs.js';
import type { BatchOutcome } from '../workers/batch-task.js';
import type { EvaluateOptions } from './evaluate.js';
import { EVALUATE_FAIL_ON } from './options.js';
import { reportExitCode } from './report-options.js';

const noFindings = (): Record<Severity, number> => ({ error: 0, warning: 0, info: 0 });

/** The county the rows name; several are listed; a file naming none is known by its name. */
function areaOf(input: string, counties: string[]): string {
  if (counties.length) return counties.join('、');
  const name = basename(input);
  return name.slice(0, name.length - extname(name).length) || name;
}

export function fileResult(
  found: FoundInput,
  outcome: BatchOutcome,
  reports: BatchFileResult['reports'],
  opts: Pick<EvaluateOptions, 'failOn' | 'maxWarnings' | 'lang'>,
): BatchFileResult {
  if (!outcome.ok) {
    const { messageId, args, location } = outcome.failure;
    const where = locationText(location, opts.lang);
    return {
      input: found.input,
      area: areaOf(found.input, []),
      status: 'failed',
      error: { messageId, args, text: `${where ? `${where}: ` : ''}${message(messageId, args, opts.lang)}`, location: { ...location } },
      exitCode: 2,
      reports,
      rows: 0,
      townships: 0,
      findings: noFindings(),
      indicators: [],
    };
  }
  const { summary, indicators, counties } = outcome.digest;
  return {
    input: found.input,
    area: areaOf(found.input, counties),
    status: 'ok',
    // What `evaluate` would exit with for this file alone.
    exitCode: reportExitCode(summary.findings, opts, EVALUATE_FAIL_ON) === 0 ? 0 : 1,
    reports,
    rows: summary.rows,
    townships: summary.townships,
    findings: { ...summary.findings },
    indicators,
  };
}

/**
 * The summary of all files. `head` is a report of the plan over no rows: its plan block and its
 * indicators in plan order (the columns every file's values refer to), whether or not any file
 * could be read.
 */
export function batchSummary(head: Report, files: BatchFileResult[], opts: { lang: Lang; asOf?: string }): BatchSummary {
  const findings = noFindings();
  let rows = 0;
  let worst: 0 | 1 | 2 = 0;
  for (const f of files) {
    rows += f.rows;
    for (const s of Object.keys(findings) as Severity[]) findings[s] += f.findings[s];
    if (f.exitCode > worst) worst = f.exitCode;
  }
  const ok = files.filter((f) => f.status === 'ok').length;
  return {
    schemaVersion: BATCH_SCHEMA_VERSION,
    tool: head.tool,
    plan: head.plan,
    indicators: head.indicators.map(({ id, name, unit, measure, attribute, binding, target }) => ({ id, name, unit, measure, attribute, binding, target })),
    files,
    totals: { files: files.length, ok, failed: files.length - ok, rows, findings, exitCode: worst },
    ...(opts.asOf ? { asOf: opts.asOf } : {}),
    lang: opts.lang,
    generated: new Date().toISOString(),
  };
}
