// No module of src/ imports itself through others: a cycle makes the order modules run in depend
// on which one is loaded first (the CLI had one through main.ts, which its commands imported for
// Io and EXIT). Every import counts, type-only and dynamic ones too: they are dependencies to read.

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const SRC = path.join(ROOT, 'src');
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm;

/** Each module of src/ (relative, .ts) and the modules of src/ it imports. */
function importGraph(): Map<string, string[]> {
  const files = (readdirSync(SRC, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(path.join(SRC, file), 'utf8');
    const deps = [...text.matchAll(IMPORT)].map((m) => path.normalize(path.join(path.dirname(file), m[1].replace(/\.js$/, '.ts'))));
    graph.set(path.normalize(file), deps);
  }
  return graph;
}

/** Every cycle found by a depth-first walk, each as the modules around it. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const dep of graph.get(node) ?? []) {
      if (state.get(dep) === 'open') found.push([...stack.slice(stack.indexOf(dep)), dep]);
      else if (!state.has(dep)) visit(dep);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

describe('imports in src/', () => {
  it('finds a cycle when there is one (a graph made here)', () => {
    const g = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(cycles(g)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
    expect(cycles(new Map([['a.ts', ['b.ts']], ['b.ts', []]]))).toEqual([]);
  });

  it('reads the imports of the sources: main.ts imports the commands it runs', () => {
    const g = importGraph();
    expect(g.get(path.normalize('cli/main.ts'))).toContain(path.normalize('cli/evaluate.ts'));
    expect(g.get(path.normalize('cli/evaluate.ts'))).toContain(path.normalize('cli/io.ts'));
  });

  it('has no cycle', () => {
    expect(cycles(importGraph())).toEqual([]);
  });
});
