// The findings as a table that filters itself in the browser: a checkbox per severity and a search box
// over each row's text (place, township, community, code, message). Without script every row shows.

import type { Finding, Severity } from '../../schema/finding.js';
import type { MessageId } from '../../schema/messages.js';
import { message } from '../../schema/messages.js';
import { bySeverity } from '../formats/ci-common.js';
import type { FormatContext } from '../render.js';
import { findingMessage, locationText, shownPath } from '../render.js';
import { esc } from './html-escape.js';

/**
 * Runs once at the end of the page. Plain ES2017, no framework: rows are hidden with the `hidden`
 * attribute, and the “showing n of m” line is filled from a template the page carries in its language.
 */
export const FILTER_SCRIPT = `(function () {
  var root = document.getElementById('findings');
  var table = root && root.querySelector('table.findings');
  if (!table) return;
  var boxes = Array.prototype.slice.call(root.querySelectorAll('input[name="severity"]'));
  var search = root.querySelector('input[type="search"]');
  var rows = Array.prototype.slice.call(table.querySelectorAll('tr.finding'));
  var texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
  var shown = root.querySelector('.shown');
  var empty = table.querySelector('tr.no-match');
  function apply() {
    var on = {};
    boxes.forEach(function (b) { on[b.value] = b.checked; });
    var q = search.value.trim().toLowerCase();
    var n = 0;
    rows.forEach(function (r, i) {
      var visible = on[r.getAttribute('data-severity')] === true && (q === '' || texts[i].indexOf(q) >= 0);
      r.hidden = !visible;
      if (visible) n++;
    });
    shown.textContent = shown.getAttribute('data-template').replace('{shown}', String(n)).replace('{total}', String(rows.length));
    empty.hidden = n > 0;
  }
  root.addEventListener('input', apply);
  root.addEventListener('change', apply);
  apply();
})();`;

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/**
 * The rows' renderer for one page: the column labels and each file's shown path are worked out
 * once, not per finding (a batch page has a thousand rows, and a batch a thousand pages).
 */
function rowRenderer(ctx: FormatContext, onlyFile?: string): (f: Finding) => string {
  const { lang } = ctx;
  const label = (id: MessageId) => esc(message(id, {}, lang));
  const L = { severity: label('label.severity'), code: label('html.code'), location: label('label.location'), message: label('label.message') };
  const severity = Object.fromEntries(SEVERITIES.map((s) => [s, esc(message(`label.${s}`, {}, lang))])) as Record<Severity, string>;
  const files = new Map<string, string>();
  const fileOf = (file: string) => {
    let shown = files.get(file);
    if (shown === undefined) files.set(file, (shown = shownPath(file, ctx.cwd)));
    return shown;
  };
  const codes = new Map<string, string>();
  const codeOf = (code: string) => {
    let shown = codes.get(code);
    if (shown === undefined) codes.set(code, (shown = esc(code)));
    return shown;
  };
  // One template per row, not an attribute object and a join: a batch renders a million rows.
  return (f) => {
    const l = f.location;
    const place = l.township && l.community ? `${l.township} ${l.community}` : l.township || l.community || '';
    // The page's one input is named at its head: its rows say where in it (AG244, 村（社区）!X18).
    const where = locationText(l, l.file === undefined ? undefined : l.file === onlyFile ? '' : fileOf(l.file));
    const code = codeOf(f.code);
    return (
      `<tr class="finding" data-severity="${f.severity}">` +
      `<td class="sev ${f.severity}" data-label="${L.severity}">${severity[f.severity]}</td>` +
      `<td data-label="${L.code}"><code>${code}</code></td>` +
      `<td data-label="${L.location}">${esc(where)}${place ? `<span class="place">${esc(place)}</span>` : ''}</td>` +
      `<td data-label="${L.message}">${esc(findingMessage(f, lang))}</td>` +
      '</tr>'
    );
  };
}

/**
 * The filter controls and the table, most severe first, as lines (a row each); `more` = findings
 * counted but not listed; `onlyFile`: the report's one input, which rows then leave unnamed.
 */
export function findingsTable(findings: Finding[], more: number, ctx: FormatContext, onlyFile?: string): string[] {
  const { lang } = ctx;
  const L = (id: Parameters<typeof message>[0], args: Record<string, unknown> = {}) => esc(message(id, args, lang));
  const moreLine = more > 0 ? `<p class="more">${L('label.more', { count: more })}</p>` : '';
  if (!findings.length) return [`<p>${L('label.no-findings')}</p>${moreLine}`];
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const boxes = SEVERITIES.map((s) => `<label><input type="checkbox" name="severity" value="${s}" checked> ${L(`label.${s}`)} (${count(s)})</label>`).join('');
  return [
    '<div class="filters">',
    `<fieldset><legend>${L('label.severity')}</legend>${boxes}</fieldset>`,
    `<label>${L('html.filter-search')} <input type="search" placeholder="${L('html.filter-placeholder')}" autocomplete="off"></label>`,
    `<span class="shown" data-template="${L('html.filter-shown', { shown: '{shown}', total: '{total}' })}" aria-live="polite">${L('html.filter-shown', { shown: findings.length, total: findings.length })}</span>`,
    '</div>',
    '<div class="table-wrap"><table class="findings stack">',
    `<thead><tr><th>${L('label.severity')}</th><th>${L('html.code')}</th><th>${L('label.location')}</th><th>${L('label.message')}</th></tr></thead>`,
    '<tbody>',
    ...bySeverity(findings).map(rowRenderer(ctx, onlyFile)),
    `<tr class="no-match" hidden><td colspan="4">${L('html.no-match')}</td></tr>`,
    '</tbody></table></div>',
    moreLine,
  ];
}
