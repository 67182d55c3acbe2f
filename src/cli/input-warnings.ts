// Options that the inputs make pointless are said, one stderr line each, instead of being ignored
// without a word: --sheet on a CSV (it has no sheets), --encoding on a file whose byte-order mark
// decides its encoding. Not Findings: they are about how cscheck was called, not about the data,
// and would otherwise stay in every saved report.

import { closeSync, openSync, readSync } from 'node:fs';
import { inputKind } from '../io/read-input.js';
import type { Lang, MessageId } from '../schema/messages.js';
import { message } from '../schema/messages.js';

/** The encoding a byte-order mark names, or null. */
function bomEncoding(path: string): string | null {
  const head = Buffer.alloc(3);
  const fd = openSync(path, 'r');
  let n: number;
  try {
    n = readSync(fd, head, 0, 3, 0);
  } finally {
    closeSync(fd);
  }
  if (n >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'UTF-8';
  if (n >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'UTF-16LE';
  if (n >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'UTF-16BE';
  return null;
}

const sameEncoding = (a: string, b: string) => a.toLowerCase().replace(/[-_]/g, '') === b.toLowerCase().replace(/[-_]/g, '');

/**
 * The warning lines for these inputs and options, in `lang`. Files that cannot be read are left
 * to the readers, which say why.
 */
export function inputWarnings(files: string[], display: string[], opts: { sheet?: string; encoding?: string }, lang: Lang): string[] {
  if (opts.sheet === undefined && opts.encoding === undefined) return [];
  const lines: string[] = [];
  const say = (id: MessageId, args: Record<string, unknown>) => lines.push(`cscheck: ${message(id, args, lang)}\n`);
  files.forEach((path, i) => {
    const file = display[i] ?? path;
    let kind: 'csv' | 'xlsx';
    try {
      kind = inputKind(path, file);
    } catch {
      return;
    }
    if (kind !== 'csv') return;
    if (opts.sheet !== undefined) say('warn.sheet-on-csv', { file, sheet: opts.sheet });
    const bom = opts.encoding === undefined ? null : bomEncoding(path);
    if (bom && !sameEncoding(bom, opts.encoding!)) say('warn.bom-overrides-encoding', { file, bom, encoding: opts.encoding });
  });
  return lines;
}

/**
 * The as-of warning: --as-of places each indicator on the line from its baseline to its target, or
 * past its due date; a plan without baselines, on a day before every due date, has nothing to place.
 */
export function asOfWarning(
  plan: { id: string; period: { end: number }; indicators: { baseline?: unknown; due?: string }[] },
  asOf: string | undefined,
  lang: Lang,
): string[] {
  if (asOf === undefined) return [];
  const matters = (i: { baseline?: unknown; due?: string }) => i.baseline !== undefined || asOf >= (i.due ?? `${plan.period.end}-12-31`);
  if (plan.indicators.some(matters)) return [];
  return [`cscheck: ${message('warn.as-of-no-baselines', { plan: plan.id, date: asOf }, lang)}\n`];
}
