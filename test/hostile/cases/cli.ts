// The command line around the readers: --jobs, batch over symlink loops, compare over a crafted
// summary.json, outputs that cannot be written, a reader that stops early, signals, control
// characters and very long names in every terminal format, formula text in an annotated workbook,
// and ledgers big enough to overflow a stack.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readZip } from '../../report/zip-entries.js';
import { BIN } from '../runner.js';
import type { Outcome, Setup } from '../runner.js';
import type { Case } from './common.js';
import { HEAD, ROWS, SURVEY, csv, evaluate, put } from './common.js';

const summaryOf = (dir: string): any => JSON.parse(readFileSync(path.join(dir, 'out', 'summary.json'), 'utf8'));
const inputsOf = (dir: string): string[] => summaryOf(dir).files.map((f: any) => f.input).sort();

// — compare: one real batch report directory, made once and copied into each case —

let batchTemplate: string | undefined;
const SECRET = 'SECRET_MARKER_5d41402a';

/** A batch report directory for a one-file survey at dir/name. */
function batchDir(dir: string, name: string): string {
  if (!batchTemplate) {
    const src = path.join(dir, '.template-in');
    mkdirSync(src);
    put(src, 'a.csv', SURVEY);
    batchTemplate = path.join(dir, '.template-out');
    execFileSync(process.execPath, [BIN, 'batch', src, '--plan', 'quanzhou', '--out', batchTemplate, '--quiet'], { stdio: 'ignore' });
  }
  const out = path.join(dir, name);
  cpSync(batchTemplate, out, { recursive: true });
  return out;
}

/** OLD and NEW batch directories, NEW's summary pointing its report at `target` (made by `prepare`). */
function craftedCompare(target: unknown, prepare?: (dir: string) => void): Case['make'] {
  return (dir) => {
    const old = batchDir(dir, 'old');
    const neu = batchDir(dir, 'new');
    // The secret: a valid report whose community is named by the marker, one level above NEW.
    writeFileSync(path.join(dir, 'secret.json'), readFileSync(path.join(neu, 'a.json'), 'utf8').replaceAll('塘西社区', SECRET));
    prepare?.(dir);
    const summary = JSON.parse(readFileSync(path.join(neu, 'summary.json'), 'utf8'));
    summary.files[0].reports.json = typeof target === 'function' ? target(dir) : target;
    writeFileSync(path.join(neu, 'summary.json'), JSON.stringify(summary));
    return { args: ['compare', old, neu, '--format', 'json'], names: [neu] };
  };
}

const compareSafe = (name: string, make: Case['make'], code: number | number[] = 2): Case => ({
  name,
  make,
  expect: { code, notStdout: new RegExp(SECRET), notStderr: new RegExp(SECRET), ms: 10_000 },
});

/** `batch TREE …` over a folder `tree` that `fill` populates. */
function batchTree(dir: string, fill: (tree: string) => void): Setup {
  const tree = path.join(dir, 'tree');
  mkdirSync(tree);
  fill(tree);
  return { args: ['batch', tree, '--plan', 'quanzhou', '--out', path.join(dir, 'out'), '--quiet', '--fail-on', 'none'] };
}

// — terminal text —

/**
 * A survey whose first community is named `name` and township `township`, with one unreadable cell in
 * its row and no 灾害信息员, so a requirement breach quotes both names in every text format.
 */
const namedSurvey = (name: string, township = '万安街道') =>
  csv([[...HEAD, '灾害信息员人数'], [name, '城市', township, '很多', '是', 0], ...ROWS.slice(1).map((r) => [...r, 1])]);

// eslint-disable-next-line no-control-regex -- the control characters that must never reach a terminal unescaped
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f\x80-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

