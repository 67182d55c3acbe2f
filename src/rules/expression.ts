// The plan expression language: parsed once into a small AST, type-checked against the data
// contract, and compiled to closures over a row's value array. File content is never evaluated
// as JavaScript. Logic is three-valued: null means “unknown” (a missing value).

import type { FieldDef } from '../schema/contract.js';
import { CscheckError } from '../schema/errors.js';
import type { MessageId } from '../schema/messages.js';
import { localized } from '../schema/messages.js';
import type { Location } from '../schema/finding.js';
import { INVALID, parseKind } from '../io/values.js';
import { LIMITS, limitArgs, limitEnv } from '../schema/limits.js';
import type { Value } from '../io/values.js';

type Fail = (id: MessageId, args: Record<string, string | number>) => never;

/**
 * An expression as parsed. Chains of one precedence level (`a and b and c`, `x + y - z`) are one
 * node with all their operands, built by a loop, so a long chain is no deeper than a short one; only
 * parentheses and `not`/`-` nest, and those are bounded by LIMITS.expressionDepth.
 */
export type ExprNode =
  | { t: 'num'; value: number }
  | { t: 'str'; value: string; bare: boolean; pos: number }
  | { t: 'bool'; value: boolean }
  | { t: 'name'; name: string; pos: number }
  | { t: 'not'; arg: ExprNode; pos: number }
  | { t: 'neg'; arg: ExprNode; pos: number }
  | { t: 'cmp'; op: CmpOp; left: ExprNode; right: ExprNode; pos: number }
  /** ops[i] (at pos[i]) stands between args[i] and args[i + 1]; all of one level (see CHAIN_OPS). */
  | { t: 'chain'; args: ExprNode[]; ops: ChainOp[]; pos: number[] };

export type CmpOp = '==' | '!=' | '>=' | '<=' | '>' | '<';
export type ChainOp = '||' | '&&' | '+' | '-' | '*' | '/';

/** The operators of each chain level, loosest first. */
const LEVELS: readonly (readonly ChainOp[])[] = [['||'], ['&&'], ['+', '-'], ['*', '/']];
const CMP_OPS: readonly string[] = ['==', '!=', '>=', '<=', '>', '<'];

interface Token {
  kind: 'num' | 'str' | 'name' | 'op' | 'end';
  text: string;
  pos: number;
}

const SPACE = /\s*/y;
const TOKEN = /(\d+(?:\.\d+)?)|("[^"]*"|'[^']*'|“[^”]*”)|([A-Za-z_][A-Za-z0-9_]*|[\u3400-\u9fff]+)|(==|!=|>=|<=|&&|\|\||[<>+\-*/()!=])/y;
// A Map, not an object: `toString` or `constructor` in an expression is a name, never a prototype's.
const WORD_OPS = new Map([['and', '&&'], ['or', '||'], ['not', '!']]);

function tokenize(src: string, fail: Fail): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  for (;;) {
    SPACE.lastIndex = pos;
    SPACE.exec(src);
    pos = SPACE.lastIndex;
    if (pos >= src.length) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(src);
    if (!m) fail('expr.unexpected-char', { char: String.fromCodePoint(src.codePointAt(pos)!), at: pos + 1 });
    if (m[1] !== undefined) tokens.push({ kind: 'num', text: m[1], pos });
    else if (m[2] !== undefined) tokens.push({ kind: 'str', text: m[2].slice(1, -1), pos });
    else if (m[3] !== undefined) {
      const op = WORD_OPS.get(m[3]);
      tokens.push(op ? { kind: 'op', text: op, pos } : { kind: 'name', text: m[3], pos });
    } else tokens.push({ kind: 'op', text: m[4] === '=' ? '==' : m[4], pos });
    pos = TOKEN.lastIndex;
  }
  tokens.push({ kind: 'end', text: '', pos: src.length });
  return tokens;
}

/**
 * Recursive descent over the levels or → and → not → comparison → + − → × ÷ → unary minus → primary.
 * Recursion happens only at `(`, `not` and unary `-`, each one level of `depth`, refused past
 * LIMITS.expressionDepth: no expression can exhaust the stack here or in any walk of the tree.
 */
