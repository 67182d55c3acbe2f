// The command line: thin commander wiring around the stages. Exit codes follow linters:
// 0 clean, 1 findings at or above the fail level, 2 usage or input errors.

import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { CscheckError } from '../schema/errors.js';
import type { Lang } from '../schema/messages.js';
import { message } from '../schema/messages.js';
import { locationLine } from '../report/render.js';
import { boundedMessage, visible } from '../report/safe-text.js';
import { TOOL_VERSION } from '../schema/tool.js';
import { EVALUATE_FAIL_ON, evaluateCommand } from './evaluate.js';
import type { EvaluateOptions } from './evaluate.js';
import type { TemplateOptions } from './template.js';
import type { CompareOptions } from './compare.js';
import type { BatchOptions } from './batch.js';
import { explainCommand } from './explain.js';
import type { LedgerOptions } from './ledger.js';
import { ledgerCommand } from './ledger.js';
import { lintCommand, listCommand, showCommand, unitsCommand } from './plans.js';
import type { PlanOutputOptions } from './plans.js';
import type { ReportOptions } from './report-options.js';
import { SEVERITY_FAIL_ON, addReportOptions } from './report-options.js';
import { EVALUATE_FORMAT_NAMES } from '../report/formats/index.js';
import { defaultJobs } from '../rules/parallel-csv.js';

export interface Io {
  // Properties, not methods: they are handed on detached (commander's writeOut/writeErr).
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal (colour). */
  isTTY: boolean;
  /** Whether stderr is a terminal (progress bars); as stdout when not given. */
  stderrIsTTY?: boolean;
  env: Record<string, string | undefined>;
  /** Waits for what was written to stdout; the first write error, if any (the process's stdout only). */
  finished?(): Promise<NodeJS.ErrnoException | null>;
}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** Options every plan subcommand parses (`color` is set by `--no-color` where there is one). */
type PlanOptions = PlanOutputOptions & { debug?: boolean };

/**
 * Writing to the process's stdout. Its write errors arrive later, as events: they are kept (the
 * first one) and `finished` hands it over once every write has settled, so main can end with one
 * line instead of the stream's uncaught error and a stack trace.
 */
function processIo(): Io {
  let pending = 0;
  let failure: NodeJS.ErrnoException | null = null;
  let settled: (() => void) | null = null;
  const fail = (err: NodeJS.ErrnoException) => {
    failure ??= err;
  };
  process.stdout.on('error', fail);
  // Nothing can be said about a closed stderr; its errors must not end the process either.
  process.stderr.on('error', () => undefined);
  return {
    stdout: (t) => {
      // Once stdout has failed, the rest goes nowhere (a closed pipe would fail every write).
      if (failure) return;
      pending++;
      process.stdout.write(t, (err) => {
        if (err) fail(err);
        if (--pending === 0) settled?.();
      });
    },
    stderr: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    finished: async () => {
      if (pending) await new Promise<void>((resolve) => (settled = resolve));
      return failure;
    },
  };
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return n;
}

