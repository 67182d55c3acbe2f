// Small pieces every page shares: the status and attribute badges, and counts as a row of chips.

import type { Severity } from '../../schema/finding.js';
import type { Lang, MessageId } from '../../schema/messages.js';
import { message } from '../../schema/messages.js';
import type { Attribute } from '../../schema/plan.js';
import type { Status } from '../../schema/results.js';
import { esc } from './html-escape.js';

export const statusBadge = (status: Status, lang: Lang): string => `<span class="badge ${status}">${esc(message(`label.${status}`, {}, lang))}</span>`;

export const attributeBadge = (attribute: Attribute, lang: Lang): string =>
  `<span class="badge${attribute === '约束性' ? ' binding' : ''}">${esc(message(`label.${attribute}`, {}, lang))}</span>`;

/** `达标 6 · 未达标 11 · 无数据 17` and `错误 1 · 警告 19 · 提示 22` as chips, in one list. */
export function countChips(indicators: Record<Status, number> | undefined, findings: Record<Severity, number>, lang: Lang): string {
  const chip = (cls: string, id: MessageId, n: number) => `<li class="chip ${cls}">${esc(message(id, {}, lang))} ${n}</li>`;
  const items: string[] = [];
  if (indicators) for (const s of ['met', 'not-met', 'no-data'] as const) items.push(chip(s, `label.${s}`, indicators[s]));
  for (const s of ['error', 'warning', 'info'] as const) items.push(chip(s, `label.${s}`, findings[s]));
  return `<ul class="chips">${items.join('')}</ul>`;
}
