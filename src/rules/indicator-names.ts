// Finding the indicator a reported-values row means. Users write indicator names their own way —
// the contract's own example reorders the words of the plan's name — so an exact id or name wins,
// then the clearly most similar name by shared character pairs (Dice coefficient).

import { normalizeHeader } from '../io/header-match.js';
import { similarity } from '../schema/text-similarity.js';

const MIN_SIMILARITY = 0.7;
const MIN_MARGIN = 0.1;

export class IndicatorNames<T> {
  private readonly exact = new Map<string, T>();
  private readonly names: { key: string; item: T }[] = [];

  add(item: T, id: string, names: string[]): void {
    this.exact.set(normalizeHeader(id), item);
    for (const n of names) {
      const key = normalizeHeader(n);
      this.exact.set(key, item);
      this.names.push({ key, item });
    }
  }

  find(label: string): T | undefined {
    const key = normalizeHeader(label);
    const hit = this.exact.get(key);
    if (hit) return hit;
    let best: { score: number; item?: T } = { score: 0 };
    let second = 0;
    for (const n of this.names) {
      const score = similarity(key, n.key);
      if (score > best.score) {
        if (best.item !== n.item) second = best.score;
        best = { score, item: n.item };
      } else if (n.item !== best.item && score > second) second = score;
    }
    return best.score >= MIN_SIMILARITY && best.score - second >= MIN_MARGIN ? best.item : undefined;
  }
}
