// Hostile command lines and report directories: --jobs out of range, batch over symbolic-link loops
// and links leading out of the tree, folder depth and file-count bounds, compare given a crafted
// summary.json that points outside its report directory, and SIGHUP in the middle of a run. Each
// ends in bounded time with one line and exit 2 (129 for SIGHUP), and leaves nothing behind.

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseJobs } from '../../src/cli/options.js';
import { ROOT, lines, run, tmpDir } from './helpers.js';

const BIN = path.join(ROOT, 'bin', 'cscheck');
const WANAN = path.join(ROOT, 'fixtures', 'batch', '泉州市', '洛江区', '万安街道.csv');
/** The community rows of 万安街道.csv: its lines less the header (counted here, not by cscheck). */
const WANAN_ROWS = readFileSync(WANAN, 'utf8').split(/\r?\n/).filter(Boolean).length - 1;

beforeAll(() => {
  // Spawned runs and the batch workers are the compiled files.
  if (existsSync(path.join(ROOT, 'dist', 'workers', 'batch-worker.js'))) return;
  const b = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
  if (b.status !== 0) throw new Error(`build failed:\n${b.stdout}\n${b.stderr}`);
}, 120_000);

/** Every entry below `dir` (links not followed), relative, `/`-separated, sorted. */
const listAll = (dir: string): string[] => (readdirSync(dir, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/')).sort();


describe('--jobs', () => {
  it('is clamped to the processors here, whatever is asked', () => {
    const cores = availableParallelism();
    expect(parseJobs('1')).toBe(1);
    expect(parseJobs(String(cores))).toBe(cores);
    expect(parseJobs('100000')).toBe(cores);
    expect(parseJobs('1000')).toBe(cores);
  });

  it.each(['0', '-3', '1.5', '2x', 'abc', ''])('refuses %j with one line, exit 2', async (value) => {
    const r = await run(['evaluate', WANAN, '--plan', 'quanzhou', '--jobs', value]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^cscheck: --jobs 需要不小于 1 的十进制整数/);
    expect(r.stdout).toBe('');
  });

  it('batch --jobs 100000 runs like --jobs at the core count: no thread per job asked', () => {
    const src = tmpDir();
    copyFileSync(WANAN, path.join(src, 'a.csv'));
    const r = spawnSync(process.execPath, [BIN, 'batch', src, '--plan', 'quanzhou', '--out', path.join(tmpDir(), 'out'), '--jobs', '100000', '--quiet', '--format', 'json'], { encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).totals.rows).toBe(WANAN_ROWS);
  }, 40_000);
});

describe('batch and symbolic links', () => {
  /** src/a.csv, src/sub/b.csv and src/sub/loop -> .. (a loop back to src). */
  function loopTree(): string {
    const src = path.join(tmpDir(), 'src');
    mkdirSync(path.join(src, 'sub'), { recursive: true });
    copyFileSync(WANAN, path.join(src, 'a.csv'));
    copyFileSync(WANAN, path.join(src, 'sub', 'b.csv'));
    symlinkSync('..', path.join(src, 'sub', 'loop'));
    return src;
  }
  const batch = (inputs: string[], ...opts: string[]) => run(['batch', ...inputs, '--plan', 'quanzhou', '--out', path.join(tmpDir(), 'out'), '--jobs', '1', '--format', 'json', ...opts]);
  const inputsOf = (stdout: string) => JSON.parse(stdout).files.map((f: { input: string }) => f.input);

  it('does not follow a loop: each file once, the totals counted once, the link named on stderr', async () => {
    const src = loopTree();
    const r = await batch([src]);
    expect(r.code).toBe(0);
    expect(inputsOf(r.stdout)).toEqual(['a.csv', 'sub/b.csv']);
    expect(JSON.parse(r.stdout).totals.rows).toBe(2 * WANAN_ROWS);
    expect(r.stderr.split('\n')[0]).toBe(`cscheck: 未跟随 1 个指向文件或目录的符号链接（如 ${src}/sub/loop）；加 --follow 可跟随`);
    // --quiet says nothing.
    expect((await batch([src], '--quiet')).stderr).toBe('');
  });

  it('with --follow walks the loop once: still each file once, by its own name', async () => {
    const src = loopTree();
    // A link to a file of the tree, and a second loop two levels down, change nothing.
    symlinkSync('a.csv', path.join(src, 'alias.csv'));
    mkdirSync(path.join(src, 'sub', 'deeper'));
    symlinkSync('../..', path.join(src, 'sub', 'deeper', 'up'));
    const r = await batch([src], '--follow', '--quiet');
    expect(r.code).toBe(0);
    expect(inputsOf(r.stdout)).toEqual(['a.csv', 'sub/b.csv']);
    expect(JSON.parse(r.stdout).totals.rows).toBe(2 * WANAN_ROWS);
  });

  it('a quoted glob over the loop matches each file once too', async () => {
    const src = loopTree();
    for (const follow of [[], ['--follow']]) {
      const r = await batch([`${src}/**/*.csv`], '--quiet', ...follow);
      expect(r.code).toBe(0);
      expect(inputsOf(r.stdout)).toEqual(['a.csv', 'sub/b.csv']);
    }
  });

  it('skips a link leading out of the tree unless --follow', async () => {
    const root = tmpDir();
    const src = path.join(root, 'src');
    const elsewhere = path.join(root, 'elsewhere');
    mkdirSync(src);
    mkdirSync(elsewhere);
    copyFileSync(WANAN, path.join(src, 'a.csv'));
    copyFileSync(WANAN, path.join(elsewhere, 'c.csv'));
    symlinkSync(elsewhere, path.join(src, 'ext'));
    symlinkSync(path.join(elsewhere, 'c.csv'), path.join(src, 'linked.csv'));
    const skipped = await batch([src]);
    expect(inputsOf(skipped.stdout)).toEqual(['a.csv']);
    expect(skipped.stderr.split('\n')[0]).toBe(`cscheck: 未跟随 2 个指向文件或目录的符号链接（如 ${src}/ext）；加 --follow 可跟随`);
    // Followed, the one file outside is evaluated once, under the first name found for it.
    const followed = await batch([src], '--follow', '--quiet');
    expect(inputsOf(followed.stdout)).toEqual(['a.csv', 'ext/c.csv']);
    // Named on the command line, a link is followed.
    const named = await batch([path.join(src, 'linked.csv')], '--quiet');
    expect(inputsOf(named.stdout)).toEqual(['linked.csv']);
  });

  it('links that lead nowhere (dangling, each other) are passed over', async () => {
    const src = path.join(tmpDir(), 'src');
    mkdirSync(src);
    copyFileSync(WANAN, path.join(src, 'a.csv'));
    symlinkSync('y', path.join(src, 'x'));
    symlinkSync('x', path.join(src, 'y'));
    symlinkSync('missing.csv', path.join(src, 'gone.csv'));
    const r = await batch([src], '--follow', '--quiet');
    expect(r.code).toBe(0);
    expect(inputsOf(r.stdout)).toEqual(['a.csv']);
  });

  it(`a tree deeper than 64 folders is refused with one line naming the folder`, async () => {
    const src = path.join(tmpDir(), 'src');
    const deep = path.join(src, ...Array.from({ length: 65 }, () => 'd'));
    mkdirSync(deep, { recursive: true });
    copyFileSync(WANAN, path.join(deep, 'a.csv'));
    const r = await batch([src]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([`cscheck: ${deep}: 批量检查的目录层数超出上限 64 层（此处为 65 层）；如确需处理，可设置环境变量 CSCHECK_MAX_DIRECTORY_DEPTH 调高`]);
    // 64 levels are fine.
    const ok = await batch([path.join(src, 'd')], '--quiet');
    expect(ok.code).toBe(0);
    expect(inputsOf(ok.stdout)).toEqual([`${Array.from({ length: 64 }, () => 'd').join('/')}/a.csv`]);
  });

  it('more files than CSCHECK_MAX_BATCH_FILES is refused with one line before any is evaluated', () => {
    const src = path.join(tmpDir(), 'src');
    mkdirSync(src);
    for (const n of ['a', 'b', 'c', 'd']) copyFileSync(WANAN, path.join(src, `${n}.csv`));
    const out = path.join(tmpDir(), 'out');
    const r = spawnSync(process.execPath, [BIN, 'batch', src, '--plan', 'quanzhou', '--out', out, '--lang', 'en'], { encoding: 'utf8', env: { ...process.env, CSCHECK_MAX_BATCH_FILES: '3' }, timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`cscheck: ${src}: files in one batch: over the limit of 3 files; set the environment variable CSCHECK_MAX_BATCH_FILES to raise it\n`);
    expect(existsSync(out)).toBe(false);
  }, 40_000);
});

describe('compare: a report directory can only lead inside itself', () => {
  const SECRET = '机密-SECRET-7f3a91';
  /** Two batch report directories of one file, made once and copied for each test. */
  let made: string;
  beforeAll(async () => {
    made = tmpDir();
    const src = path.join(made, 'src');
    mkdirSync(src);
    copyFileSync(WANAN, path.join(src, '万安街道.csv'));
    for (const out of ['old', 'new']) expect((await run(['batch', src, '--plan', 'quanzhou', '--out', path.join(made, out), '--jobs', '1', '--quiet'])).code).toBe(0);
  }, 60_000);

  /** `old` and `new` beside secret.json: a report whose township is the secret. */
  function reportDirs(): { root: string; old: string; neu: string; summary: any } {
    const root = tmpDir();
    const [old, neu] = [path.join(root, 'old'), path.join(root, 'new')];
    cpSync(path.join(made, 'old'), old, { recursive: true });
    cpSync(path.join(made, 'new'), neu, { recursive: true });
    const report = readFileSync(path.join(neu, '万安街道.json'), 'utf8');
    // A file anyone could have: the report with its township renamed, so that printing it prints the secret.
    writeFileSync(path.join(root, 'secret.json'), report.replaceAll('万安街道', SECRET));
    return { root, old, neu, summary: JSON.parse(readFileSync(path.join(neu, 'summary.json'), 'utf8')) };
  }
  const pointAt = (dir: string, summary: any, json: string) => {
    summary.files[0].reports.json = json;
    writeFileSync(path.join(dir, 'summary.json'), JSON.stringify(summary));
  };
  const refused = (r: { code: number; stdout: string; stderr: string }, pattern: RegExp) => {
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr + r.stdout).not.toContain(SECRET);
  };

  it('the secret is printed when the directory itself holds it (so the refusals below are not vacuous)', async () => {
    const { root, old, neu, summary } = reportDirs();
    copyFileSync(path.join(root, 'secret.json'), path.join(neu, 'inside.json'));
    pointAt(neu, summary, 'inside.json');
    const r = await run(['compare', old, neu]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(SECRET);
  });

  it.each([
    ['../secret.json', '"../secret.json"'],
    ['sub/../../secret.json', '"sub/../../secret.json"'],
    ['/dev/zero', '"/dev/zero"'],
    ['../../../../../../../../../../dev/zero', '"../../../../../../../../../../dev/zero"'],
  ])('refuses %s in summary.json with one line naming it', async (json, shown) => {
    const { old, neu, summary } = reportDirs();
    pointAt(neu, summary, json);
    const r = await run(['compare', old, neu]);
    refused(r, new RegExp(`^cscheck: ${neu}/summary.json: 报告路径 ${shown.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} 指向报告目录 ${neu} 之外，不予读取\\n$`));
  });

  it('refuses a link inside the directory that leads out, and a summary.json that is one', async () => {
    const { root, old, neu, summary } = reportDirs();
    symlinkSync(path.join(root, 'secret.json'), path.join(neu, 'leak.json'));
    pointAt(neu, summary, 'leak.json');
    refused(await run(['compare', old, neu, '--lang', 'en']), /^cscheck: .*\/new\/summary\.json: the report path "leak\.json" leads outside the report directory .*\/new; not read\n$/);
    // summary.json itself a link to a summary elsewhere.
    writeFileSync(path.join(root, 'other-summary.json'), JSON.stringify({ ...summary, files: [{ ...summary.files[0], reports: { json: 'secret.json' } }] }));
    const linked = path.join(root, 'linked');
    mkdirSync(linked);
    symlinkSync(path.join(root, 'other-summary.json'), path.join(linked, 'summary.json'));
    refused(await run(['compare', old, linked]), /^cscheck: .*\/linked: 报告路径 "summary\.json" 指向报告目录 .*\/linked 之外，不予读取\n$/);
  });

  it('refuses what is not a regular file inside the directory: a FIFO (without waiting on it), a folder', async () => {
    const { old, neu, summary } = reportDirs();
    execFileSync('mkfifo', [path.join(neu, 'pipe.json')]);
    pointAt(neu, summary, 'pipe.json');
    refused(await run(['compare', old, neu]), /^cscheck: .*summary\.json: 报告路径 "pipe\.json" 不是普通文件，不予读取\n$/);
    mkdirSync(path.join(neu, 'folder.json'));
    pointAt(neu, summary, 'folder.json');
    refused(await run(['compare', old, neu]), /^cscheck: .*summary\.json: 报告路径 "folder\.json" 不是普通文件，不予读取\n$/);
  });

  it('refuses a report path that is not a string', async () => {
    const { old, neu, summary } = reportDirs();
    summary.files[0].reports.json = { evil: true };
    writeFileSync(path.join(neu, 'summary.json'), JSON.stringify(summary));
    refused(await run(['compare', old, neu]), /^cscheck: .*summary\.json: 不是 cscheck 批量汇总或报告（缺少“files\[0\]\.reports\.json”）\n$/);
  });

  it('refuses a report over CSCHECK_MAX_REPORT_JSON_BYTES without reading it', () => {
    const { old, neu } = reportDirs();
    const size = readFileSync(path.join(neu, '万安街道.json')).length;
    const r = spawnSync(process.execPath, [BIN, 'compare', old, neu, '--lang', 'en'], { encoding: 'utf8', env: { ...process.env, CSCHECK_MAX_REPORT_JSON_BYTES: '100' }, timeout: 30_000 });
    expect(r.status).toBe(2);
    // The summary is read first, and is itself a report file: over 100 bytes too.
    const summarySize = readFileSync(path.join(old, 'summary.json')).length;
    expect(size).toBeGreaterThan(100);
    expect(r.stderr).toBe(`cscheck: ${old}/summary.json: size of a report file compare reads: over the limit of 100 bytes (here ${summarySize.toLocaleString('en-US')} bytes); set the environment variable CSCHECK_MAX_REPORT_JSON_BYTES to raise it\n`);
  }, 40_000);
});

describe('SIGHUP (the terminal closed) is handled as Ctrl-C', () => {
  const HEADER = '县（市、区）,乡镇（街道）,村（社区）名称,城乡类型,常住人口,是否建有综合服务设施,综合服务设施建筑面积（平方米）,居民活动区域面积（平方米）,注册志愿者人数,灾害信息员人数';
  const rows = (n: number) => Array.from({ length: n }, (_, i) => `洛江区,万安街道,社区${i},城市,${5000 + (i % 97)},是,600,400,1400,${i % 3}`).join('\r\n');

  /** Spawns cscheck, waits until `ready()`, sends SIGHUP; the exit code and stderr. */
  async function hangUp(args: string[], ready: () => boolean): Promise<{ code: number | null; stderr: string }> {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const started = Date.now();
    while (!ready()) {
      if (Date.now() - started > 20_000) throw new Error(`not ready after 20 s; stderr: ${stderr}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGHUP');
    return { code: await exited, stderr };
  }

  it('evaluate --annotate: exit 129, no parts folder, no half-written workbook', async () => {
    const src = tmpDir();
    const input = path.join(src, '万安街道.csv');
    // 300,000 rows: long enough to be stopped while the workbook is being written.
    writeFileSync(input, `${HEADER}\r\n${rows(300_000)}\r\n`);
    const out = tmpDir();
    const r = await hangUp(['evaluate', input, '--plan', 'quanzhou', '--annotate', path.join(out, '批注.xlsx')], () => readdirSync(out).some((f) => f.startsWith('.cscheck-parts-')));
    expect(r.code).toBe(129);
    expect(r.stderr).toBe('cscheck: 已中断（SIGHUP），未写入输出文件\n');
    expect(readdirSync(out)).toEqual([]);
  }, 40_000);

  it('batch --annotate: exit 129, only complete reports, no temporary file or parts folder, no summary', async () => {
    const src = tmpDir();
    const body = rows(2000);
    for (let c = 0; c < 6; c++) {
      mkdirSync(path.join(src, `县${c}`));
      for (let t = 0; t < 20; t++) writeFileSync(path.join(src, `县${c}`, `镇${t}.csv`), `${HEADER}\r\n${body}\r\n`);
    }
    const out = path.join(tmpDir(), 'reports');
    const r = await hangUp(['batch', src, '--plan', 'quanzhou', '--out', out, '--jobs', '2', '--annotate'], () => existsSync(out) && listAll(out).some((f) => /镇\d+\.json$/.test(f)));
    expect(r.code).toBe(129);
    expect(r.stderr).toMatch(/cscheck: 已中断（SIGHUP）：120 个文件中已完成 \d+ 个，其报告在 .*reports；未写汇总\n$/);
    const left = listAll(out);
    expect(left.filter((f) => f.split('/').some((part) => part.startsWith('.')) || f.endsWith('.tmp'))).toEqual([]);
    expect(left.filter((f) => f.startsWith('summary.') || f === 'index.html')).toEqual([]);
    const reports = left.filter((f) => f.endsWith('.json'));
    expect(reports.length).toBeGreaterThan(0);
    for (const f of reports) expect(JSON.parse(readFileSync(path.join(out, f), 'utf8')).summary.rows).toBe(2000);
  }, 60_000);
});