function parse(src: string, fail: Fail, tooDeep: (at: number) => never): ExprNode {
  const tokens = tokenize(src, fail);
  let i = 0;
  let depth = 0;
  const peek = () => tokens[i];
  const eat = (ops: readonly string[]): Token | null => (peek().kind === 'op' && ops.includes(peek().text) ? tokens[i++] : null);
  const nest = <T>(at: number, inner: () => T): T => {
    if (++depth > LIMITS.expressionDepth) tooDeep(at);
    const node = inner();
    depth--;
    return node;
  };

  const chain = (level: number): ExprNode => {
    const operand = () => (level + 1 < LEVELS.length ? chain(level + 1) : unary());
    const below = level === 1 ? not : operand;
    const first = below();
    let t = eat(LEVELS[level]);
    if (!t) return first;
    const node: Extract<ExprNode, { t: 'chain' }> = { t: 'chain', args: [first], ops: [], pos: [] };
    for (; t; t = eat(LEVELS[level])) {
      node.ops.push(t.text as ChainOp);
      node.pos.push(t.pos);
      node.args.push(below());
    }
    return node;
  };
  const not = (): ExprNode => {
    const t = eat(['!']);
    return t ? nest(t.pos, () => ({ t: 'not', arg: not(), pos: t.pos })) : cmp();
  };
  const cmp = (): ExprNode => {
    const left = chain(2);
    const t = eat(CMP_OPS);
    return t ? { t: 'cmp', op: t.text as CmpOp, left, right: chain(2), pos: t.pos } : left;
  };
  const unary = (): ExprNode => {
    const t = eat(['-']);
    return t ? nest(t.pos, () => ({ t: 'neg', arg: unary(), pos: t.pos })) : primary();
  };
  const primary = (): ExprNode => {
    const t = tokens[i++];
    if (t.kind === 'num') return { t: 'num', value: Number(t.text) };
    if (t.kind === 'str') return { t: 'str', value: t.text, bare: false, pos: t.pos };
    if (t.kind === 'name') {
      if (t.text === 'true' || t.text === 'false') return { t: 'bool', value: t.text === 'true' };
      return { t: 'name', name: t.text, pos: t.pos };
    }
    if (t.kind === 'op' && t.text === '(') {
      return nest(t.pos, () => {
        const inner = chain(0);
        if (!eat([')'])) fail('expr.expected-paren', { at: peek().pos + 1 });
        return inner;
      });
    }
    fail(t.kind === 'end' ? 'expr.ends-early' : 'expr.unexpected', { token: t.text, at: t.pos + 1 });
  };

  const node = chain(0);
  if (peek().kind !== 'end') fail('expr.unexpected', { token: peek().text, at: peek().pos + 1 });
  return node;
}

/** The failures of one expression, as CscheckErrors located at `where`. */
function failures(src: string, where: Location): { fail: Fail; tooDeep: (at: number) => never } {
  return {
    fail: (id, args) => {
      // What is wrong, in both languages: plan authors read Chinese, the rest English.
      throw new CscheckError('plan.expression', { expr: src, detail: localized(id, args) }, where);
    },
    tooDeep: (at) => {
      throw new CscheckError('plan.too-deep', { max: LIMITS.expressionDepth, at: at + 1 }, where);
    },
  };
}

/**
 * Parses `src` into its tree. Errors are CscheckErrors located at `where`: a malformed expression,
 * one longer than LIMITS.expressionChars, or one nested deeper than LIMITS.expressionDepth.
 */
export function parseExpression(src: string, where: Location = {}): ExprNode {
  if (src.length > LIMITS.expressionChars) throw new CscheckError('input.limit', limitArgs('expressionChars', src.length), where);
  const { fail, tooDeep } = failures(src, where);
  return deepGuard(() => parse(src, fail, tooDeep), where);
}

/**
 * With LIMITS.expressionDepth raised past what the stack holds (about 500 levels), the stack, not
 * the limit, is the bound: its overflow is reported as the same too-deep error, never as V8's own.
 */
function deepGuard<T>(work: () => T, where: Location): T {
  try {
    return work();
  } catch (err) {
    if (err instanceof RangeError && /call stack/i.test(err.message)) {
      throw new CscheckError('plan.too-deep-stack', { env: limitEnv('expressionDepth'), max: LIMITS.expressionDepth }, where);
    }
    throw err;
  }
}

// Binding strength of each node as printed, for parentheses: a child binding looser than its
// place allows is printed in parentheses.
const STRENGTH: Record<ChainOp, number> = { '||': 1, '&&': 2, '+': 5, '-': 5, '*': 6, '/': 6 };

function strength(node: ExprNode): number {
  switch (node.t) {
    case 'chain': return STRENGTH[node.ops[0]];
    case 'not': return 3;
    case 'cmp': return 4;
    case 'neg': return 7;
    default: return 8;
  }
}

function quote(s: string): string {
  if (!s.includes('"')) return `"${s}"`;
  if (!s.includes("'")) return `'${s}'`;
  return `“${s}”`;
}

/**
 * The text of a tree, which parses back to the same tree: operands of a chain, and a chain inside
 * another of its level, are put in parentheses where the parser would otherwise read them differently.
 * Word operators (and, or, not) as plans write them.
 */
