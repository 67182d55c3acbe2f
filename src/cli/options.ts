// The options the commands share, each defined once (one factory per option, one help text), and
// the work every command does before its action: the language first (so every later message is in
// it), --debug, then each option value read by the one parser of its kind (api/parse.ts). Commander
// only collects strings; a value it cannot take is a CscheckError like any other usage error.
//
// Light on purpose: main.ts imports this to describe every command, and `cscheck --help` should
// not load what the commands do.

import type { Command } from 'commander';
import { Option } from 'commander';
import type { Severity } from '../schema/finding.js';
import type { Lang } from '../schema/messages.js';
import { parseDate, parseInteger, parseLang } from '../api/parse.js';
import { defaultJobs } from '../workers/jobs.js';

/** Converts an option's string once the language is known; by attribute name (`maxFindings`). */
const READERS = new Map<string, (value: string, flag: string) => unknown>();

function read(option: Option, reader: (value: string, flag: string) => unknown): Option {
  READERS.set(option.attributeName(), reader);
  return option;
}

/** Threads asked for, at least 1; counts above the processors here only cost memory, so they are clamped, silently. */
export const parseJobs = (value: string, flag = '--jobs'): number => Math.min(parseInteger(value, flag, 1), defaultJobs());

const count = (flags: string, description: string, fallback?: number) => read(new Option(flags, description).default(fallback), (v, flag) => parseInteger(v, flag));

export const planOption = (required: boolean, description = 'a bundled plan id (e.g. quanzhou) or a plan YAML file') => {
  const o = new Option('-p, --plan <id|path>', description);
  return required ? o.makeOptionMandatory() : o;
};
export const sheetOption = (what = 'the community table') => new Option('--sheet <name>', `XLSX: the sheet holding ${what} (default: the first sheet)`);
export const encodingOption = () => new Option('--encoding <name>', 'CSV: force the text encoding (utf8, gbk, gb18030, …); default: detected');
export const langOption = (description = 'language of messages and tables') => read(new Option('--lang <lang>', `${description}: zh or en`).default('zh'), parseLang);
export const configOption = () => new Option('--config <file>', 'read option defaults from this file (default: cscheck.config.yaml, .cscheckrc.yaml/.yml/.json or package.json "cscheck", in this folder or above)');
export const noConfigOption = () => new Option('--no-config', 'read no configuration file');
export const debugOption = () => new Option('--debug', 'print stack traces for errors');
export const formatOption = (choices: readonly string[], description = 'output format') => new Option('-f, --format <name>', description).choices(choices).default(choices[0]);
export const outputOption = (what = 'the output') => new Option('-o, --output <file>', `write ${what} to a file (atomically) instead of stdout`);
export const asOfOption = (description: string) => read(new Option('--as-of <date>', description), parseDate);
export const maxFindingsOption = (scope = '') => count('--max-findings <n>', `list at most N findings per rule${scope} (the rest are counted); 0 = all`, 1000);
export const maxWarningsOption = (description = 'also exit 1 when there are more than N warnings') => count('--max-warnings <n>', description);
export const rowsOption = () => count('--rows <n>', 'survey: rows that get validation (dropdowns, number checks)', 5000);
export const quietOption = (description = 'report errors only (warnings still count for --fail-on and --max-warnings)') => new Option('--quiet', description);
export const noColorOption = () => new Option('--no-color', 'no colours in the terminal table');
export const jobsOption = (what: string) => read(new Option('-j, --jobs <n>', `${what} (default and at most: the number of cores, ${defaultJobs()} here)`), parseJobs);

/** The --fail-on choices of a command, each naming the lowest severity that makes the exit code 1. */
export interface FailOnSpec {
  levels: Record<string, Severity | 'none'>;
  default: string;
  description: string;
}

/** --fail-on as linters spell it: every command takes these (evaluate, batch, ledger, plans lint, compare). */
const SEVERITY_LEVELS = { error: 'error', warning: 'warning', info: 'info', none: 'none' } as const;

export const SEVERITY_FAIL_ON: FailOnSpec = {
  levels: SEVERITY_LEVELS,
  default: 'error',
  description: 'exit 1 on findings at or above this severity',
};

