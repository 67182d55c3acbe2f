// The output options every checking command shares (evaluate, plans lint, ledger): --format,
// -o/--output, --fail-on, --max-warnings, --quiet, --no-color; and what follows from them — which
// findings are shown, where the text goes, and the exit code (0 clean, 1 findings at or above the
// fail level or too many warnings; usage errors stay 2 and are thrown as CscheckError).
// The options themselves are declared in options.ts (addReportOptions); a findings command ends
// with `return reportFindings(list, opts, SEVERITY_FAIL_ON, io)`.

import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { CscheckError } from '../schema/errors.js';
import type { Finding, Severity } from '../schema/finding.js';
import { SEVERITY_RANK } from '../schema/finding.js';
import type { Lang } from '../schema/messages.js';
import type { FindingList } from '../report/formats/finding-list.js';
import { listCounts } from '../report/formats/finding-list.js';
import { FINDING_FORMATS } from '../report/formats/findings-formats.js';
import type { FormatContext } from '../report/render.js';
import type { Io } from './io.js';
import { EXIT, STDIO } from './io.js';
import type { FailOnSpec } from './options.js';
import { writeAtomic, writeJoinedSync } from '../output/write-output.js';
import { terminalWidth } from '../report/formats/fit-columns.js';

export interface ReportOptions {
  format: string;
  output?: string;
  /** A choice of the command's FailOnSpec. */
  failOn: string;
  maxWarnings?: number;
  quiet?: boolean;
  /** false with --no-color. */
  color: boolean;
  lang: Lang;
}

/** 1 when a finding is at or above the --fail-on level or warnings exceed --max-warnings, else 0. */
export function reportExitCode(counts: Record<Severity, number>, opts: Pick<ReportOptions, 'failOn' | 'maxWarnings'>, failOn: FailOnSpec): number {
  const level = failOn.levels[opts.failOn] ?? failOn.levels[failOn.default];
  if (level !== 'none' && (Object.keys(counts) as Severity[]).some((s) => counts[s] > 0 && SEVERITY_RANK[s] >= SEVERITY_RANK[level])) return EXIT.findings;
  if (opts.maxWarnings !== undefined && counts.warning > opts.maxWarnings) return EXIT.findings;
  return EXIT.ok;
}

/** --quiet: errors only. */
export const shownFindings = (findings: Finding[], quiet?: boolean): Finding[] => (quiet ? findings.filter((f) => f.severity === 'error') : findings);

/** A path as the file system resolves it (links followed) when it exists, else as written. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** An output (-o, --annotate) must not name an input, even through a link: checked before anything is read. */
export function checkOutputPath(output: string | undefined, inputs: (string | undefined)[]): void {
  if (!output || output === STDIO) return;
  const out = realPath(output);
  const clash = inputs.find((f) => f && realPath(f) === out);
  if (clash) throw new CscheckError('usage.output-is-input', { file: clash });
}

/** The formatters' context: colour only on a terminal, never into a file or with NO_COLOR. */
export function formatContext(opts: Pick<ReportOptions, 'lang' | 'color' | 'output'>, io: Io): FormatContext {
  // FORCE_COLOR (as chalk reads it: any value but 0 or false) colours a pipe too, e.g. `| less -R`.
  const forced = io.env.FORCE_COLOR !== undefined && !['0', 'false'].includes(io.env.FORCE_COLOR);
  const toStdout = !opts.output || opts.output === STDIO;
  const color = opts.color !== false && toStdout && (io.isTTY || forced) && io.env.NO_COLOR === undefined;
  return { lang: opts.lang, color, cwd: process.cwd(), width: toStdout ? terminalWidth(io.isTTY, process.stdout.columns, io.env) : undefined };
}

/** Chunks handed to stdout at once: few writes, none of them large. */
const STDOUT_CHUNK = 1 << 16;

/**
 * To -o (temp file + rename) or stdout. A report given as chunks (a streamed JSON report) is
 * written as they come and never joined; to stdout they go gathered into pieces of STDOUT_CHUNK.
 */
export async function writeReport(text: string | Iterable<string>, opts: Pick<ReportOptions, 'output'>, io: Io): Promise<void> {
  // `-o -` is stdout, as for most tools: never a file named `-`.
  const file = opts.output && opts.output !== STDIO ? opts.output : undefined;
  if (typeof text === 'string') {
    if (file) await writeAtomic(file, text);
    else io.stdout(text);
  } else if (file) {
    writeJoinedSync(file, text);
  } else {
    let piece = '';
    for (const chunk of text) {
      piece += chunk;
      if (piece.length >= STDOUT_CHUNK) {
        io.stdout(piece);
        piece = '';
      }
    }
    if (piece) io.stdout(piece);
  }
}

/** A findings command's last step: --quiet, the chosen format, -o or stdout, and the exit code. */
export async function reportFindings(list: FindingList, opts: ReportOptions, failOn: FailOnSpec, io: Io): Promise<number> {
  const counts = listCounts(list);
  // --quiet hides rows, never counts: the totals still say how many warnings there are.
  const shown = { ...list, findings: shownFindings(list.findings, opts.quiet), counts };
  await writeReport(FINDING_FORMATS[opts.format](shown, formatContext(opts, io)), opts, io);
  return reportExitCode(counts, opts, failOn);
}
