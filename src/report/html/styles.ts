// The report's one stylesheet, inlined into every page. No web fonts: the system's own, with the CJK
// fonts of Windows, macOS, Android and Linux named so Chinese never falls back to boxes. Phones get one
// column and tables that turn into stacked rows; print gets no controls and no page breaks inside a card.

import { findingLabelStyles } from './findings-filter.js';

export const STYLES = `
:root {
  --ink: #212121; --muted: #616161; --line: #e0e0e0; --paper: #fff; --wash: #f5f5f5;
  --met: #2e7d32; --met-wash: #e8f5e9; --miss: #c62828; --miss-wash: #ffebee;
  --warn: #e65100; --warn-wash: #fff3e0; --none: #757575; --none-wash: #eeeeee; --link: #0d47a1;
  color-scheme: light;
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; color: var(--ink); background: var(--wash); line-height: 1.5; font-size: 15px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "PingFang SC",
    "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
    "Droid Sans Fallback", sans-serif;
}
main { max-width: 1180px; margin: 0 auto; padding: 16px; }
a { color: var(--link); }
h1 { font-size: 1.5rem; line-height: 1.3; margin: 0 0 4px; }
h2 { font-size: 1.2rem; margin: 28px 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 1rem; margin: 0 0 6px; line-height: 1.35; }
p { margin: 4px 0; }
.page-head { background: var(--paper); border-radius: 8px; padding: 16px; border: 1px solid var(--line); }
.eyebrow { color: var(--muted); font-size: .85rem; margin: 0 0 2px; }
.facts { color: var(--muted); font-size: .9rem; overflow-wrap: anywhere; }
.chips { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 10px; padding: 0; list-style: none; }
.chip { padding: 2px 10px; border-radius: 999px; background: var(--wash); border: 1px solid var(--line); font-size: .88rem; white-space: nowrap; }
.chip.met { background: var(--met-wash); color: var(--met); border-color: transparent; }
.chip.not-met, .chip.error { background: var(--miss-wash); color: var(--miss); border-color: transparent; }
.chip.warning { background: var(--warn-wash); color: var(--warn); border-color: transparent; }
.chip.no-data, .chip.info { background: var(--none-wash); color: var(--none); border-color: transparent; }
nav.toc { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 12px 0 0; font-size: .95rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 250px), 1fr)); gap: 12px; }
h3.group { margin: 16px 0 8px; color: var(--muted); font-size: .95rem; }
.cards.no-data .card { padding: 8px 12px; }
.cards.no-data h3 { font-size: .92rem; }
.card { background: var(--paper); border: 1px solid var(--line); border-left: 5px solid var(--none); border-radius: 6px; padding: 10px 12px; break-inside: avoid; }
.card.met { border-left-color: var(--met); }
.card.not-met { border-left-color: var(--warn); }
.card.not-met.binding { border-left-color: var(--miss); }
.badges { display: flex; flex-wrap: wrap; gap: 4px; margin: 0 0 6px; }
.badge { font-size: .78rem; padding: 0 6px; border-radius: 4px; background: var(--wash); color: var(--muted); border: 1px solid var(--line); white-space: nowrap; }
.badge.binding { color: var(--miss); border-color: var(--miss); background: var(--paper); }
.badge.met { background: var(--met); color: #fff; border-color: var(--met); }
.badge.not-met { background: var(--warn); color: #fff; border-color: var(--warn); }
.binding .badge.not-met { background: var(--miss); border-color: var(--miss); }
.badge.no-data { background: var(--none); color: #fff; border-color: var(--none); }
.figures { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 10px; }
.figures .value { font-size: 1.45rem; font-weight: 600; }
.figures .target { color: var(--muted); }
.gap { font-weight: 600; }
.not-met .gap { color: var(--warn); }
.not-met.binding .gap { color: var(--miss); }
.meta, .reason, .progress { font-size: .85rem; color: var(--muted); }
.progress.behind, .progress.overdue { color: var(--miss); }
.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: .85rem; color: var(--muted); margin: 0 0 10px; padding: 0; list-style: none; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; vertical-align: -1px; margin-right: 4px; }
.swatch.met { background: var(--met); }
.swatch.short { background: #d84315; }
.swatch.no-data { border: 1px dashed #9e9e9e; }
.swatch.target { width: 0; height: 14px; border-left: 2px dashed var(--ink); border-radius: 0; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 420px), 1fr)); gap: 12px; }
figure.chart { margin: 0; background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; break-inside: avoid; min-width: 0; }
figure.chart svg { display: block; width: 100%; max-width: 480px; height: auto; }
figure.chart figcaption { font-size: .85rem; color: var(--muted); margin-top: 4px; }
.table-wrap { overflow-x: auto; background: var(--paper); border: 1px solid var(--line); border-radius: 6px; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { background: var(--wash); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td { overflow-wrap: anywhere; }
.sev { white-space: nowrap; font-weight: 600; }
.sev.error { color: var(--miss); }
.sev.warning { color: var(--warn); }
.sev.info { color: var(--none); }
td code { white-space: nowrap; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em; }
.place { display: block; color: var(--muted); font-size: .85em; }
.filters { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; margin: 0 0 10px; }
.filters fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 12px; }
.filters legend { float: left; margin-right: 8px; font-weight: 600; }
.filters label { white-space: nowrap; }
.filters input[type=search] { font: inherit; padding: 4px 8px; border: 1px solid #bdbdbd; border-radius: 4px; width: min(100%, 320px); }
.shown { color: var(--muted); font-size: .85rem; }
.no-match td { color: var(--muted); text-align: center; }
.more { color: var(--muted); font-size: .9rem; margin-top: 6px; }
footer { color: var(--muted); font-size: .8rem; margin: 28px 0 8px; text-align: center; }
table.heatmap { width: auto; min-width: 50%; }
.heatmap th, .heatmap td { text-align: center; padding: 4px 6px; white-space: nowrap; }
.heatmap th.area { text-align: left; position: sticky; left: 0; background: var(--paper); z-index: 1; min-width: 7em; }
.heatmap thead th.area { background: var(--wash); }
.heatmap td.cell { font-size: .8rem; font-variant-numeric: tabular-nums; min-width: 3.6em; vertical-align: middle; }
.cell.met { background: #c8e6c9; }
.cell.miss-1 { background: #ffe0b2; }
.cell.miss-2 { background: #ffab91; }
.cell.miss-3 { background: #e57373; color: #fff; }
.cell.no-data { background: repeating-linear-gradient(45deg, #eeeeee, #eeeeee 4px, #fafafa 4px, #fafafa 8px); color: var(--none); }
.swatch.cell { width: 14px; height: 14px; }
.heatmap .file { display: block; color: var(--muted); font-size: .78rem; font-weight: normal; }
ol.key { columns: 2 22em; font-size: .88rem; padding-left: 2.2em; }
ol.key li { break-inside: avoid; }
@media (max-width: 600px) {
  main { padding: 10px; }
  body { font-size: 14px; }
  h1 { font-size: 1.25rem; }
  table.stack thead { display: none; }
  table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; width: 100%; }
  table.stack tr { border-bottom: 1px solid var(--line); padding: 6px 0; }
  table.stack td { border: 0; padding: 2px 8px; }
  table.stack td.num { text-align: left; }
  table.stack td.lead { font-weight: 600; }
  table.stack td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); }
  :lang(zh) table.stack td[data-label]::before { content: attr(data-label) "："; }
${findingLabelStyles()}
}
@media print {
  body { background: #fff; font-size: 10pt; }
  main { max-width: none; padding: 0; }
  nav.toc, .filters, .shown { display: none; }
  .page-head, .card, figure.chart, .table-wrap { border-color: #bdbdbd; }
  .table-wrap { overflow: visible; }
  table.findings tr.finding[hidden] { display: table-row !important; }
  .no-match { display: none; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
  tr, .card, figure.chart { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
