// SARIF 2.1.0 for GitHub code scanning (and any SARIF viewer): one run; the driver lists every code
// the command can report as a rule (short and full description and help from its CheckMeta, in the
// report's language) and each finding is a result at its file — plan findings at their line and
// column, CSV findings at their record and column, workbook findings at their row with the sheet and
// cell as region properties (and named in the message, since a viewer cannot open a workbook).

import { pathToFileURL } from 'node:url';
import { isAbsolute } from 'node:path';
import type { Finding, Location, Severity } from '../../schema/finding.js';
import type { FormatContext } from '../render.js';
import { findingLine, shownLocation } from '../render.js';
import { label, visible } from '../safe-text.js';
import { fingerprints, inWorkbook, localize, ruleTable, titled, workbookPlace } from './ci-common.js';
import type { FindingList } from './finding-list.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** A relative path as a relative URI reference (each segment percent-encoded); an absolute one as file:. */
export function artifactUri(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file.split('/').map(encodeURIComponent).join('/');
}

const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

function region(l: Location): object | undefined {
  if (l.line !== undefined) return defined({ startLine: l.line, startColumn: l.col });
  if (l.row === undefined) return undefined;
  if (inWorkbook(l)) return { startLine: l.row, properties: defined({ sheet: label(l.sheet!), cell: l.cell }) };
  return defined({ startLine: l.row, startColumn: l.columnIndex });
}

export function sarif(list: FindingList, ctx: FormatContext): string {
  const { lang, cwd } = ctx;
  const { codes, meta } = ruleTable(list.rules, list.findings);
  const rules = codes.map((id) => {
    const m = meta.get(id);
    if (!m) return { id };
    const title = localize(m.title, lang);
    const description = localize(m.description, lang);
    return {
      id,
      shortDescription: { text: title },
      fullDescription: { text: description },
      help: { text: titled(m, lang), markdown: `**${title}** (\`${id}\`)\n\n${description}` },
      defaultConfiguration: { level: LEVEL[m.severity] },
    };
  });
  const prints = fingerprints(list.findings, cwd);
  const results = list.findings.map((f: Finding, i) => {
    const l = shownLocation(f.location, cwd);
    const text = findingLine(f, lang);
    const place = workbookPlace(l);
    const physical = l.file !== undefined ? { physicalLocation: defined({ artifactLocation: { uri: artifactUri(l.file) }, region: region(l) }) } : undefined;
    return defined({
      ruleId: f.code,
      ruleIndex: codes.indexOf(f.code),
      level: LEVEL[f.severity],
      message: { text: place ? `${visible(place)}: ${text}` : text },
      locations: physical ? [physical] : undefined,
      partialFingerprints: { 'cscheck/v1': prints[i] },
      properties: defined({
        planItem: f.ruleId,
        township: l.township === undefined ? undefined : label(l.township),
        community: l.community === undefined ? undefined : label(l.community),
        column: l.column === undefined ? undefined : label(l.column),
        planPath: l.planPath,
      }),
    });
  });
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: list.tool.name, version: list.tool.version, semanticVersion: list.tool.version, rules } },
        language: lang === 'zh' ? 'zh-CN' : 'en-US',
        results,
        ...(list.plan ? { properties: { plan: { id: list.plan.id, document: list.plan.document } } } : {}),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
