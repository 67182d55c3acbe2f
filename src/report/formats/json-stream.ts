// JSON.stringify(value, null, indent) as a sequence of chunks, none of them large, made as they are
// written: a national file's report (tens of thousands of townships for each indicator) is hundreds
// of megabytes of text, which as one string doubled the run's memory. Large arrays are serialized a
// slice at a time and objects that hold one are walked key by key; everything else goes through
// JSON.stringify itself, its lines shifted to their depth (a JSON string never holds a raw newline),
// so the bytes are JSON.stringify's. A lazy array (rules/evaluation/lazy-arrays.ts) is taken from
// its slices, so its elements need never exist all at once.

import { hasLazyArrays, lazySlices } from '../../rules/evaluation/lazy-arrays.js';

/** Elements serialized by one JSON.stringify call; arrays longer than this are walked. */
const SLICE = 256;

const isPlainContainer = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON !== 'function';

/**
 * Whether `v` must be walked rather than handed to JSON.stringify whole: it is a long array, has a
 * lazy one, or holds such a value within `depth` levels (an indicator inside the report's list).
 */
function isLarge(v: unknown, depth = 3): boolean {
  if (!isPlainContainer(v)) return false;
  if (Array.isArray(v)) return v.length > SLICE || (depth > 0 && v.some((x) => isLarge(x, depth - 1)));
  if (hasLazyArrays(v)) return true;
  if (depth === 0) return false;
  for (const key of Object.keys(v)) if (isLarge(v[key], depth - 1)) return true;
  return false;
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
const omitted = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** The chunks of `JSON.stringify(value, null, indent)` (indent > 0); nothing for a value it omits. */
export function* jsonChunks(value: unknown, indent = 2): Generator<string> {
  const step = ' '.repeat(indent);
  function* slices(items: Iterable<unknown[]>, pad: string): Generator<string> {
    const inner = pad + step;
    let first = true;
    for (const slice of items) {
      let start = 0;
      for (let i = 0; i <= slice.length; i++) {
        if (i < slice.length && !isLarge(slice[i])) continue;
        if (i > start) {
          // One call for the run of small elements: its brackets and first line break cut off, its lines moved in.
          const text = JSON.stringify(start === 0 && i === slice.length ? slice : slice.slice(start, i), null, indent);
          yield `${first ? '[' : ','}\n${inner}${text.slice(2 + indent, -2).replaceAll('\n', `\n${pad}`)}`;
          first = false;
        }
        if (i < slice.length) {
          yield `${first ? '[' : ','}\n${inner}`;
          yield* walk(slice[i], inner);
          first = false;
        }
        start = i + 1;
      }
    }
    yield first ? '[]' : `\n${pad}]`;
  }
  function* walk(v: unknown, pad: string): Generator<string> {
    if (!isLarge(v)) {
      yield omitted(v) ? 'null' : JSON.stringify(v, null, indent).replaceAll('\n', `\n${pad}`);
      return;
    }
    const obj = v as Record<string, unknown>;
    if (Array.isArray(obj)) {
      const items = function* () {
        for (let i = 0; i < obj.length; i += SLICE) yield obj.slice(i, i + SLICE);
      };
      yield* slices(items(), pad);
      return;
    }
        const inner = pad + step;
    let open = '{';
    for (const key of Object.keys(obj)) {
      const source = lazySlices(obj, key);
      const x = source ? null : obj[key];
      if (!source && omitted(x)) continue;
      yield `${open}\n${inner}${JSON.stringify(key)}: `;
      if (source) {
        yield* slices(source(), inner);
      } else {
        yield* walk(x, inner);
      }
      open = ',';
    }
    yield open === '{' ? '{}' : `\n${pad}}`;
  }
  if (!omitted(value)) yield* walk(value, '');
}
