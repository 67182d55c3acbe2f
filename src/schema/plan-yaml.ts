// Reading a plan file as written: YAML (duplicate keys and alias bombs refused) → the JSON Schema
// (the standalone validator generated at build time) → a Plan, with a tree of where each node
// stands for messages. The bundled plans are read from data precompiled by the same code
// (bundled-plans.ts); this is the path of a user's own plan file, and of that build step.
//
// The YAML parser and the validator are CommonJS required on first use: loading a plan is
// synchronous, and a command that only reads bundled plans never loads either of them.

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ErrorObject } from 'ajv';
import type { LineCounter } from 'yaml';
import { CscheckError } from './errors.js';
import type { Plan } from './plan.js';
import { PACKAGE_ROOT } from './package-root.js';
import { errorPath, parseYamlDocument, readBoundedText, schemaMessage, yaml } from './yaml-source.js';

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
let validator: StandaloneValidator | undefined;

function validatePlan(data: unknown): ErrorObject | null {
  if (!validator) {
    if (!existsSync(PLAN_VALIDATOR_FILE)) throw new Error(`${PLAN_VALIDATOR_FILE} is missing: run npm run build`);
    validator = require(PLAN_VALIDATOR_FILE) as StandaloneValidator;
  }
  return validator(data) ? null : validator.errors![0];
}

/**
 * The plan's text, read up to LIMITS.planBytes: a larger file (or a device that never ends) is
 * refused after that many bytes, not read whole. A file that cannot be opened is an unknown plan.
 */
function readPlanText(file: string, available: () => string): string {
  try {
    return readBoundedText(file, 'planBytes');
  } catch (err) {
    if (err instanceof CscheckError) throw err;
    throw new CscheckError('plan.not-found', { plan: file, available: available() }, { file }, { cause: err });
  }
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
  const { doc, lines, data } = parseYamlDocument(readPlanText(file, available), file);
  const positions = positionTree(doc.contents, lines) ?? [1, 1];
  const locate = (path: (string | number)[]) => {
    const [line, col] = positionOf(positions, path);
    return { file, line, col };
  };
  const e = validatePlan(data);
  if (e) {
    const path = errorPath(e);
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
