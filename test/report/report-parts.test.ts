// Batch writes each file's JSON report and HTML page as parts through one reused buffer
// (writeJoinedSync) instead of as single strings: what lands on disk must be exactly the report a
// single string would have been, whatever the sizes of the parts against the buffer.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeJoinedSync } from '../../src/output/write-output.js';
import { json, jsonParts } from '../../src/report/formats/json.js';
import { renderReportPage, reportPageLines } from '../../src/report/formats/html.js';
import type { Report } from '../../src/schema/results.js';
import { tmpDir } from '../cli/helpers.js';
import { ctx, evaluateReport } from './support.js';

let report: Report;
beforeAll(async () => {
  report = await evaluateReport();
});

describe('jsonParts', () => {
  it('joins to the unindented JSON report, findings and messages included', () => {
    expect([...jsonParts(report, ctx())].join('')).toBe(json(report, ctx(), 0));
    // A part holds 64 findings: 3 × 洛江区's 64 findings and one more take four parts.
    expect(report.findings.length).toBe(64);
    const many: Report = { ...report, findings: [...report.findings, ...report.findings, ...report.findings, report.findings[0]] };
    const parts = [...jsonParts(many, ctx())];
    expect(parts.join('')).toBe(json(many, ctx(), 0));
    const open = parts.indexOf(',"findings":[');
    expect(parts.slice(open + 1, parts.indexOf(']', open)).filter((p) => p !== ',')).toHaveLength(4);
  });

  it('holds for a report without findings and in English', () => {
    const clean: Report = { ...report, findings: [] };
    expect([...jsonParts(clean, ctx('en'))].join('')).toBe(json(clean, ctx('en'), 0));
    expect(JSON.parse([...jsonParts(clean, ctx('en'))].join('')).findings).toEqual([]);
  });
});

describe('writeJoinedSync', () => {
  it('writes exactly parts.join(separator), across buffer flushes and parts larger than the buffer', () => {
    const dir = tmpDir('cscheck-parts-');
    const file = path.join(dir, '报告.html');
    // The buffer holds 1 MiB and reserves three bytes a UTF-16 unit: 300,000 CJK units (900,000
    // bytes) fill most of it, the next part forces a flush, and 400,000 units go around it.
    const parts = ['<p>', '侨'.repeat(300_000), '光'.repeat(100_000), 'ascii', '社'.repeat(400_000), '😀 emoji', ''];
    writeJoinedSync(file, parts, '\n');
    expect(readFileSync(file, 'utf8')).toBe(parts.join('\n'));
    // Nothing is left beside it: the temporary file was renamed.
    expect(readdirSync(dir)).toEqual(['报告.html']);
  });

  it('writes the report page as renderReportPage renders it', () => {
    const file = path.join(tmpDir('cscheck-parts-'), 'page.html');
    writeJoinedSync(file, reportPageLines(report, ctx(), { indexHref: '../index.html' }), '\n');
    expect(readFileSync(file, 'utf8')).toBe(renderReportPage(report, ctx(), { indexHref: '../index.html' }));
  });

  it('names the output when it cannot be written, and leaves nothing behind', () => {
    const dir = tmpDir('cscheck-parts-');
    const missing = path.join(dir, '没有这个目录', 'r.json');
    expect(() => writeJoinedSync(missing, ['{}'])).toThrow(expect.objectContaining({ messageId: 'output.write-failed', location: { file: missing } }));
    expect(() => writeJoinedSync(dir, ['{}'])).toThrow(expect.objectContaining({ messageId: 'output.write-failed', args: { file: dir, detail: 'is a directory' } }));
    expect(readdirSync(dir)).toEqual([]);
  });
});
