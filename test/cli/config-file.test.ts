// The configuration file: where it is found, what it sets, and where its errors are.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findConfigFile, loadConfig, readConfig } from '../../src/cli/config-file.js';
import { CscheckError } from '../../src/schema/errors.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'cscheck-config-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(rel: string, text: string): string {
  const path = join(root, rel);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

/** The error a call throws, as its message id, path argument and location. */
function failure(f: () => unknown) {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(CscheckError);
    const e = err as CscheckError;
    return { id: e.messageId, path: e.args.path, line: e.location.line, col: e.location.col, file: e.location.file };
  }
  throw new Error('expected a CscheckError');
}

const values = (m: Map<string, { value: unknown }>) => Object.fromEntries([...m].map(([k, v]) => [k, v.value]));

describe('finding the file', () => {
  it('takes the nearest folder that has one, from the working directory upward', () => {
    write('cscheck.config.yaml', 'plan: fujian\n');
    const near = write('county/.cscheckrc.json', '{"plan": "quanzhou"}');
    mkdirSync(join(root, 'county/data/2024'), { recursive: true });
    expect(findConfigFile(join(root, 'county/data/2024'))).toBe(near);
    expect(findConfigFile(root)).toBe(join(root, 'cscheck.config.yaml'));
  });

  it('prefers cscheck.config.yaml over .cscheckrc.* over package.json in one folder', () => {
    write('package.json', '{"name": "x", "cscheck": {"plan": "a"}}');
    expect(findConfigFile(root)).toBe(join(root, 'package.json'));
    write('.cscheckrc.yaml', 'plan: b\n');
    expect(findConfigFile(root)).toBe(join(root, '.cscheckrc.yaml'));
    write('cscheck.config.yaml', 'plan: c\n');
    expect(findConfigFile(root)).toBe(join(root, 'cscheck.config.yaml'));
  });

  it('passes over a package.json without a "cscheck" key', () => {
    const outer = write('cscheck.config.yaml', 'lang: en\n');
    write('app/package.json', '{"name": "app", "version": "1.0.0"}');
    expect(findConfigFile(join(root, 'app'))).toBe(outer);
  });

  it('--no-config reads nothing; --config reads the file named, relative to the working directory', () => {
    write('cscheck.config.yaml', 'lang: en\n');
    write('ci/strict.yaml', 'fail-on: warning\n');
    expect(loadConfig({ config: false, cwd: root })).toBeNull();
    expect(values(loadConfig({ config: 'ci/strict.yaml', cwd: root })!.forCommand('ledger'))).toEqual({ failOn: 'warning' });
    expect(failure(() => loadConfig({ config: 'ci/none.yaml', cwd: root }))).toMatchObject({ id: 'config.not-found', file: join(root, 'ci/none.yaml') });
  });
});

describe('what it sets', () => {
  it('gives a command its own section over the top level, keys as commander names them', () => {
    const file = write('cscheck.config.yaml', ['plan: quanzhou', 'lang: en', 'max-warnings: 5', 'ledger:', '  plan: luojiang', '  fail-on: warning', ''].join('\n'));
    const config = readConfig(file);
    expect(values(config.forCommand('evaluate'))).toEqual({ plan: 'quanzhou', lang: 'en', maxWarnings: 5 });
    expect(values(config.forCommand('ledger'))).toEqual({ plan: 'luojiang', lang: 'en', maxWarnings: 5, failOn: 'warning' });
  });

  it('resolves paths against the file’s folder, and leaves a plan id or name as written', () => {
    const file = write('county/cscheck.config.yaml', ['plan: plans/my-county.yaml', 'output: reports/out.sarif', 'batch:', '  plan: 泉州市', '  out: ../all', ''].join('\n'));
    const config = readConfig(file);
    expect(values(config.forCommand('evaluate'))).toEqual({ plan: join(root, 'county/plans/my-county.yaml'), output: join(root, 'county/reports/out.sarif') });
    expect(values(config.forCommand('batch'))).toMatchObject({ plan: '泉州市', out: join(root, 'all') });
  });

  it('reads the "cscheck" key of a package.json', () => {
    const file = write('package.json', JSON.stringify({ name: 'ledgers', cscheck: { plan: 'luojiang', lang: 'en' } }, null, 2));
    expect(values(readConfig(file).forCommand('ledger'))).toEqual({ plan: 'luojiang', lang: 'en' });
  });

  it('an empty file is an empty configuration', () => {
    expect(values(readConfig(write('.cscheckrc.yaml', '')).forCommand('evaluate'))).toEqual({});
  });
});

describe('errors, at file:line:col', () => {
  it('an unknown key is shown where it is written', () => {
    const file = write('cscheck.config.yaml', ['plan: quanzhou', 'evaluate:', '  formt: sarif', ''].join('\n'));
    expect(failure(() => readConfig(file))).toEqual({ id: 'config.invalid', path: '/evaluate', line: 3, col: 3, file });
  });

  it('a value of the wrong type or outside its choices names the value’s place', () => {
    const file = write('cscheck.config.yaml', ['lang: zh', 'max-warnings: many', ''].join('\n'));
    expect(failure(() => readConfig(file))).toEqual({ id: 'config.invalid', path: '/max-warnings', line: 2, col: 15, file });
    const lang = write('.cscheckrc.json', '{\n  "lang": "fr"\n}\n');
    expect(failure(() => readConfig(lang))).toEqual({ id: 'config.invalid', path: '/lang', line: 2, col: 11, file: lang });
    const date = write('c.yaml', 'as-of: 2025/06/30\n');
    expect(failure(() => readConfig(date))).toMatchObject({ id: 'config.invalid', path: '/as-of', line: 1, col: 8 });
  });

  it('in a package.json, the place inside its "cscheck" key', () => {
    const file = write('package.json', '{\n  "name": "x",\n  "cscheck": {\n    "jobs": 0\n  }\n}\n');
    expect(failure(() => readConfig(file))).toEqual({ id: 'config.invalid', path: '/jobs', line: 4, col: 13, file });
  });

  it('YAML syntax, a list instead of a mapping, and a file over the size limit', () => {
    const bad = write('a.yaml', 'plan: quanzhou\nlang: [zh\n');
    expect(failure(() => readConfig(bad))).toMatchObject({ id: 'plan.yaml', file: bad });
    expect(failure(() => readConfig(write('b.yaml', '- plan: quanzhou\n')))).toMatchObject({ id: 'config.not-object', line: 1, col: 1 });
    expect(failure(() => readConfig(write('c.yaml', `plan: ${'x'.repeat(1024 * 1024 + 1)}\n`)))).toMatchObject({ id: 'input.limit' });
  });
});
