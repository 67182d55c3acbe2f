// Shared by the formatters: a finding's message and position in the user's language.

import type { Finding, Location } from '../schema/finding.js';
import type { Lang } from '../schema/messages.js';
import { message } from '../schema/messages.js';

export interface FormatContext {
  lang: Lang;
  color: boolean;
}

export function findingMessage(f: Finding, lang: Lang): string {
  return message(f.messageId, f.args, lang);
}

/** `file 村（社区）!K53` for cells, `file:12:5` for plan lines, `file` otherwise. */
export function locationText(l: Location): string {
  if (l.line !== undefined) return `${l.file ?? ''}:${l.line}${l.col !== undefined ? `:${l.col}` : ''}`;
  const parts = [l.file ?? ''];
  if (l.cell) parts.push(l.sheet ? `${l.sheet}!${l.cell}` : l.cell);
  else if (l.row !== undefined) parts.push(l.sheet ? `${l.sheet}!${l.row}` : `#${l.row}`);
  else if (l.sheet) parts.push(l.sheet);
  return parts.filter(Boolean).join(' ');
}
