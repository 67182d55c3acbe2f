// The rows of an input as the file holds them, for a writer that copies the input (the annotated
// workbook). Readers call it only when asked, and only after the sink has seen each row, so every
// finding about a row is known before the row is echoed. Nothing here knows a plan.

import type { FieldType, Level } from '../schema/contract.js';
import type { Header } from './header-detect.js';
import type { Raw } from './values.js';
import type { MergeRange } from './xlsx-package.js';

export interface EchoColumn {
  /** 0-based column index. */
  index: number;
  header: string;
  /** The contract field type the header matched, or null for a column no field takes. */
  type: FieldType | null;
}

export interface EchoTable {
  file: string;
  sheet?: string;
  level: Level | 'values';
  source: 'csv' | 'xlsx';
  /** 1-based numbers of the first and last header rows. */
  headerRows: [number, number];
  /** Every column of the header, in order. */
  columns: EchoColumn[];
  /** Column widths in characters by 0-based column, as the sheet sets them (XLSX). */
  widths: (number | undefined)[];
  /** Merged ranges as the sheet has them (XLSX). */
  merges: readonly MergeRange[];
  /** Number format codes by cell style index (XLSX; undefined = General). */
  formats: readonly (string | undefined)[];
}

export interface SheetEcho {
  /** A table begins; its rows follow from the first row of its sheet. */
  table(t: EchoTable): void;
  /**
   * One row as the file holds it (merged areas not filled in), 1-based `row`; `styles` are the
   * cells' style indices into the table's `formats` (XLSX). Called after the sink has seen the row.
   */
  row(row: number, cells: readonly Raw[], styles?: readonly number[]): void;
  /** The table ended. */
  end(): void;
  /** A promise while the echo is behind: the reader waits on it before reading on. */
  wait?(): Promise<void> | undefined;
}

/** The echo's view of a detected header. */
export function echoColumns(header: Header): EchoColumn[] {
  return header.columns.map((c) => ({ index: c.index, header: c.header, type: c.field >= 0 ? header.fields[c.field].type : null }));
}
