// The command line: thin commander wiring around the library (src/api). Exit codes follow linters:
// 0 clean, 1 findings at or above the fail level, 2 usage or input errors.
//
// Every command is described here, with its options, and its module is imported only when it runs:
// `cscheck --version` and `--help` load commander and this file's few light imports, nothing else.

import { Argument, Command, CommanderError, Option } from 'commander';
import { SHELLS } from './completion.js';
import { TOOL_VERSION } from '../schema/tool.js';
import { examplesText, helpConfiguration, helpLang, helpText, useHelpLang } from './help-text.js';
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
  requireOption,
  quietOption,
  rowsOption,
  sheetOption,
} from './options.js';

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let exit: number = EXIT.ok;
  // --debug before parsing: an error in parsing itself shows its stack too.
  // Help is printed while commander parses: its language is read from argv before (help-text.ts).
  const lang = helpLang(argv, io.env);
  useHelpLang(lang);
  const state: CommonState = { lang, debug: argv.includes('--debug') };
  /** The command commander is parsing, for the usage error's pointer to its --help. */
  let parsing: Command | undefined;
  const track = (_parent: Command, sub: Command) => {
    parsing = sub;
  };
  const program = new Command('cscheck')
    // Before any command is added: commands copy these settings when they are created.
    .configureHelp(helpConfiguration())
    .helpOption('-h, --help', helpText('program.help'))
    .helpCommand('help [command]', helpText('program.help-command'))
    .description(helpText('program'))
    .version(TOOL_VERSION, '-V, --version', helpText('program.version'))
    .addOption(configOption())
    .addOption(noConfigOption())
    .exitOverride()
    .hook('preSubcommand', track)
    .hook('preAction', commonWork(state))
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      // Written by the catch below, in the user's language, as one line (error-lines.ts).
      outputError: () => undefined,
    });
  /**
   * Every command ends with the language, --debug and its action; the action checks the required
   * options (after the preAction hook, so after unknown options and applied values) and sets the exit code.
   */
  const finish = (cmd: Command, action: (...args: never[]) => Promise<number> | number, { lang = langOption(), required = [] as string[] } = {}) =>
    cmd
      .addOption(lang)
      .addOption(configOption())
      .addOption(noConfigOption())
      .addOption(debugOption())
      .action(async (...args: unknown[]) => {
        for (const name of required) requireOption(cmd, name);
        exit = await (action as (...a: unknown[]) => Promise<number> | number)(...args.slice(0, -1));
      });

  const evaluate = program
    .command('evaluate')
    .description(helpText('evaluate'))
    .argument('<files...>', helpText('evaluate.files'))
    .addOption(planOption())
    .addOption(sheetOption())
    .addOption(encodingOption())
    .option('--values <file>', helpText('evaluate.values'))
    .addOption(asOfOption('evaluate.as-of'))
    .option('--annotate <file.xlsx>', helpText('evaluate.annotate'));
  finish(
    addReportOptions(evaluate, EVALUATE_FAIL_ON, EVALUATE_FORMAT_NAMES).addOption(maxFindingsOption()).addOption(jobsOption('evaluate.jobs')),
    async (files: string[], opts: import('./evaluate.js').EvaluateOptions) => (await import('./evaluate.js')).evaluateCommand(files, opts, io),
    { lang: langOption('evaluate.lang'), required: ['plan'] },
  );

  const plans = program.command('plans').description(helpText('plans')).hook('preSubcommand', track);
  type PlanOptions = import('./plans.js').PlanOutputOptions;
  finish(
    plans.command('list').description(helpText('plans.list')).addOption(formatOption(['table', 'json'])),
    async (opts: PlanOptions) => (await import('./plans.js')).listCommand({ ...opts, color: false }, io),
  );
  finish(
    plans
      .command('show')
      .description(helpText('plans.show'))
      .argument('<plan>', helpText('plans.plan'))
      .addOption(formatOption(['yaml', 'json', 'table']))
      .option('--resolved', helpText('plans.show.resolved')),
    async (ref: string, opts: PlanOptions & { resolved?: boolean }) => (await import('./plans.js')).showCommand(ref, { ...opts, color: false }, io),
  );
  finish(
    plans
      .command('units')
      .description(helpText('plans.units'))
      .argument('<plan>', helpText('plans.plan'))
      .addOption(formatOption(['table', 'json'])),
    async (ref: string, opts: PlanOptions) => (await import('./plans.js')).unitsCommand(ref, { ...opts, color: false }, io),
  );
  finish(
    addReportOptions(
      plans.command('lint').description(helpText('plans.lint')).argument('[plans...]', helpText('plans.plans')),
      SEVERITY_FAIL_ON,
    ),
    async (refs: string[], opts: import('./report-options.js').ReportOptions) => (await import('./plans.js')).lintCommand(refs, opts, io),
  );

  finish(
    addReportOptions(
      program
        .command('ledger')
        .description(helpText('ledger'))
        .argument('<files...>', helpText('ledger.files'))
        .addOption(planOption('ledger.plan'))
        .addOption(asOfOption('ledger.as-of'))
        .option('--unit <name>', helpText('ledger.unit'))
        .addOption(sheetOption('ledger.sheet'))
        .addOption(encodingOption()),
      SEVERITY_FAIL_ON,
    ),
    async (files: string[], opts: import('./ledger.js').LedgerOptions & import('./report-options.js').ReportOptions) => (await import('./ledger.js')).ledgerCommand(files, opts, io),
  );

  finish(
    program
      .command('explain')
      .description(helpText('explain'))
      .argument('<indicator>', helpText('explain.indicator'))
      .addOption(planOption('explain.plan'))
      .addOption(formatOption(['table', 'json'])),
    async (id: string, opts: PlanOptions & { plan?: string }) => (await import('./explain.js')).explainCommand(id, opts, io),
  );

  finish(
    program
      .command('template')
      .description(helpText('template'))
      .addOption(planOption())
      .addOption(new Option('-k, --kind <kind>', helpText('template.kind')).choices(['survey', 'ledger']))
      .option('--township-sheet', helpText('template.township-sheet'))
      .addOption(new Option('-o, --output <file>', helpText('template.output')))
      .addOption(rowsOption()),
    async (opts: import('./template.js').TemplateOptions) => (await import('./template.js')).templateCommand(opts, io),
    { lang: langOption('template.lang'), required: ['plan', 'kind'] },
  );

  finish(
    program
      .command('compare')
      .description(helpText('compare'))
      .argument('<old>', helpText('compare.old'))
      .argument('<new>', helpText('compare.new'))
      .addOption(planOption('compare.plan'))
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
      .description(helpText('batch'))
      .argument('<inputs...>', helpText('batch.inputs'))
      .addOption(planOption())
      .option('--out <dir>', helpText('batch.out'))
      .addOption(jobsOption('batch.jobs'))
      .option('--annotate', helpText('batch.annotate'))
      .option('-L, --follow', helpText('batch.follow'))
      .addOption(formatOption(['table', 'json', 'markdown'], 'batch.format'))
      .addOption(sheetOption())
      .addOption(encodingOption())
      .addOption(asOfOption('batch.as-of'))
      .addOption(failOnOption(EVALUATE_FAIL_ON))
      .addOption(maxWarningsOption('batch.max-warnings'))
      .addOption(maxFindingsOption('batch.max-findings'))
      .addOption(quietOption('batch.quiet')),
    async (inputs: string[], opts: import('./batch.js').BatchOptions) => (await import('./batch.js')).batchCommand(inputs, opts, io),
    { required: ['plan', 'out'] },
  );

  finish(
    program
      .command('completion')
      .description(helpText('completion'))
      .addArgument(new Argument('<shell>', helpText('completion.shell')).choices(SHELLS)),
    async (shell: import('./completion.js').Shell) => (await import('./completion-command.js')).completionCommand(shell, program, io),
  );

  // Examples after every command's help, the program's included.
  const withExamples = (cmd: Command): void => {
    cmd.addHelpText('after', () => examplesText(cmd));
    cmd.commands.forEach(withExamples);
  };
  withExamples(program);

  const code = await (async () => {
    try {
      await program.parseAsync(argv, { from: 'user' });
      return exit;
    } catch (err) {
      if (err instanceof CommanderError) {
        // Help asked for is success; help shown because a command is missing (`cscheck plans`) is a usage error.
        if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
        const { usageErrorLine } = await import('./error-lines.js');
        io.stderr(usageErrorLine(err, parsing ?? program, state.lang));
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
