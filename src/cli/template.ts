// `cscheck template --plan X --kind survey|ledger -o FILE.xlsx`: writes the blank workbook a plan
// asks to be filled — the survey with exactly the columns the plan reads, or the task ledger with
// the plan's tasks prefilled — atomically, so an interrupted run leaves no half-written workbook.

import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { CscheckError } from '../schema/errors.js';
import { loadPlan } from '../schema/load-plan.js';
import type { Lang } from '../schema/messages.js';
import { message } from '../schema/messages.js';
import { compilePlan } from '../rules/compile-plan.js';
import { ledgerTemplate } from '../report/workbook/template-ledger.js';
import type { TemplateSheetSummary } from '../report/workbook/template-sheet.js';
import { surveyTemplate } from '../report/workbook/template-survey.js';
import type { Io } from './io.js';
import { EXIT } from './io.js';
import { writeAtomic } from '../output/write-output.js';

export interface TemplateOptions {
  plan: string;
  kind: 'survey' | 'ledger';
  townshipSheet?: boolean;
  output?: string;
  /** Rows of the survey sheets that get validation. */
  rows: number;
  lang: Lang;
}

/** -o is required, names an .xlsx file, and is not a directory: checked before the plan is read. */
async function checkOutput(output: string | undefined): Promise<string> {
  if (!output) throw new CscheckError('template.no-output');
  if ((await stat(output).catch(() => null))?.isDirectory()) throw new CscheckError('template.output-is-directory', { file: output });
  if (extname(output).toLowerCase() !== '.xlsx') throw new CscheckError('template.output-not-xlsx', { file: output });
  return output;
}

function summary(sheets: TemplateSheetSummary[], lang: Lang): string {
  return sheets
    .map((s) => (s.rows ? message('template.sheet-rows', { sheet: s.name, rows: s.rows }, lang) : message('template.sheet-columns', { sheet: s.name, columns: s.columns }, lang)))
    .join(message('template.list-separator', {}, lang));
}

export async function templateCommand(opts: TemplateOptions, io: Io): Promise<number> {
  const output = await checkOutput(opts.output);
  if (opts.townshipSheet && opts.kind !== 'survey') throw new CscheckError('template.township-sheet-ledger');
  const loaded = loadPlan(opts.plan);
  if (opts.kind === 'ledger' && !loaded.plan.tasks?.length) throw new CscheckError('template.no-tasks', { plan: loaded.plan.id }, { file: loaded.file });
  const { workbook, sheets } =
    opts.kind === 'survey'
      ? surveyTemplate(compilePlan(loaded), { lang: opts.lang, townshipSheet: opts.townshipSheet, rows: opts.rows })
      : ledgerTemplate(loaded.plan, opts.lang);
  await writeAtomic(output, new Uint8Array(await workbook.xlsx.writeBuffer()));
  io.stdout(`${message('template.written', { file: output, sheets: summary(sheets, opts.lang) }, opts.lang)}\n`);
  return EXIT.ok;
}
