// One input of `cscheck batch`, evaluated on its own in one stream (batch files are small; the
// threads go to files, not to parts of a file), against a plan compiled once for many files.
// Also notes the county (县（市、区）) its rows name, which the batch summary shows as the file's area.

import { FIELDS_BY_LEVEL } from '../schema/contract.js';
import { CscheckError } from '../schema/errors.js';
import type { Args, Location } from '../schema/finding.js';
import type { MessageId } from '../schema/messages.js';
import type { Report } from '../schema/results.js';
import type { InputSink } from '../io/input-sink.js';
import type { DataRow } from '../io/row-builder.js';
import { readInput } from '../io/read-input.js';
import type { CompiledPlan } from './compile-plan.js';
import { Evaluation } from './evaluation.js';

export interface WholeFileOptions {
  sheet?: string;
  encoding?: string;
  maxFindings: number;
  asOf?: string;
}

export interface WholeFileResult {
  report: Report;
  /** The counties the rows name, sorted (usually one). */
  counties: string[];
}

/** Why a file could not be evaluated, as plain data that crosses threads. */
export interface FileFailure {
  messageId: MessageId;
  args: Args;
  location: Location;
  /** For --debug. */
  stack?: string;
}

const COUNTY_AT = { community: FIELDS_BY_LEVEL.community.findIndex((f) => f.id === 'county'), township: FIELDS_BY_LEVEL.township.findIndex((f) => f.id === 'county') };

/** Passes everything on to the evaluation and keeps the county names it sees. */
function countyWatcher(evaluation: Evaluation, counties: Set<string>): InputSink {
  let last: unknown = null;
  return {
    onRow(row: DataRow) {
      const county = row.values[COUNTY_AT[row.table.level]];
      if (county !== last && typeof county === 'string' && county !== '') counties.add(county);
      last = county;
      evaluation.onRow(row);
    },
    onFinding: (f) => evaluation.onFinding(f),
    onReported: (v) => evaluation.onReported(v),
  };
}

export async function evaluateWholeFile(plan: CompiledPlan, path: string, display: string, opts: WholeFileOptions): Promise<WholeFileResult> {
  const evaluation = new Evaluation(plan, { maxFindings: opts.maxFindings, asOf: opts.asOf });
  const counties = new Set<string>();
  evaluation.addInput(await readInput(path, countyWatcher(evaluation, counties), { sheet: opts.sheet, encoding: opts.encoding }, display));
  return { report: evaluation.finish(), counties: [...counties].sort() };
}

/** Any error of one file as a catalogue message with its location (unexpected ones as input.read-failed). */
export function fileFailure(err: unknown, display: string): FileFailure {
  if (err instanceof CscheckError) return { messageId: err.messageId, args: err.args, location: { file: display, ...err.location }, stack: err.stack };
  const e = err as Error;
  return { messageId: 'input.read-failed', args: { detail: e?.message ?? String(err) }, location: { file: display }, stack: e?.stack };
}
