// Townships as dense ids 0, 1, 2, … in the order rows first name them, so that every per-township
// counter is an array slot. Rows ask once per row; a file may name a hundred thousand townships in
// any order, so a row whose names were seen before costs two Map lookups of the strings it already
// holds, and only a name never seen is normalised (NFKC, and only when it has characters NFKC
// could change).

/** The township a row without one is counted under. */
export const NO_TOWNSHIP = '（未填乡镇）';

/** ASCII and unified CJK ideographs are unchanged by NFKC: most names need no normalising. */
const NFKC_STABLE = /^[\x20-\x7e\u4e00-\u9fff]*$/;

const nfkc = (s: string): string => (NFKC_STABLE.test(s) ? s : s.normalize('NFKC'));

/** A township as the rows that first named it wrote it. */
export interface TownshipName {
  county: string | null;
  township: string;
}

export class TownshipRegistry {
  /** Raw county (null: none named) → raw township → id: what a row asks, without building a key. */
  private readonly seen = new Map<string | null, Map<string, number>>();
  /** Normalised `county \u0001 township` (or the township alone for a table naming no county) → id. */
  private readonly byKey = new Map<string, number>();
  /** Normalised township name → the first id registered under it: a table naming no county means that one. */
  private readonly byName = new Map<string, number>();
  private readonly counties = new Set<string>();
  readonly names: TownshipName[] = [];
  private lastCounty: string | null | undefined = undefined;
  private lastTownships: Map<string, number> | undefined;

  get size(): number {
    return this.names.length;
  }

  /**
   * The id of a township. Townships are told apart by county too (two counties may both have a
   * 城关镇); a table that names no county means the township of that name. Names compare after
   * NFKC, so 万安街道(城区) and 万安街道（城区） are one.
   */
  idOf(county: string | null, township: string): number {
    let byTownship = this.lastTownships;
    if (county !== this.lastCounty || byTownship === undefined) {
      byTownship = this.seen.get(county);
      if (byTownship === undefined) this.seen.set(county, (byTownship = new Map<string, number>()));
      this.lastCounty = county;
      this.lastTownships = byTownship;
    }
    let id = byTownship.get(township);
    if (id === undefined) {
      id = this.resolve(county, township);
      byTownship.set(township, id);
    }
    return id;
  }

  /** First sight of a (county, township) as written: the normalised lookup, or a new id. */
  private resolve(county: string | null, township: string): number {
    const name = nfkc(township);
    const key = county ? `${nfkc(county)}\u0001${name}` : name;
    let id = this.byKey.get(key) ?? (county ? undefined : this.byName.get(name));
    if (id === undefined) {
      id = this.names.length;
      this.byKey.set(key, id);
      if (!this.byName.has(name)) this.byName.set(name, id);
      this.names.push({ county, township });
      if (county) this.counties.add(county);
    }
    return id;
  }

  /** The counties the rows named, each once, as first written. */
  countyNames(): string[] {
    return [...this.counties];
  }

  /** How a report names township `id`: with its county when the data names more than one. */
  labels(): string[] {
    const withCounty = this.counties.size > 1;
    return this.names.map(({ county, township }) => (county && withCounty ? `${county} ${township}` : township));
  }
}
