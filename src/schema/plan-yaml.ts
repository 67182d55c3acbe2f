// Reading a plan file as written: YAML (duplicate keys and alias bombs refused) → the JSON Schema
// (the standalone validator generated at build time) → a Plan, with a tree of where each node
// stands for messages. The bundled plans are read from data precompiled by the same code
// (bundled-plans.ts); this is the path of a user's own plan file, and of that build step.
//
// The YAML parser and the validator are CommonJS required on first use: loading a plan is
// synchronous, and a command that only reads bundled plans never loads either of them.

import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ErrorObject } from 'ajv';
import type { Document, LineCounter, Node } from 'yaml';
import { CscheckError } from './errors.js';
import type { Localized } from './finding.js';
import { LIMITS, limitArgs } from './limits.js';
import { localized, yamlProblem } from './messages.js';
import type { Plan } from './plan.js';
import { PACKAGE_ROOT } from './package-root.js';

/**
 * Where each node of a plan file starts: `[line, col]`, and for a map or a list `[line, col,
 * children]` keyed as the plan's data is. Plain data, so that it can be precompiled as JSON.
 */
export type PositionTree = [number, number] | [number, number, PositionTree[] | { [key: string]: PositionTree }];

/** A plan file, validated, with the positions of its nodes. */
export interface PlanData {
  plan: Plan;
  positions: PositionTree;
}

/** The standalone validator `npm run build` generates from plan-schema.ts (scripts/build-validators.mjs). */
export const PLAN_VALIDATOR_FILE = join(PACKAGE_ROOT, 'dist', 'schema', 'plan-validator.cjs');

interface StandaloneValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

const require = createRequire(import.meta.url);
let yamlModule: typeof import('yaml') | undefined;
let validator: StandaloneValidator | undefined;

const yaml = () => (yamlModule ??= require('yaml') as typeof import('yaml'));

function validatePlan(data: unknown): ErrorObject | null {
  if (!validator) {
    if (!existsSync(PLAN_VALIDATOR_FILE)) throw new Error(`${PLAN_VALIDATOR_FILE} is missing: run npm run build`);
    validator = require(PLAN_VALIDATOR_FILE) as StandaloneValidator;
  }
  return validator(data) ? null : validator.errors![0];
}

/** What a schema error means, in both languages (ajv's own text is English). */
function schemaMessage(e: ErrorObject): Localized {
  if (e.keyword === 'additionalProperties') return localized('schema.unknown-key', { key: (e.params as { additionalProperty: string }).additionalProperty });
  if (e.keyword === 'required') return localized('schema.missing-key', { key: (e.params as { missingProperty: string }).missingProperty });
  if (e.keyword === 'enum') return localized('schema.enum', { allowed: (e.params as { allowedValues: unknown[] }).allowedValues.join(', ') });
  return { zh: e.message ?? e.keyword, en: e.message ?? e.keyword };
}

/**
 * The plan's text, read up to LIMITS.planBytes: a larger file (or a device that never ends) is
 * refused after that many bytes, not read whole.
 */
function readPlanText(file: string, available: () => string): string {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(64 * 1024);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > LIMITS.planBytes) throw new CscheckError('input.limit', limitArgs('planBytes'), { file });
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } catch (err) {
    if (err instanceof CscheckError) throw err;
    throw new CscheckError('plan.not-found', { plan: file, available: available() }, { file }, { cause: err });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Whether a YAML error or a throw is the stack running out in the yaml library's recursion. */
const isStackOverflow = (message: string) => /maximum call stack/i.test(message);

function parseFile(file: string, available: () => string): { doc: Document; lines: LineCounter; data: unknown } {
  const text = readPlanText(file, available);
  const { LineCounter, parseDocument } = yaml();
  const lines = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  } catch (err) {
    if (err instanceof RangeError && isStackOverflow(err.message)) throw new CscheckError('input.limit', limitArgs('planDepth'), { file });
    throw err;
  }
  const deep = doc.errors.find((e) => isStackOverflow(e.message));
  const first = deep ?? doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0] ?? lines.linePos(first.pos[0]);
    const where = { file, line: pos?.line, col: pos?.col };
    if (deep) throw new CscheckError('input.limit', limitArgs('planDepth'), where);
    throw new CscheckError('plan.yaml', { detail: yamlProblem(first.code, first.message.split('\n')[0]) }, where);
  }
  // Every later step (toJS, the schema, the positions) recurses over the tree: refuse a deep one first.
  const tooDeep = deepestNode(doc);
  if (tooDeep) {
    const { line, col } = lines.linePos(tooDeep.range![0]);
    throw new CscheckError('input.limit', limitArgs('planDepth', tooDeep.depth), { file, line, col });
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (err) {
    throw new CscheckError('plan.yaml', { detail: yamlProblem(undefined, (err as Error).message) }, { file }, { cause: err });
  }
  return { doc, lines, data };
}

