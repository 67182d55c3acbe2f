// The command line: thin commander wiring around the library (src/api). Exit codes follow linters:
// 0 clean, 1 findings at or above the fail level, 2 usage or input errors.
//
// Every command is described here, with its options, and its module is imported only when it runs:
// `cscheck --version` and `--help` load commander and this file's few light imports, nothing else.

import { Argument, Command, CommanderError, Option } from 'commander';
import { SHELLS } from './completion.js';
import { TOOL_VERSION } from '../schema/tool.js';
import type { Io } from './io.js';
import { EXIT, processIo } from './io.js';
import type { CommonState } from './options.js';
import {
  COMPARE_FAIL_ON,
  EVALUATE_FAIL_ON,
  EVALUATE_FORMAT_NAMES,
  SEVERITY_FAIL_ON,
  addReportOptions,
  asOfOption,
  commonWork,
  configOption,
  debugOption,
  deferRequired,
  encodingOption,
  failOnOption,
  formatOption,
  jobsOption,
  langOption,
  maxFindingsOption,
  maxWarningsOption,
  noColorOption,
  noConfigOption,
  outputOption,
  planOption,
  quietOption,
  rowsOption,
  sheetOption,
} from './options.js';

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let exit: number = EXIT.ok;
  // --debug before parsing: an error in parsing itself shows its stack too.
  const state: CommonState = { lang: 'zh', debug: argv.includes('--debug') };
  const program = new Command('cscheck')
    .description('Check community survey data and task ledgers against China’s 14th Five-Year community-service plans (城乡社区服务体系建设规划).')
    .version(TOOL_VERSION)
    .addOption(configOption())
    .addOption(noConfigOption())
    .exitOverride()
    .hook('preAction', commonWork(state))
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      // One line, like every other error: the help is one --help away.
      outputError: (text, write) => write(`cscheck: ${text.trim().replace(/^error: /, '')} (see cscheck --help)\n`),
    });
  /** Every command ends with the language, --debug and its action; the action sets the exit code. */
  const finish = (cmd: Command, action: (...args: never[]) => Promise<number> | number, lang = langOption()) =>
    cmd
      .addOption(lang)
      .addOption(configOption())
      .addOption(noConfigOption())
      .addOption(debugOption())
      .action(async (...args: unknown[]) => {
        exit = await (action as (...a: unknown[]) => Promise<number> | number)(...args.slice(0, -1));
      });

  const evaluate = program
    .command('evaluate')
    .description('evaluate survey exports (CSV/XLSX) against a plan: indicators, per-community rules, data errors')
    .argument('<files...>', 'survey files (.csv, .tsv, .txt, .xlsx); several files are evaluated together')
    .addOption(planOption(true))
    .addOption(sheetOption())
    .addOption(encodingOption())
    .option('--values <file>', 'reported values (指标/数值) for indicators the survey cannot measure')
    .addOption(asOfOption('judge progress on this date (YYYY-MM-DD): where each indicator should be between its 2020 baseline and its target, and targets past their own due date'))
    .option('--annotate <file.xlsx>', 'also write the input back as a workbook: problem cells filled and explained in notes, a 检查结果 column, and the sheets 汇总, 按乡镇 and 问题清单');
  finish(
    addReportOptions(evaluate, EVALUATE_FAIL_ON, EVALUATE_FORMAT_NAMES).addOption(maxFindingsOption()).addOption(jobsOption('threads for large CSV files')),
    async (files: string[], opts: import('./evaluate.js').EvaluateOptions) => (await import('./evaluate.js')).evaluateCommand(files, opts, io),
    langOption('language of messages'),
  );

  const plans = program.command('plans').description('the bundled plans and plan files: list, show, responsibility matrix, lint');
  type PlanOptions = import('./plans.js').PlanOutputOptions;
  finish(
    plans.command('list').description('list the bundled plans: id, name, level, document, indicators, requirements, tasks, extends').addOption(formatOption(['table', 'json'])),
    async (opts: PlanOptions) => (await import('./plans.js')).listCommand({ ...opts, color: false }, io),
  );
  finish(
    plans
      .command('show')
      .description('print a plan as written, or with --resolved as merged with the plan it extends')
      .argument('<plan>', 'a bundled plan id or a plan YAML file')
      .addOption(formatOption(['yaml', 'json', 'table']))
      .option('--resolved', 'merge in the indicators and requirements inherited through `extends`'),
    async (ref: string, opts: PlanOptions & { resolved?: boolean }) => (await import('./plans.js')).showCommand(ref, { ...opts, color: false }, io),
  );
  finish(
    plans
      .command('units')
      .description('the responsibility matrix: each unit, how the document spells it, and its tasks')
      .argument('<plan>', 'a bundled plan id or a plan YAML file')
      .addOption(formatOption(['table', 'json'])),
    async (ref: string, opts: PlanOptions) => (await import('./plans.js')).unitsCommand(ref, { ...opts, color: false }, io),
  );
  finish(
    addReportOptions(
      plans.command('lint').description('check plans against their own text and their parent plans (default: every bundled plan)').argument('[plans...]', 'bundled plan ids or plan YAML files'),
      SEVERITY_FAIL_ON,
    ),
    async (refs: string[], opts: import('./report-options.js').ReportOptions) => (await import('./plans.js')).lintCommand(refs, opts, io),
  );

  finish(
    addReportOptions(
      program
        .command('ledger')
        .description('check task ledgers (任务清单及工作台账): structure, units, deadlines, and against a plan its tasks and targets')
        .argument('<files...>', 'ledger files (.xlsx, .csv)')
        .addOption(planOption(false, 'the plan the ledger implements (e.g. luojiang, or its parent quanzhou)'))
        .addOption(asOfOption('rows past their deadline on this date (YYYY-MM-DD) and not 已完成 are overdue'))
        .option('--unit <name>', 'only the rows and plan tasks this unit answers for')
        .addOption(sheetOption('the ledger'))
        .addOption(encodingOption()),
      SEVERITY_FAIL_ON,
    ),
    async (files: string[], opts: import('./ledger.js').LedgerOptions & import('./report-options.js').ReportOptions) => (await import('./ledger.js')).ledgerCommand(files, opts, io),
  );

  finish(
    program
      .command('explain')
      .description('what an indicator means, what it needs from the survey, and what each plan asks of it')
      .argument('<indicator>', 'an indicator id, e.g. activity_area_share')
      .addOption(planOption(false, 'only this plan'))
      .addOption(formatOption(['table', 'json'])),
    async (id: string, opts: PlanOptions & { plan?: string }) => (await import('./explain.js')).explainCommand(id, opts, io),
  );

  finish(
    program
      .command('template')
      .description('write a blank workbook for a plan: the survey with exactly the columns it reads, or the task ledger with its tasks prefilled')
      .addOption(planOption(true))
      .addOption(new Option('-k, --kind <kind>', 'survey: the community (and township, reported-values) sheets; ledger: the task ledger').choices(['survey', 'ledger']).makeOptionMandatory())
      .option('--township-sheet', 'survey: add the township sheet even when the plan reads none of its columns')
      .addOption(new Option('-o, --output <file>', 'the .xlsx file to write (required; written atomically)'))
      .addOption(rowsOption()),
    async (opts: import('./template.js').TemplateOptions) => (await import('./template.js')).templateCommand(opts, io),
    langOption('language of the title, the notes and messages (headers stay the contract’s Chinese)'),
  );

  finish(
    program
      .command('compare')
      .description('compare two snapshots of one area (survey files, or batch report directories): per indicator and township the value then and now, newly met / missed, communities added and removed')
      .argument('<old>', 'the earlier snapshot: a survey file (.csv, .xlsx) or a `cscheck batch` report directory')
      .argument('<new>', 'the later snapshot, of the same kind')
      .addOption(planOption(false, 'the plan both are judged against (required for survey files; checked against batch directories)'))
      .addOption(formatOption(['table', 'json', 'markdown', 'html']))
      .addOption(outputOption())
      .addOption(sheetOption())
      .addOption(encodingOption())
      .addOption(failOnOption(COMPARE_FAIL_ON))
      .addOption(noColorOption()),
    async (older: string, newer: string, opts: import('./compare.js').CompareOptions) => (await import('./compare.js')).compareCommand(older, newer, opts, io),
  );

  finish(
    program
      .command('batch')
      .description('evaluate every survey file under folders or globs, on worker threads: a JSON report and an HTML page per file (and an annotated workbook with --annotate), summary.json/.md/.xlsx and index.html in REPORT_DIR')
      .argument('<inputs...>', 'folders (searched recursively for .csv, .tsv, .xlsx, .xlsm, .xls), quoted globs, or files')
      .addOption(planOption(true))
      .requiredOption('--out <dir>', 'the report directory (created if missing; reports of the same names are replaced)')
      .addOption(jobsOption('worker threads'))
      .option('--annotate', 'also write each input back as an annotated workbook (REPORT_DIR/…/NAME.xlsx)')
      .option('-L, --follow', 'also follow symbolic links found inside the folders and globs (links named on the command line are always followed); each file is still evaluated once')
      .addOption(formatOption(['table', 'json', 'markdown'], 'what to print at the end: table (one line per file), json (summary.json), markdown (summary.md)'))
      .addOption(sheetOption())
      .addOption(encodingOption())
      .addOption(asOfOption('judge progress on this date (YYYY-MM-DD), as evaluate --as-of'))
      .addOption(failOnOption(EVALUATE_FAIL_ON))
      .addOption(maxWarningsOption('a file with more than N warnings exits 1'))
      .addOption(maxFindingsOption(' in each report'))
      .addOption(quietOption('no progress on stderr')),
    async (inputs: string[], opts: import('./batch.js').BatchOptions) => (await import('./batch.js')).batchCommand(inputs, opts, io),
  );

  finish(
    program
      .command('completion')
      .description('print a completion script for bash, zsh or fish: commands, options, their choices, plan and indicator ids')
      .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(SHELLS)),
    async (shell: import('./completion.js').Shell) => (await import('./completion-command.js')).completionCommand(shell, program, io),
  );

  deferRequired(program);

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
      const { errorLines } = await import('./error-lines.js');
      io.stderr(errorLines(err, state));
      return EXIT.usage;
    }
  })();
  const failed = await io.finished?.();
  if (!failed) return code;
  // A reader that stops early (`cscheck … | head`) closes the pipe: that is its choice, not an error.
  // The check itself ran in full, so the exit code stays its result, as if every line had been read.
  const { message } = await import('../schema/messages.js');
  if (failed.code === 'EPIPE') {
    if (state.debug) io.stderr(`cscheck: ${message('output.closed', { detail: failed.message }, state.lang)}\n`);
    return code;
  }
  // A full disk, an I/O error: the output is incomplete, which is an error whatever was found.
  io.stderr(`cscheck: ${message('output.stdout-failed', { detail: failed.message }, state.lang)}\n`);
  if (state.debug) io.stderr(`${failed.stack}\n`);
  return EXIT.usage;
}
