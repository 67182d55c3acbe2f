// What Excel itself refuses or misreads, applied to every text cscheck writes into a workbook:
// input values that would run as formulas, sheet names it rejects, notes past its limits.

/** Excel's own limits (Excel specifications and limits). */
export const SHEET_NAME_MAX = 31;
export const CELL_TEXT_MAX = 32_767;
/** A note longer than this opens as a box taller than the screen; the 问题清单 sheet has the full text. */
export const NOTE_MAX = 1_000;

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text that Excel or LibreOffice would run as a formula if it were typed in or re-imported from CSV
 * (CSV/formula injection, OWASP). Writers keep such input as a text cell, never a formula.
 */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text);
}

/** A cell's text cut to Excel's limit. */
export function cellText(text: string): string {
  return text.length > CELL_TEXT_MAX ? text.slice(0, CELL_TEXT_MAX - 1) + '…' : text;
}

/** A note (comment) body: control characters dropped, cut to NOTE_MAX. */
export function noteText(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
  return clean.length > NOTE_MAX ? clean.slice(0, NOTE_MAX - 1) + '…' : clean;
}

/**
 * A sheet name Excel accepts, unique among `taken` (compared case-insensitively, as Excel does):
 * []:*?/\ replaced, no leading or trailing apostrophe, at most 31 characters, never empty or
 * "History" (reserved).
 */
export function safeSheetName(name: string, taken: Iterable<string> = []): string {
  let base = name.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').trim();
  if (!base || /^history$/i.test(base)) base = `${base || 'Sheet'}_`;
  base = [...base].slice(0, SHEET_NAME_MAX).join('');
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  let candidate = base;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) {
    const suffix = `(${n})`;
    candidate = [...base].slice(0, SHEET_NAME_MAX - suffix.length).join('') + suffix;
  }
  return candidate;
}
