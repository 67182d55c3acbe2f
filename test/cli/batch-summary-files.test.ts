// summary.xlsx and index.html are written on a thread of their own while the main thread writes the
// other summaries: the thread writes what writing them here writes, and a file it cannot write
// fails the batch with the file's name, as on the main thread.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { SummaryFilesThread, writeSummaryFiles } from '../../src/workers/batch-summary-files.js';
import type { BatchSummary } from '../../src/schema/batch.js';
import { ROOT, run, tmpDir } from './helpers.js';

let summary: BatchSummary;
beforeAll(async () => {
  const out = tmpDir();
  await run(['batch', path.join(ROOT, 'fixtures', 'batch'), '--plan', 'quanzhou', '--out', out, '--quiet']);
  summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
}, 60_000);

async function detailRows(file: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const rows: unknown[][] = [];
  wb.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}

describe('SummaryFilesThread', () => {
  it('writes summary.xlsx and index.html as this thread would', async () => {
    const [here, there] = [tmpDir(), tmpDir()];
    await writeSummaryFiles({ summary, xlsx: path.join(here, 'summary.xlsx'), html: path.join(here, 'index.html') });
    const thread = new SummaryFilesThread();
    try {
      await thread.write({ summary, xlsx: path.join(there, 'summary.xlsx'), html: path.join(there, 'index.html') });
    } finally {
      await thread.close();
    }
    expect(readdirSync(there).sort()).toEqual(['index.html', 'summary.xlsx']);
    expect(readFileSync(path.join(there, 'index.html'), 'utf8')).toBe(readFileSync(path.join(here, 'index.html'), 'utf8'));
    // 5 readable files × 27 indicators, under the header.
    const rows = await detailRows(path.join(there, 'summary.xlsx'));
    expect(rows).toHaveLength(1 + 5 * 27);
    expect(rows).toEqual(await detailRows(path.join(here, 'summary.xlsx')));
  });

  it('fails with output.write-failed naming the file it could not write, leaving nothing', async () => {
    const dir = tmpDir();
    const xlsx = path.join(dir, 'missing', 'summary.xlsx');
    const thread = new SummaryFilesThread();
    try {
      await expect(thread.write({ summary, xlsx, html: path.join(dir, 'index.html') })).rejects.toMatchObject({ messageId: 'output.write-failed', location: { file: xlsx } });
    } finally {
      await thread.close();
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});