const controlCase = (label: string, ch: string, format: string): Case => ({
  name: `control character ${label} in a community name, --format ${format}`,
  make: (dir) => ({ args: evaluate(put(dir, 'ctl.csv', namedSurvey(`塘西${ch}社区`, `万安${ch}街道`)), '--format', format, '--fail-on', 'none') }),
  expect: { code: 0, notStdout: CONTROL },
  check: (o) => {
    if (!o.stdout.includes('塘西')) throw new Error('the community is not in the report at all');
  },
});

const LONG = '长'.repeat(100_000);

const longName = (format: string, where: 'township' | 'community'): Case => ({
  name: `100,000-character ${where} names, --format ${format}`,
  make: (dir) => {
    const rows = ROWS.map((r, i) => (where === 'township' ? [r[0], r[1], `${LONG}${i}`, r[3], r[4]] : [`${LONG}${i}`, r[1], r[2], r[3], r[4]]));
    return { args: evaluate(put(dir, 'long.csv', csv([HEAD, ...rows, [where === 'township' ? '坏村' : `${LONG}x`, '城市', where === 'township' ? `${LONG}x` : '万安街道', '很多', '是']])), '--format', format, '--fail-on', 'none') };
  },
  expect: { code: 0, ms: 15_000 },
});

/** A folder of `n` surveys of `rows` rows each. */
function surveys(dir: string, n: number, rows: number): string {
  const d = path.join(dir, 'in');
  mkdirSync(d);
  for (let f = 0; f < n; f++) {
    const lines = [HEAD.join(',')];
    for (let i = 0; i < rows; i++) lines.push(`社区${f}-${i},${i % 2 ? '城市' : '农村'},镇${i % 7},${100 + i},${i % 3 ? '是' : '很多'}`);
    put(d, `f${String(f).padStart(3, '0')}.csv`, lines.join('\n') + '\n');
  }
  return d;
}

