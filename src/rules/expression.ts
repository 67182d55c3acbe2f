// The plan expression language: parsed once into a small AST, type-checked against the data
// contract, and compiled to closures over a row's value array. File content is never evaluated
// as JavaScript. Logic is three-valued: null means “unknown” (a missing value).

import type { FieldDef } from '../schema/contract.js';
import { CscheckError } from '../schema/errors.js';
import type { MessageId } from '../schema/messages.js';
import { localized } from '../schema/messages.js';
import type { Location } from '../schema/finding.js';
import { INVALID, parseKind } from '../io/values.js';
import type { Value } from '../io/values.js';

type Fail = (id: MessageId, args: Record<string, string | number>) => never;

type Node =
  | { t: 'num'; value: number }
  | { t: 'str'; value: string; bare: boolean; pos: number }
  | { t: 'bool'; value: boolean }
  | { t: 'name'; name: string; pos: number }
  | { t: 'not'; arg: Node; pos: number }
  | { t: 'neg'; arg: Node; pos: number }
  | { t: 'bin'; op: string; left: Node; right: Node; pos: number };

interface Token {
  kind: 'num' | 'str' | 'name' | 'op' | 'end';
  text: string;
  pos: number;
}

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|("[^"]*"|'[^']*'|“[^”]*”)|([A-Za-z_][A-Za-z0-9_]*|[\u3400-\u9fff]+)|(==|!=|>=|<=|&&|\|\||[<>+\-*/()!=]))/y;

function tokenize(src: string, fail: Fail): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(src);
    if (!m) fail('expr.unexpected-char', { char: src.slice(pos).trimStart()[0], at: pos + 1 });
    const at = m.index + m[0].length - (m[1] ?? m[2] ?? m[3] ?? m[4]).length;
    if (m[1] !== undefined) tokens.push({ kind: 'num', text: m[1], pos: at });
    else if (m[2] !== undefined) tokens.push({ kind: 'str', text: m[2].slice(1, -1), pos: at });
    else if (m[3] !== undefined) tokens.push({ kind: 'name', text: m[3], pos: at });
    else tokens.push({ kind: 'op', text: m[4] === '=' ? '==' : m[4], pos: at });
    pos = TOKEN.lastIndex;
  }
  tokens.push({ kind: 'end', text: '', pos: src.length });
  return tokens;
}

const WORD_OPS: Record<string, string> = { and: '&&', or: '||', not: '!' };

