// What watches the one evaluation pass besides the evaluation itself (the annotated workbook).

import type { Finding } from '../schema/finding.js';
import type { SheetEcho } from '../io/sheet-echo.js';

/** What an annotated run adds to the pass: the rows as the file holds them, and every finding. */
export interface PassObserver extends SheetEcho {
  /** Handed to the evaluation detached, so a property (an arrow function), not a method. */
  onFinding: (f: Finding) => void;
}
