// What every compare format writes the same way: a value then and now, the change in the
// indicator's unit (“+12.5 个百分点”), a transition's name, the community rows, the notes, the
// summary line. The formats differ only in how they lay these out.

import type { AreaComparison, CommunityChanges, CommunityEntry, Comparison, ComparisonNote, IndicatorChange, Side, Transition } from '../../schema/comparison.js';
import type { Lang, MessageId } from '../../schema/messages.js';
import { message } from '../../schema/messages.js';
import { digitsApart, formatAgainst, formatNumber, formatTarget, unitText } from '../../schema/quantity.js';
import { localize } from '../formats/ci-common.js';
import { shownPath } from '../render.js';
import { boundedArgs, cutLabel } from '../safe-text.js';

export type Say = (id: MessageId, args?: Record<string, unknown>) => string;

export const sayer = (lang: Lang): Say => (id, args = {}) => message(id, args, lang);

/** The value of one side beside the target, with the decimals that keep a miss from reading as met. */
export const sideText = (s: Side, i: Pick<IndicatorChange, 'target' | 'unit'>, lang: Lang): string => formatAgainst(s.value, i.target.value, i.unit, lang);

export const targetText = (i: Pick<IndicatorChange, 'target' | 'unit'>, lang: Lang): string => formatTarget(i.target, i.unit, lang);

/** new − old with its sign, in the indicator's unit: percentage points for %, per-mille points for ‰. */
export function changeText(change: number | null, unit: string, say: Say, lang: Lang): string {
  if (change === null) return '—';
  const abs = Math.abs(change);
  const digits = digitsApart(abs, 0);
  const n = formatNumber(abs, digits);
  const signed = `${n === '0' ? '±' : change > 0 ? '+' : '-'}${n}`;
  if (unit === '%') return say('compare.change.points', { change: signed });
  if (unit === '‰') return say('compare.change.permille', { change: signed });
  return say('compare.change.plain', { change: signed, unit: unitText(unit, lang) });
}

export const transitionText = (t: Transition, say: Say): string => say(`compare.t.${t}`);

export const indicatorName = (i: IndicatorChange, lang: Lang): string => cutLabel(localize(i.name, lang));

/** `仙游县（fixtures/a.csv → fixtures/b.xlsx）`. */
export const areaHeading = (a: AreaComparison, say: Say, cwd?: string): string =>
  say('compare.area', { area: cutLabel(a.area), old: shownPath(a.old.input, cwd), new: shownPath(a.new.input, cwd) });

/** One row per community added, removed or renamed: what, township, name, code. */
export function communityRows(c: CommunityChanges, say: Say): string[][] {
  const row = (what: string, e: CommunityEntry) => [what, e.township ? cutLabel(e.township) : '—', cutLabel(e.name), e.code === undefined || e.code === null ? '—' : cutLabel(e.code)];
  return [
    ...c.added.map((e) => row(say('compare.community.added'), e)),
    ...c.removed.map((e) => row(say('compare.community.removed'), e)),
    ...c.renamed.map((r) => row(say('compare.community.renamed', { old: cutLabel(r.old.name) }), r.new)),
  ];
}

export const listText = (items: string[], say: Say): string => (items.length ? items.map((s) => cutLabel(s)).join(say('punct.list')) : say('compare.none'));

export function townshipLine(a: AreaComparison, say: Say): string {
  if (!a.townships) return say('compare.townships-unknown');
  return say('compare.townships', { added: listText(a.townships.added, say), removed: listText(a.townships.removed, say), kept: a.townships.kept });
}

export function communityLine(c: CommunityChanges, say: Say): string {
  if (!c.available) return say('compare.communities-unknown');
  return say('compare.communities', { old: c.old, new: c.new, added: c.added.length, removed: c.removed.length, renamed: c.renamed.length, byCode: c.matchedByCode, byName: c.matchedByName });
}

export const noteText = (n: ComparisonNote, say: Say): string => say(n.messageId, boundedArgs(n.args));

export function summaryLine(c: Comparison, say: Say): string {
  const t = c.summary.indicators;
  return say('compare.summary', {
    areas: c.summary.areas,
    newlyMet: t['newly-met'],
    newlyMissed: t['newly-missed'],
    firstMet: t['first-met'],
    firstMissed: t['first-missed'],
    stillMet: t['still-met'],
    stillMissed: t['still-missed'],
    dataLost: t['data-lost'],
    communities:
      c.summary.communitiesAdded === null || c.summary.communitiesRemoved === null
        ? say('compare.summary.communities-unknown')
        : say('compare.summary.communities', { added: c.summary.communitiesAdded, removed: c.summary.communitiesRemoved }),
  });
}

export const titleText = (c: Comparison, lang: Lang, say: Say): string => say('compare.title', { plan: localize(c.plan.name, lang), document: c.plan.document });

export const snapshotsText = (c: Comparison, say: Say, cwd?: string): string => say('compare.snapshots', { old: shownPath(c.old.path, cwd), new: shownPath(c.new.path, cwd) });

/**
 * The indicator table's header and rows: 指标 / 目标 / 上期 / 本期 / 变化 / 达标变化 — the indicators
 * with a value on either side; `silent` those with none on both (named below the table).
 */
export function indicatorTable(a: AreaComparison, lang: Lang, say: Say): { head: string[]; rows: string[][]; shown: IndicatorChange[]; silent: IndicatorChange[] } {
  const shown = a.indicators.filter((i) => i.transition !== 'no-data');
  return {
    head: [say('label.indicator'), say('label.target'), say('compare.col.old'), say('compare.col.new'), say('compare.col.change'), say('compare.col.transition')],
    rows: shown.map((i) => [indicatorName(i, lang), targetText(i, lang), sideText(i.old, i, lang), sideText(i.new, i, lang), changeText(i.change, i.unit, say, lang), transitionText(i.transition, say)]),
    shown,
    silent: a.indicators.filter((i) => i.transition === 'no-data'),
  };
}

/** `另有 32 个指标两期均无数据`, with their names where the format has room for them. */
export function silentLine(silent: IndicatorChange[], lang: Lang, say: Say, names: boolean): string | null {
  if (!silent.length) return null;
  if (!names) return say('compare.no-data-rest', { count: silent.length });
  return say('compare.no-data-rest-names', { count: silent.length, names: silent.map((i) => indicatorName(i, lang)).join(say('punct.semicolon')) });
}

/**
 * Per township, grouped by indicator: 指标 / 乡镇（街道） / 上期 / 本期 / 变化 / 达标变化 (the name on
 * each row). Townships without a value on either side are left out: there is nothing to compare.
 */
export function townshipTable(a: AreaComparison, lang: Lang, say: Say): { head: string[]; rows: { indicator: IndicatorChange; transition: Transition; cells: string[] }[] } {
  return {
    head: [say('label.indicator'), say('compare.col.township'), say('compare.col.old'), say('compare.col.new'), say('compare.col.change'), say('compare.col.transition')],
    rows: a.indicators.flatMap((i) =>
      i.townships
        .filter((t) => t.old.value !== null || t.new.value !== null)
        .map((t) => ({ indicator: i, transition: t.transition, cells: [indicatorName(i, lang), cutLabel(t.township), sideText(t.old, i, lang), sideText(t.new, i, lang), changeText(t.change, i.unit, say, lang), transitionText(t.transition, say)] })),
    ),
  };
}

export function communityHead(say: Say): string[] {
  return [say('compare.col.what'), say('compare.col.township'), say('compare.col.community'), say('compare.col.code')];
}
