import { resolve } from 'node:path';
import { CscheckError } from '../schema/errors.js';
import type { Lang } from '../schema/messages.js';
import { loadPlan } from '../schema/load-plan.js';
import type { Report } from '../schema/results.js';
import { inputKind, readInput, readValues } from '../io/read-input.js';
import { defaultJobs, evaluateCsvInParallel } from '../rules/parallel-csv.js';
import { compilePlan } from '../rules/compile-plan.js';
import { Evaluation } from '../rules/evaluation.js';
import { FORMATS } from '../report/formats/index.js';
import type { Io } from './main.js';
import { EXIT } from './main.js';
import { writeAtomic } from './write-output.js';

export interface EvaluateOptions {
  plan: string;
  sheet?: string;
  encoding?: string;
  values?: string;
  format: string;
  output?: string;
  lang: Lang;
  failOn: 'binding' | 'expected' | 'none';
  maxFindings: number;
  color: boolean;
  /** Threads for large CSV files. */
  jobs?: number;
  /** Smallest CSV file worth splitting (tests lower it). */
  parallelMinBytes?: number;
}

/** Runs the pipeline: plan → compiled checks → one pass over each input → report. */
export async function evaluateFiles(files: string[], opts: Omit<EvaluateOptions, 'format' | 'output' | 'color' | 'failOn'>): Promise<Report> {
  const loaded = loadPlan(opts.plan);
  const evaluation = new Evaluation(compilePlan(loaded), { maxFindings: opts.maxFindings });
  const jobs = opts.jobs ?? defaultJobs();
  for (const file of files) {
    const parallel =
      (await inputKind(file)) === 'csv'
        ? await evaluateCsvInParallel(evaluation, file, file, { encoding: opts.encoding, jobs, minBytes: opts.parallelMinBytes, plan: loaded.file, maxFindings: opts.maxFindings })
        : null;
    evaluation.addInput(parallel ?? (await readInput(file, evaluation, { sheet: opts.sheet, encoding: opts.encoding })));
  }
  if (opts.values) evaluation.addInput(await readValues(opts.values, evaluation, { encoding: opts.encoding }));
  return evaluation.finish();
}

export function exitCode(report: Report, failOn: EvaluateOptions['failOn']): number {
  const { error, warning } = report.summary.findings;
  if (failOn === 'none') return EXIT.ok;
  if (error > 0 || (failOn === 'expected' && warning > 0)) return EXIT.findings;
  return EXIT.ok;
}

export async function evaluateCommand(files: string[], opts: EvaluateOptions, io: Io): Promise<number> {
  if (opts.output) {
    const out = resolve(opts.output);
    const clash = [...files, opts.values].find((f) => f && resolve(f) === out);
    if (clash) throw new CscheckError('usage.output-is-input', { file: clash });
  }
  const report = await evaluateFiles(files, opts);
  const color = opts.color && io.isTTY && !opts.output && io.env.NO_COLOR === undefined;
  const text = FORMATS[opts.format](report, { lang: opts.lang, color });
  if (opts.output) await writeAtomic(opts.output, text);
  else io.stdout(text);
  return exitCode(report, opts.failOn);
}
