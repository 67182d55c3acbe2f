// Shared by the formatters: a finding's message and position in the user's language.

import { isAbsolute, normalize, relative, sep } from 'node:path';
import type { Finding, Location } from '../schema/finding.js';
import type { Lang } from '../schema/messages.js';
import { message } from '../schema/messages.js';
import { boundedMessage, cutLabel, visible } from './safe-text.js';

export interface FormatContext {
  lang: Lang;
  color: boolean;
  /** The directory paths are shown relative to (CI formats: the checkout); default: the working directory. */
  cwd?: string;
  /** Terminal columns the tables fit (see formats/fit-columns.ts); none: their designed widths. */
  width?: number;
}

export function findingMessage(f: Finding, lang: Lang): string {
  return message(f.messageId, f.args, lang);
}

/**
 * A finding's message as the display formats print it: the names and values it quotes cut to
 * LIMITS.labelChars, not yet made visible (each format escapes for itself; see safe-text.ts).
 */
export function findingText(f: Finding, lang: Lang): string {
  return boundedMessage(f.messageId, f.args, lang);
}

/** A finding's message for a terminal or a CI log: bounded, and every control character visible. */
export const findingLine = (f: Finding, lang: Lang): string => visible(findingText(f, lang));

/** locationText for a terminal or a CI log: the sheet cut as a label, every control character visible. */
export const locationLine = (l: Location, lang: Lang, file = l.file): string => visible(locationText(l.sheet === undefined ? l : { ...l, sheet: cutLabel(l.sheet) }, lang, file));

/**
 * `file 村（社区）!K53` for cells, `file:12:5` for plan lines, `file 第 4 行` / `file row 4` for a row
 * of a sheetless file (a CSV), `file` otherwise; `file` shown as given.
 */
export function locationText(l: Location, lang: Lang, file = l.file): string {
  if (l.line !== undefined) return `${file ?? ''}:${l.line}${l.col !== undefined ? `:${l.col}` : ''}`;
  const parts = [file ?? ''];
  if (l.cell) parts.push(l.sheet ? `${l.sheet}!${l.cell}` : l.cell);
  else if (l.row !== undefined) parts.push(l.sheet ? `${l.sheet}!${l.row}` : message('location.row', { row: l.row }, lang));
  else if (l.sheet) parts.push(l.sheet);
  return parts.filter(Boolean).join(' ');
}

/**
 * A file as CI tools want it: relative to `cwd` with `/` separators when it lies under it (a bundled
 * plan inside node_modules too), otherwise as given. Formatters call this; they never touch the file.
 */
export function shownPath(file: string, cwd: string = process.cwd()): string {
  if (!isAbsolute(file)) return normalize(file).split(sep).join('/');
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : file;
}

/** The location with its file shown relative to `cwd` (see shownPath). */
export function shownLocation(l: Location, cwd?: string): Location {
  return l.file === undefined ? l : { ...l, file: shownPath(l.file, cwd) };
}
