// `cscheck evaluate FILE... --plan ID`: the library's evaluate, then the chosen format, -o or
// stdout, and the exit code.

import type { Lang } from '../schema/messages.js';
import type { Report } from '../schema/results.js';
import type { EvaluateOptions as ApiEvaluateOptions } from '../api/evaluate.js';
import { evaluateReport } from '../api/evaluate.js';
import { CHECKS } from '../rules/checks/index.js';
import { FORMATS } from '../report/formats/index.js';
import { jsonStream } from '../report/formats/json.js';
import { fromReport } from '../report/formats/finding-list.js';
import { FINDING_FORMATS } from '../report/formats/findings-formats.js';
import type { Io } from './io.js';
import { STDIO } from './io.js';
import { resolveInputArgs } from './input-args.js';
import { asOfWarning, inputWarnings } from './input-warnings.js';
import { CscheckError } from '../schema/errors.js';
import { loadPlan } from '../api/plan.js';
import type { ReportOptions } from './report-options.js';
import { EVALUATE_FAIL_ON } from './options.js';
import { checkOutputPath, formatContext, reportExitCode, shownFindings, writeReport } from './report-options.js';

/** The options of `cscheck evaluate`: the library's, with the plan as named, and the report's. */
export interface EvaluateOptions extends Omit<ApiEvaluateOptions, 'plan' | 'onFinding' | 'onRow' | 'observer' | 'communities' | 'display'>, ReportOptions {
  plan: string;
  lang: Lang;
  maxFindings: number;
  /** A choice of EVALUATE_FAIL_ON. */
  failOn: string;
}

export function exitCode(report: Report, opts: Pick<EvaluateOptions, 'failOn' | 'maxWarnings'>): number {
  return reportExitCode(report.summary.findings, opts, EVALUATE_FAIL_ON);
}

/** --quiet: the report with its error findings only (the summary still counts everything). */
function quietReport(report: Report): Report {
  const findings = shownFindings(report.findings, true);
  const listed = new Set(findings.map((f) => `${f.code}\u0000${f.ruleId ?? ''}`));
  return { ...report, findings, omitted: report.omitted.filter((o) => listed.has(`${o.code}\u0000${o.ruleId ?? ''}`)) };
}

export async function evaluateCommand(args: string[], opts: EvaluateOptions, io: Io): Promise<number> {
  // The annotated workbook is binary and stdout carries the report: `-` is refused, not a file named `-`.
  if (opts.annotate === STDIO) throw new CscheckError('usage.annotate-stdout');
  const { files, display, values } = await resolveInputArgs(args, opts.values);
  checkOutputPath(opts.output, [...files, values]);
  checkOutputPath(opts.annotate, [...files, values, opts.output]);
  const plan = loadPlan(opts.plan);
  for (const line of [...inputWarnings(files, display, opts, opts.lang), ...asOfWarning(plan.plan, opts.asOf, opts.lang)]) io.stderr(line);
  const report = await evaluateReport(files, { ...opts, plan, values, display, valuesDisplay: opts.values });
  const shown = opts.quiet ? quietReport(report) : report;
  const ctx = formatContext(opts, io);
  // table and json render the Report; the CI formats read it as a finding list with the check metadata.
  const reportFormat = FORMATS[opts.format];
  // The JSON report is streamed: for a national file it is hundreds of megabytes.
  const text = opts.format === 'json'
    ? jsonStream(shown, ctx)
    : reportFormat
    ? reportFormat(shown, ctx)
    : FINDING_FORMATS[opts.format](fromReport(shown, CHECKS), ctx);
  await writeReport(text, opts, io);
  return exitCode(report, opts);
}