/** Job counts above the processors here only cost memory (a thread each): clamped to them, silently. */
export function jobsOption(v: string): number {
  const n = Number(v);
  if (!/^\s*\d+\s*$/.test(v) || !Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return Math.min(n, defaultJobs());
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let exit: number = EXIT.ok;
  let debug = argv.includes('--debug');
  let lang: Lang = 'zh';
  const program = new Command('cscheck')
    .description('Check community survey data and task ledgers against China’s 14th Five-Year community-service plans (城乡社区服务体系建设规划).')
    .version(TOOL_VERSION)
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      // One line, like every other error: the help is one --help away.
      outputError: (text, write) => write(`cscheck: ${text.trim().replace(/^error: /, '')} (see cscheck --help)\n`),
    });

  const evaluate = program
    .command('evaluate')
    .description('evaluate survey exports (CSV/XLSX) against a plan: indicators, per-community rules, data errors')
    .argument('<files...>', 'survey files (.csv, .tsv, .txt, .xlsx); several files are evaluated together')
    .requiredOption('-p, --plan <id|path>', 'a bundled plan id (e.g. quanzhou) or a plan YAML file')
    .option('--sheet <name>', 'XLSX: the sheet holding the community table (default: the first sheet)')
    .option('--encoding <name>', 'CSV: force the text encoding (utf8, gbk, gb18030, …); default: detected')
    .option('--values <file>', 'reported values (指标/数值) for indicators the survey cannot measure')
    .option('--as-of <date>', 'judge progress on this date (YYYY-MM-DD): where each indicator should be between its 2020 baseline and its target, and targets past their own due date')
    .option('--annotate <file.xlsx>', 'also write the input back as a workbook: problem cells filled and explained in notes, a 检查结果 column, and the sheets 汇总, 按乡镇 and 问题清单');
  addReportOptions(evaluate, EVALUATE_FAIL_ON, EVALUATE_FORMAT_NAMES)
    .addOption(new Option('--lang <lang>', 'language of messages').choices(['zh', 'en']).default('zh'))
    .option('--max-findings <n>', 'list at most N findings per rule (the rest are counted); 0 = all', positiveInt, 1000)
    .option('-j, --jobs <n>', `threads for large CSV files (default and at most: the number of cores, ${defaultJobs()} here)`, jobsOption)
    .option('--debug', 'print stack traces for errors')
    .action(async (files: string[], opts: EvaluateOptions & { debug?: boolean }) => {
      lang = opts.lang;
      debug = Boolean(opts.debug);
      exit = await evaluateCommand(files, opts, io);
    });

  const langOption = () => new Option('--lang <lang>', 'language of messages and tables').choices(['zh', 'en']).default('zh');
  const formatOption = (choices: string[]) => new Option('-f, --format <name>', 'output format').choices(choices).default(choices[0]);
  // Every plan subcommand sets the language of its own error messages first.
  const run = <O extends { lang: Lang; debug?: boolean }>(action: (opts: O) => number) => (opts: O) => {
    lang = opts.lang;
    debug = Boolean(opts.debug);
    exit = action(opts);
  };

  const plans = program.command('plans').description('the bundled plans and plan files: list, show, responsibility matrix, lint');
  plans
    .command('list')
    .description('list the bundled plans: id, name, level, document, indicators, requirements, tasks, extends')
    .addOption(formatOption(['table', 'json']))
    .addOption(langOption())
    .option('--debug', 'print stack traces for errors')
    .action(run((o: PlanOptions) => listCommand({ ...o, color: false }, io)));
  plans
    .command('show')
    .description('print a plan as written, or with --resolved as merged with the plan it extends')
    .argument('<plan>', 'a bundled plan id or a plan YAML file')
    .addOption(formatOption(['yaml', 'json', 'table']))
    .option('--resolved', 'merge in the indicators and requirements inherited through `extends`')
    .addOption(langOption())
    .option('--debug', 'print stack traces for errors')
    .action((ref: string, opts: PlanOptions & { resolved?: boolean }) => run((o: PlanOptions & { resolved?: boolean }) => showCommand(ref, { ...o, color: false }, io))(opts));
  plans
    .command('units')
    .description('the responsibility matrix: each unit, how the document spells it, and its tasks')
    .argument('<plan>', 'a bundled plan id or a plan YAML file')
    .addOption(formatOption(['table', 'json']))
    .addOption(langOption())
    .option('--debug', 'print stack traces for errors')
    .action((ref: string, opts: PlanOptions) => run((o: PlanOptions) => unitsCommand(ref, { ...o, color: false }, io))(opts));
  const lint = plans
    .command('lint')
    .description('check plans against their own text and their parent plans (default: every bundled plan)')
    .argument('[plans...]', 'bundled plan ids or plan YAML files');
  addReportOptions(lint, SEVERITY_FAIL_ON)
    .addOption(langOption())
    .option('--debug', 'print stack traces for errors')
    .action(async (refs: string[], opts: ReportOptions & { debug?: boolean }) => {
      lang = opts.lang;
      debug = Boolean(opts.debug);
      exit = await lintCommand(refs, opts, io);
    });

  const ledger = program
    .command('ledger')
    .description('check task ledgers (任务清单及工作台账): structure, units, deadlines, and against a plan its tasks and targets')
    .argument('<files...>', 'ledger files (.xlsx, .csv)')
    .option('-p, --plan <id|path>', 'the plan the ledger implements (e.g. luojiang, or its parent quanzhou)')
    .option('--as-of <date>', 'rows past their deadline on this date (YYYY-MM-DD) and not 已完成 are overdue')
    .option('--unit <name>', 'only the rows and plan tasks this unit answers for')
    .option('--sheet <name>', 'XLSX: the sheet holding the ledger (default: the first sheet)')
    .option('--encoding <name>', 'CSV: force the text encoding; default: detected');
  addReportOptions(ledger, SEVERITY_FAIL_ON)
    .addOption(langOption())
    .option('--debug', 'print stack traces for errors')
    .action(async (files: string[], opts: LedgerOptions & ReportOptions & { debug?: boolean }) => {
      lang = opts.lang;
      debug = Boolean(opts.debug);
      exit = await ledgerCommand(files, opts, io);
    });

  program
    .command('explain')
    .description('what an indicator means, what it needs from the survey, and what each plan asks of it')
    .argument('<indicator>', 'an indicator id, e.g. activity_area_share')
    .option('-p, --plan <id|path>', 'only this plan')
    .addOption(formatOption(['table', 'json']))
    .addOption(langOption())
    .option('--debug', 'print stack traces for errors')
    .action((id: string, opts: PlanOptions & { plan?: string }) => run((o: PlanOptions & { plan?: string }) => explainCommand(id, o, io))(opts));

  // Loaded on use: only this command needs exceljs.
  program
    .command('template')
    .description('write a blank workbook for a plan: the survey with exactly the columns it reads, or the task ledger with its tasks prefilled')
    .requiredOption('-p, --plan <id|path>', 'a bundled plan id (e.g. quanzhou) or a plan YAML file')
    .addOption(new Option('-k, --kind <kind>', 'survey: the community (and township, reported-values) sheets; ledger: the task ledger').choices(['survey', 'ledger']).makeOptionMandatory())
    .option('--township-sheet', 'survey: add the township sheet even when the plan reads none of its columns')
    .option('-o, --output <file>', 'the .xlsx file to write (required; written atomically)')
    .option('--rows <n>', 'survey: rows that get validation (dropdowns, number checks)', positiveInt, 5000)
    .addOption(new Option('--lang <lang>', 'language of the title, the notes and messages (headers stay the contract’s Chinese)').choices(['zh', 'en']).default('zh'))
    .option('--debug', 'print stack traces for errors')
    .action(async (opts: TemplateOptions & { debug?: boolean }) => {
      lang = opts.lang;
      debug = Boolean(opts.debug);
      const { templateCommand } = await import('./template.js');
      exit = await templateCommand(opts, io);
    });

  program
    .command('compare')
    .description('compare two snapshots of one area (survey files, or batch report directories): per indicator and township the value then and now, newly met / missed, communities added and removed')
    .argument('<old>', 'the earlier snapshot: a survey file (.csv, .xlsx) or a `cscheck batch` report directory')
    .argument('<new>', 'the later snapshot, of the same kind')
    .option('-p, --plan <id|path>', 'the plan both are judged against (required for survey files; checked against batch directories)')
    .addOption(formatOption(['table', 'json', 'markdown', 'html']))
    .option('-o, --output <file>', 'write the output to a file (atomically) instead of stdout')
    .option('--sheet <name>', 'XLSX: the sheet holding the community table (default: the first sheet)')
    .option('--encoding <name>', 'CSV: force the text encoding (utf8, gbk, gb18030, …); default: detected')
    .addOption(new Option('--fail-on <what>', 'exit 1 on: newly-missed = an indicator that was met and is not met now; none = never').choices(['none', 'newly-missed']).default('none'))
    .addOption(langOption())
    .option('--no-color', 'no colours in the terminal table')
    .option('--debug', 'print stack traces for errors')
    .action(async (older: string, newer: string, opts: CompareOptions & { debug?: boolean }) => {
      lang = opts.lang;
      debug = Boolean(opts.debug);
      const { compareCommand } = await import('./compare.js');
      exit = await compareCommand(older, newer, opts, io);
    });

  // Loaded on use, like template and compare.
  program
    .command('batch')
    .description('evaluate every survey file under folders or globs, on worker threads: a JSON report and an HTML page per file (and an annotated workbook with --annotate), summary.json/.md/.xlsx and index.html in REPORT_DIR')
    .argument('<inputs...>', 'folders (searched recursively for .csv, .tsv, .xlsx, .xlsm, .xls), quoted globs, or files')
    .requiredOption('-p, --plan <id|path>', 'a bundled plan id (e.g. quanzhou) or a plan YAML file')
    .requiredOption('--out <dir>', 'the report directory (created if missing; reports of the same names are replaced)')
    .option('-j, --jobs <n>', `worker threads (default and at most: the number of cores, ${defaultJobs()} here)`, jobsOption)
    .option('--annotate', 'also write each input back as an annotated workbook (REPORT_DIR/…/NAME.xlsx)')
    .option('-L, --follow', 'also follow symbolic links found inside the folders and globs (links named on the command line are always followed); each file is still evaluated once')
    .addOption(new Option('-f, --format <name>', 'what to print at the end: table (one line per file), json (summary.json), markdown (summary.md)').choices(['table', 'json', 'markdown']).default('table'))
    .option('--sheet <name>', 'XLSX: the sheet holding the community table (default: the first sheet)')
    .option('--encoding <name>', 'CSV: force the text encoding (utf8, gbk, gb18030, …); default: detected')
    .option('--as-of <date>', 'judge progress on this date (YYYY-MM-DD), as evaluate --as-of')
    .addOption(new Option('--fail-on <level>', EVALUATE_FAIL_ON.description).choices(Object.keys(EVALUATE_FAIL_ON.levels)).default(EVALUATE_FAIL_ON.default))
    .option('--max-warnings <n>', 'a file with more than N warnings exits 1', positiveInt)
    .option('--max-findings <n>', 'list at most N findings per rule in each report (the rest are counted); 0 = all', positiveInt, 1000)
    .option('--quiet', 'no progress on stderr')
    .addOption(langOption())
    .option('--debug', 'print stack traces for errors')
    .action(async (inputs: string[], opts: BatchOptions & { debug?: boolean }) => {
      lang = opts.lang;
      debug = Boolean(opts.debug);
      const { batchCommand } = await import('./batch.js');
      exit = await batchCommand(inputs, opts, io);
    });

  const code = await (async () => {
    try {
      await program.parseAsync(argv, { from: 'user' });
      return exit;
    } catch (err) {
      if (err instanceof CommanderError) {
        // Help asked for is success; help shown because a command is missing (`cscheck plans`) is a usage error.
        if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
        return EXIT.usage;
      }
      if (err instanceof CscheckError) {
        // The line quotes file names and cell values: control characters in them must not reach the terminal.
        const where = locationLine(err.location, lang);
        io.stderr(`cscheck: ${where ? `${where}: ` : ''}${visible(boundedMessage(err.messageId, err.args, lang))}\n`);
        if (debug) io.stderr(`${err.stack}\n${err.cause instanceof Error ? err.cause.stack : ''}\n`);
        return EXIT.usage;
      }
      const e = err as Error;
      io.stderr(`cscheck: ${visible(e?.message ?? String(err))}\n`);
      if (debug) io.stderr(`${e?.stack}\n`);
      return EXIT.usage;
    }
  })();
  const failed = await io.finished?.();
  if (!failed) return code;
  // A reader that stops early (`cscheck … | head`) closes the pipe: that is its choice, not an error.
  // The check itself ran in full, so the exit code stays its result, as if every line had been read.
  if (failed.code === 'EPIPE') {
    if (debug) io.stderr(`cscheck: ${message('output.closed', { detail: failed.message }, lang)}\n`);
    return code;
  }
  // A full disk, an I/O error: the output is incomplete, which is an error whatever was found.
  io.stderr(`cscheck: ${message('output.stdout-failed', { detail: failed.message }, lang)}\n`);
  if (debug) io.stderr(`${failed.stack}\n`);
  return EXIT.usage;
}
