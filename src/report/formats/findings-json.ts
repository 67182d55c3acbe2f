// A finding list as JSON: each finding as the model holds it, with its message rendered in the
// chosen language next to its id and arguments, and the count per severity.

import type { FormatContext } from '../render.js';
import { findingMessage } from '../render.js';
import type { FindingList } from './finding-list.js';
import { listCounts } from './finding-list.js';

export function findingsJson(list: FindingList, ctx: FormatContext): string {
  const out = {
    schemaVersion: 1,
    tool: list.tool,
    lang: ctx.lang,
    files: list.files,
    findings: list.findings.map((f) => ({ ...f, message: findingMessage(f, ctx.lang) })),
    summary: { files: list.files.length, findings: listCounts(list) },
    ...(list.matches ? { matches: list.matches } : {}),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
