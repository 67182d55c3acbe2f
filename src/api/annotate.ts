// --annotate: an observer of the one pass. The annotator sees every table, row and finding as the
// pass makes them, and once the report is finished writes the workbook to a temporary file that
// is renamed into place. Its modules (the workbook writer) load only when a workbook is asked for.

import { stat } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { CscheckError } from '../schema/errors.js';
import type { Lang } from '../schema/messages.js';
import { localized, message } from '../schema/messages.js';
import type { Report } from '../schema/results.js';
import { guardTemp } from '../output/temp-files.js';
import { writeAtomicWith } from '../output/write-output.js';
import type { PassObserver } from './observer.js';

interface Annotator extends PassObserver {
  finish(report: Report, path: string): Promise<void>;
  abort(): Promise<void>;
}

/**
 * Runs `pass` with an annotator watching and writes the workbook to `out`. `thread`: the workbook
 * is written on a thread of its own — reading a workbook costs as much as writing one, while a
 * CSV is read so quickly that copying its rows to a thread costs more than it saves.
 */
export async function annotated(out: string, lang: Lang, thread: boolean, pass: (observer: PassObserver) => Promise<Report>): Promise<Report> {
  if (extname(out).toLowerCase() !== '.xlsx') throw new CscheckError('annotate.not-xlsx', { file: out });
  const dir = dirname(resolve(out));
  if (!(await stat(dir).catch(() => null))?.isDirectory()) throw new CscheckError('output.write-failed', { file: out, detail: localized('output.no-directory') }, { file: out });
  // Listening before anything is written: a signal that finds no listener ends the process at once.
  const stop = guardTemp(dir, (signal) => {
    if (isMainThread) process.stderr.write(`cscheck: ${message('usage.interrupted', { signal }, lang)}\n`);
  });
  let annotator: Annotator;
  try {
    if (thread) {
      const { AnnotatorThread } = await import('../workers/annotate-thread.js');
      annotator = new AnnotatorThread(lang, out);
    } else {
      const { WorkbookAnnotator } = await import('../report/workbook/annotator.js');
      annotator = new WorkbookAnnotator({ lang, path: out });
    }
  } catch (err) {
    stop();
    throw new CscheckError('output.write-failed', { file: out, detail: (err as Error).message }, { file: out }, { cause: err });
  }
  try {
    const report = await pass(annotator);
    await writeAtomicWith(out, (tmp) => annotator.finish(report, tmp));
    return report;
  } catch (err) {
    await annotator.abort();
    throw err;
  } finally {
    stop();
  }
}
