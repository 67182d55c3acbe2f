// Outputs that cannot be written: -o to a full disk (/dev/full), stdout on a full disk, and a reader
// that closes the pipe early (`cscheck … | head`). A write error is one line naming where it was
// writing, exit 2; a closed pipe ends quietly with the check's own exit code. Linux: /dev/full.

import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tmpDir } from './helpers.js';

const BIN = path.join(ROOT, 'bin', 'cscheck');
const WANAN = path.join(ROOT, 'fixtures', 'batch', '泉州市', '洛江区', '万安街道.csv');
const HEADER = '县（市、区）,乡镇（街道）,村（社区）名称,城乡类型,常住人口,是否建有综合服务设施,综合服务设施建筑面积（平方米）,居民活动区域面积（平方米）,注册志愿者人数,灾害信息员人数';

beforeAll(() => {
  if (existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) return;
  const b = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
  if (b.status !== 0) throw new Error(`build failed:\n${b.stdout}\n${b.stderr}`);
}, 120_000);

/** Runs bin/cscheck with stdout going to `stdout` (a file descriptor), stderr captured. */
function cscheckTo(stdout: number | 'pipe', args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', stdout, 'pipe'], encoding: 'utf8', timeout: 30_000 });
}

const noStack = (text: string) => expect(text).not.toMatch(/^\s+at |Error:|node:internal/m);

describe.runIf(existsSync('/dev/full'))('a full disk', () => {
  it('-o /dev/full: one line naming the file, exit 2', () => {
    const r = cscheckTo('pipe', ['evaluate', WANAN, '--plan', 'quanzhou', '-o', '/dev/full', '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('cscheck: /dev/full: cannot write the output file /dev/full: ENOSPC: no space left on device, write\n');
  });

  it('stdout on a full disk: one line naming standard output, exit 2 (not 1, not a stack trace)', () => {
    const full = openSync('/dev/full', 'w');
    try {
      for (const args of [
        ['evaluate', WANAN, '--plan', 'quanzhou'],
        ['evaluate', WANAN, '--plan', 'quanzhou', '--format', 'json', '--lang', 'en'],
        ['--help'],
      ]) {
        const r = cscheckTo(full, args);
        expect(r.status, args.join(' ')).toBe(2);
        const en = args.includes('en');
        expect(r.stderr).toBe(en ? 'cscheck: cannot write to standard output: ENOSPC: no space left on device, write\n' : 'cscheck: 无法写入标准输出：ENOSPC: no space left on device, write\n');
      }
      // batch: the reports are written, the printout at the end is not.
      const out = path.join(tmpDir(), 'out');
      const r = cscheckTo(full, ['batch', WANAN, '--plan', 'quanzhou', '--out', out, '--quiet', '--jobs', '1']);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe('cscheck: 无法写入标准输出：ENOSPC: no space left on device, write\n');
      expect(existsSync(path.join(out, 'summary.json'))).toBe(true);
    } finally {
      closeSync(full);
    }
  }, 60_000);
});

describe('a reader that stops early (cscheck … | head)', () => {
  /** Runs cscheck with its stdout a pipe this side closes after the first bytes. */
  function closedEarly(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; got: number }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      let got = 0;
      child.stderr.on('data', (d) => (stderr += d));
      child.stdout.on('data', (d: Buffer) => {
        got += d.length;
        child.stdout.destroy();
      });
      child.on('exit', (code, signal) => resolve({ code, signal, stderr, got }));
    });
  }

  // 20,000 communities whose 常住人口 is unreadable: 20,000 data errors, all listed (--max-findings 0)
  // in JSON, megabytes of output, far beyond what a pipe holds.
  let input: string;
  beforeAll(() => {
    input = path.join(tmpDir(), 'survey.csv');
    const body = Array.from({ length: 20_000 }, (_, i) => `洛江区,万安街道,社区${i},城市,不详,是,600,400,1400,2`).join('\n');
    writeFileSync(input, `${HEADER}\n${body}\n`);
  });

  it('ends quietly with the exit code of the check: 1 for data errors', async () => {
    const r = await closedEarly(['evaluate', input, '--plan', 'quanzhou', '--format', 'json', '--max-findings', '0']);
    expect(r.got).toBeGreaterThan(0);
    expect(r.stderr).toBe('');
    expect(r.signal).toBe(null);
    expect(r.code).toBe(1);
  }, 30_000);

  it('and 0 with --fail-on none', async () => {
    const r = await closedEarly(['evaluate', input, '--plan', 'quanzhou', '--format', 'json', '--max-findings', '0', '--fail-on', 'none']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 30_000);

  it('with --debug says the output was closed, in one line', async () => {
    const r = await closedEarly(['evaluate', input, '--plan', 'quanzhou', '--format', 'json', '--max-findings', '0', '--debug', '--lang', 'en']);
    expect(r.stderr).toMatch(/^cscheck: the output was closed \(.*EPIPE.*\)\n$/);
    noStack(r.stderr);
    expect(r.code).toBe(1);
  }, 30_000);
});
