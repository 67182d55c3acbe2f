// The repository stands alone: every plan's source document is bundled, and no file reaches outside
// the checkout (a fresh clone has nothing beside it).
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = resolve(__dirname, '../..');
const skip = new Set(['node_modules', 'dist', '.git', 'coverage', 'test-output', 'data', 'results']);

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (skip.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(ts|mts|mjs|js|json|md|yaml|yml|py|mlr|sh)$/.test(name) || name === 'run') yield path;
  }
}

describe('the repository stands alone', () => {
  it('bundles the source document of every plan', () => {
    const plans = readdirSync(join(root, 'plans')).filter((f) => f.endsWith('.yaml'));
    expect(plans.length).toBe(5);
    for (const file of plans) {
      const plan = parse(readFileSync(join(root, 'plans', file), 'utf8')) as { source: { file: string } };
      expect(existsSync(join(root, 'plans/sources', plan.source.file)), `${file}: ${plan.source.file}`).toBe(true);
    }
  });

  it('names no path outside the checkout', () => {
    const outside = /\.\.\/(\.\.\/)*shared\b|shared\/seeds|shared\/data-contract/;
    const offenders = [...files(root)].filter((f) => !f.endsWith('standalone.test.ts') && outside.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => f.slice(root.length + 1))).toEqual([]);
  });
});
