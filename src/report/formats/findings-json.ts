// A finding list as JSON: each finding as the model holds it, with its message rendered in the
// chosen language next to its id and arguments, and the count per severity. The printed object is
// `findingsJsonObject`, which is also what the library's `checkLedger` and `lintPlans` return.

import type { Lang } from '../../schema/messages.js';
import type { FormatContext } from '../render.js';
import { findingMessage } from '../render.js';
import type { FindingList } from './finding-list.js';
import { listCounts } from './finding-list.js';

/** The object `--format json` prints for a finding list. */
export function findingsJsonObject(list: FindingList, lang: Lang) {
  return {
    schemaVersion: 1,
    tool: list.tool,
    lang,
    files: list.files,
    findings: list.findings.map((f) => ({ ...f, message: findingMessage(f, lang) })),
    summary: { files: list.files.length, findings: listCounts(list) },
    ...(list.matches ? { matches: list.matches } : {}),
  };
}

/** A finding list as `--format json` prints it (see findingsJsonObject). */
export type FindingsJson = ReturnType<typeof findingsJsonObject>;

export function findingsJson(list: FindingList, ctx: FormatContext): string {
  return `${JSON.stringify(findingsJsonObject(list, ctx.lang), null, 2)}\n`;
}
