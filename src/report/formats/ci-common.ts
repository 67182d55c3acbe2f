// What the CI formats (junit, sarif, github, markdown, codeclimate) share: rule metadata by code,
// where a finding sits in a file as line/column, and a fingerprint that stays the same across runs,
// machines and languages, so CI systems can tell a new finding from one they have seen before.

import { createHash } from 'node:crypto';
import type { Finding, Localized, Location } from '../../schema/finding.js';
import { SEVERITY_RANK } from '../../schema/finding.js';
import type { Lang } from '../../schema/messages.js';
import { message } from '../../schema/messages.js';
import type { CheckMeta } from '../../rules/checks/check.js';
import { shownLocation } from '../render.js';
import { cutLabel } from '../safe-text.js';

export const localize = (t: Localized, lang: Lang): string => (lang === 'en' ? t.en || t.zh : t.zh);

/** `单元格无法读取：…` / `Unreadable cell: …` — a rule's title and description as one line of help. */
export const titled = (m: CheckMeta, lang: Lang): string => `${localize(m.title, lang)}${message('punct.colon', {}, lang)}${localize(m.description, lang)}`;

/** The metadata of each code, in the order the command lists them, then codes only findings name. */
export function ruleTable(rules: CheckMeta[] = [], findings: Finding[] = []): { codes: string[]; meta: Map<string, CheckMeta> } {
  const meta = new Map(rules.map((r) => [r.code, r]));
  const codes = [...meta.keys()];
  for (const f of findings) if (!codes.includes(f.code)) codes.push(f.code);
  return { codes, meta };
}

/** A cell of a workbook: its row is a position inside a sheet, not a line of a text file. */
export const inWorkbook = (l: Location): boolean => l.sheet !== undefined;

/** The line a text-based CI view can point at: the plan line, else the CSV record or sheet row. */
export const lineOf = (l: Location): number | undefined => l.line ?? l.row;

/** The column a text-based view can point at: the plan column, the CSV column; none in a workbook. */
export const columnOf = (l: Location): number | undefined => l.col ?? (inWorkbook(l) ? undefined : l.columnIndex);

/** `村（社区）!K53` — where in a workbook, for views that can only show a file and a line. */
export function workbookPlace(l: Location): string | undefined {
  if (!inWorkbook(l)) return undefined;
  const at = l.cell ?? (l.row !== undefined ? String(l.row) : undefined);
  const sheet = cutLabel(l.sheet!);
  return at ? `${sheet}!${at}` : sheet;
}

/** Most severe first; equal severities keep their order. */
export const bySeverity = (findings: Finding[]): Finding[] => [...findings].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);


/**
 * One fingerprint per finding: a hash of its code, plan item and position — file relative to `cwd`,
 * sheet, row and cell, or in a plan its path (`indicators.4`, which edits above it do not move; the
 * line where there is none) — never of its message, which depends on the language. Two findings at
 * the same place with the same code are told apart by their order.
 */
export function fingerprints(findings: Finding[], cwd?: string): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const l = shownLocation(f.location, cwd);
    const inPlan = l.planPath !== undefined ? [l.planPath] : [l.line ?? null, l.col ?? null];
    const key = JSON.stringify([f.code, f.ruleId ?? null, l.file ?? null, l.sheet ?? null, l.row ?? null, l.cell ?? l.columnIndex ?? null, ...inPlan]);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return createHash('sha256').update(n ? `${key}#${n}` : key).digest('hex').slice(0, 32);
  });
}
