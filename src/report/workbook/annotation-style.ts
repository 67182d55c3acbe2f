// The look of the annotated workbook: Excel's own “bad”, “neutral” and “good” cell colours.

import type { Severity } from '../../schema/finding.js';
import type { CellStyle } from './xlsx-writer/style-sheet.js';

/** Red for errors and binding misses, amber for warnings. */
export const MARK: Record<Exclude<Severity, 'info'>, CellStyle> = {
  error: { fill: 'FFFFC7CE', color: 'FF9C0006' },
  warning: { fill: 'FFFFEB9C', color: 'FF9C5700' },
};

export const STYLE = {
  header: { fill: 'FFD9E1F2', bold: true, wrap: true } as CellStyle,
  number: { numFmt: '0.0##' } as CellStyle,
  wrap: { wrap: true } as CellStyle,
  link: { color: 'FF0563C1', underline: true } as CellStyle,
  good: { fill: 'FFC6EFCE', color: 'FF006100' } as CellStyle,
  muted: { fill: 'FFEDEDED', color: 'FF595959' } as CellStyle,
};
