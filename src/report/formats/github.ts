// GitHub Actions workflow commands: one `::error|warning|notice file=…,line=…,col=…,title=…::message`
// line per finding, which the runner turns into an annotation on the file (plan line, CSV record;
// a workbook's row, with the sheet and cell named in the message). Messages escape `%`, CR and LF;
// properties escape `:` and `,` as well, as the runner's own toolkit does.

import type { Severity } from '../../schema/finding.js';
import type { FormatContext } from '../render.js';
import { findingText, shownLocation } from '../render.js';
import { visible } from '../safe-text.js';
import { columnOf, lineOf, localize, ruleTable, workbookPlace } from './ci-common.js';
import type { FindingList } from './finding-list.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

// Control and bidi characters are shown as escapes first: the log viewer acts on ESC sequences too.
export const escapeData = (s: string): string => visible(s, true).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function github(list: FindingList, ctx: FormatContext): string {
  const { lang, cwd } = ctx;
  const { meta } = ruleTable(list.rules, list.findings);
  const lines = list.findings.map((f) => {
    const l = shownLocation(f.location, cwd);
    const m = meta.get(f.code);
    const props: [string, string | number | undefined][] = [
      ['file', l.file],
      ['line', l.file !== undefined ? lineOf(l) : undefined],
      ['col', l.file !== undefined ? columnOf(l) : undefined],
      ['title', m ? `${localize(m.title, lang)} (${f.code})` : f.code],
    ];
    const shown = props.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${escapeProperty(String(v))}`);
    const place = workbookPlace(l);
    const text = findingText(f, lang);
    return `::${COMMAND[f.severity]}${shown.length ? ` ${shown.join(',')}` : ''}::${escapeData(place ? `${place}: ${text}` : text)}`;
  });
  return lines.length ? `${lines.join('\n')}\n` : '';
}