export function printExpression(node: ExprNode): string {
  const wrap = (child: ExprNode, min: number) => (strength(child) >= min ? printExpression(child) : `(${printExpression(child)})`);
  switch (node.t) {
    case 'num': return String(node.value);
    case 'str': return node.bare ? node.value : quote(node.value);
    case 'bool': return String(node.value);
    case 'name': return node.name;
    case 'not': return `not ${wrap(node.arg, 3)}`;
    case 'neg': return `-${wrap(node.arg, 7)}`;
    case 'cmp': return `${wrap(node.left, 5)} ${node.op} ${wrap(node.right, 5)}`;
    case 'chain': {
      // A chain's operands bind tighter than it: a nested chain of the same level would be flattened.
      const min = strength(node) + 1;
      const word = (op: ChainOp) => (op === '&&' ? 'and' : op === '||' ? 'or' : op);
      let out = wrap(node.args[0], min);
      for (let k = 0; k < node.ops.length; k++) out += ` ${word(node.ops[k])} ${wrap(node.args[k + 1], min)}`;
      return out;
    }
  }
}

export type ExprType = 'boolean' | 'number' | 'text';
export type Evaluator = (values: readonly Value[]) => Value;

export interface Compiled {
  fn: Evaluator;
  type: ExprType;
  /** Field ids the expression reads, in order of first use. */
  fields: string[];
}

function typeOf(f: FieldDef): ExprType {
  if (f.type === 'boolean') return 'boolean';
  if (f.type === 'integer' || f.type === 'number' || f.type === 'hours') return 'number';
  return 'text';
}

type Built = { fn: Evaluator; type: ExprType; field?: FieldDef };

/**
 * Compiles `src` against a field list. Errors are CscheckErrors located at `where` (the plan
 * path), naming the expression and the offending token.
 */
export function compileExpression(src: string, fields: readonly FieldDef[], where: Location = {}, expect?: ExprType): Compiled {
  const ast = parseExpression(src, where);
  const { fail } = failures(src, where);
  const used = new Set<string>();
  const byId = new Map(fields.map((f, i) => [f.id, i]));

  const literalFor = (node: ExprNode, other: ExprNode): ExprNode => {
    // A bare word compared with a text field is a value (kind == 农村), not a field name.
    if (node.t === 'name' && !byId.has(node.name) && other.t === 'name' && byId.has(other.name)) {
      const f = fields[byId.get(other.name)!];
      if (typeOf(f) === 'text') return { t: 'str', value: node.name, bare: true, pos: node.pos };
    }
    return node;
  };

  // Recursion follows the tree's nesting, which the parser bounds; chains are loops.
  const build = (node: ExprNode): Built => {
    switch (node.t) {
      case 'num': {
        const v = node.value;
        return { fn: () => v, type: 'number' };
      }
      case 'bool': {
        const v = node.value;
        return { fn: () => v, type: 'boolean' };
      }
      case 'str': {
        const v = node.value;
        return { fn: () => v, type: 'text' };
      }
      case 'name': {
        const idx = byId.get(node.name);
        if (idx === undefined) throw new CscheckError('plan.unknown-field', { expr: src, name: node.name }, where);
        used.add(node.name);
        return { fn: (v) => v[idx], type: typeOf(fields[idx]), field: fields[idx] };
      }
      case 'not': {
        const a = build(node.arg);
        if (a.type !== 'boolean') fail('expr.needs-boolean', { op: 'not', at: node.pos + 1 });
        const f = a.fn;
        return { fn: (v) => { const x = f(v); return x === null ? null : !x; }, type: 'boolean' };
      }
      case 'neg': {
        const a = build(node.arg);
        if (a.type !== 'number') fail('expr.needs-number', { op: '-', at: node.pos + 1 });
        const f = a.fn;
        return { fn: (v) => { const x = f(v) as number | null; return x === null ? null : -x; }, type: 'number' };
      }
      case 'cmp':
        return comparison(node);
      case 'chain':
        return chain(node);
    }
  };

  const comparison = (node: Extract<ExprNode, { t: 'cmp' }>): Built => {
    const leftNode = literalFor(node.left, node.right);
    const rightNode = literalFor(node.right, node.left);
    const l = build(leftNode);
    const r = build(rightNode);
    const a = l.fn;
    const b = r.fn;
    const at = node.pos + 1;
    if (l.type !== r.type) fail('expr.compare-types', { left: l.type, right: r.type, at });
    if (l.type !== 'number' && node.op !== '==' && node.op !== '!=') fail('expr.numbers-only', { op: node.op, at });
    const kindSide = l.field?.type === 'kind' ? rightNode : r.field?.type === 'kind' ? leftNode : null;
    if (kindSide && kindSide.t === 'str') {
      // Compare with the normalised spelling, as the reader stores it.
      const k = parseKind(kindSide.value);
      if (k === INVALID || k === null) fail('expr.not-kind', { value: kindSide.value, at });
      const lit = k as string;
      const other = l.field?.type === 'kind' ? a : b;
      return node.op === '==' ? { type: 'boolean', fn: (v) => { const x = other(v); return x === null ? null : x === lit; } } : { type: 'boolean', fn: (v) => { const x = other(v); return x === null ? null : x !== lit; } };
    }
    return { type: 'boolean', fn: comparator(node.op, a, b) };
  };

  // Operands are built and checked left to right, as a left fold of two-operand nodes would be, so
  // the first fault found is the one such a fold reports.
  const chain = (node: Extract<ExprNode, { t: 'chain' }>): Built => {
    const logic = node.ops[0] === '&&' || node.ops[0] === '||';
    const want: ExprType = logic ? 'boolean' : 'number';
    const fns: Evaluator[] = [];
    let first: Built | undefined;
    for (let k = 0; k < node.args.length; k++) {
      // Only the first two operands can be a bare word beside a text field (kind + 农村 …).
      const arg = k === 0 ? literalFor(node.args[0], node.args[1]) : k === 1 ? literalFor(node.args[1], node.args[0]) : node.args[k];
      const built = build(arg);
      fns.push(built.fn);
      if (k === 0) {
        first = built;
        continue;
      }
      if ((k === 1 && first!.type !== want) || built.type !== want) {
        const op = node.ops[k - 1];
        const at = node.pos[k - 1] + 1;
        if (logic) fail('expr.needs-boolean', { op: op === '&&' ? 'and' : 'or', at });
        fail('expr.needs-number', { op, at });
      }
    }
    if (node.ops[0] === '&&') return { type: 'boolean', fn: allOf(fns) };
    if (node.ops[0] === '||') return { type: 'boolean', fn: anyOf(fns) };
    return { type: 'number', fn: arithmetic(fns, node.ops) };
  };

  const out = deepGuard(() => build(ast), where);
  if (expect && out.type !== expect) fail(expect === 'boolean' ? 'expr.expect-boolean' : 'expr.expect-number', {});
  return { fn: out.fn, type: out.type, fields: [...used] };
}

