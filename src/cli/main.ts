// The command line: thin commander wiring around the stages. Exit codes follow linters:
// 0 clean, 1 findings at or above the fail level, 2 usage or input errors.

import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { CscheckError } from '../schema/errors.js';
import type { Lang } from '../schema/messages.js';
import { message } from '../schema/messages.js';
import { locationText } from '../report/render.js';
import { TOOL_VERSION } from '../rules/evaluation.js';
import { evaluateCommand } from './evaluate.js';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal (colour, progress). */
  isTTY: boolean;
  env: Record<string, string | undefined>;
}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

const processIo = (): Io => ({
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
});

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return n;
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

  program
    .command('evaluate')
    .description('evaluate survey exports (CSV/XLSX) against a plan: indicators, per-community rules, data errors')
    .argument('<files...>', 'survey files (.csv, .tsv, .txt, .xlsx); several files are evaluated together')
    .requiredOption('-p, --plan <id|path>', 'a bundled plan id (e.g. quanzhou) or a plan YAML file')
    .option('--sheet <name>', 'XLSX: the sheet holding the community table (default: the first sheet)')
    .option('--encoding <name>', 'CSV: force the text encoding (utf8, gbk, gb18030, …); default: detected')
    .option('--values <file>', 'reported values (指标/数值) for indicators the survey cannot measure')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['table', 'json']).default('table'))
    .option('-o, --output <file>', 'write the report to a file (atomically) instead of stdout')
    .addOption(new Option('--lang <lang>', 'language of messages').choices(['zh', 'en']).default('zh'))
    .addOption(new Option('--fail-on <level>', 'exit 1 on: binding = errors (binding misses, data errors); expected = also warnings; none = never').choices(['binding', 'expected', 'none']).default('binding'))
    .option('--max-findings <n>', 'list at most N findings per rule (the rest are counted); 0 = all', positiveInt, 1000)
    .option('-j, --jobs <n>', 'threads for large CSV files (default: the number of cores)', positiveInt)
    .option('--no-color', 'no colours in the terminal table')
    .option('--debug', 'print stack traces for errors')
    .action(async (files: string[], opts) => {
      lang = opts.lang;
      debug = Boolean(opts.debug);
      exit = await evaluateCommand(files, opts, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exit;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    if (err instanceof CscheckError) {
      const where = locationText(err.location);
      io.stderr(`cscheck: ${where ? `${where}: ` : ''}${message(err.messageId, err.args, lang)}\n`);
      if (debug) io.stderr(`${err.stack}\n${err.cause instanceof Error ? err.cause.stack : ''}\n`);
      return EXIT.usage;
    }
    const e = err as Error;
    io.stderr(`cscheck: ${e?.message ?? String(err)}\n`);
    if (debug) io.stderr(`${e?.stack}\n`);
    return EXIT.usage;
  }
}
