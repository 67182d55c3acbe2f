// Findings are made by one function, finding() in rules/checks/check.ts (or a context's report,
// which calls it): code and severity then come from a check's meta. This scans the sources that
// make findings for an object literal that states both a code and a severity — a Finding written
// by hand — and allows only the metas themselves (they have `messages`) and finding().

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCANNED = ['src/rules', 'src/io', 'src/api'];

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

/** Each object literal with both a `code` and a `severity` property and no `messages`, as file:line (enclosing function). */
function handMadeFindings(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node, fn: string) => {
    const name = ts.isFunctionDeclaration(node) && node.name ? node.name.text : fn;
    if (ts.isObjectLiteralExpression(node)) {
      const keys = new Set(node.properties.map((p) => (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : '')));
      if (keys.has('code') && keys.has('severity') && !keys.has('messages')) {
        out.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} (${name})`);
      }
    }
    ts.forEachChild(node, (child) => visit(child, name));
  };
  visit(source, '');
  return out;
}

describe('Finding literals', () => {
  it('are written only in finding() of rules/checks/check.ts', () => {
    const found = SCANNED.flatMap(sources).flatMap((f) => handMadeFindings(f, readFileSync(path.join(ROOT, f), 'utf8')));
    expect(found).toEqual([expect.stringMatching(/^src\/rules\/checks\/check\.ts:\d+ \(finding\)$/)]);
  });

  it('a hand-made one is caught, a meta is not', () => {
    const text = [
      "const meta = { code: 'x', severity: 'error', messages: [] } as const;",
      'function run(out: unknown[]) {',
      "  out.push({ code: 'x', severity: 'warning', location: {} });",
      '}',
    ].join('\n');
    expect(handMadeFindings('a.ts', text)).toEqual(['a.ts:3 (run)']);
  });
});
