// Properties of the plan expression language: a tree printed and parsed back is the same tree, and
// no text — random, or built to look like JavaScript — makes the parser or compiler throw anything
// but a CscheckError or run anything.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChainOp, CmpOp, ExprNode } from '../../src/rules/expression.js';
import { compileExpression, parseExpression, printExpression } from '../../src/rules/expression.js';
import { COMMUNITY_FIELDS } from '../../src/schema/contract.js';
import { CscheckError } from '../../src/schema/errors.js';
import { LIMIT_SPECS } from '../../src/schema/limits.js';
import { ROOT } from '../cli/helpers.js';
import { propertyRuns } from '../support/property-runs.js';

/** A tree without the source positions, which printing does not keep. */
function shape(node: ExprNode): unknown {
  switch (node.t) {
    case 'num': return { t: 'num', value: node.value };
    case 'bool': return { t: 'bool', value: node.value };
    case 'str': return { t: 'str', value: node.value };
    case 'name': return { t: 'name', name: node.name };
    case 'not':
    case 'neg': return { t: node.t, arg: shape(node.arg) };
    case 'cmp': return { t: 'cmp', op: node.op, left: shape(node.left), right: shape(node.right) };
    case 'chain': return { t: 'chain', ops: node.ops, args: node.args.map(shape) };
  }
}

const KEYWORDS = new Set(['and', 'or', 'not', 'true', 'false']);
const LEVELS: ChainOp[][] = [['||'], ['&&'], ['+', '-'], ['*', '/']];
const CMP: CmpOp[] = ['==', '!=', '>=', '<=', '>', '<'];

const name = fc.oneof(
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/).filter((s) => !KEYWORDS.has(s)),
  fc.stringMatching(/^[\u4e00-\u9fff]{1,4}$/),
  fc.constantFrom('toString', 'constructor', '__proto__', 'valueOf', 'hasOwnProperty'),
);
// Numbers as the grammar writes them: digits, optionally a fraction (no sign, no exponent).
const num = fc.integer({ min: 0, max: 10_000_000 }).chain((n) => fc.constantFrom(n, n / 100, n / 8));
// Any text a quoted string can hold: one of its three quote pairs must be free.
const str = fc.string({ unit: 'binary', maxLength: 12 }).filter((s) => !(s.includes('"') && s.includes("'") && s.includes('”')));

const tree = fc.letrec<{ node: ExprNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    num.map((value): ExprNode => ({ t: 'num', value })),
    str.map((value): ExprNode => ({ t: 'str', value, bare: false, pos: 0 })),
    fc.boolean().map((value): ExprNode => ({ t: 'bool', value })),
    name.map((n): ExprNode => ({ t: 'name', name: n, pos: 0 })),
    tie('node').map((arg): ExprNode => ({ t: 'not', arg, pos: 0 })),
    tie('node').map((arg): ExprNode => ({ t: 'neg', arg, pos: 0 })),
    fc.tuple(fc.constantFrom(...CMP), tie('node'), tie('node')).map(([op, left, right]): ExprNode => ({ t: 'cmp', op, left, right, pos: 0 })),
    fc
      .tuple(fc.constantFrom(...LEVELS), fc.array(tie('node'), { minLength: 2, maxLength: 5 }))
      .chain(([ops, args]) => fc.array(fc.constantFrom(...ops), { minLength: args.length - 1, maxLength: args.length - 1 }).map((o): ExprNode => ({ t: 'chain', args, ops: o, pos: o.map(() => 0) }))),
  ),
})).node;

const throwsOnlyCscheckErrors = (src: string) => {
  try {
    compileExpression(src, COMMUNITY_FIELDS, { planPath: 'p' });
  } catch (err) {
    if (!(err instanceof CscheckError)) throw err;
  }
};

describe('expression properties', () => {
  it('a tree printed and parsed back is the same tree', () => {
    fc.assert(
      fc.property(tree, (t) => {
        const text = printExpression(t);
        fc.pre(text.length <= LIMIT_SPECS.expressionChars.value);
        expect(shape(parseExpression(text))).toEqual(shape(t));
      }),
      { numRuns: propertyRuns(1000) },
    );
  });

  it('printing is stable: print ∘ parse ∘ print = print', () => {
    fc.assert(
      fc.property(tree, (t) => {
        const text = printExpression(t);
        fc.pre(text.length <= LIMIT_SPECS.expressionChars.value);
        expect(printExpression(parseExpression(text))).toBe(text);
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  it('random text never throws anything but a CscheckError', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), throwsOnlyCscheckErrors), { numRuns: propertyRuns(2000) });
  });

  it('token soup — JavaScript, prototype names, deep nesting, long chains — throws only CscheckErrors and runs nothing', () => {
    const g = globalThis as { pwned?: unknown };
    delete g.pwned;
    const token = fc.constantFrom(
      '(', ')', '((((((((((', '))))))))))', 'and', 'or', 'not', '&&', '||', '!', '-', '+', '*', '/', '==', '=', '!=', '>=', '<', '1', '0', '1.5', '"', "'", '“', '”', '"x"',
      'has_parent_school', 'households', 'kind', '农村', 'toString', 'valueOf', 'constructor', '__proto__', 'hasOwnProperty', 'prototype',
      'globalThis.pwned = 1', 'process.exit(3)', '${globalThis.pwned=1}', '`', ';', '.', '[', ']', '{', '}', 'this', 'require("fs")', '\n', ' ',
    );
    fc.assert(fc.property(fc.array(token, { maxLength: 300 }).map((t) => t.join(' ')), throwsOnlyCscheckErrors), { numRuns: propertyRuns(2000) });
    expect(g.pwned).toBeUndefined();
  });

  it('no source file hands text to eval, new Function or the vm module', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const p = path.join(dir, entry);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts')) files.push(p);
      }
    };
    walk(path.join(ROOT, 'src'));
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/\beval\s*\(|\bnew\s+Function\b|\bFunction\s*\(|from ['"]node:vm['"]/);
    }
  });
});
