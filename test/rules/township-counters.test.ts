import { describe, expect, it } from 'vitest';
import { TownshipRegistry } from '../../src/rules/evaluation/township-registry.js';
import { TownshipCounters } from '../../src/rules/evaluation/counters.js';
import { mergeTop, offer } from '../../src/rules/evaluation/ranking.js';
import { newAcc } from '../../src/rules/measures/measure.js';

describe('TownshipRegistry', () => {
  it('gives dense ids in order of first sight, and the same id again', () => {
    const r = new TownshipRegistry();
    expect(r.idOf('甲县', '东街道')).toBe(0);
    expect(r.idOf('甲县', '西镇')).toBe(1);
    expect(r.idOf('甲县', '东街道')).toBe(0);
    expect(r.size).toBe(2);
  });

  it('treats half- and full-width brackets as one name (NFKC), keeping the first spelling', () => {
    const r = new TownshipRegistry();
    expect(r.idOf('泉州市', '万安街道(城区)')).toBe(0);
    expect(r.idOf('泉州市', '万安街道（城区）')).toBe(0);
    // A fullwidth Latin letter in the county is normalised too.
    expect(r.idOf('Ａ县', '城关镇')).toBe(1);
    expect(r.idOf('A县', '城关镇')).toBe(1);
    expect(r.names[0]).toEqual({ county: '泉州市', township: '万安街道(城区)' });
  });

  it('tells same-named townships apart by county; a table naming no county means the first of that name', () => {
    const r = new TownshipRegistry();
    expect(r.idOf('甲县', '城关镇')).toBe(0);
    expect(r.idOf('乙县', '城关镇')).toBe(1);
    expect(r.idOf(null, '城关镇')).toBe(0);
    expect(r.idOf(null, '新镇')).toBe(2);
    // A county row later naming the county-less township's name is its own township.
    expect(r.idOf('甲县', '新镇')).toBe(3);
    expect(r.idOf(null, '新镇')).toBe(2);
    expect(r.labels()).toEqual(['甲县 城关镇', '乙县 城关镇', '新镇', '甲县 新镇']);
  });

  it('labels without the county when the data names only one county', () => {
    const r = new TownshipRegistry();
    r.idOf('甲县', '东街道');
    r.idOf('甲县', '西镇');
    expect(r.labels()).toEqual(['东街道', '西镇']);
  });
});

describe('TownshipCounters', () => {
  it('doubles past its capacity and keeps what was counted', () => {
    const c = new TownshipCounters(2, 4);
    c.columns[1].a[3] = 7;
    c.seen[3] = 1;
    c.ensure(5);
    expect(c.length).toBe(8);
    c.ensure(8);
    expect(c.length).toBe(8);
    c.ensure(17);
    expect(c.length).toBe(32);
    expect(c.columns[1].a[3]).toBe(7);
    expect(c.columns[0].a[3]).toBe(0);
    expect(c.seen[3]).toBe(1);
    expect(c.columns.every((col) => col.inScope.length === 32 && col.b.length === 32)).toBe(true);
  });

  it('reads one township into an Acc, and adds another part through a township remap', () => {
    const mine = new TownshipCounters(1, 2);
    const col = mine.columns[0];
    col.inScope[0] = 3;
    col.withData[0] = 2;
    col.a[0] = 5;
    col.b[0] = 10;
    // The other part saw township "1" (new here, id 1) first and township "0" (id 0 here) second.
    const theirs = new TownshipCounters(1, 2);
    theirs.columns[0].inScope.set([4, 1]);
    theirs.columns[0].withData.set([4, 1]);
    theirs.columns[0].a.set([1, 2]);
    theirs.columns[0].b.set([4, 3]);
    theirs.seen.set([1, 1]);
    mine.add(theirs.snapshot(2), Uint32Array.from([1, 0]));
    expect(mine.read(0, 0, newAcc())).toEqual({ inScope: 4, withData: 3, a: 7, b: 13 });
    expect(mine.read(0, 1, newAcc())).toEqual({ inScope: 4, withData: 4, a: 1, b: 4 });
    expect([...mine.seen]).toEqual([1, 1]);
  });

  it('adds a part whose columns are shorter than its township list (a level that never grew)', () => {
    const mine = new TownshipCounters(1, 4);
    const theirs = new TownshipCounters(1, 2);
    theirs.columns[0].inScope[1] = 2;
    // The part named 100 townships, but this level's columns stayed at 2 slots.
    const remap = Uint32Array.from({ length: 100 }, (_, i) => 99 - i);
    mine.ensure(100);
    mine.add(theirs.snapshot(100), remap);
    expect(mine.columns[0].inScope[98]).toBe(2);
    expect(mine.columns[0].inScope.every((x) => !Number.isNaN(x))).toBe(true);
    expect(mine.columns[0].inScope.reduce((a, b) => a + b, 0)).toBe(2);
  });
});

describe('ranking', () => {
  it('keeps the three largest shortfalls, the earlier ahead on ties', () => {
    const list: { id: string; shortfall: number }[] = [];
    for (const [id, s] of [['a', 1], ['b', 5], ['c', 3], ['d', 5], ['e', 3], ['f', 0.5]] as const) offer(list, s, () => ({ id, shortfall: s }));
    expect(list.map((e) => e.id)).toEqual(['b', 'd', 'c']);
    const merged = mergeTop([{ id: 'x', shortfall: 4 }], [{ id: 'y', shortfall: 4 }, { id: 'z', shortfall: 9 }, { id: 'w', shortfall: 1 }]);
    expect(merged.map((e) => e.id)).toEqual(['z', 'x', 'y']);
  });
});
