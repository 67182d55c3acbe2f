// The XLSX benchmark (`npm run bench -- --only xlsx`): on the same generated workbook and in the
// same run, cscheck evaluate, cscheck evaluate --annotate, and exceljs' streaming reader visiting
// every cell (bench/exceljs-visit.mjs) — the bars are ratios between them (bench/README.md, "XLSX").

import fs from 'node:fs';
import path from 'node:path';

/** The three commands, in the runner's benchmark shape; `h` holds the runner's helpers. */
export function xlsxBenchmarks(o, tmp, input, h) {
  if (!input) return [];
  const rows = o.xlsxRows;
  const out = path.join(tmp, 'xlsx-evaluate.json');
  const annotated = path.join(tmp, 'xlsx-annotate.json');
  const book = path.join(tmp, 'xlsx-annotate.xlsx');
  const evaluate = (report, ...more) => ['bin/cscheck', 'evaluate', h.rel(input), '--plan', o.plan, '--format', 'json', '--output', report, ...more];
  const visit = ['node', 'bench/exceljs-visit.mjs', h.rel(input)];
  return [
    {
      id: 'xlsx-evaluate', tool: 'cscheck', format: 'xlsx', rows, input,
      cmd: evaluate(out), shown: h.shell(evaluate('<tmpfile>')),
      before: () => fs.rmSync(out, { force: true }), check: h.cscheckCheck(out),
    },
    {
      id: 'xlsx-annotate', tool: 'cscheck --annotate', format: 'xlsx', rows, input,
      cmd: evaluate(annotated, '--annotate', book), shown: h.shell(evaluate('<tmpfile>.json', '--annotate', '<tmpfile>.xlsx')),
      before: () => [annotated, book].forEach((f) => fs.rmSync(f, { force: true })), check: h.cscheckCheck(annotated),
    },
    {
      id: 'xlsx-exceljs', tool: 'exceljs WorkbookReader (visit every cell)', format: 'xlsx', rows, input,
      cmd: visit, shown: h.shell(visit),
      check: ({ status, stdoutFile }) => {
        const j = status === 0 ? h.readJson(stdoutFile) : undefined;
        // The title-less generated sheet: the header row and every data row.
        if (!j) return { ok: false, why: `exit ${status}, printed no JSON` };
        return j.rows === rows + 1 ? { ok: true, note: `${j.cells} cells` } : { ok: false, why: `visited ${j.rows} rows, expected ${rows + 1}` };
      },
    },
  ];
}

/** The ratios the bars are about, when all three were measured. */
export function xlsxRatios(results) {
  const by = Object.fromEntries(results.map((r) => [r.id, r]));
  const [e, a, x] = ['xlsx-evaluate', 'xlsx-annotate', 'xlsx-exceljs'].map((id) => by[id]?.median);
  if (!e || !a || !x) return [];
  const mb = (r) => (r.rssMB == null ? 'n/a' : `${r.rssMB.toFixed(0)} MB`);
  return [
    `- evaluate / exceljs visit: ${(e / x).toFixed(2)} (bar ≤ 0.6)`,
    `- evaluate --annotate / evaluate: ${(a / e).toFixed(2)} (bar ≤ 1.3)`,
    `- peak RSS: evaluate ${mb(by['xlsx-evaluate'])}, --annotate ${mb(by['xlsx-annotate'])} (bar ≤ 400 MB each)`,
  ];
}
