// The JSON report: the Report object as it is (see schema/results.ts and docs/json-report.md),
// with each finding's message rendered in the chosen language next to its id and arguments.

import type { Report } from '../../schema/results.js';
import type { FormatContext } from '../render.js';
import { findingMessage } from '../render.js';

/** The report as JSON; `indent` 0 for machines (batch writes a thousand of these). */
export function json(report: Report, ctx: FormatContext, indent = 2): string {
  const out = {
    ...report,
    lang: ctx.lang,
    findings: report.findings.map((f) => ({ ...f, message: findingMessage(f, ctx.lang) })),
  };
  return `${JSON.stringify(out, null, indent)}\n`;
}
