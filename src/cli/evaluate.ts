import { stat } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { isCalendarDate } from '../schema/dates.js';
import { localized, message } from '../schema/messages.js';
import type { PassObserver } from '../rules/batch-evaluate.js';
import { AnnotatorThread } from './annotate-thread.js';
import { WorkbookAnnotator } from '../report/workbook/annotator.js';
import { writeAtomicWith } from './write-output.js';
import { onInterrupt } from './interrupt.js';
import { removeLeftovers } from '../report/workbook/xlsx-writer/workbook-writer.js';
import { CscheckError } from '../schema/errors.js';
import type { Lang } from '../schema/messages.js';
import { loadPlan } from '../schema/load-plan.js';
import type { Report } from '../schema/results.js';
import { inputKind, readInput, readValues } from '../io/read-input.js';
import { defaultJobs, evaluateCsvInParallel } from '../rules/parallel-csv.js';
import { compilePlan } from '../rules/compile-plan.js';
import { Evaluation } from '../rules/evaluation.js';
import { CHECKS } from '../rules/checks/index.js';
import { FORMATS } from '../report/formats/index.js';
import { fromReport } from '../report/formats/finding-list.js';
import { FINDING_FORMATS } from '../report/formats/findings-formats.js';
import type { Io } from './main.js';
import type { FailOnSpec } from './report-options.js';
import { checkOutputPath, formatContext, reportExitCode, shownFindings, writeReport } from './report-options.js';

export interface EvaluateOptions {
  plan: string;
  sheet?: string;
  encoding?: string;
  values?: string;
  format: string;
  output?: string;
  lang: Lang;
  failOn: 'binding' | 'expected' | 'none';
  /** Exit 1 when there are more warnings than this. */
  maxWarnings?: number;
  /** Report errors only. */
  quiet?: boolean;
  maxFindings: number;
  color: boolean;
  /** Threads for large CSV files. */
  jobs?: number;
  /** Smallest CSV file worth splitting (tests lower it). */
  parallelMinBytes?: number;
  /** YYYY-MM-DD: judge progress along each indicator's trajectory on this day. */
  asOf?: string;
  /** Write the input back as an annotated workbook to this .xlsx path. */
  annotate?: string;
}

/** Runs the pipeline: plan → compiled checks → one pass over each input → report. */
export async function evaluateFiles(
  files: string[],
  opts: Omit<EvaluateOptions, 'format' | 'output' | 'color' | 'failOn' | 'maxWarnings' | 'quiet' | 'annotate'>,
  observer?: PassObserver,
): Promise<Report> {
  const loaded = loadPlan(opts.plan);
  if (opts.asOf !== undefined && !isCalendarDate(opts.asOf)) throw new CscheckError('ledger.bad-date', { value: opts.asOf });
  const evaluation = new Evaluation(compilePlan(loaded), { maxFindings: opts.maxFindings, asOf: opts.asOf, onFinding: observer?.onFinding });
  // An observer sees the rows in file order, so its files are read in one stream each.
  const jobs = observer ? 1 : opts.jobs ?? defaultJobs();
  for (const file of files) {
    const parallel =
      jobs > 1 && inputKind(file) === 'csv'
        ? await evaluateCsvInParallel(evaluation, file, file, { encoding: opts.encoding, jobs, minBytes: opts.parallelMinBytes, plan: loaded.file, maxFindings: opts.maxFindings })
        : null;
    evaluation.addInput(parallel ?? (await readInput(file, evaluation, { sheet: opts.sheet, encoding: opts.encoding, echo: observer })));
  }
  if (opts.values) evaluation.addInput(await readValues(opts.values, evaluation, { encoding: opts.encoding }));
  return evaluation.finish();
}

/** --fail-on of evaluate: binding = errors (binding misses, data errors), expected = warnings too. */
export const EVALUATE_FAIL_ON: FailOnSpec = {
  levels: { binding: 'error', expected: 'warning', none: 'none' },
  default: 'binding',
  description: 'exit 1 on: binding = errors (binding misses, data errors); expected = also warnings; none = never',
};

export function exitCode(report: Report, opts: Pick<EvaluateOptions, 'failOn' | 'maxWarnings'>): number {
  return reportExitCode(report.summary.findings, opts, EVALUATE_FAIL_ON);
}

/** --quiet: the report with its error findings only (the summary still counts everything). */
function quietReport(report: Report): Report {
  const findings = shownFindings(report.findings, true);
  const listed = new Set(findings.map((f) => `${f.code}\u0000${f.ruleId ?? ''}`));
  return { ...report, findings, omitted: report.omitted.filter((o) => listed.has(`${o.code}\u0000${o.ruleId ?? ''}`)) };
}

/** Evaluates with the annotated workbook written alongside, to a temporary file renamed at the end. */
async function evaluateAnnotated(files: string[], opts: EvaluateOptions & { annotate: string }): Promise<Report> {
  if (extname(opts.annotate).toLowerCase() !== '.xlsx') throw new CscheckError('annotate.not-xlsx', { file: opts.annotate });
  const dir = dirname(resolve(opts.annotate));
  if (!(await stat(dir).catch(() => null))?.isDirectory()) throw new CscheckError('output.write-failed', { file: opts.annotate, detail: localized('output.no-directory') }, { file: opts.annotate });
  // Reading a workbook costs as much as writing one, so the writing gets a thread of its own
  // (100,000 rows: 12.4 s instead of 15.4 s); a CSV is read quickly, and copying its rows to a
  // thread costs more than it saves (6.9 s inline, 9.4 s threaded).
  const kinds = files.map((f) => inputKind(f));
  // Interrupted: the parts written so far, and a workbook not yet renamed into place, are removed.
  // Listening before anything is written: a signal that finds no listener ends the process at once.
  const stop = onInterrupt((signal) => {
    removeLeftovers(dir);
    process.stderr.write(`cscheck: ${message('usage.interrupted', { signal }, opts.lang)}\n`);
  });
  let annotator: AnnotatorThread | WorkbookAnnotator;
  try {
    annotator = kinds.includes('xlsx') ? new AnnotatorThread(opts.lang, opts.annotate) : new WorkbookAnnotator({ lang: opts.lang, path: opts.annotate });
  } catch (err) {
    stop();
    throw new CscheckError('output.write-failed', { file: opts.annotate, detail: (err as Error).message }, { file: opts.annotate }, { cause: err });
  }
  try {
    const report = await evaluateFiles(files, opts, annotator);
    await writeAtomicWith(opts.annotate, (tmp) => annotator.finish(report, tmp));
    return report;
  } catch (err) {
    await annotator.abort();
    throw err;
  } finally {
    stop();
  }
}

export async function evaluateCommand(files: string[], opts: EvaluateOptions, io: Io): Promise<number> {
  checkOutputPath(opts.output, [...files, opts.values]);
  checkOutputPath(opts.annotate, [...files, opts.values, opts.output]);
  const report = opts.annotate ? await evaluateAnnotated(files, { ...opts, annotate: opts.annotate }) : await evaluateFiles(files, opts);
  const shown = opts.quiet ? quietReport(report) : report;
  const ctx = formatContext(opts, io);
  // table and json render the Report; the CI formats read it as a finding list with the check metadata.
  const reportFormat = FORMATS[opts.format];
  const text = reportFormat
    ? reportFormat(shown, ctx)
    : FINDING_FORMATS[opts.format]({ ...fromReport(shown, CHECKS), ...(opts.quiet ? { counts: { ...report.summary.findings, warning: 0, info: 0 } } : {}) }, ctx);
  await writeReport(text, opts, io);
  return exitCode(report, opts);
}
