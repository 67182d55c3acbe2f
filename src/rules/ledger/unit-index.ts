// The plan's canonical units with every spelling the documents use, to resolve what a ledger
// writes in its 责任单位 cells.

import type { Unit } from '../../schema/plan.js';

/** A unit name with width and spaces normalized, for comparing. */
export const key = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
// The same department one level up or down: 区民政局 carries out what 市民政局 is named for.
const LEVEL = /^[省市州县区]/;
/** A unit's name without its level (区民政局 → 民政局). */
export const department = (s: string) => key(s).replace(LEVEL, '');

export class UnitIndex {
  private readonly byName = new Map<string, { canonical: string; exact: boolean }>();
  private readonly byDepartment = new Map<string, string>();

  constructor(units: Unit[] = []) {
    for (const u of units) {
      this.byName.set(key(u.name), { canonical: u.name, exact: true });
      for (const s of u.spellings ?? []) if (!this.byName.has(key(s))) this.byName.set(key(s), { canonical: u.name, exact: false });
      if (LEVEL.test(key(u.name))) this.byDepartment.set(department(u.name), u.name);
    }
  }

  /**
   * The canonical unit a name means and whether it is written the canonical way; a ledger one
   * level below the plan (区民政局 for 市民政局) names the plan's unit's counterpart, which counts
   * as written right. Null if unknown.
   */
  resolve(name: string): { canonical: string; exact: boolean } | null {
    const hit = this.byName.get(key(name));
    if (hit) return hit;
    const counterpart = LEVEL.test(key(name)) ? this.byDepartment.get(department(name)) : undefined;
    return counterpart ? { canonical: name, exact: true } : null;
  }

  get size(): number {
    return this.byName.size;
  }
}
