// A bar chart per indicator that has values by township, with its target line, and under it the
// townships that pull the indicator down most (as the terminal report lists them).

import type { Lang } from '../../schema/messages.js';
import { message } from '../../schema/messages.js';
import { formatNumber, formatTarget, formatValue } from '../../schema/quantity.js';
import type { IndicatorResult } from '../../schema/results.js';
import { localize } from '../formats/ci-common.js';
import { attrs, esc } from './html-escape.js';
import { barChart } from './svg-bars.js';
import { cutLabel } from '../safe-text.js';

export function townshipChart(r: IndicatorResult, lang: Lang): string {
  const name = localize(r.name, lang);
  const target = message('html.target', { target: formatTarget(r.target, r.unit, lang) }, lang);
  const svg = barChart({
    bars: r.townships.map((t) => ({ label: t.township, value: t.value, note: message('html.with-data', { withData: t.withData, inScope: t.inScope }, lang) })),
    unit: r.unit,
    target: r.target,
    targetLabel: target,
    noData: message('label.no-data', {}, lang),
    title: message('html.chart-title', { name }, lang),
  });
  const caption = [`${target} · ${message(`label.${r.status}`, {}, lang)}`];
  if (r.status === 'not-met' && r.worstTownships.length) {
    const towns = r.worstTownships
      .map((t) => message('label.worst-township', { township: `${cutLabel(t.township)} ${formatValue(t.value, r.unit, 1, lang)}`, shortfall: formatNumber(t.shortfall) }, lang))
      .join(message('punct.comma', {}, lang));
    caption.push(`${message('label.worst', {}, lang)}${message('punct.colon', {}, lang)}${towns}`);
  }
  return [
    `<figure${attrs({ class: 'chart', id: `chart-${r.id}`, 'data-indicator': r.id })}>`,
    `<h3>${esc(name)}</h3>`,
    svg,
    `<figcaption>${caption.map(esc).join('<br>')}</figcaption>`,
    '</figure>',
  ].join('');
}

/** The legend the charts share, then a chart for each indicator with a value by township. */
export function townshipCharts(indicators: IndicatorResult[], lang: Lang): string {
  const charted = indicators.filter((r) => r.townships.length > 0);
  if (!charted.length) return '';
  const item = (cls: string, text: string) => `<li><span class="swatch ${cls}"></span>${esc(text)}</li>`;
  const legend = `<ul class="legend">${item('met', message('html.legend-met', {}, lang))}${item('short', message('html.legend-short', {}, lang))}${item('no-data', message('label.no-data', {}, lang))}${item('target', message('html.legend-target', {}, lang))}</ul>`;
  return `${legend}<div class="charts">${charted.map((r) => townshipChart(r, lang)).join('\n')}</div>`;
}