const signalCase = (signal: NodeJS.Signals, code: number): Case => ({
  name: `${signal} during a batch with --annotate: exit ${code}, nothing half-written left`,
  make: (dir) => ({ args: ['batch', surveys(dir, 30, 3000), '--plan', 'quanzhou', '--out', path.join(dir, 'out'), '--annotate', '--jobs', '1'], signal: { name: signal, when: /\[1\// } }),
  expect: { code, stderrFree: true },
  check: (o) => {
    if (!o.signalled) throw new Error('the batch ended before the signal could be sent');
  },
});

/** A ledger CSV of `rows` task rows. */
function ledgerCsv(rows: number, unitCell = '区民政局'): string {
  const lines = ['序号,工作任务,具体项目,主要内容,责任单位,完成时限'];
  for (let i = 1; i <= rows; i++) lines.push(`${i},一、完善城乡社区服务格局,（一）加强党建引领,${i}．任务内容${i},${i === 1 ? unitCell : '区民政局'},2025年`);
  return lines.join('\n') + '\n';
}

export const cliCases: Case[] = [
  // — --jobs —
  {
    // 1 MB past a threshold lowered to 256 KiB takes the path a CSV over 16 MB takes by default.
    name: 'evaluate --jobs 100000 on a CSV past the parallel threshold (parallel path)',
    make: (dir) => {
      const lines = [HEAD.join(',')];
      for (let i = 0; lines.length * 50 < 1024 * 1024; i++) lines.push(`社区名称第${i}号,${i % 2 ? '城市' : '农村'},镇${i % 50},${100 + (i % 900)},${i % 3 ? '是' : '否'}`);
      return {
        args: evaluate(put(dir, 'big.csv', lines.join('\n') + '\n'), '--jobs', '100000', '--fail-on', 'none', '--format', 'json', '--max-findings', '5'),
        env: { CSCHECK_PARALLEL_MIN_BYTES: String(256 * 1024) },
      };
    },
    expect: { code: 0, ms: 40_000 },
  },
  { name: 'batch --jobs 100000 over 3 files', make: (dir) => ({ args: ['batch', surveys(dir, 3, 5), '--plan', 'quanzhou', '--out', path.join(dir, 'out'), '--jobs', '100000', '--quiet', '--fail-on', 'none'] }), expect: { code: 0, ms: 20_000 } },
  { name: 'evaluate --jobs 1000000000', make: (dir) => ({ args: evaluate(put(dir, 's.csv', SURVEY), '--jobs', '1000000000', '--fail-on', 'none') }), expect: { code: 0 } },
  { name: 'evaluate --jobs 0', make: (dir) => ({ args: evaluate(put(dir, 's.csv', SURVEY), '--jobs', '0', '--fail-on', 'none'), names: ['0'] }), expect: { code: [0, 2] } },
  { name: 'evaluate --jobs -5', make: (dir) => ({ args: evaluate(put(dir, 's.csv', SURVEY), '--jobs', '-5'), names: ['jobs'] }), expect: { code: 2 } },

  // — batch and symlinks —
  {
    name: 'batch over a symlink loop (sub/loop → ..) visits each file once',
    make: (dir) => {
      const tree = path.join(dir, 'tree');
      mkdirSync(path.join(tree, 'sub'), { recursive: true });
      put(tree, 'a.csv', SURVEY);
      put(path.join(tree, 'sub'), 'b.csv', SURVEY);
      symlinkSync('..', path.join(tree, 'sub', 'loop'));
      return { args: ['batch', tree, '--plan', 'quanzhou', '--out', path.join(dir, 'out'), '--quiet', '--fail-on', 'none', '--format', 'json'] };
    },
    expect: { code: 0, ms: 20_000 },
    check: (_o, dir) => {
      const inputs = inputsOf(dir);
      if (inputs.length !== 2) throw new Error(`inputs ${JSON.stringify(inputs)}`);
    },
  },
  {
    name: 'batch over two folders linking to each other visits each file once',
    make: (dir) => {
      const tree = path.join(dir, 'tree');
      mkdirSync(path.join(tree, 'a'), { recursive: true });
      mkdirSync(path.join(tree, 'c'), { recursive: true });
      put(path.join(tree, 'a'), 'x.csv', SURVEY);
      put(path.join(tree, 'c'), 'y.csv', SURVEY);
      symlinkSync('../c', path.join(tree, 'a', 'to-c'));
      symlinkSync('../a', path.join(tree, 'c', 'to-a'));
      return { args: ['batch', tree, '--plan', 'quanzhou', '--out', path.join(dir, 'out'), '--quiet', '--fail-on', 'none'] };
    },
    expect: { code: 0, ms: 20_000 },
    check: (_o, dir) => {
      const inputs = inputsOf(dir);
      if (inputs.length !== 2) throw new Error(`inputs ${JSON.stringify(inputs)}`);
    },
  },
  {
    name: 'batch does not follow a folder symlink that leaves the tree',
    make: (dir) =>
      batchTree(dir, (tree) => {
        mkdirSync(path.join(dir, 'outside'));
        put(tree, 'a.csv', SURVEY);
        put(path.join(dir, 'outside'), 'elsewhere.csv', SURVEY);
        symlinkSync('../outside', path.join(tree, 'ext'));
      }),
    expect: { code: 0, ms: 20_000 },
    check: (_o, dir) => {
      const inputs = inputsOf(dir);
      if (inputs.some((i) => i.includes('elsewhere'))) throw new Error(`followed a link out of the tree: ${JSON.stringify(inputs)}`);
    },
  },
  {
    name: 'batch with a self-referencing file symlink loop.csv',
    make: (dir) =>
      batchTree(dir, (tree) => {
        put(tree, 'a.csv', SURVEY);
        symlinkSync('loop.csv', path.join(tree, 'loop.csv'));
      }),
    expect: { code: [0, 2], ms: 20_000, stderrFree: true },
  },
  {
    name: 'batch with a dangling symlink',
    make: (dir) =>
      batchTree(dir, (tree) => {
        put(tree, 'a.csv', SURVEY);
        symlinkSync('nowhere.csv', path.join(tree, 'gone.csv'));
      }),
    expect: { code: [0, 2], ms: 20_000, stderrFree: true },
  },
  {
    name: 'batch over folders nested 200 deep',
    make: (dir) => {
      return batchTree(dir, (tree) => {
        let d = tree;
        for (let i = 0; i < 200; i++) d = path.join(d, 'd');
        mkdirSync(d, { recursive: true });
        put(d, 'deep.csv', SURVEY);
        put(tree, 'a.csv', SURVEY);
      });
    },
    expect: { code: [0, 2], ms: 20_000 },
  },
  {
    name: 'batch where a FIFO named x.csv sits among the inputs',
    make: (dir) =>
      batchTree(dir, (tree) => {
        put(tree, 'a.csv', SURVEY);
        execFileSync('mkfifo', [path.join(tree, 'x.csv')]);
      }),
    expect: { code: [0, 2], ms: 20_000, stderrFree: true },
  },

  // — compare over a crafted summary.json —
  compareSafe('compare control: two real batch directories', (dir) => ({ args: ['compare', batchDir(dir, 'old'), batchDir(dir, 'new'), '--format', 'json'] }), 0),
  compareSafe('compare: summary.json points at ../secret.json', craftedCompare('../secret.json')),
  compareSafe('compare: summary.json points at sub/../../secret.json', craftedCompare('sub/../../secret.json')),
  compareSafe('compare: summary.json points at the absolute path of a secret', craftedCompare((dir: string) => path.join(dir, 'secret.json'))),
  compareSafe('compare: summary.json points at /dev/zero', craftedCompare('/dev/zero')),
  compareSafe('compare: summary.json points at ../../../../../../dev/zero', craftedCompare('../../../../../../../../../dev/zero')),
  compareSafe(
    'compare: summary.json points at a FIFO outside the folder (never opened)',
    craftedCompare('../fifo.json', (dir) => execFileSync('mkfifo', [path.join(dir, 'fifo.json')])),
  ),
  compareSafe(
    'compare: a report inside the folder that is a symlink to a file outside',
    craftedCompare('link.json', (dir) => symlinkSync(path.join(dir, 'secret.json'), path.join(dir, 'new', 'link.json'))),
  ),
  compareSafe('compare: reports.json is a number', craftedCompare(5)),
  compareSafe('compare: summary.json is a symlink to /dev/zero', (dir) => {
    const old = batchDir(dir, 'old');
    const neu = batchDir(dir, 'new');
    execFileSync('rm', [path.join(neu, 'summary.json')]);
    symlinkSync('/dev/zero', path.join(neu, 'summary.json'));
    return { args: ['compare', old, neu], names: [neu] };
  }),
  { name: 'compare /dev/zero /dev/zero', make: () => ({ args: ['compare', '/dev/zero', '/dev/zero', '--plan', 'quanzhou'], names: ['/dev/zero'] }), expect: { code: 2, ms: 10_000 } },

  // — outputs that cannot be written —
  { name: '-o /dev/full', make: (dir) => ({ args: evaluate(put(dir, 's.csv', SURVEY), '-o', '/dev/full'), names: ['/dev/full'] }), expect: { code: 2 } },
  { name: '--annotate /dev/full', make: (dir) => ({ args: evaluate(put(dir, 's.csv', SURVEY), '--annotate', '/dev/full'), names: ['/dev/full'] }), expect: { code: 2 } },
  { name: 'stdout is /dev/full (table)', make: (dir) => ({ args: evaluate(put(dir, 's.csv', SURVEY)), stdout: 'devfull', names: ['标准输出'] }), expect: { code: 2, stderr: /ENOSPC/ } },
  { name: 'stdout is /dev/full (json)', make: (dir) => ({ args: evaluate(put(dir, 's.csv', SURVEY), '--format', 'json'), stdout: 'devfull', names: ['标准输出'] }), expect: { code: 2, stderr: /ENOSPC/ } },
  { name: 'stdout is /dev/full (plans list)', make: () => ({ args: ['plans', 'list'], stdout: 'devfull', names: [] }), expect: { code: 2 } },
  { name: '-o the input file itself', make: (dir) => ({ args: evaluate(put(dir, 's.csv', SURVEY), '-o', path.join(dir, 's.csv')) }), expect: { code: 2 } },
  { name: '-o a directory', make: (dir) => ({ args: evaluate(put(dir, 's.csv', SURVEY), '-o', dir), names: [dir] }), expect: { code: 2 } },
  { name: '-o into a folder that does not exist', make: (dir) => ({ args: evaluate(put(dir, 's.csv', SURVEY), '-o', path.join(dir, 'no', 'such', 'r.json')), names: [path.join(dir, 'no', 'such', 'r.json')] }), expect: { code: 2 } },
  {
    name: '--annotate over the input workbook itself',
    make: (dir) => {
      const file = path.join(dir, 'in.xlsx');
      cpSync(path.join(path.dirname(BIN), '..', 'fixtures', 'luojiang', 'survey-2024.xlsx'), file);
      return { args: evaluate(file, '--annotate', file) };
    },
    expect: { code: 2 },
  },
  { name: 'batch --out /dev/full', make: (dir) => ({ args: ['batch', surveys(dir, 1, 3), '--plan', 'quanzhou', '--out', '/dev/full', '--quiet'], names: ['/dev/full'] }), expect: { code: 2 } },
  {
    name: 'stdout closed after the first bytes (cscheck … | head) ends quietly',
    make: (dir) => {
      const rows = Array.from({ length: 3000 }, (_, i) => [`社区${i}`, '城市', '万安街道', '很多', '是']);
      return { args: evaluate(put(dir, 'many.csv', csv([HEAD, ...rows])), '--format', 'json', '--max-findings', '0', '--fail-on', 'none'), stdout: 'close-early' };
    },
    expect: { code: 0, ms: 20_000 },
  },
  {
    name: 'stdout closed early on a table of 3,000 findings',
    make: (dir) => {
      const rows = Array.from({ length: 3000 }, (_, i) => [`社区${i}`, '城市', '万安街道', '很多', '是']);
      return { args: evaluate(put(dir, 'many.csv', csv([HEAD, ...rows])), '--max-findings', '0', '--fail-on', 'none'), stdout: 'close-early' };
    },
    expect: { code: 0, ms: 20_000 },
  },
  { name: 'stdout closed early on plans show --format json', make: () => ({ args: ['plans', 'show', 'fujian', '--format', 'json'], stdout: 'close-early', names: [] }), expect: { code: 0 } },

  // — signals —
  signalCase('SIGHUP', 129),
  signalCase('SIGINT', 130),
  signalCase('SIGTERM', 143),

  // — terminal text —
  ...(['table', 'markdown', 'github'] as const).flatMap((format) => [
    controlCase('ESC [2J', '\x1b[2J\x1b]0;pwned\x07', format),
    controlCase('BEL', '\x07', format),
    controlCase('bidi override U+202E', '\u202e', format),
    controlCase('backspace and CR', '\b\r', format),
  ]),
  {
    name: 'a file name holding ESC in the error line',
    make: (dir) => ({ args: evaluate(path.join(dir, 'x\x1b[31m.csv')), names: ['x'] }),
    // eslint-disable-next-line no-control-regex -- the ESC of the file name must not reach stderr raw
    expect: { code: 2, notStderr: /\x1b/ },
  },
  ...['html', 'table', 'markdown', 'github', 'json', 'junit', 'sarif'].map((f) => longName(f, 'township')),
  longName('html', 'community'),
  longName('table', 'community'),
  {
    name: '100,000-character names through a batch (html page per file)',
    make: (dir) => {
      const d = path.join(dir, 'in');
      mkdirSync(d);
      put(d, 'long.csv', csv([HEAD, ...ROWS.map((r, i) => [r[0], r[1], `${LONG}${i}`, r[3], r[4]])]));
      return { args: ['batch', d, '--plan', 'quanzhou', '--out', path.join(dir, 'out'), '--quiet', '--fail-on', 'none'] };
    },
    expect: { code: 0, ms: 20_000 },
  },

  // — formula text in an annotated workbook —
  {
    name: 'formula injection text in names stays text in the --annotate workbook',
    make: (dir) => ({
      args: evaluate(
        put(dir, 'inject.csv', csv([HEAD, ["=cmd|'/c calc'!A1", '城市', '+SUM(1,2)', 3200, '是'], ['-2+3', '城市', '@HYPERLINK("http://x")', 2000, '是'], ['下洋村', '农村', '万安街道', '=1+1', '是']])),
        '--annotate',
        path.join(dir, 'annotated.xlsx'),
        '--fail-on',
        'none',
      ),
    }),
    expect: { code: 0 },
    check: async (_o: Outcome, dir: string) => {
      const entries = await readZip(path.join(dir, 'annotated.xlsx'));
      const sheets = entries.filter((e) => e.name.startsWith('xl/worksheets/'));
      if (!sheets.length) throw new Error('no sheets in the annotated workbook');
      // cscheck's own formulas are links to cells of the workbook (HYPERLINK("#'sheet'!A2", …)); no other.
      for (const s of sheets) {
        for (const f of s.data.toString('utf8').match(/<f[ >][^<]*<\/f>/g) ?? []) if (!/^<f[^>]*>HYPERLINK\(&quot;#/.test(f)) throw new Error(`${s.name} holds the formula ${f}`);
      }
      const text = entries.map((e) => e.data.toString('utf8')).join('');
      if (!text.includes("=cmd|'/c calc'!A1") && !text.includes('=cmd|&apos;/c calc&apos;!A1')) throw new Error('the name was not kept as text');
    },
  },

  // — ledgers —
  { name: 'a ledger of 100,000 rows', make: (dir) => ({ args: ['ledger', put(dir, 'ledger.csv', ledgerCsv(100_000)), '--fail-on', 'none', '--format', 'json'] }), expect: { code: 0, ms: 30_000 } },
  {
    name: 'a ledger unit cell naming 200,000 units',
    make: (dir) => ({ args: ['ledger', put(dir, 'units.csv', ledgerCsv(3, `"${Array(200_000).fill('民政局').join('、')}"`)), '--fail-on', 'none'] }),
    expect: { code: [0, 2], ms: 15_000 },
  },
  { name: 'a ledger that is empty', make: (dir) => ({ args: ['ledger', put(dir, 'empty.csv', '')] }), expect: { code: 2 } },
  { name: 'a ledger of random bytes', make: (dir) => ({ args: ['ledger', put(dir, 'noise.csv', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256)))] }), expect: { code: 2 } },
  { name: 'a ledger with no header', make: (dir) => ({ args: ['ledger', put(dir, 'nohead.csv', 'a,b\n1,2\n')] }), expect: { code: 2 } },
  { name: 'a ledger named /dev/zero', make: () => ({ args: ['ledger', '/dev/zero'], names: ['/dev/zero'] }), expect: { code: 2, ms: 10_000 } },
  {
    name: '--values naming /dev/zero',
    make: (dir) => ({ args: evaluate(put(dir, 's.csv', SURVEY), '--values', '/dev/zero'), names: ['/dev/zero'] }),
    expect: { code: 2, ms: 10_000 },
  },
  { name: '--as-of that is not a date', make: (dir) => ({ args: evaluate(put(dir, 's.csv', SURVEY), '--as-of', '2025-13-45'), names: ['2025-13-45'] }), expect: { code: 2 } },
];

