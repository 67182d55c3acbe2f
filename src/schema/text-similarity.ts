// Text similarity for Chinese plan and ledger sentences and indicator names: the Dice coefficient
// over character pairs. Profiles are built once per text, since every sentence of one document is
// scored against every sentence of the other.

export interface Profile {
  text: string;
  pairs: Map<string, number>;
  size: number;
}

export function profile(text: string): Profile {
  const pairs = new Map<string, number>();
  for (let i = 0; i + 1 < text.length; i++) {
    const g = text.slice(i, i + 2);
    pairs.set(g, (pairs.get(g) ?? 0) + 1);
  }
  return { text, pairs, size: Math.max(0, text.length - 1) };
}

export function dice(a: Profile, b: Profile): number {
  const total = a.size + b.size;
  if (total === 0) return 0;
  let shared = 0;
  const [small, large] = a.pairs.size <= b.pairs.size ? [a, b] : [b, a];
  for (const [g, n] of small.pairs) shared += Math.min(n, large.pairs.get(g) ?? 0);
  return (2 * shared) / total;
}

/** Sentences of a task's text, split at 。, without the item number that opens a ledger cell. */
export function sentences(text: string): string[] {
  return text
    .replace(/^\s*\d+\s*[.．、]\s*/, '')
    .split('。')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Similarity of two texts, 0–1. */
export const similarity = (a: string, b: string): number => dice(profile(a), profile(b));