/** --fail-on of evaluate and batch: the severities, and their former names binding (= error: binding misses, data errors) and expected (= warning). */
export const EVALUATE_FAIL_ON: FailOnSpec = {
  levels: { ...SEVERITY_LEVELS, binding: 'error', expected: 'warning' },
  default: 'error',
  description: 'exit 1 on: error (or binding) = errors (binding misses, data errors); warning (or expected) = also warnings; info = any finding; none = never',
};

/**
 * --fail-on of compare, whose findings are indicators newly missed (met before, not met now) and
 * data lost (a value before, none now): a binding indicator newly missed is an error, any other
 * newly missed a warning, data lost is info. newly-missed is the former name of warning.
 */
export const COMPARE_FAIL_ON: FailOnSpec = {
  levels: { ...SEVERITY_LEVELS, 'newly-missed': 'warning' },
  default: 'none',
  description: 'exit 1 on: error = a binding indicator newly missed; warning (or newly-missed) = any indicator newly missed; info = also data lost; none = never',
};

export const failOnOption = (spec: FailOnSpec) => new Option('--fail-on <level>', spec.description).choices(Object.keys(spec.levels)).default(spec.default);

/**
 * The --format names, stated here so that describing the commands loads no formatter; a test
 * holds them equal to the formatters' own tables (report/formats).
 */
export const FINDING_FORMAT_NAMES = ['table', 'json', 'junit', 'sarif', 'github', 'markdown', 'codeclimate'] as const;
export const EVALUATE_FORMAT_NAMES = [...FINDING_FORMAT_NAMES, 'html'] as const;

/** Adds --format, -o/--output, --fail-on, --max-warnings, --quiet and --no-color to a findings command. */
export function addReportOptions(cmd: Command, failOn: FailOnSpec, formats: readonly string[] = FINDING_FORMAT_NAMES): Command {
  return cmd
    .addOption(formatOption(formats, 'output format: terminal table, JSON, or for CI JUnit XML, SARIF, GitHub annotations, Markdown, Code Climate'))
    .addOption(outputOption())
    .addOption(failOnOption(failOn))
    .addOption(maxWarningsOption())
    .addOption(quietOption())
    .addOption(noColorOption());
}

/** What the hook found for the error handler: the language to speak and whether to show stacks. */
export interface CommonState {
  lang: Lang;
  debug: boolean;
}

/**
 * Options commander would require before any hook runs: held back and checked in the hook instead,
 * once the configuration file has had its say (`plan: quanzhou` there satisfies a required --plan).
 */
const REQUIRED = new WeakSet<Option>();

/** Moves every mandatory option of the program's commands to the check in commonWork. */
export function deferRequired(cmd: Command): void {
  for (const option of cmd.options) {
    if (!option.mandatory) continue;
    option.makeOptionMandatory(false);
    REQUIRED.add(option);
  }
  for (const sub of cmd.commands) deferRequired(sub);
}

/** Commander's own report of a missing required option (the same message and exit as before). */
type MissingReporter = { missingMandatoryOptionValue(option: Option): never };

/**
 * The preAction hook: the language first (a bad --lang is itself reported in Chinese), --debug, the
 * configuration file, the required options, then every option value through its parser, in the
 * order the options were declared.
 */
export function commonWork(state: CommonState): (thisCommand: Command, actionCommand: Command) => Promise<void> {
  return async (_program, cmd) => {
    state.debug = Boolean(cmd.opts().debug);
    if (typeof cmd.opts().lang === 'string') state.lang = parseLang(cmd.opts().lang as string);
    // Only now loaded: describing the commands (`--help`) reads no configuration.
    const { applyConfig } = await import('./config-options.js');
    applyConfig(cmd, process.cwd(), (key) => READERS.get(key), (lang) => (state.lang = parseLang(lang)));
    const opts = cmd.opts();
    if (typeof opts.lang === 'string') state.lang = parseLang(opts.lang);
    for (const option of cmd.options) {
      const key = option.attributeName();
      if (REQUIRED.has(option) && opts[key] === undefined) (cmd as unknown as MissingReporter).missingMandatoryOptionValue(option);
    }
    for (const option of cmd.options) {
      const key = option.attributeName();
      const reader = READERS.get(key);
      const value: unknown = opts[key];
      // Values from the configuration file were read when applied, where an error can name their line.
      if (reader && typeof value === 'string' && cmd.getOptionValueSource(key) !== 'config') cmd.setOptionValue(key, reader(value, option.long ?? option.flags));
    }
  };
}