/** The first node nested deeper than LIMITS.planDepth, found without recursion, or null. */
function deepestNode(doc: Document): (Node & { depth: number }) | null {
  const { isCollection, isPair } = yaml();
  const stack: [unknown, number][] = [[doc.contents, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (isCollection(node)) {
      if (depth > LIMITS.planDepth) return Object.assign(node, { depth });
      for (const item of node.items) stack.push([item, depth + 1]);
    } else if (isPair(node)) {
      // A pair is the entry of its map, not a level of its own.
      stack.push([node.key, depth], [node.value, depth]);
    }
  }
  return null;
}

/**
 * Positions of a node and what it holds, as `doc.getIn(path, true)` would find them: a map's
 * entries by their scalar keys, a list's by index; an alias is a node of its own, not followed.
 */
function positionTree(node: unknown, lines: LineCounter): PositionTree | undefined {
  const { isMap, isNode, isScalar, isSeq } = yaml();
  if (!isNode(node) || !node.range) return undefined;
  const { line, col } = lines.linePos(node.range[0]);
  if (isSeq(node)) return [line, col, node.items.map((item) => positionTree(item, lines) ?? [line, col])];
  if (isMap(node)) {
    const children: Record<string, PositionTree> = {};
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      const child = positionTree(pair.value, lines);
      if (typeof key === 'string' && child && !Object.hasOwn(children, key)) children[key] = child;
    }
    return [line, col, children];
  }
  return [line, col];
}

/** Where a path of the plan's data stands: the deepest node along it that the file has. */
export function positionOf(tree: PositionTree, path: (string | number)[]): [number, number] {
  let node = tree;
  for (const key of path) {
    const children = node[2];
    if (!children) break;
    const next = Array.isArray(children) ? (typeof key === 'number' || /^\d+$/.test(key) ? children[Number(key)] : undefined) : typeof key === 'string' && Object.hasOwn(children, key) ? children[key] : undefined;
    if (!next) break;
    node = next;
  }
  return [node[0], node[1]];
}

/**
 * Reads, parses and validates one plan file; `available` names the bundled plans for a file that
 * cannot be read. Ids repeated within indicators, requirements or tasks are refused here too.
 */
export function readPlanYaml(file: string, available: () => string): PlanData {
  const { doc, lines, data } = parseFile(file, available);
  const positions = positionTree(doc.contents, lines) ?? [1, 1];
  const locate = (path: (string | number)[]) => {
    const [line, col] = positionOf(positions, path);
    return { file, line, col };
  };
  const e = validatePlan(data);
  if (e) {
    const path = e.instancePath.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    throw new CscheckError('plan.schema', { path: e.instancePath || '/', detail: schemaMessage(e) }, { ...locate(path), planPath: path.join('.') });
  }
  const plan = data as Plan;
  for (const key of ['indicators', 'requirements', 'tasks'] as const) {
    const seen = new Set<string>();
    (plan[key] ?? []).forEach((item, i) => {
      if (seen.has(item.id)) throw new CscheckError('plan.duplicate-id', { id: item.id }, { ...locate([key, i, 'id']), planPath: `${key}.${i}.id` });
      seen.add(item.id);
    });
  }
  return { plan, positions };
}