function parse(src: string, fail: Fail): Node {
  const tokens = tokenize(src, fail).map((t) => (t.kind === 'name' && WORD_OPS[t.text] ? { ...t, kind: 'op' as const, text: WORD_OPS[t.text] } : t));
  let i = 0;
  const peek = () => tokens[i];
  const eat = (text: string) => (peek().kind === 'op' && peek().text === text ? tokens[i++] : null);

  const or = (): Node => {
    let left = and();
    for (let t; (t = eat('||')); ) left = { t: 'bin', op: '||', left, right: and(), pos: t.pos };
    return left;
  };
  const and = (): Node => {
    let left = not();
    for (let t; (t = eat('&&')); ) left = { t: 'bin', op: '&&', left, right: not(), pos: t.pos };
    return left;
  };
  const not = (): Node => {
    const t = eat('!');
    return t ? { t: 'not', arg: not(), pos: t.pos } : cmp();
  };
  const cmp = (): Node => {
    const left = add();
    const t = peek();
    if (t.kind === 'op' && ['==', '!=', '>=', '<=', '>', '<'].includes(t.text)) {
      i++;
      return { t: 'bin', op: t.text, left, right: add(), pos: t.pos };
    }
    return left;
  };
  const add = (): Node => {
    let left = mul();
    for (let t; (t = eat('+') ?? eat('-')); ) left = { t: 'bin', op: t.text, left, right: mul(), pos: t.pos };
    return left;
  };
  const mul = (): Node => {
    let left = unary();
    for (let t; (t = eat('*') ?? eat('/')); ) left = { t: 'bin', op: t.text, left, right: unary(), pos: t.pos };
    return left;
  };
  const unary = (): Node => {
    const t = eat('-');
    return t ? { t: 'neg', arg: unary(), pos: t.pos } : primary();
  };
  const primary = (): Node => {
    const t = tokens[i++];
    if (t.kind === 'num') return { t: 'num', value: Number(t.text) };
    if (t.kind === 'str') return { t: 'str', value: t.text, bare: false, pos: t.pos };
    if (t.kind === 'name') {
      if (t.text === 'true' || t.text === 'false') return { t: 'bool', value: t.text === 'true' };
      return { t: 'name', name: t.text, pos: t.pos };
    }
    if (t.kind === 'op' && t.text === '(') {
      const inner = or();
      if (!eat(')')) fail('expr.expected-paren', { at: peek().pos + 1 });
      return inner;
    }
    fail(t.kind === 'end' ? 'expr.ends-early' : 'expr.unexpected', { token: t.text, at: t.pos + 1 });
  };

  const node = or();
  if (peek().kind !== 'end') fail('expr.unexpected', { token: peek().text, at: peek().pos + 1 });
  return node;
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

/**
 * Compiles `src` against a field list. Errors are CscheckErrors located at `where` (the plan
 * path), naming the expression and the offending token.
 */
export function compileExpression(src: string, fields: readonly FieldDef[], where: Location = {}, expect?: ExprType): Compiled {
  const fail: Fail = (id, args) => {
    // What is wrong, in both languages: plan authors read Chinese, the rest English.
    throw new CscheckError('plan.expression', { expr: src, detail: localized(id, args) }, where);
  };
  const ast = parse(src, fail);
  const used: string[] = [];
  const byId = new Map(fields.map((f, i) => [f.id, i]));

  const literalFor = (node: Node, other: Node): Node => {
    // A bare word compared with a text field is a value (kind == 农村), not a field name.
    if (node.t === 'name' && !byId.has(node.name) && other.t === 'name' && byId.has(other.name)) {
      const f = fields[byId.get(other.name)!];
      if (typeOf(f) === 'text') return { t: 'str', value: node.name, bare: true, pos: node.pos };
    }
    return node;
  };

  const build = (node: Node): { fn: Evaluator; type: ExprType; field?: FieldDef } => {
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
        if (!used.includes(node.name)) used.push(node.name);
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
      case 'bin':
        return binary(node);
    }
  };

  const binary = (node: Extract<Node, { t: 'bin' }>): { fn: Evaluator; type: ExprType } => {
    const leftNode = literalFor(node.left, node.right);
    const rightNode = literalFor(node.right, node.left);
    const l = build(leftNode);
    const r = build(rightNode);
    const a = l.fn;
    const b = r.fn;
    const at = node.pos + 1;
    switch (node.op) {
      case '&&':
        if (l.type !== 'boolean' || r.type !== 'boolean') fail('expr.needs-boolean', { op: 'and', at });
        return {
          type: 'boolean',
          fn: (v) => {
            const x = a(v);
            if (x === false) return false;
            const y = b(v);
            if (y === false) return false;
            return x === null || y === null ? null : true;
          },
        };
      case '||':
        if (l.type !== 'boolean' || r.type !== 'boolean') fail('expr.needs-boolean', { op: 'or', at });
        return {
          type: 'boolean',
          fn: (v) => {
            const x = a(v);
            if (x === true) return true;
            const y = b(v);
            if (y === true) return true;
            return x === null || y === null ? null : false;
          },
        };
      case '+':
      case '-':
      case '*':
      case '/': {
        if (l.type !== 'number' || r.type !== 'number') fail('expr.needs-number', { op: node.op, at });
        const op = node.op;
        return {
          type: 'number',
          fn: (v) => {
            const x = a(v) as number | null;
            const y = b(v) as number | null;
            if (x === null || y === null) return null;
            if (op === '+') return x + y;
            if (op === '-') return x - y;
            if (op === '*') return x * y;
            return y === 0 ? null : x / y;
          },
        };
      }
      default: {
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
      }
    }
  };

  const out = build(ast);
  if (expect && out.type !== expect) fail(expect === 'boolean' ? 'expr.expect-boolean' : 'expr.expect-number', {});
  return { fn: out.fn, type: out.type, fields: used };
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
