// The registry of every check's meta, in three families: survey (these, what `evaluate` reports),
// lint (`plans lint`) and ledger (`cscheck ledger`). FindingCode, the type of Finding.code, is the
// union of the codes schema/finding-codes.ts lists (a test holds that list against these metas), so
// a code spelled wrong anywhere is a compile error.

import { dataChecks } from './data-cells.js';
import * as indicator from './indicator-target.js';
import * as requirement from './requirement.js';
import { meta as exceeds } from './value-exceeds.js';
import { meta as regionMismatch } from './region-mismatch.js';

/** Every finding code `evaluate` can report, with its description. */
export const CHECKS = [...dataChecks, exceeds, indicator.notMet, indicator.noData, indicator.behind, requirement.breach, requirement.noData, regionMismatch];

export type { FindingCode } from '../../schema/finding-codes.js';
