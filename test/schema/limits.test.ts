// The limits table is the one place every bound lives; the README's "Limits" section must list each
// with its default, and an override must take effect (in a fresh process: limits are read once).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMIT_SPECS, limitEnv } from '../../src/schema/limits.js';

const root = resolve(__dirname, '../..');
const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Limits'), readme.indexOf('\n## ', readme.indexOf('## Limits') + 1));

describe('limits', () => {
  it('names its variable after the limit', () => {
    expect(limitEnv('csvFieldChars')).toBe('CSCHECK_MAX_CSV_FIELD_CHARS');
    expect(limitEnv('xlsxRatio')).toBe('CSCHECK_MAX_XLSX_RATIO');
  });

  it('lists every limit in the README with its default', () => {
    expect(section.length).toBeGreaterThan(100);
    for (const [name, spec] of Object.entries(LIMIT_SPECS)) {
      const row = section.split('\n').find((l) => l.includes('`' + limitEnv(name as keyof typeof LIMIT_SPECS) + '`'));
      expect(row, name).toBeDefined();
      expect(row!.replace(/[,\s]/g, ''), name).toContain(String(spec.value));
    }
  });

  it('takes an override from the environment, and ignores one that is not a positive whole number', () => {
    const script = `import('${resolve(root, 'dist/schema/limits.js')}').then((m) => console.log(m.LIMITS.csvFieldChars, m.LIMITS.columns))`;
    const run = (env: Record<string, string>) => execFileSync(process.execPath, ['-e', script], { env: { ...process.env, ...env }, encoding: 'utf8' }).trim();
    expect(run({ CSCHECK_MAX_CSV_FIELD_CHARS: '1000', CSCHECK_MAX_COLUMNS: '-3' })).toBe(`1000 ${16_384}`);
    expect(run({ CSCHECK_MAX_COLUMNS: 'lots' })).toBe(`${1024 * 1024} ${16_384}`);
  });
});
