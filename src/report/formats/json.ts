// The JSON report: the Report object as it is (see schema/results.ts and docs/json-report.md),
// with each finding's message rendered in the chosen language next to its id and arguments. The
// printed object is `jsonReport`, which is also what the library's `evaluate` returns.

import type { Finding } from '../../schema/finding.js';
import type { Lang } from '../../schema/messages.js';
import type { Report } from '../../schema/results.js';
import type { FormatContext } from '../render.js';
import { findingMessage } from '../render.js';
import { jsonChunks } from './json-stream.js';

// Written out key by key, not spread: every finding then has one shape, which JSON.stringify
// serializes about 40% faster than the spread copies' (a batch writes a million findings).
const withMessage = (f: Finding, lang: Lang) => ({
  code: f.code,
  severity: f.severity,
  ruleId: f.ruleId,
  location: f.location,
  messageId: f.messageId,
  args: f.args,
  message: findingMessage(f, lang),
});

/** A finding as the JSON report prints it: with its message rendered in the report's language. */
export type JsonFinding = ReturnType<typeof withMessage>;

/** The Report as `--format json` prints it: its language, and each finding's message rendered in it. */
export type JsonReport = Omit<Report, 'findings'> & { lang: Lang; findings: JsonFinding[] };

/** The object `--format json` prints for a report. */
export function jsonReport(report: Report, lang: Lang): JsonReport {
  return { ...report, lang, findings: report.findings.map((f) => withMessage(f, lang)) };
}

/** The report as JSON; `indent` 0 for machines. */
export function json(report: Report, ctx: FormatContext, indent = 2): string {
  return `${JSON.stringify(jsonReport(report, ctx.lang), null, indent)}\n`;
}

/** json(report, ctx) as chunks made as they are written (json-stream.ts), never one string. */
export function* jsonStream(report: Report, ctx: FormatContext): Generator<string> {
  yield* jsonChunks(jsonReport(report, ctx.lang));
  yield '\n';
}

/** Findings rendered per part: a part small enough to stay out of V8's large-object space. */
const FINDINGS_PER_PART = 64;

/**
 * The unindented report as parts whose concatenation is `json(report, ctx, 0)`, none of them large,
 * made as they are written: batch writes a thousand reports of a megabyte each, and parts go to the
 * file through one reused buffer (writeJoinedSync) where a single string would be a fresh allocation
 * every time. Each part is garbage once written — made all at once, the whole report's text was alive
 * at each young-generation collection, which copied it.
 */
export function* jsonParts(report: Report, ctx: FormatContext): Generator<string> {
  let open = '{';
  for (const [key, value] of Object.entries({ ...report, lang: ctx.lang })) {
    if (value === undefined) continue;
    if (key !== 'findings') {
      yield `${open}${JSON.stringify(key)}:${JSON.stringify(value)}`;
    } else {
      yield `${open}"findings":[`;
      for (let i = 0; i < report.findings.length; i += FINDINGS_PER_PART) {
        const text = JSON.stringify(report.findings.slice(i, i + FINDINGS_PER_PART).map((f) => withMessage(f, ctx.lang)));
        // The comma apart and the brackets sliced off (a view, not a copy): a joined string would be copied whole when written.
        if (i) yield ',';
        yield text.slice(1, -1);
      }
      yield ']';
    }
    open = ',';
  }
  yield '}\n';
}
