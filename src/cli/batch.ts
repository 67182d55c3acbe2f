// `cscheck batch DIR|GLOB... --plan ID --out REPORT_DIR`: every survey file found, evaluated on
// worker threads, one report per file written as soon as it is done, then the summaries
// (summary.json, summary.md, summary.xlsx, index.html) last. A file that cannot be read is listed
// as failed and the batch goes on; the exit code is the worst of all files. Ctrl-C (SIGINT),
// SIGTERM or SIGHUP stops handing out files and stops the workers; reports already written stay (each
// complete: written to a temporary file and renamed), no summary is written (one left by an earlier
// run was removed at the start, and summaries being written when the signal comes are removed), the
// exit code is 128 + the signal number (130 for Ctrl-C).

import { rmSync } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { setFlagsFromString } from 'node:v8';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { BatchFileResult } from '../schema/batch.js';
import type { Report } from '../schema/results.js';
import { parseDate } from '../api/parse.js';
import { CscheckError } from '../schema/errors.js';
import { message } from '../schema/messages.js';
import { loadPlan } from '../schema/load-plan.js';
import { recordingPositions } from '../schema/plan-snapshot.js';
import { evaluateReport } from '../api/evaluate.js';
import { defaultJobs } from '../workers/jobs.js';
import { batchSummaryMarkdown } from '../report/batch-summary-md.js';
import { batchSummaryTable } from '../report/batch-summary-table.js';
import { guardTemp, removeLeftovers } from '../output/temp-files.js';
import { ReportNames, reportStem } from '../report/safe-names.js';
import { findInputs } from './batch-inputs.js';
import { BatchPool } from '../workers/batch-pool.js';
import { batchProgress } from './batch-progress.js';
import { batchSummary, fileResult } from './batch-summary.js';
import { SummaryFilesThread } from '../workers/batch-summary-files.js';
import type { EvaluateOptions } from './evaluate.js';
import type { Io } from './io.js';
import { signalExitCode, stopOnSignal } from '../output/interrupt.js';
import { writeAtomic } from '../output/write-output.js';

export interface BatchOptions extends Pick<EvaluateOptions, 'plan' | 'sheet' | 'encoding' | 'lang' | 'failOn' | 'maxWarnings' | 'maxFindings' | 'asOf'> {
  /** The report directory. */
  out: string;
  /** What is printed at the end: one line per file, summary.json, or summary.md. */
  format: 'table' | 'json' | 'markdown';
  /** Worker threads (default: the number of cores). */
  jobs?: number;
  /** Also write each input back as an annotated workbook. */
  annotate?: boolean;
  /** No progress on stderr. */
  quiet?: boolean;
  /** Follow symbolic links inside the folders and globs given. */
  follow?: boolean;
  /** The stack of each file's error, after its progress line. */
  debug?: boolean;
}


const SUMMARY_FILES = { json: 'summary.json', md: 'summary.md', xlsx: 'summary.xlsx', html: 'index.html' };

/** Removes the summary files: a report directory has either all of this run's or none. */
const removeSummaries = (at: (name: string) => string) => Promise.all(Object.values(SUMMARY_FILES).map((f) => rm(at(f), { force: true })));

async function reportDirectory(out: string): Promise<void> {
  const st = await stat(out).catch(() => null);
  if (st && !st.isDirectory()) throw new CscheckError('batch.out-not-dir', { dir: out }, { file: out });
  await mkdir(out, { recursive: true }).catch((err: Error) => {
    throw new CscheckError('output.write-failed', { file: out, detail: err.message }, { file: out }, { cause: err });
  });
}

/**
 * How hot a function must run before V8 optimizes it, for the threads a batch starts: 12 times V8's
 * default (67,584). Each thread optimizes the same code on its own, and on a batch's small files much
 * of it is warm rather than hot — compiled, thrown away at the next file's other shapes, compiled
 * again. A batch of 1,000 files × 500 rows spent 9.5 s of compiler threads' time with the default
 * (654 compilations, node --trace-opt), 2.4 s with this (264). Only for batch: the XLSX reader's
 * parsing, long and hot in one file, is slower to reach optimized code (100,000 rows: 7.6 → 9.4 s).
 */
const BATCH_INTERRUPT_BUDGET = 12 * 67_584;

/**
 * Sets it where V8 has the flag: Node 20's V8 (11.x). Later V8s tier up by invocation counts
 * instead, and print "unrecognized flag" for it; there a batch keeps V8's own thresholds.
 */
function raiseInterruptBudget(): void {
  if (Number(process.versions.v8.split('.')[0]) <= 11) setFlagsFromString(`--interrupt-budget=${BATCH_INTERRUPT_BUDGET}`);
}

export async function batchCommand(args: string[], opts: BatchOptions, io: Io): Promise<number> {
  if (opts.asOf !== undefined) parseDate(opts.asOf);
  raiseInterruptBudget();
  // The threads start first: they load their modules while this thread loads the plan.
  const pool = new BatchPool({ jobs: opts.jobs || defaultJobs() });
  const summaryFiles = new SummaryFilesThread();
  try {
    // The plan is checked (and its indicators listed) here; the threads get it loaded.
    const planLoad = recordingPositions(loadPlan(opts.plan));
    const head = await evaluateReport([], { plan: planLoad.loaded, maxFindings: opts.maxFindings });
    pool.configure({ plan: planLoad.snapshot(), sheet: opts.sheet, encoding: opts.encoding, maxFindings: opts.maxFindings, asOf: opts.asOf, lang: opts.lang });
    return await runBatch(args, opts, io, head, pool, summaryFiles);
  } finally {
    await Promise.all([pool.close(), summaryFiles.close()]);
  }
}

