// The few worst contributors to an indicator's shortfall (rows while counting, townships when the
// result is built): a short list kept sorted by shortfall, largest first; on a tie the one met first
// stays ahead, as a stable sort would leave it.

export const TOP = 3;

/** Inserts `entry` into `list` (at most TOP long, sorted) when it ranks; `make` builds it only then. */
export function offer<T extends { shortfall: number }>(list: T[], shortfall: number, make: () => T): void {
  if (list.length === TOP && list[TOP - 1].shortfall >= shortfall) return;
  let i = list.length;
  while (i > 0 && list[i - 1].shortfall < shortfall) i--;
  list.splice(i, 0, make());
  if (list.length > TOP) list.pop();
}

/** The top of two lists, `first`'s entries ahead on ties (they come earlier in the file). */
export function mergeTop<T extends { shortfall: number }>(first: T[], then: T[]): T[] {
  const out = first.slice();
  for (const e of then) offer(out, e.shortfall, () => e);
  return out;
}
