// The JSON comparison: the Comparison object as it is (schema/comparison.ts, stable under its
// schemaVersion), with each note's text in the chosen language next to its id and arguments.

import type { Comparison } from '../../schema/comparison.js';
import type { FormatContext } from '../render.js';
import { noteText, sayer } from './text.js';

export function json(cmp: Comparison, ctx: FormatContext): string {
  const say = sayer(ctx.lang);
  const out = {
    ...cmp,
    lang: ctx.lang,
    areas: cmp.areas.map((a) => ({ ...a, notes: a.notes.map((n) => ({ ...n, message: noteText(n, say) })) })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
