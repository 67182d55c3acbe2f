// Progress of `cscheck batch` on stderr: on a terminal one bar (files done/total, rows/s, time
// left) redrawn in place; otherwise (CI logs, a pipe) one plain line per finished file; with
// --quiet nothing. Text comes from the catalogue.

import cliProgress from 'cli-progress';
import type { Lang } from '../schema/messages.js';
import { message } from '../schema/messages.js';
import type { Io } from './io.js';

export interface FileDone {
  /** The input as the summary names it. */
  file: string;
  rows: number;
  ms: number;
  /** Why it failed, for a failed file. */
  failed?: string;
}

export interface BatchProgress {
  fileDone(f: FileDone): void;
  /** Ends the bar (before anything else is written to the terminal). */
  stop(): void;
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

function plainLines(total: number, io: Io, lang: Lang): BatchProgress {
  let done = 0;
  return {
    fileDone(f) {
      done++;
      const args = { done, total, file: f.file, rows: f.rows, seconds: seconds(f.ms), reason: f.failed };
      io.stderr(`${message(f.failed === undefined ? 'batch.progress-line' : 'batch.progress-failed', args, lang)}\n`);
    },
    stop() {},
  };
}

function bar(total: number, io: Io, lang: Lang): BatchProgress {
  const started = Date.now();
  let rows = 0;
  // cli-progress writes escape sequences to a stream; this one forwards them to io.stderr.
  const stream = { isTTY: true, write: (s: string) => (io.stderr(s), true) } as unknown as NodeJS.WritableStream;
  const b = new cliProgress.SingleBar({
    stream,
    gracefulExit: false,
    hideCursor: true,
    barsize: 24,
    etaBuffer: 50,
    format: (options, params, payload) =>
      message(
        'batch.progress-bar',
        {
          bar: cliProgress.Format.BarFormat(params.progress, options),
          done: params.value,
          total: params.total,
          // The payload is the { rate } this bar is started and incremented with below.
          rate: (payload as { rate: number }).rate,
          eta: typeof params.eta === 'number' && Number.isFinite(params.eta) && params.value > 0 ? cliProgress.Format.TimeFormat(params.eta, options, 1) : '—',
        },
        lang,
      ),
  });
  b.start(total, 0, { rate: 0 });
  return {
    fileDone(f) {
      rows += f.rows;
      const elapsed = (Date.now() - started) / 1000;
      b.increment(1, { rate: elapsed > 0 ? Math.round(rows / elapsed) : 0 });
    },
    stop() {
      b.stop();
    },
  };
}

export function batchProgress(total: number, io: Io, opts: { quiet?: boolean; lang: Lang }): BatchProgress {
  if (opts.quiet) return { fileDone() {}, stop() {} };
  // The bar goes to stderr: `batch … --format json > summary.json` in a terminal still shows it.
  return (io.stderrIsTTY ?? io.isTTY) ? bar(total, io, opts.lang) : plainLines(total, io, opts.lang);
}
