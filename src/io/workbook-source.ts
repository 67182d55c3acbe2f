// A workbook as the table reader sees it, whatever file it came from: sheets in order, each with
// its merged ranges and its rows. The streamed .xlsx reader and the whole-file reader of older and
// look-alike formats (.xls, .ods, HTML and XML 2003 tables) both provide one, so header detection,
// row building and the echo for the annotated workbook are the same code for every format.

import type { MergeRange } from './xlsx-package.js';
import type { SheetRow, StreamSheetOptions } from './xlsx-sheet.js';

export interface WorkbookSheet {
  name: string;
  /** What `rows` and `merges` take to find the sheet (an .xlsx part path, an index). */
  id: string;
}

export interface WorkbookSource {
  readonly sheets: readonly WorkbookSheet[];
  /** Whether the sheet's data can be read (an .xlsx may list a sheet whose part is missing). */
  has(id: string): boolean;
  merges(id: string): Promise<MergeRange[]>;
  /** Number format codes by the style index rows carry (undefined = General); read once rows flow. */
  formats(): readonly (string | undefined)[];
  /** Calls `onRow` for each row with a value; `onRow` returns false to stop. */
  rows(id: string, onRow: (row: SheetRow) => boolean, options?: StreamSheetOptions): Promise<void>;
}
