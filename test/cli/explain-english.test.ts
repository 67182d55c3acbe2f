// `explain --lang en` words targets and units in English; the document's own wording stays as written.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = resolve(__dirname, '../../bin/cscheck');
const explain = (...args: string[]) => execFileSync(process.execPath, [bin, 'explain', 'workers_per_10k_urban', '--plan', 'quanzhou', ...args], { encoding: 'utf8', env: { ...process.env, COLUMNS: '200' } });

describe('explain in English', () => {
  it('gives the unit and the target in English, the plan’s wording in brackets as the document has it', () => {
    const out = explain('--lang', 'en');
    expect(out).toContain('Unit: people per 10,000 residents\n');
    // quanzhou.yaml: target ≥ 18, unit 人/万人, written “18人”.
    // The target column is narrow: the cell wraps after “per”.
    expect(out).toMatch(/│ ≥18 people per\s+│[^\n]*\n[^\n]*│ 10,000 residents\s+│/);
    expect(out).toContain('(18人)');
    expect(out).not.toContain('人/万人');
  });

  it('keeps the Chinese forms in Chinese', () => {
    const out = explain();
    expect(out).toContain('单位：人/万人');
    expect(out).toContain('≥18人/万人');
  });
});
