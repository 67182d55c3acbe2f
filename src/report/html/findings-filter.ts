// The findings as a table that filters itself in the browser: a checkbox per severity and a search box
// over each row's text (place, township, community, code, message). Without script every row shows.

import type { Finding, Severity } from '../../schema/finding.js';
import type { MessageId } from '../../schema/messages.js';
import { message } from '../../schema/messages.js';
import { bySeverity } from '../formats/ci-common.js';
import type { FormatContext } from '../render.js';
import { findingText, locationLine, shownPath } from '../render.js';
import { cutLabel } from '../safe-text.js';
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

/** The table's columns, by the catalogue entries that head them. */
const COLUMNS: MessageId[] = ['label.severity', 'html.code', 'label.location', 'label.message'];

/**
 * On a phone the rows stack, each cell after its column's name. The names come from the style sheet,
 * in both languages (the page's lang picks one), not from an attribute on every cell: a batch page
 * has a thousand rows, and a batch a thousand pages. For the phone block of the page's styles.
 */
export function findingLabelStyles(): string {
  const css = (text: string) => JSON.stringify(text);
  const rule = (prefix: string, lang: 'zh' | 'en', colon: string) =>
    COLUMNS.map((id, i) => `  ${prefix}table.findings tr.finding > td:nth-child(${i + 1})::before { content: ${css(`${message(id, {}, lang)}${colon}`)}; color: var(--muted); }`).join('\n');
  return `${rule('', 'en', ': ')}\n${rule(':lang(zh) ', 'zh', '：')}`;
}

/**
 * The rows' renderer for one page: the labels and each file's shown path are worked out once, not
 * per finding (a batch page has a thousand rows, and a batch a thousand pages).
 */
function rowRenderer(ctx: FormatContext, onlyFile?: string): (f: Finding) => string {
  const { lang } = ctx;
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
    const township = l.township && cutLabel(l.township);
    const community = l.community && cutLabel(l.community);
    const place = township && community ? `${township} ${community}` : township || community || '';
    // The page's one input is named at its head: its rows say where in it (AG244, 村（社区）!X18).
    const where = locationLine(l, lang, l.file === undefined ? undefined : l.file === onlyFile ? '' : fileOf(l.file));
    return (
      `<tr class="finding" data-severity="${f.severity}"><td class="sev ${f.severity}">${severity[f.severity]}</td>` +
      `<td><code>${codeOf(f.code)}</code></td>` +
      `<td>${esc(where)}${place ? `<span class="place">${esc(place)}</span>` : ''}</td>` +
      `<td>${esc(findingText(f, lang))}</td></tr>`
    );
  };
}

/**
 * The filter controls and the table, most severe first, as lines (a row each) made as they are
 * written; `more` = findings counted but not listed; `onlyFile`: the report's one input, which rows
 * then leave unnamed.
 */
export function* findingsTable(findings: Finding[], more: number, ctx: FormatContext, onlyFile?: string): Generator<string> {
  const { lang } = ctx;
  const L = (id: Parameters<typeof message>[0], args: Record<string, unknown> = {}) => esc(message(id, args, lang));
  const moreLine = more > 0 ? `<p class="more">${L('label.more', { count: more })}</p>` : '';
  if (!findings.length) {
    yield `<p>${L('label.no-findings')}</p>${moreLine}`;
    return;
  }
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const boxes = SEVERITIES.map((s) => `<label><input type="checkbox" name="severity" value="${s}" checked> ${L(`label.${s}`)} (${count(s)})</label>`).join('');
  yield '<div class="filters">';
  yield `<fieldset><legend>${L('label.severity')}</legend>${boxes}</fieldset>`;
  yield `<label>${L('html.filter-search')} <input type="search" placeholder="${L('html.filter-placeholder')}" autocomplete="off"></label>`;
  yield `<span class="shown" data-template="${L('html.filter-shown', { shown: '{shown}', total: '{total}' })}" aria-live="polite">${L('html.filter-shown', { shown: findings.length, total: findings.length })}</span>`;
  yield '</div>';
  yield '<div class="table-wrap"><table class="findings stack">';
  yield `<thead><tr>${COLUMNS.map((id) => `<th>${L(id)}</th>`).join('')}</tr></thead>`;
  yield '<tbody>';
  const row = rowRenderer(ctx, onlyFile);
  for (const f of bySeverity(findings)) yield row(f);
  yield `<tr class="no-match" hidden><td colspan="4">${L('html.no-match')}</td></tr>`;
  yield '</tbody></table></div>';
  if (moreLine) yield moreLine;
}
