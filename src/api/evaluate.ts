// The one evaluation pipeline: plan → compiled checks → one pass over each input → Report. The
// evaluate command, the batch workers, compare and the annotated workbook all come through here;
// what differs between them is which observers watch the pass (findings, rows as the file holds
// them, the community list), never the pass itself. The library's `evaluate` is this Report as the
// json format prints it; cscheck's own callers take the Report (evaluateReport) and format it.

import { inputKind, readInput, readValues } from '../io/read-input.js';
import type { PassObserver } from './observer.js';
import type { InputSink } from '../io/input-sink.js';
import type { Finding } from '../schema/finding.js';
import type { LoadedPlan } from '../schema/load-plan.js';
import type { Lang } from '../schema/messages.js';
import type { Report } from '../schema/results.js';
import type { JsonReport } from '../report/formats/json.js';
import { jsonReport } from '../report/formats/json.js';
import type { CompiledPlan } from '../rules/compile-plan.js';
import { compilePlan } from '../rules/compile-plan.js';
import { CommunityList } from '../rules/community-list.js';
import { Evaluation } from '../rules/evaluation.js';
import { defaultJobs } from '../workers/jobs.js';
import { evaluateCsvInParallel } from '../workers/parallel-csv.js';
import { parseDate, parseInteger } from './parse.js';
import { loadPlan } from './plan.js';

export type { PassObserver };


/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /** A bundled plan id (e.g. `quanzhou`), a plan YAML file, or a plan already loaded with {@link loadPlan}. */
  plan: string | LoadedPlan;
  /** XLSX: the sheet holding the community table (default: the first sheet). */
  sheet?: string;
  /** CSV: the text encoding (utf8, gbk, gb18030, …); default: detected. */
  encoding?: string;
  /** A file of reported values (指标/数值) for indicators the survey cannot measure. */
  values?: string;
  /** Calendar date YYYY-MM-DD: judge progress along each indicator's trajectory on this day. */
  asOf?: string;
  /** Language of the findings' messages and of the annotated workbook (default zh). */
  lang?: Lang;
  /** List at most this many findings per rule (the rest are counted); 0 = all. Default 1000. */
  maxFindings?: number;
  /** Threads for large CSV files (default: the number of cores). */
  jobs?: number;
  /** Smallest CSV file worth splitting across threads (tests lower it). */
  parallelMinBytes?: number;
  /** Called with every finding, in the order the pass finds it. */
  onFinding?: (finding: Finding) => void;
  /** Called with every row as the file holds it (1-based row number, raw cells), after its checks ran. */
  onRow?: (row: number, cells: readonly unknown[]) => void;
  /** Sees the pass as a copy of the input would (the annotated workbook); files are then read in one stream each. */
  observer?: PassObserver;
  /** Also list the communities (Report.communities), as compare and batch need them. */
  communities?: boolean;
  /** Names to show for the files in the report (default: the paths as given). */
  display?: string[];
  /** The name to show for the values file (default: `values` as given). */
  valuesDisplay?: string;
  /**
   * Also write the input back as an annotated workbook to this .xlsx path (atomically): problem
   * cells filled and explained in notes, a 检查结果 column, and the summary sheets.
   */
  annotate?: string;
}

/** Options only cscheck's own callers set. */
interface InternalOptions {
  /** The plan file the parallel CSV workers load. */
  planFile: string;
  /** Write the annotated workbook on a thread of its own (default: when an input is a workbook). */
  annotateThread?: boolean;
}

/** One observer made of the caller's callbacks: a finding or row goes to each that asked for it. */
function joinObservers(opts: Pick<EvaluateOptions, 'observer' | 'onFinding' | 'onRow'>): PassObserver | undefined {
  const { observer, onFinding, onRow } = opts;
  if (!onFinding && !onRow) return observer;
  return {
    onFinding: (f) => {
      observer?.onFinding(f);
      onFinding?.(f);
    },
    table: (t) => observer?.table(t),
    row: (row, cells, styles) => {
      observer?.row(row, cells, styles);
      onRow?.(row, cells);
    },
    end: () => observer?.end(),
    wait: () => observer?.wait?.(),
  };
}

