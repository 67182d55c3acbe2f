// The terminal comparison: per area the indicator table (then / now / change / status change),
// the townships' values grouped by indicator, the communities added, removed and renamed, and what
// could not be compared. cli-table3 as in formats/table.ts, CJK cells wrapped by display width.

import { Chalk } from 'chalk';
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { Comparison, Transition } from '../../schema/comparison.js';
import type { FormatContext } from '../render.js';
import { wrapByWidth } from '../formats/wrap-width.js';
import { visible } from '../safe-text.js';
import type { Say } from './text.js';
import {
  areaHeading,
  communityHead,
  communityLine,
  communityRows,
  indicatorTable,
  listText,
  noteText,
  sayer,
  silentLine,
  snapshotsText,
  summaryLine,
  titleText,
  townshipLine,
  townshipTable,
} from './text.js';

function paint(t: Transition, text: string, c: ChalkInstance): string {
  if (t === 'newly-missed') return c.red.bold(text);
  if (t === 'newly-met') return c.green.bold(text);
  if (t === 'still-met' || t === 'first-met') return c.green(text);
  if (t === 'still-missed' || t === 'first-missed') return c.yellow(text);
  return c.gray(text);
}

/** Lines a cell may take: a township's name is the widest thing in a row (see wrapByWidth). */
const CELL_LINES = 4;

function grid(head: string[], widths: number[], rows: string[][], c: ChalkInstance, wrap: boolean, transitions?: Transition[]): string {
  const table = new Table({ head: head.map((h) => c.bold(h)), style: { head: [], border: [] }, wordWrap: true, colWidths: widths });
  rows.forEach((row, r) => {
    table.push(
      row.map((cell, i) => {
        const text = wrap ? wrapByWidth(visible(cell), widths[i] - 2, CELL_LINES) : visible(cell);
        return transitions && i === row.length - 1 ? paint(transitions[r], text, c) : text;
      }),
    );
  });
  return table.toString();
}

export function table(cmp: Comparison, ctx: FormatContext): string {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const lang = ctx.lang;
  // Every sentence names places from the inputs: shown with their control characters visible.
  const said = sayer(lang);
  const say: Say = (id, args) => visible(said(id, args));
  const wrap = lang === 'zh';
  const out: string[] = [c.bold(titleText(cmp, lang, say)), snapshotsText(cmp, say, ctx.cwd)];

  for (const a of cmp.areas) {
    out.push('', c.bold(areaHeading(a, say, ctx.cwd)));
    const t = indicatorTable(a, lang, say);
    if (t.rows.length) out.push(grid(t.head, [34, 14, 12, 12, 18, 16], t.rows, c, wrap, t.shown.map((i) => i.transition)));
    const silent = silentLine(t.silent, lang, say, false);
    if (silent) out.push(c.gray(silent));
    const tt = townshipTable(a, lang, say);
    if (tt.rows.length) {
      out.push('', c.bold(say('compare.by-township')));
      out.push(
        grid(
          tt.head,
          [30, 14, 12, 12, 18, 16],
          tt.rows.map((r) => r.cells),
          c,
          wrap,
          tt.rows.map((r) => r.transition),
        ),
      );
    }
    out.push('', townshipLine(a, say), communityLine(a.communities, say));
    const rows = communityRows(a.communities, say);
    if (rows.length) out.push(grid(communityHead(say), [22, 14, 18, 18], rows, c, wrap));
    if (a.notes.length) {
      out.push('', c.bold(say('compare.notes')));
      for (const n of a.notes) out.push(`  ${noteText(n, say)}`);
    }
  }
  if (cmp.areasAdded.length) out.push('', say('compare.areas-added', { list: listText(cmp.areasAdded, say) }));
  if (cmp.areasRemoved.length) out.push('', say('compare.areas-removed', { list: listText(cmp.areasRemoved, say) }));
  out.push('', summaryLine(cmp, say));
  return `${out.join('\n')}\n`;
}
