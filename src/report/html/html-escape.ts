// Text into HTML and SVG. The JUnit writer's escaping already does what both need — &, <, >, both
// quotes, and the characters XML cannot carry at all — so a chart stays well-formed XML on its own and
// safe inside a quoted attribute or an element of the HTML page.

import { xmlAttr } from '../formats/junit.js';

/** Text safe in element content and in a double- or single-quoted attribute. */
export const esc = (text: string | number): string => xmlAttr(String(text));

/** ` name="value"` for each defined attribute, escaped. */
export function attrs(a: Record<string, string | number | boolean | undefined>): string {
  let out = '';
  // for…in, not Object.entries: no array per attribute (a batch page draws hundreds of bars).
  for (const k in a) {
    const v = a[k];
    if (v === undefined || v === false) continue;
    out += v === true ? ` ${k}` : ` ${k}="${typeof v === 'number' ? v : esc(v)}"`;
  }
  return out;
}
