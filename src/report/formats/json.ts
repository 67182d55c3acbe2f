// The JSON report: the Report object as it is (see schema/results.ts and docs/json-report.md),
// with each finding's message rendered in the chosen language next to its id and arguments.

import type { Finding } from '../../schema/finding.js';
import type { Report } from '../../schema/results.js';
import type { FormatContext } from '../render.js';
import { findingMessage } from '../render.js';

const withMessage = (f: Finding, ctx: FormatContext) => ({ ...f, message: findingMessage(f, ctx.lang) });

/** The report as JSON; `indent` 0 for machines. */
export function json(report: Report, ctx: FormatContext, indent = 2): string {
  const out = { ...report, lang: ctx.lang, findings: report.findings.map((f) => withMessage(f, ctx)) };
  return `${JSON.stringify(out, null, indent)}\n`;
}

/** Findings rendered per part: a part small enough to stay out of V8's large-object space. */
const FINDINGS_PER_PART = 64;

/**
 * The unindented report as parts whose concatenation is `json(report, ctx, 0)`, none of them large:
 * batch writes a thousand reports of a megabyte each, and parts go to the file through one reused
 * buffer (writeJoinedSync) where a single string would be a fresh allocation every time.
 */
export function jsonParts(report: Report, ctx: FormatContext): string[] {
  const parts: string[] = [];
  let open = '{';
  for (const [key, value] of Object.entries({ ...report, lang: ctx.lang })) {
    if (value === undefined) continue;
    if (key !== 'findings') {
      parts.push(`${open}${JSON.stringify(key)}:${JSON.stringify(value)}`);
    } else {
      parts.push(`${open}"findings":[`);
      for (let i = 0; i < report.findings.length; i += FINDINGS_PER_PART) {
        const text = JSON.stringify(report.findings.slice(i, i + FINDINGS_PER_PART).map((f) => withMessage(f, ctx)));
        // The comma apart and the brackets sliced off (a view, not a copy): a joined string would be copied whole when written.
        if (i) parts.push(',');
        parts.push(text.slice(1, -1));
      }
      parts.push(']');
    }
    open = ',';
  }
  parts.push('}\n');
  return parts;
}