/** The pass over already compiled checks: the batch workers compile a plan once for many files. */
export async function evaluateCompiled(plan: CompiledPlan, files: string[], opts: Omit<EvaluateOptions, 'plan'> & InternalOptions): Promise<Report> {
  if (opts.asOf !== undefined) parseDate(opts.asOf);
  if (opts.maxFindings !== undefined) parseInteger(opts.maxFindings, 'maxFindings');
  if (opts.jobs !== undefined) parseInteger(opts.jobs, 'jobs', 1);
  if (!opts.annotate) return pass(plan, files, opts);
  const { annotated } = await import('./annotate.js');
  const thread = opts.annotateThread ?? files.some((f) => inputKind(f) === 'xlsx');
  return annotated(opts.annotate, opts.lang ?? 'zh', thread, (observer) => pass(plan, files, { ...opts, observer: joinObservers({ ...opts, observer }) }));
}

async function pass(plan: CompiledPlan, files: string[], opts: Omit<EvaluateOptions, 'plan'> & InternalOptions): Promise<Report> {
  const maxFindings = opts.maxFindings ?? 1000;
  const observer = opts.annotate ? opts.observer : joinObservers(opts);
  const evaluation = new Evaluation(plan, { maxFindings, asOf: opts.asOf, onFinding: observer?.onFinding });
  const list = opts.communities ? new CommunityList(evaluation) : null;
  const sink: InputSink = list ?? evaluation;
  // An observer sees the rows in file order and a community list all of them: one stream per file.
  const jobs = observer || list ? 1 : (opts.jobs ?? defaultJobs());
  for (const [i, file] of files.entries()) {
    const display = opts.display?.[i] ?? file;
    const parallel =
      jobs > 1 && inputKind(file) === 'csv'
        ? await evaluateCsvInParallel(evaluation, file, display, { encoding: opts.encoding, jobs, minBytes: opts.parallelMinBytes, plan: opts.planFile, maxFindings })
        : null;
    evaluation.addInput(parallel ?? (await readInput(file, sink, { sheet: opts.sheet, encoding: opts.encoding, echo: observer }, display)));
  }
  if (opts.values) evaluation.addInput(await readValues(opts.values, evaluation, { encoding: opts.encoding }, opts.valuesDisplay ?? opts.values));
  const report = evaluation.finish();
  return list ? { ...report, communities: list.list() } : report;
}

/** The Report of an evaluation, before any format: what the command's formats, batch and compare render. */
export async function evaluateReport(files: string[], opts: EvaluateOptions): Promise<Report> {
  const loaded = typeof opts.plan === 'string' ? loadPlan(opts.plan) : opts.plan;
  return evaluateCompiled(compilePlan(loaded), files, { ...opts, planFile: loaded.file });
}

/**
 * Evaluates survey exports (CSV/XLSX) against a plan, together, in one pass.
 *
 * @param files - survey files (.csv, .tsv, .txt, .xlsx); several files are one survey.
 * @returns the object `cscheck evaluate --format json` prints: the Report (indicators,
 *   requirements, findings, summary) with `lang` and each finding's `message` rendered in
 *   `opts.lang` (default zh) next to its id and arguments.
 * @throws CscheckError (message id, args, file/sheet/row location) on an unknown plan, an unreadable
 *   or unrecognisable file, or a bad option.
 *
 * @example
 * const report = await evaluate(['survey.csv'], { plan: 'quanzhou', lang: 'en' });
 * for (const i of report.indicators) console.log(i.id, i.status);
 * for (const f of report.findings) console.log(f.severity, f.message);
 */
export async function evaluate(files: string[], opts: EvaluateOptions): Promise<JsonReport> {
  return jsonReport(await evaluateReport(files, opts), opts.lang ?? 'zh');
}
