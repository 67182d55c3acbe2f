// The comparison as Markdown, for a merge-request note or a CI job summary: per area the indicator
// table, the townships, the communities added, removed and renamed, and the notes. Cells are
// escaped as in formats/markdown.ts, so a name with `|` cannot break a row.

import type { Comparison } from '../../schema/comparison.js';
import type { FormatContext } from '../render.js';
import { mdCell } from '../formats/markdown.js';
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

const row = (cells: string[]) => `| ${cells.map(mdCell).join(' | ')} |`;
const table = (head: string[], rows: string[][]) => [row(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(row)].join('\n');

export function markdown(cmp: Comparison, ctx: FormatContext): string {
  const lang = ctx.lang;
  const say: Say = sayer(lang);
  const out: string[] = [`## ${mdCell(titleText(cmp, lang, say))}`, '', mdCell(snapshotsText(cmp, say, ctx.cwd)), ''];
  for (const a of cmp.areas) {
    out.push(`### ${mdCell(areaHeading(a, say, ctx.cwd))}`, '');
    const t = indicatorTable(a, lang, say);
    if (t.rows.length) out.push(table(t.head, t.rows), '');
    const silent = silentLine(t.silent, lang, say, true);
    if (silent) out.push(mdCell(silent), '');
    const tt = townshipTable(a, lang, say);
    if (tt.rows.length) out.push(`#### ${say('compare.by-township')}`, '', table(tt.head, tt.rows.map((r) => r.cells)), '');
    out.push(`#### ${say('compare.col.township')} · ${say('compare.col.community')}`, '', mdCell(townshipLine(a, say)), '', mdCell(communityLine(a.communities, say)), '');
    const rows = communityRows(a.communities, say);
    if (rows.length) out.push(table(communityHead(say), rows), '');
    if (a.notes.length) {
      out.push(`#### ${say('compare.notes')}`, '');
      for (const n of a.notes) out.push(`- ${mdCell(noteText(n, say))}`);
      out.push('');
    }
  }
  if (cmp.areasAdded.length) out.push(mdCell(say('compare.areas-added', { list: listText(cmp.areasAdded, say) })), '');
  if (cmp.areasRemoved.length) out.push(mdCell(say('compare.areas-removed', { list: listText(cmp.areasRemoved, say) })), '');
  out.push(mdCell(summaryLine(cmp, say)));
  return `${out.join('\n')}\n`;
}