async function runBatch(args: string[], opts: BatchOptions, io: Io, head: Report, pool: BatchPool, summaryFiles: SummaryFilesThread): Promise<number> {
  const outDir = resolve(opts.out);
  const { inputs, skippedLinks } = await findInputs(args, outDir, { follow: opts.follow });
  if (skippedLinks.length && !opts.quiet) io.stderr(`cscheck: ${message('batch.skipped-links', { count: skippedLinks.length, first: skippedLinks[0] }, opts.lang)}\n`);
  await reportDirectory(outDir);

  const names = new ReportNames();
  const stems = inputs.map((f) => names.claim(reportStem(f.input)));
  const outPath = (rel: string) => {
    const p = join(outDir, ...rel.split('/'));
    // reportStem cannot lead outside; this keeps it that way.
    if (relative(outDir, p).startsWith(`..${sep}`)) throw new CscheckError('output.write-failed', { file: p, detail: 'outside the report directory' }, { file: p });
    return p;
  };
  // A summary of an earlier run would describe other reports than the ones this run writes.
  await removeSummaries(outPath);
  // Reports are written by the workers, into folders that must exist before they start.
  const folders = [...new Set(stems.map((stem) => dirname(outPath(stem))))];
  await Promise.all(folders.map((dir) => mkdir(dir, { recursive: true })));
  const indexHref = (stem: string) => `${'../'.repeat(stem.split('/').length - 1)}${SUMMARY_FILES.html}`;
  const results = new Array<BatchFileResult>(inputs.length);
  const progress = batchProgress(inputs.length, io, opts);
  // A worker stopped mid-file (a signal, or one that died) leaves a temporary report or its
  // workbook's parts behind, and summary.xlsx its parts: swept at the end, or at once on a second signal.
  const sweep = () => {
    for (const dir of new Set([outDir, ...folders])) removeLeftovers(dir);
  };
  const stop = stopOnSignal();
  // A second signal ends the process at once: nothing half written stays, and no summary.
  const stopNow = guardTemp([outDir, ...folders], () => {
    for (const f of Object.values(SUMMARY_FILES)) rmSync(outPath(f), { force: true });
  });
  let done = 0;
  const interrupted = () => {
    const sig = stop.received() ?? 'SIGINT';
    io.stderr(`cscheck: ${message('batch.interrupted', { signal: sig, done, total: inputs.length, dir: opts.out }, opts.lang)}\n`);
    return signalExitCode(sig);
  };
  try {
    const { aborted } = await pool.run(
      inputs.map((f, id) => ({
        id,
        path: f.path,
        display: f.display,
        indexHref: indexHref(stems[id]),
        json: outPath(`${stems[id]}.json`),
        html: outPath(`${stems[id]}.html`),
        ...(opts.annotate ? { xlsx: outPath(`${stems[id]}.xlsx`) } : {}),
      })),
      (i, outcome) => {
        if (!outcome.ok && outcome.output) throw new CscheckError(outcome.failure.messageId, outcome.failure.args, outcome.failure.location);
        const reports: BatchFileResult['reports'] = outcome.ok
          ? { json: `${stems[i]}.json`, html: `${stems[i]}.html`, ...(opts.annotate ? { xlsx: `${stems[i]}.xlsx` } : {}) }
          : {};
        // Only the summary's share of the report stays in memory.
        results[i] = fileResult(inputs[i], outcome, reports, opts);
        done++;
        progress.fileDone({ file: inputs[i].input, rows: results[i].rows, ms: outcome.ms, failed: results[i].error?.text });
        if (opts.debug && !outcome.ok && outcome.failure.stack) io.stderr(`${outcome.failure.stack}\n`);
      },
      stop.signal,
    );
    progress.stop();
    if (aborted) return interrupted();

    const summary = batchSummary(head, results, opts);
    // summary.xlsx and index.html on their own thread; summary.json, summary.md and the printout here, meanwhile.
    const side = summaryFiles.write({ summary, xlsx: outPath(SUMMARY_FILES.xlsx), html: outPath(SUMMARY_FILES.html) });
    let printed: string;
    try {
      const text = { json: `${JSON.stringify(summary, null, 2)}\n`, markdown: batchSummaryMarkdown(summary) };
      await writeAtomic(outPath(SUMMARY_FILES.json), text.json);
      await writeAtomic(outPath(SUMMARY_FILES.md), text.markdown);
      printed = opts.format === 'table' ? batchSummaryTable(summary, opts.out) : text[opts.format];
    } finally {
      // Not to leave while the thread still writes (what it leaves is swept below).
      await side.catch(() => undefined);
    }
    await side;
    // Interrupted while the summaries were written: none of them stays.
    if (stop.signal.aborted) {
      await removeSummaries(outPath);
      return interrupted();
    }
    io.stdout(printed);
    return summary.totals.exitCode;
  } finally {
    progress.stop();
    stop.dispose();
    sweep();
    stopNow();
  }
}
