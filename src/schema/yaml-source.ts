// A YAML (or JSON) file read for validation: size- and depth-bounded, duplicate keys and alias bombs
// refused, and every later schema error located at file:line:column through the parsed document.

import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv';
import type { Document, LineCounter, Node } from 'yaml';
import { CscheckError } from './errors.js';
import type { Location, Localized } from './finding.js';
import type { LimitName } from './limits.js';
import { LIMITS, limitArgs } from './limits.js';
import { localized, yamlProblem } from './messages.js';

export type PathPart = string | number;

// The YAML parser is required on first use: most runs read no YAML at all (bundled plans come
// precompiled), and it is a large module tree to load.
const require = createRequire(import.meta.url);
let yamlModule: typeof import('yaml') | undefined;
export const yaml = () => (yamlModule ??= require('yaml') as typeof import('yaml'));

export interface YamlSource {
  data: unknown;
  /** file:line:col of the deepest node of `path` that exists (the file alone if none); with `key`, where the last key is written. */
  locate(path: PathPart[], key?: boolean): Location & { file: string };
}

/** The file's text, read up to its byte limit: a larger file (or a device that never ends) is refused after that many bytes. */
export function readBoundedText(file: string, limit: LimitName): string {
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
      if (total > LIMITS[limit]) throw new CscheckError('input.limit', limitArgs(limit), { file });
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Whether a YAML error or a throw is the stack running out in the yaml library's recursion. */
const isStackOverflow = (message: string) => /maximum call stack/i.test(message);

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

/** Parses YAML text (JSON is YAML) into its document and data; YAML errors and depth are reported at file:line:col. */
export function parseYamlDocument(text: string, file: string): { doc: Document; lines: LineCounter; data: unknown } {
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

/** Parses YAML text (JSON is YAML) into data and a locator for its nodes. */
export function parseYaml(text: string, file: string): YamlSource {
  const { doc, lines, data } = parseYamlDocument(text, file);
  const { isMap, isNode, isScalar } = yaml();
  const at = (node: Node) => ({ file, ...lines.linePos(node.range![0]) });
  const locate = (path: PathPart[], key = false) => {
    if (key && path.length) {
      const map = doc.getIn(path.slice(0, -1), true);
      const pair = isMap(map) ? map.items.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1]) : undefined;
      if (pair && isNode(pair.key) && pair.key.range) return at(pair.key);
    }
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return at(node);
    }
    return { file };
  };
  return { data, locate };
}

/** An ajv error's instance path as document keys (`/indicators/3/id` → ['indicators', 3, 'id']). */
export function errorPath(e: ErrorObject): PathPart[] {
  return e.instancePath.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, '/').replace(/~0/g, '~')));
}

/** An ajv error as a catalogue message (unknown key, missing key, allowed values; else ajv's own words). */
export function schemaMessage(e: ErrorObject): Localized {
  if (e.keyword === 'additionalProperties') return localized('schema.unknown-key', { key: (e.params as { additionalProperty: string }).additionalProperty });
  if (e.keyword === 'required') return localized('schema.missing-key', { key: (e.params as { missingProperty: string }).missingProperty });
  if (e.keyword === 'enum') return localized('schema.enum', { allowed: (e.params as { allowedValues: unknown[] }).allowedValues.join(', ') });
  return { zh: e.message ?? e.keyword, en: e.message ?? e.keyword };
}
