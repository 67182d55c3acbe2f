// One input of `cscheck batch`, evaluated on its own in one stream (batch files are small; the
// threads go to files, not to parts of a file), against a plan compiled once for many files.
// Also lists its communities, and the counties (县（市、区）) they name: the batch summary shows
// those as the file's area.

import { CscheckError } from '../schema/errors.js';
import type { Args, Finding, Location } from '../schema/finding.js';
import type { MessageId } from '../schema/messages.js';
import type { Report } from '../schema/results.js';
import { readInput } from '../io/read-input.js';
import type { SheetEcho } from '../io/sheet-echo.js';
import type { CompiledPlan } from './compile-plan.js';
import { CommunityList } from './community-list.js';
import { Evaluation } from './evaluation.js';

export interface WholeFileOptions {
  sheet?: string;
  encoding?: string;
  maxFindings: number;
  asOf?: string;
}

/** What an annotated run adds to the pass: the rows as the file holds them, and every finding. */
export interface PassObserver extends SheetEcho {
  /** Handed to the evaluation detached, so a property (an arrow function), not a method. */
  onFinding: (f: Finding) => void;
}

export interface WholeFileResult {
  report: Report;
  /** The counties the community rows name, sorted (usually one). */
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

/** The report carries its community list (Report.communities), which `compare` matches across years. */
export async function evaluateWholeFile(plan: CompiledPlan, path: string, display: string, opts: WholeFileOptions, observer?: PassObserver): Promise<WholeFileResult> {
  const evaluation = new Evaluation(plan, { maxFindings: opts.maxFindings, asOf: opts.asOf, onFinding: observer?.onFinding });
  const list = new CommunityList(evaluation);
  evaluation.addInput(await readInput(path, list, { sheet: opts.sheet, encoding: opts.encoding, echo: observer }, display));
  const communities = list.list();
  const counties = new Set<string>();
  for (const c of communities) if (c.county) counties.add(c.county);
  return { report: { ...evaluation.finish(), communities }, counties: [...counties].sort() };
}

/** Any error of one file as a catalogue message with its location (unexpected ones as input.read-failed). */
export function fileFailure(err: unknown, display: string): FileFailure {
  if (err instanceof CscheckError) return { messageId: err.messageId, args: err.args, location: { file: display, ...err.location }, stack: err.stack };
  const e = err as Error;
  return { messageId: 'input.read-failed', args: { detail: e?.message ?? String(err) }, location: { file: display }, stack: e?.stack };
}
