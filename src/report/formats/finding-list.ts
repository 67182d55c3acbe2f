// What `cscheck plans lint` hands its formatters: the findings of the files it checked.

import type { Finding, Severity } from '../../schema/finding.js';

export interface FindingList {
  tool: { name: string; version: string };
  /** The files the findings are about, in the order they were checked. */
  files: string[];
  findings: Finding[];
}

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}
