// What `cscheck batch` writes as summary.json, and what index.html and `compare` read back.
// Keep changes additive (schemaVersion below).

import type { Severity } from './finding.js';
import type { Localized } from './finding.js';
import type { MessageId } from './messages.js';
import type { IndicatorResult, Report, Status } from './results.js';

export const BATCH_SCHEMA_VERSION = 1;

/** One indicator of one file, as the summary's rows (file × indicator) hold it. */
export interface BatchIndicatorValue {
  id: string;
  value: number | null;
  status: Status;
  gap: number | null;
  withData: number;
  inScope: number;
}

export interface BatchFileResult {
  /** The input's path relative to the root it was found under (or as given). */
  input: string;
  /** The county or area this file covers, when its rows name one; else the file's name. */
  area: string;
  status: 'ok' | 'failed';
  /** Why a failed file could not be evaluated. */
  error?: { messageId: MessageId; args: Record<string, unknown>; text: string; location?: Record<string, unknown> };
  /** The linter exit code of this file alone: 0 clean, 1 findings at the fail level, 2 unreadable. */
  exitCode: 0 | 1 | 2;
  /** Outputs written for this file, relative to the report directory. */
  reports: { json?: string; xlsx?: string; html?: string };
  rows: number;
  townships: number;
  findings: Record<Severity, number>;
  indicators: BatchIndicatorValue[];
}

export interface BatchSummary {
  schemaVersion: number;
  tool: Report['tool'];
  plan: Report['plan'];
  /** The plan's indicators in plan order: what each file's `indicators` refer to. */
  indicators: Pick<IndicatorResult, 'id' | 'name' | 'unit' | 'measure' | 'attribute' | 'binding' | 'target'>[];
  files: BatchFileResult[];
  totals: { files: number; ok: number; failed: number; rows: number; findings: Record<Severity, number>; exitCode: 0 | 1 | 2 };
  asOf?: string;
  lang: 'zh' | 'en';
  /** ISO time the batch finished. */
  generated: string;
  title?: Localized;
}
