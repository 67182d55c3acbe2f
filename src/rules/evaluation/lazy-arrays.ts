// Arrays of the report that stand for a property without being stored whole: a national file's
// results hold a breakdown for each of ~100,000 townships for each indicator, several hundred
// megabytes as objects. The property stays an ordinary array to whoever reads it (made on the first
// read, then kept), while the streamed JSON report (report/formats/json-stream.ts) takes its
// elements a slice at a time from the source registered here and never makes it.

type Slices = () => Iterable<unknown[]>;

/** Elements per slice: small enough that a slice's JSON text is never a large string. */
export const LAZY_SLICE = 256;

const sources = new WeakMap<object, Map<string, Slices>>();

/**
 * Defines `owner[key]` (already a property: its place among the keys is kept) as the array
 * `slices()` joins to, made on its first read; the serializer takes the slices instead. Once read
 * or assigned, the slices are that array's.
 */
export function lazyArray<T>(owner: object, key: string, slices: () => Iterable<T[]>): void {
  let made: T[] | undefined;
  Object.defineProperty(owner, key, {
    enumerable: true,
    configurable: true,
    get: () => (made ??= [...slices()].flat()),
    set: (v: T[]) => {
      made = v;
    },
  });
  let keys = sources.get(owner);
  if (!keys) sources.set(owner, (keys = new Map<string, Slices>()));
  keys.set(key, () => (made ? piecesOf(made) : slices()));
}

/** An array made or assigned, handed on as slices of the size `slices()` would make. */
function* piecesOf<T>(all: T[]): Generator<T[]> {
  for (let i = 0; i < all.length; i += LAZY_SLICE) yield all.slice(i, i + LAZY_SLICE);
}

/** The slices of `owner[key]` when it is a lazy array, else undefined. */
export const lazySlices = (owner: object, key: string): Slices | undefined => sources.get(owner)?.get(key);

/** Whether `owner` has a lazy array. */
export const hasLazyArrays = (owner: object): boolean => sources.has(owner);