/**
 * Three-valued and/or: `stop` (false for and, true for or) as soon as any operand gives it, else
 * unknown if any operand is unknown. Two operands, the common case, get a closure without a loop.
 */
function shortCircuit(fns: Evaluator[], stop: boolean): Evaluator {
  const otherwise = !stop;
  if (fns.length === 2) {
    const [a, b] = fns;
    return (v) => {
      const x = a(v);
      if (x === stop) return stop;
      const y = b(v);
      if (y === stop) return stop;
      return x === null || y === null ? null : otherwise;
    };
  }
  return (v) => {
    let unknown = false;
    for (const f of fns) {
      const x = f(v);
      if (x === stop) return stop;
      if (x === null) unknown = true;
    }
    return unknown ? null : otherwise;
  };
}

const allOf = (fns: Evaluator[]): Evaluator => shortCircuit(fns, false);
const anyOf = (fns: Evaluator[]): Evaluator => shortCircuit(fns, true);

/** Left to right; a missing operand, a division by zero or an overflow makes the whole unknown. */
function arithmetic(fns: Evaluator[], ops: ChainOp[]): Evaluator {
  const step = (x: number, op: ChainOp, y: number): number | null => {
    const r = op === '+' ? x + y : op === '-' ? x - y : op === '*' ? x * y : y === 0 ? null : x / y;
    // An overflow is no value: Infinity must never reach a result.
    return r === null || Number.isFinite(r) ? r : null;
  };
  if (fns.length === 2) {
    const [a, b] = fns;
    const op = ops[0];
    return (v) => {
      const x = a(v) as number | null;
      const y = b(v) as number | null;
      return x === null || y === null ? null : step(x, op, y);
    };
  }
  return (v) => {
    let acc = fns[0](v) as number | null;
    for (let k = 1; k < fns.length; k++) {
      const y = fns[k](v) as number | null;
      if (acc === null || y === null) return null;
      acc = step(acc, ops[k - 1], y);
    }
    return acc;
  };
}

function comparator(op: string, a: Evaluator, b: Evaluator): Evaluator {
  const guard = (test: (x: Value, y: Value) => boolean): Evaluator => (v) => {
    const x = a(v);
    if (x === null) return null;
    const y = b(v);
    return y === null ? null : test(x, y);
  };
  switch (op) {
    case '==': return guard((x, y) => x === y);
    case '!=': return guard((x, y) => x !== y);
    case '>=': return guard((x, y) => (x as number) >= (y as number));
    case '<=': return guard((x, y) => (x as number) <= (y as number));
    case '>': return guard((x, y) => (x as number) > (y as number));
    default: return guard((x, y) => (x as number) < (y as number));
  }
}
