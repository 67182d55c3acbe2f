// What `cscheck compare` produces: two snapshots of the same area (last year's survey and this
// year's, or two batch report directories) side by side — per indicator and per township the value
// then and now, the change, and whether the target became met or missed; which townships and
// communities came and went. The JSON output is this object as it is, so keep changes additive.

import type { Localized } from './finding.js';
import type { MessageId } from './messages.js';
import type { IndicatorResult, Report, Status } from './results.js';

export const COMPARISON_SCHEMA_VERSION = 1;

export type CommunityEntry = NonNullable<Report['communities']>[number];

/**
 * How an indicator's status went from the old snapshot to the new one.
 * - newly-met / newly-missed: not met → met, met → not met (both with data);
 * - still-met / still-missed: the same status with data on both sides;
 * - first-met / first-missed: no data before, met / not met now (nothing is known of before);
 * - data-lost: data before, none now;
 * - no-data: no data on either side;
 * - added / removed: only the new / only the old snapshot has it (a township, or an indicator of a
 *   plan version the other snapshot was not evaluated with).
 */
export type Transition =
  | 'newly-met'
  | 'newly-missed'
  | 'still-met'
  | 'still-missed'
  | 'first-met'
  | 'first-missed'
  | 'data-lost'
  | 'no-data'
  | 'added'
  | 'removed';

export const TRANSITIONS: readonly Transition[] = ['newly-missed', 'newly-met', 'first-missed', 'first-met', 'data-lost', 'still-missed', 'still-met', 'no-data', 'added', 'removed'];

/** One side of a change: the value and status then or now; `absent` when that side does not have it. */
export interface Side {
  value: number | null;
  status: Status | 'absent';
  /** Distance to the target in the indicator's unit, positive = short of it. */
  gap: number | null;
}

export interface Change {
  old: Side;
  new: Side;
  /** new − old in the indicator's unit (percentage points for %); null unless both have a value. */
  change: number | null;
  /** Whether the change moves towards the target (for ≤ targets a fall is better); null when none. */
  improved: boolean | null;
  transition: Transition;
}

export interface TownshipChange extends Change {
  township: string;
}

export interface IndicatorChange extends Change {
  id: string;
  name: Localized;
  unit: string;
  measure: IndicatorResult['measure'];
  attribute: IndicatorResult['attribute'];
  binding: boolean;
  target: IndicatorResult['target'];
  /**
   * Per township, in the order the new snapshot names them, then those only the old one had; each
   * township's value is held to the area's target. Empty for `count` indicators (a township's count
   * is a share of the area's, not a target of its own) and where neither side has townships.
   */
  townships: TownshipChange[];
}

/** Something the comparison of an area could not see, said rather than shown as zero. */
export interface ComparisonNote {
  messageId: MessageId;
  args: Record<string, string | number>;
}

export interface CommunityChanges {
  /** False when either snapshot did not record its communities (see notes): the lists below are then empty. */
  available: boolean;
  old: number | null;
  new: number | null;
  /** In the new snapshot only / in the old one only. */
  added: CommunityEntry[];
  removed: CommunityEntry[];
  /** The same 统计用区划代码 under another name (a village renamed, 村改居). */
  renamed: { old: CommunityEntry; new: CommunityEntry }[];
  /** Matched on both sides: by code, and (where either lacks a code) by township and name. */
  matchedByCode: number;
  matchedByName: number;
}

/** One side of an area: which input it came from and whether it could be evaluated. */
export interface AreaSide {
  input: string;
  status: 'ok' | 'failed';
  /** Why a failed input could not be evaluated (the batch's own text). */
  error?: string;
  rows: number | null;
}

export interface AreaComparison {
  /** The county or area (a batch's area, else the plan's region). */
  area: string;
  old: AreaSide;
  new: AreaSide;
  indicators: IndicatorChange[];
  townships: { added: string[]; removed: string[]; kept: number } | null;
  communities: CommunityChanges;
  /** Per indicator transition, how many (area level, not townships). */
  counts: Record<Transition, number>;
  notes: ComparisonNote[];
}

export interface SnapshotInfo {
  /** The path as given on the command line. */
  path: string;
  kind: 'file' | 'batch';
  /** A batch's finishing time. */
  generated?: string;
}

export interface Comparison {
  schemaVersion: number;
  tool: Report['tool'];
  plan: Report['plan'];
  old: SnapshotInfo;
  new: SnapshotInfo;
  areas: AreaComparison[];
  /** Areas (batch files) only the new / only the old snapshot has. */
  areasAdded: string[];
  areasRemoved: string[];
  summary: {
    areas: number;
    /** Over all areas, area-level indicators per transition. */
    indicators: Record<Transition, number>;
    /** Over all areas; null when an area's snapshots did not both record their communities. */
    communitiesAdded: number | null;
    communitiesRemoved: number | null;
    townshipsAdded: number;
    townshipsRemoved: number;
  };
}
