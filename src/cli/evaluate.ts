// `cscheck evaluate FILE... --plan ID`: the library's evaluate, then the chosen format, -o or
// stdout, and the exit code.

import type { Lang } from '../schema/messages.js';
import type { Report } from '../schema/results.js';
import type { EvaluateOptions as ApiEvaluateOptions } from '../api/evaluate.js';
import { evaluateReport } from '../api/evaluate.js';
import { CHECKS } from '../rules/checks/index.js';
import { FORMATS } from '../report/formats/index.js';
import { fromReport } from '../report/formats/finding-list.js';
import { FINDING_FORMATS } from '../report/formats/findings-formats.js';
import type { Io } from './io.js';
import type { ReportOptions } from './report-options.js';
import { EVALUATE_FAIL_ON } from './options.js';
import { checkOutputPath, formatContext, reportExitCode, shownFindings, writeReport } from './report-options.js';

/** The options of `cscheck evaluate`: the library's, with the plan as named, and the report's. */
export interface EvaluateOptions extends Omit<ApiEvaluateOptions, 'plan' | 'onFinding' | 'onRow' | 'observer' | 'communities' | 'display'>, ReportOptions {
  plan: string;
  lang: Lang;
  maxFindings: number;
  failOn: 'binding' | 'expected' | 'none';
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

export async function evaluateCommand(files: string[], opts: EvaluateOptions, io: Io): Promise<number> {
  checkOutputPath(opts.output, [...files, opts.values]);
  checkOutputPath(opts.annotate, [...files, opts.values, opts.output]);
  const report = await evaluateReport(files, opts);
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
