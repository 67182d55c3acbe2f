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
import type { HelpId } from './help-text.js';
import { helpText } from './help-text.js';

/** Converts an option's string once the language is known; by attribute name (`maxFindings`). */
const READERS = new Map<string, (value: string, flag: string) => unknown>();

function read(option: Option, reader: (value: string, flag: string) => unknown): Option {
  READERS.set(option.attributeName(), reader);
  return option;
}

/** Threads asked for, at least 1; counts above the processors here only cost memory, so they are clamped, silently. */
export const parseJobs = (value: string, flag = '--jobs'): number => Math.min(parseInteger(value, flag, 1), defaultJobs());

const count = (flags: string, description: HelpId, fallback?: number) => read(new Option(flags, helpText(description)).default(fallback), (v, flag) => parseInteger(v, flag));

/** --plan; where it is required, the command's action checks it (requireOption), after unknown options and the configuration. */
export const planOption = (description: HelpId = 'opt.plan') => new Option('-p, --plan <id|path>', helpText(description));
export const sheetOption = (description: HelpId = 'opt.sheet') => new Option('--sheet <name>', helpText(description));
export const encodingOption = () => new Option('--encoding <name>', helpText('opt.encoding'));
export const langOption = (description: HelpId = 'opt.lang') => read(new Option('--lang <lang>', helpText(description)).default('zh'), parseLang);
export const debugOption = () => new Option('--debug', helpText('opt.debug'));
export const formatOption = (choices: readonly string[], description: HelpId = 'opt.format') => new Option('-f, --format <name>', helpText(description)).choices(choices).default(choices[0]);
export const outputOption = () => new Option('-o, --output <file>', helpText('opt.output'));
export const asOfOption = (description: HelpId) => read(new Option('--as-of <date>', helpText(description)), parseDate);
export const maxFindingsOption = (description: HelpId = 'opt.max-findings') => count('--max-findings <n>', description, 1000);
export const maxWarningsOption = (description: HelpId = 'opt.max-warnings') => count('--max-warnings <n>', description);
export const rowsOption = () => count('--rows <n>', 'template.rows', 5000);
export const quietOption = (description: HelpId = 'opt.quiet') => new Option('--quiet', helpText(description));
export const noColorOption = () => new Option('--no-color', helpText('opt.no-color'));
export const jobsOption = (what: HelpId) => read(new Option('-j, --jobs <n>', `${helpText(what)}${helpText('opt.jobs', { cores: defaultJobs() })}`), parseJobs);
export const configOption = () => new Option('--config <file>', helpText('opt.config'));
export const noConfigOption = () => new Option('--no-config', helpText('opt.no-config'));

/** The --fail-on choices of a command, each naming the lowest severity that makes the exit code 1. */
export interface FailOnSpec {
  levels: Record<string, Severity | 'none'>;
  default: string;
  description: HelpId;
}

/** --fail-on as linters spell it: every command takes these (evaluate, batch, ledger, plans lint, compare). */
const SEVERITY_LEVELS = { error: 'error', warning: 'warning', info: 'info', none: 'none' } as const;

export const SEVERITY_FAIL_ON: FailOnSpec = {
  levels: SEVERITY_LEVELS,
  default: 'error',
  description: 'opt.fail-on.severity',
};

/** --fail-on of evaluate and batch: the severities, and their former names binding (= error: binding misses, data errors) and expected (= warning). */
export const EVALUATE_FAIL_ON: FailOnSpec = {
  levels: { ...SEVERITY_LEVELS, binding: 'error', expected: 'warning' },
  default: 'error',
  description: 'opt.fail-on.evaluate',
};

/**
 * --fail-on of compare, whose findings are indicators newly missed (met before, not met now) and
 * data lost (a value before, none now): a binding indicator newly missed is an error, any other
 * newly missed a warning, data lost is info. newly-missed is the former name of warning.
 */
export const COMPARE_FAIL_ON: FailOnSpec = {
  levels: { ...SEVERITY_LEVELS, 'newly-missed': 'warning' },
  default: 'none',
  description: 'opt.fail-on.compare',
};

export const failOnOption = (spec: FailOnSpec) => new Option('--fail-on <level>', helpText(spec.description)).choices(Object.keys(spec.levels)).default(spec.default);

/**
 * The --format names, stated here so that describing the commands loads no formatter; a test
 * holds them equal to the formatters' own tables (report/formats).
 */
export const FINDING_FORMAT_NAMES = ['table', 'json', 'junit', 'sarif', 'github', 'markdown', 'codeclimate'] as const;
export const EVALUATE_FORMAT_NAMES = [...FINDING_FORMAT_NAMES, 'html'] as const;

/** Adds --format, -o/--output, --fail-on, --max-warnings, --quiet and --no-color to a findings command. */
export function addReportOptions(cmd: Command, failOn: FailOnSpec, formats: readonly string[] = FINDING_FORMAT_NAMES): Command {
  return cmd
    .addOption(formatOption(formats, 'opt.format.findings'))
    .addOption(outputOption())
    .addOption(failOnOption(failOn))
    .addOption(maxWarningsOption())
    .addOption(quietOption())
    .addOption(noColorOption());
}

/**
 * A required option, checked in the action (after the preAction hook has applied every value,
 * configuration included) rather than by commander's makeOptionMandatory: commander checks
 * mandatory options before unknown ones, so `--plna quanzhou` would be reported as --plan missing.
 * The error is commander's own (code commander.missingMandatoryOptionValue), worded as every usage error.
 */
export function requireOption(cmd: Command, name: string): void {
  const option = cmd.options.find((o) => o.long === `--${name}`);
  if (!option) throw new Error(`no option --${name} on ${cmd.name()}`);
  if (cmd.getOptionValue(option.attributeName()) === undefined) {
    cmd.error(`error: required option '${option.flags}' not specified`, { code: 'commander.missingMandatoryOptionValue', exitCode: 1 });
  }
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
