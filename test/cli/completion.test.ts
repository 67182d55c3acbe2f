// Completion scripts, run in the shells themselves: bash through its completion function, fish
// through `complete -C`, zsh parsed (its completion system needs a terminal).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { completionScript } from '../../src/cli/completion.js';

/** A program shaped as cscheck's: options with choices, a plan option, nested commands, an indicator argument. */
function program(): Command {
  const p = new Command('cscheck').version('0.1.0');
  p.command('evaluate')
    .description('evaluate survey exports: indicators and rules')
    .argument('<files...>', 'survey files')
    .option('-p, --plan <id|path>', 'a plan')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['table', 'json', 'sarif']))
    .addOption(new Option('--lang <lang>', 'language').choices(['zh', 'en']))
    .option('--quiet', 'errors only');
  const plans = p.command('plans').description('the bundled plans: list, lint');
  plans.command('list').description('list the plans').addOption(new Option('-f, --format <name>', 'format').choices(['table', 'json']));
  plans.command('lint').description('lint plans').argument('[plans...]', 'plan ids').option('--quiet', 'errors only');
  p.command('explain').description('what an indicator means').argument('<indicator>', 'an indicator id').option('-p, --plan <id|path>', 'only this plan');
  return p;
}

const words = { plans: ['fujian', 'quanzhou', 'xianyou'], indicators: ['activity_area_share', 'facility_coverage_rural', 'facility_coverage_urban'] };
const dir = mkdtempSync(join(tmpdir(), 'cscheck-completion-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function scriptFile(shell: 'bash' | 'zsh' | 'fish'): string {
  const file = join(dir, `cscheck.${shell}`);
  writeFileSync(file, completionScript(shell, program(), words));
  return file;
}

/** What bash offers for a command line whose last word is being completed (in an empty folder: no file names). */
function bash(line: string[]): string[] {
  const file = scriptFile('bash');
  const setup = `source ${file}; COMP_WORDS=(${line.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${line.length - 1}; _cscheck; printf '%s\\n' "\${COMPREPLY[@]}"`;
  return execFileSync('bash', ['-c', setup], { cwd: mkdtempSync(join(dir, 'cwd-')), encoding: 'utf8' }).split('\n').filter(Boolean).sort();
}

/** What fish offers (`complete -C`), words only. */
function fish(line: string): string[] {
  const file = scriptFile('fish');
  const out = execFileSync('fish', ['--no-config', '-c', `source ${file}; complete -C '${line}'`], { cwd: mkdtempSync(join(dir, 'cwd-')), encoding: 'utf8' });
  return out.split('\n').filter(Boolean).map((l) => l.split('\t')[0]).sort();
}

describe('bash', () => {
  it('completes commands, then subcommands', () => {
    expect(bash(['cscheck', ''])).toEqual(['evaluate', 'explain', 'plans']);
    expect(bash(['cscheck', 'e'])).toEqual(['evaluate', 'explain']);
    expect(bash(['cscheck', '-'])).toEqual(['--help', '--version', '-V', '-h']);
    expect(bash(['cscheck', 'plans', 'l'])).toEqual(['lint', 'list']);
  });

  it('completes a command’s options, and option values from their choices or the plan ids', () => {
    expect(bash(['cscheck', 'evaluate', '--'])).toEqual(['--format', '--help', '--lang', '--plan', '--quiet']);
    expect(bash(['cscheck', 'evaluate', '-f', 's'])).toEqual(['sarif']);
    expect(bash(['cscheck', 'evaluate', '--lang', ''])).toEqual(['en', 'zh']);
    expect(bash(['cscheck', 'evaluate', '--plan', 'x'])).toEqual(['xianyou']);
    // A value given to an option is not a command: `quanzhou` leaves the path at `evaluate`.
    expect(bash(['cscheck', 'evaluate', '--plan', 'quanzhou', '--f'])).toEqual(['--format']);
    expect(bash(['cscheck', 'plans', 'list', '--format', ''])).toEqual(['json', 'table']);
  });

  it('completes indicator ids for explain and plan ids for plans lint', () => {
    expect(bash(['cscheck', 'explain', 'facility'])).toEqual(['facility_coverage_rural', 'facility_coverage_urban']);
    expect(bash(['cscheck', 'plans', 'lint', 'q'])).toEqual(['quanzhou']);
  });
});

describe('fish', () => {
  it('completes commands, options and their values', () => {
    expect(fish('cscheck ')).toEqual(['evaluate', 'explain', 'plans']);
    expect(fish('cscheck plans ')).toEqual(['lint', 'list']);
    expect(fish('cscheck evaluate --format ')).toEqual(['json', 'sarif', 'table']);
    expect(fish('cscheck evaluate --plan q')).toEqual(['quanzhou']);
    expect(fish('cscheck explain activity')).toEqual(['activity_area_share']);
    expect(fish('cscheck evaluate --q')).toEqual(['--quiet']);
  });
});

describe('zsh', () => {
  it('writes a script zsh parses, defining the completion function', () => {
    const file = scriptFile('zsh');
    execFileSync('zsh', ['-n', file]);
    // compinit's compdef, stubbed: it is what a sourced script calls to register itself.
    const out = execFileSync('zsh', ['-f', '-c', `compdef() { print -r -- "compdef $*"; }; source ${file}; whence -w _cscheck`], { encoding: 'utf8' });
    expect(out.trim().split('\n')).toEqual(['compdef _cscheck cscheck', '_cscheck: function']);
  });
});
