// A finding list for the terminal: one row per finding — severity, file:line:col, message — and
// a count per severity. Messages quote Chinese source text, so cells are wrapped by display width.

import { Chalk } from 'chalk';
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { Severity } from '../../schema/finding.js';
import { message } from '../../schema/messages.js';
import type { FormatContext } from '../render.js';
import { findingLine, locationLine } from '../render.js';
import type { FindingList } from './finding-list.js';
import { listCounts } from './finding-list.js';
import { fitColumns } from './fit-columns.js';
import { wrapWords } from './wrap-width.js';

const WIDTHS = [10, 30, 90];

const paint = (s: Severity, c: ChalkInstance) => (s === 'error' ? c.red : s === 'warning' ? c.yellow : c.gray);

export function findingsTable(list: FindingList, ctx: FormatContext): string {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const { lang } = ctx;
  const counts = listCounts(list);
  const summary = message('lint.summary', { files: list.files.length, errors: counts.error, warnings: counts.warning, infos: counts.info }, lang);
  if (!list.findings.length) return `${summary}\n`;
  const widths = fitColumns(WIDTHS, ctx.width);
  const table = new Table({
    head: [message('label.severity', {}, lang), message('label.location', {}, lang), message('label.message', {}, lang)].map((h) => c.bold(h)),
    style: { head: [], border: [] },
    colWidths: widths,
  });
  for (const f of list.findings) {
    table.push([
      paint(f.severity, c)(message(`label.${f.severity}`, {}, lang)),
      wrapWords(locationLine(f.location, lang), widths[1] - 2),
      wrapWords(`${findingLine(f, lang)} [${f.code}]`, widths[2] - 2),
    ]);
  }
  return `${table.toString()}\n${summary}\n`;
}
