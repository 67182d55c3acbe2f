import type { CheckMeta } from './check.js';
import { dataChecks } from './data-cells.js';
import * as indicator from './indicator-target.js';
import * as requirement from './requirement.js';
import { meta as exceeds } from './value-exceeds.js';

/** Every finding code cscheck can report, with its description. */
export const CHECKS: CheckMeta[] = [...dataChecks, exceeds, indicator.notMet, indicator.noData, indicator.behind, requirement.breach, requirement.noData];
