import type { Level } from '../schema/contract.js';

/** What was read from one table of an input: enough to say “N rows, these columns” in a report. */
export interface TableSummary {
  file: string;
  sheet?: string;
  level: Level | 'values';
  rows: number;
  blankRows: number;
  /** Field ids present in the table. */
  columns: string[];
  encoding?: string;
  delimiter?: string;
}
