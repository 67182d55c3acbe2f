// Code Climate issues, the format of GitLab's code quality report (`artifacts: reports:
// codequality:`): a JSON array, one issue per finding with its code as check_name, the message as
// description, the file and line, a severity and a fingerprint that stays the same across runs.
//
// Severity: error → major, warning → minor, info → info (as ESLint's GitLab formatter maps them);
// Code Climate's blocker and critical are not used.

import type { Severity } from '../../schema/finding.js';
import type { FormatContext } from '../render.js';
import { findingLine, shownLocation, shownPath } from '../render.js';
import { visible } from '../safe-text.js';
import { fingerprints, lineOf, ruleTable, titled, workbookPlace } from './ci-common.js';
import type { FindingList } from './finding-list.js';

export const CODECLIMATE_SEVERITY: Record<Severity, 'blocker' | 'critical' | 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', info: 'info' };

export function codeclimate(list: FindingList, ctx: FormatContext): string {
  const { lang, cwd } = ctx;
  const { meta } = ruleTable(list.rules, list.findings);
  const prints = fingerprints(list.findings, cwd);
  // An issue needs a path: a finding that names no file is put on the plan (or the first input).
  const fallback = list.plan?.file ?? list.files[0];
  const issues = list.findings.map((f, i) => {
    const l = shownLocation(f.location, cwd);
    const m = meta.get(f.code);
    const place = workbookPlace(l);
    const text = findingLine(f, lang);
    return {
      type: 'issue',
      check_name: f.code,
      description: place ? `${visible(place)}: ${text}` : text,
      ...(m ? { content: { body: titled(m, lang) } } : {}),
      categories: ['Bug Risk'],
      location: { path: l.file ?? (fallback ? shownPath(fallback, cwd) : '.'), lines: { begin: lineOf(l) ?? 1 } },
      severity: CODECLIMATE_SEVERITY[f.severity],
      fingerprint: prints[i],
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
