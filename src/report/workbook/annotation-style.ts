// The look of the annotated workbook, one object per style: exceljs stores a style per distinct
// object, so every marked cell shares these instead of making its own.

import type { Alignment, Fill, Font } from 'exceljs';
import type { Severity } from '../../schema/finding.js';

const solid = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

/** Excel's own “bad” and “neutral” cell styles: red for errors and binding misses, amber for warnings. */
export const MARK: Record<Exclude<Severity, 'info'>, { fill: Fill; font: Partial<Font> }> = {
  error: { fill: solid('FFFFC7CE'), font: { color: { argb: 'FF9C0006' } } },
  warning: { fill: solid('FFFFEB9C'), font: { color: { argb: 'FF9C5700' } } },
};

export const GOOD = { fill: solid('FFC6EFCE'), font: { color: { argb: 'FF006100' } } as Partial<Font> };
export const MUTED = { fill: solid('FFEDEDED'), font: { color: { argb: 'FF595959' } } as Partial<Font> };

export const HEADER = { fill: solid('FFD9E1F2'), font: { bold: true } as Partial<Font>, alignment: { vertical: 'middle', wrapText: true } as Partial<Alignment> };
export const WRAP: Partial<Alignment> = { vertical: 'top', wrapText: true };
export const LINK_FONT: Partial<Font> = { color: { argb: 'FF0563C1' }, underline: true };
