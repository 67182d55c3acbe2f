// The one results model: every check, reader and plan loader reports a Finding, and every formatter
// reads only Findings (and indicator results). Positions are structured, never baked into text.

import type { MessageId } from './messages.js';
// A type only (the codes are the checks' metas, src/rules/checks/index.ts): nothing is loaded.
import type { FindingCode } from './finding-codes.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Location {
  file?: string;
  sheet?: string;
  /** 1-based row as a spreadsheet shows it (the CSV record number for CSV files). */
  row?: number;
  /** The header text of the column as the file has it. */
  column?: string;
  /** 1-based column number. */
  columnIndex?: number;
  /** A1-style address, for spreadsheets. */
  cell?: string;
  township?: string;
  community?: string;
  /** Dotted path inside a plan, e.g. `indicators.4.target`. */
  planPath?: string;
  line?: number;
  col?: number;
}

/** A message argument in both languages, for text that comes from a plan or the contract. */
export interface Localized {
  zh: string;
  en?: string;
}

export type Arg = string | number | boolean | null | undefined | Localized;
export type Args = Record<string, Arg>;

export interface Finding {
  /** Stable code, e.g. `cell-type`, `indicator-not-met`, `requirement-breach`: one of the checks' metas. */
  code: FindingCode;
  severity: Severity;
  /** The plan item (indicator or requirement id) a finding is about, when there is one. */
  ruleId?: string;
  location: Location;
  messageId: MessageId;
  args: Args;
}

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function columnLetter(index1: number): string {
  let n = index1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
