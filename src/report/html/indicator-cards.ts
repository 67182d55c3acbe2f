// One card per indicator: its value against its target, the gap in the indicator's own unit, how many
// rows had the data, progress with --as-of, and why there is no value when there is none.

import type { Lang } from '../../schema/messages.js';
import { message } from '../../schema/messages.js';
import { formatAgainst, formatTarget, formatValue, gapText } from '../../schema/quantity.js';
import type { IndicatorResult, Status } from '../../schema/results.js';
import { localize } from '../formats/ci-common.js';
import { attributeBadge, statusBadge } from './badges.js';
import { boundedMessage } from '../safe-text.js';
import { attrs, esc } from './html-escape.js';

function coverageLine(r: IndicatorResult, lang: Lang): string {
  if (r.measure !== 'reported') return message('html.with-data', { withData: r.withData, inScope: r.inScope }, lang);
  const from = r.reportedFrom;
  const place = from && [from.sheet, from.row !== undefined ? `#${from.row}` : undefined].filter(Boolean).join(' ');
  return place ? message('html.reported-from', { place }, lang) : message('html.reported', {}, lang);
}

function progressLine(r: IndicatorResult, lang: Lang): string {
  const p = r.progress;
  if (!p) return '';
  const args = { asOf: p.asOf, expected: formatValue(p.expected, r.unit, 1, lang), due: r.due ?? '', gap: gapText(p.behind, r.target.op, r.unit, lang) };
  const id = p.status === 'on-track' ? 'html.progress-on-track' : p.status === 'behind' ? 'html.progress-behind' : 'html.progress-overdue';
  return `<p class="progress ${p.status}">${esc(message(id, args, lang))}</p>`;
}

export function indicatorCard(r: IndicatorResult, lang: Lang): string {
  const target = message('html.target', { target: formatTarget(r.target, r.unit, lang) }, lang);
  const targetSpan = `<span${attrs({ class: 'target', title: r.target.text ? message('html.target-quote', { text: r.target.text }, lang) : undefined })}>${esc(target)}</span>`;
  const open = `<article${attrs({ class: `card ${r.status}${r.binding ? ' binding' : ''}`, id: `indicator-${r.id}`, 'data-indicator': r.id, 'data-status': r.status })}>`;
  const source = `${esc(message('label.source', {}, lang))}${message('punct.colon', {}, lang)}${esc(r.source.section)}`;
  if (r.status === 'no-data') {
    // Nothing to compare: the name, the target, and why there is no value.
    const why = r.noData ? boundedMessage(r.noData.messageId, r.noData.args, lang) : message('label.no-data', {}, lang);
    return `${open}<h3>${esc(localize(r.name, lang))}</h3><p class="meta">${targetSpan} · ${esc(message(`label.${r.attribute}`, {}, lang))} · ${source}</p><p class="reason">${esc(why)}</p></article>`;
  }
  const out = [
    open,
    `<h3>${esc(localize(r.name, lang))}</h3>`,
    `<p class="badges">${attributeBadge(r.attribute, lang)}${statusBadge(r.status, lang)}</p>`,
    `<p class="figures"><span class="value">${esc(formatAgainst(r.value, r.target.value, r.unit, lang))}</span>${targetSpan}</p>`,
  ];
  if (r.status === 'not-met' && r.gap !== null) out.push(`<p class="gap">${esc(gapText(r.gap, r.target.op, r.unit, lang))}</p>`);
  out.push(progressLine(r, lang));
  out.push(`<p class="meta">${esc(coverageLine(r, lang))} · ${source}</p>`, '</article>');
  return out.filter(Boolean).join('');
}

/**
 * The cards in three groups — not met, met, no data — each in plan order: what needs work first, and
 * the indicators nobody reported out of the way at the end.
 */
export function indicatorCards(indicators: IndicatorResult[], lang: Lang): string {
  const groups: Status[] = ['not-met', 'met', 'no-data'];
  return groups
    .map((status) => {
      const cards = indicators.filter((r) => r.status === status);
      if (!cards.length) return '';
      const title = message('label.section-count', { title: message(`label.${status}`, {}, lang), count: cards.length }, lang);
      return `<h3 class="group">${esc(title)}</h3>\n<div class="cards ${status}">${cards.map((r) => indicatorCard(r, lang)).join('\n')}</div>`;
    })
    .filter(Boolean)
    .join('\n');
}
