// Text as XML 1.0 takes it: markup characters escaped, characters it cannot hold at all removed
// (a control character pasted into a survey cell must not make the workbook unreadable), and CR
// written as a character reference, since a reader turns a literal CR into LF (XML 1.0 §2.11) and
// a cell typed “第一行\r\n第二行” or starting with CR would not come back as the input held it.

// eslint-disable-next-line no-control-regex
const SPECIAL = /[&<>"\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
// eslint-disable-next-line no-control-regex
const SPECIAL_ALL = /[&<>"\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' };

export function xmlText(s: string): string {
  return SPECIAL.test(s) ? s.replace(SPECIAL_ALL, (c) => ENTITY[c] ?? '') : s;
}

const letters: string[] = [];

/** Spreadsheet column letters for a 1-based column (A, …, Z, AA, …), cached. */
export function columnName(col: number): string {
  let s = letters[col];
  if (s === undefined) {
    s = '';
    for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    letters[col] = s;
  }
  return s;
}
