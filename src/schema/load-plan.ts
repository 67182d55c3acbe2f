// Loading a plan: YAML (duplicate keys and alias bombs refused) → JSON Schema (ajv) → the Plan
// type, with every error located at file:line:column. A plan may `extends:` another; the child
// keeps the parent's indicators and requirements that it does not restate.

import { closeSync, existsSync, openSync, readdirSync, readSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { LineCounter, parseDocument, isCollection, isNode, isPair } from 'yaml';
import type { Document, Node } from 'yaml';
import { CscheckError } from './errors.js';
import { LIMITS, limitArgs } from './limits.js';
import type { Localized } from './finding.js';
import { localized, yamlProblem } from './messages.js';
import type { Plan } from './plan.js';
import { planSchema } from './plan-schema.js';

export const BUNDLED_PLANS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../plans');

let validator: ValidateFunction<Plan> | undefined;
const validate = (data: unknown): data is Plan => {
  validator ??= new Ajv2020({ allErrors: true, discriminator: true, strict: true }).compile<Plan>(planSchema);
  return validator(data);
};

export interface LoadedPlan {
  plan: Plan;
  file: string;
  /** Where each plan item was defined, for messages: `indicators.3` → file:line:col. */
  locate(path: (string | number)[]): { file: string; line?: number; col?: number };
  /** The chain of plan ids this plan extends, nearest first. */
  parents: string[];
}

export function bundledPlanIds(): string[] {
  if (!existsSync(BUNDLED_PLANS_DIR)) return [];
  return readdirSync(BUNDLED_PLANS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => basename(f, '.yaml'))
    .sort();
}

/** `--plan quanzhou` names a bundled plan; anything with a slash or .yaml is a path. */
export function resolvePlanPath(ref: string): string {
  if (/[\\/]/.test(ref) || /\.ya?ml$/i.test(ref)) {
    if (!existsSync(ref)) throw new CscheckError('plan.not-found', { plan: ref, available: bundledPlanIds().join(', ') });
    return resolve(ref);
  }
  const file = join(BUNDLED_PLANS_DIR, `${ref}.yaml`);
  if (!existsSync(file)) throw new CscheckError('plan.not-found', { plan: ref, available: bundledPlanIds().join(', ') });
  return file;
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
function readPlanText(file: string): string {
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
    throw new CscheckError('plan.not-found', { plan: file, available: bundledPlanIds().join(', ') }, { file }, { cause: err });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Whether a YAML error or a throw is the stack running out in the yaml library's recursion. */
const isStackOverflow = (message: string) => /maximum call stack/i.test(message);

function parseFile(file: string): { doc: Document; lines: LineCounter; data: unknown } {
  const text = readPlanText(file);
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
  // Every later step (toJS, the schema, locating) recurses over the tree: refuse a deep one first.
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

function locator(doc: Document, lines: LineCounter, file: string) {
  return (path: (string | number)[]) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) {
        const { line, col } = lines.linePos(node.range[0]);
        return { file, line, col };
      }
    }
    return { file };
  };
}

function loadOne(file: string): LoadedPlan {
  const { doc, lines, data } = parseFile(file);
  const locate = locator(doc, lines, file);
  if (!validate(data)) {
    const e = validator!.errors![0];
    const path = e.instancePath.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const where = locate(path);
    throw new CscheckError('plan.schema', { path: e.instancePath || '/', detail: schemaMessage(e) }, { ...where, planPath: path.join('.') });
  }
  const plan = data;
  for (const key of ['indicators', 'requirements', 'tasks'] as const) {
    const seen = new Set<string>();
    (plan[key] ?? []).forEach((item, i) => {
      if (seen.has(item.id)) throw new CscheckError('plan.duplicate-id', { id: item.id }, { ...locate([key, i, 'id']), planPath: `${key}.${i}.id` });
      seen.add(item.id);
    });
  }
  return { plan, file, locate, parents: [] };
}

/** Loads one plan file as written: validated, its `extends` left unresolved (for plan tooling). */
export function loadPlanFile(ref: string): LoadedPlan {
  return loadOne(resolvePlanPath(ref));
}

function mergeById<T extends { id: string }>(parent: T[] = [], child: T[] = []): T[] {
  const own = new Map(child.map((x) => [x.id, x]));
  return [...parent.map((p) => own.get(p.id) ?? p), ...child.filter((c) => !parent.some((p) => p.id === c.id))];
}

/** Loads a plan by id or path and resolves `extends`. */
export function loadPlan(ref: string, seen: string[] = []): LoadedPlan {
  const file = resolvePlanPath(ref);
  const loaded = loadOne(file);
  const { plan } = loaded;
  if (!plan.extends) return loaded;
  if (seen.includes(plan.id) || plan.extends === plan.id) {
    throw new CscheckError('plan.schema', { path: '/extends', detail: localized('schema.circular', { chain: [...seen, plan.id, plan.extends].join(' → ') }) }, loaded.locate(['extends']));
  }
  const parentRef = existsSync(join(dirname(file), `${plan.extends}.yaml`)) ? join(dirname(file), `${plan.extends}.yaml`) : plan.extends;
  const parent = loadPlan(parentRef, [...seen, plan.id]);
  const merged: Plan = {
    ...plan,
    units: mergeByName(parent.plan.units, plan.units),
    indicators: mergeById(parent.plan.indicators, plan.indicators),
    requirements: mergeById(parent.plan.requirements, plan.requirements),
    tasks: plan.tasks ?? [],
  };
  const own = (key: 'indicators' | 'requirements', id: string) => (plan[key] ?? []).some((x) => x.id === id);
  return {
    plan: merged,
    file,
    parents: [parent.plan.id, ...parent.parents],
    locate: (path) => {
      const [key, index] = path;
      if ((key === 'indicators' || key === 'requirements') && typeof index === 'number') {
        const item = merged[key]![index];
        if (item && !own(key, item.id)) {
          const i = (parent.plan[key] ?? []).findIndex((x) => x.id === item.id);
          return parent.locate([key, i, ...path.slice(2)]);
        }
        const i = (plan[key] ?? []).findIndex((x) => x.id === item?.id);
        return loaded.locate([key, i, ...path.slice(2)]);
      }
      return loaded.locate(path);
    },
  };
}

function mergeByName(parent: Plan['units'] = [], child: Plan['units'] = []): Plan['units'] {
  const names = new Set(child.map((u) => u.name));
  return [...child, ...parent.filter((u) => !names.has(u.name))];
}

/** Where `locate` put a plan item. */
export type PlanPosition = ReturnType<LoadedPlan['locate']>;
