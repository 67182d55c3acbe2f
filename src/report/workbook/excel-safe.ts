// What Excel itself refuses or misreads, applied to every text cscheck writes into a workbook:
// texts past its cell limit, sheet names it rejects, notes too long to read. (Formula injection is
// handled by writing every input text as a text cell: see annotator.ts.)

/** Excel's own limits (Excel specifications and limits). */
export const SHEET_NAME_MAX = 31;
export const CELL_TEXT_MAX = 32_767;
/** A note longer than this opens as a box taller than the screen; the 问题清单 sheet has the full text. */
export const NOTE_MAX = 1_000;

/** A cell's text cut to Excel's limit. */
export function cellText(text: string): string {
  return text.length > CELL_TEXT_MAX ? cut(text, CELL_TEXT_MAX - 1) + '…' : text;
}

/** A note (comment) body: control characters dropped, cut to NOTE_MAX. */
export function noteText(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
  return clean.length > NOTE_MAX ? cut(clean, NOTE_MAX - 1) + '…' : clean;
}

/** The longest start of `s` within `max` UTF-16 units (what Excel counts), whole characters only. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/**
 * A sheet name Excel accepts, unique among `taken` (compared case-insensitively, as Excel does):
 * []:*?/\ and control characters replaced (a file name may hold a tab; XML would turn it into a
 * space in the name but not in the links to it), no leading or trailing apostrophe, at most 31
 * UTF-16 units (a place name in CJK Extension B takes two each), never empty or "History" (reserved).
 */
export function safeSheetName(name: string, taken: Iterable<string> = []): string {
  // eslint-disable-next-line no-control-regex
  let base = cut(name.replace(/[[\]:*?/\\\u0000-\u001f\u007f]/g, '_').replace(/^'+/, '').trim(), SHEET_NAME_MAX).replace(/'+$/, '');
  if (!base || /^history$/i.test(base)) base = `${base || 'Sheet'}_`;
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  let candidate = base;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) {
    const suffix = `(${n})`;
    candidate = cut(base, SHEET_NAME_MAX - suffix.length) + suffix;
  }
  return candidate;
}
