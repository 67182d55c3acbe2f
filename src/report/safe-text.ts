// Text from the inputs — community and township names, cell values, headers, sheet and file names,
// plan names — as the display formats print it. Two hazards, both handled here once for every format:
//
// - Characters a terminal, a CI log viewer or a browser acts on instead of showing: ESC starts a
//   colour or cursor sequence, CR returns to the line's start and lets the rest overwrite it, BEL
//   rings, the C1 controls are sequences of their own, and the bidi embeddings, overrides and
//   isolates (U+202A–202E, U+2066–2069) reorder what a reader sees (“Trojan Source”). They are shown
//   as `\u001b`, the escape a reader can look up; TAB and LF stay, since every format lays them out.
// - Names of any length: measuring the display width of a 100,000-character township name, once per
//   character as a cut or a wrap does, is the whole run's cost. A label is cut to LIMITS.labelChars
//   (with …) before anything measures it.
//
// The JSON reports are data, not display: they keep every name whole and as the input holds it
// (JSON escapes the control characters itself).

import { LIMITS } from '../schema/limits.js';
import type { Lang } from '../schema/messages.js';
import { message } from '../schema/messages.js';

// C0 but TAB and LF, DEL, C1, ALM, LRM/RLM, the line and paragraph separators, and the bidi controls.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const CONTROL_ALL = new RegExp(CONTROL.source, 'g');
// The same without CR, for XML and HTML, where a CR is a line break and carried as &#13;.
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_CR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `\u001b`: a character as the escape a reader can look up. */
export const escapeCode = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * `s` with every control and bidi character shown as its `\uXXXX` escape (TAB and LF kept), so that
 * printing it cannot recolour, move the cursor, ring, overwrite or reorder anything. `keepCR` keeps
 * CR too, for XML and HTML, where the escaping of the format carries it as a line break.
 */
export function visible(s: string, keepCR = false): string {
  if (!CONTROL.test(s)) return s;
  return s.replace(keepCR ? CONTROL_BUT_CR : CONTROL_ALL, escapeCode);
}

/** `s` cut to `max` characters (code points, never half a pair), the last of them …. */
export function cutLabel(s: string, max: number = LIMITS.labelChars): string {
  // A UTF-16 length within max is within max code points: the common case costs nothing.
  if (s.length <= max) return s;
  let out = '';
  let kept = '';
  let n = 0;
  for (const ch of s) {
    if (++n === max) kept = out;
    else if (n > max) return `${kept}…`;
    out += ch;
  }
  return s;
}

/** A name as a terminal or CI view prints it: cut to LIMITS.labelChars, controls made visible. */
export const label = (s: string): string => visible(cutLabel(s));

/** A message argument cut as a label: text, and localized text in both languages. */
function cutArg(v: unknown): unknown {
  if (typeof v === 'string') return cutLabel(v);
  if (v !== null && typeof v === 'object' && ('zh' in v || 'en' in v)) {
    const t = v as { zh?: string; en?: string };
    return { ...t, zh: t.zh === undefined ? undefined : cutLabel(t.zh), en: t.en === undefined ? undefined : cutLabel(t.en) };
  }
  return v;
}

const tooLong = (v: unknown): boolean => {
  if (typeof v === 'string') return v.length > LIMITS.labelChars;
  if (v !== null && typeof v === 'object') {
    const t = v as { zh?: unknown; en?: unknown };
    return (typeof t.zh === 'string' && t.zh.length > LIMITS.labelChars) || (typeof t.en === 'string' && t.en.length > LIMITS.labelChars);
  }
  return false;
};

/** Message arguments (names and values quoted from the input) each cut to LIMITS.labelChars; the same object when none is longer. */
export function boundedArgs(args: Record<string, unknown> = {}): Record<string, unknown> {
  let bounded = args;
  for (const k in args) {
    if (!tooLong(args[k])) continue;
    if (bounded === args) bounded = { ...args };
    bounded[k] = cutArg(args[k]);
  }
  return bounded;
}

/** A catalogue message with boundedArgs, not made visible: the caller escapes it for its format. */
export const boundedMessage = (id: Parameters<typeof message>[0], args: Record<string, unknown> | undefined, lang: Lang): string => message(id, boundedArgs(args), lang);
