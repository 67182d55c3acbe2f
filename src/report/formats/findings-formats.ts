// Formatters for a list of findings (what `cscheck plans lint` and `cscheck ledger` produce, and
// `cscheck evaluate` through `fromReport` for the CI formats), by --format name. Like the report
// formatters they read only Findings and rule metadata; adding a format never touches a check.

import type { FormatContext } from '../render.js';
import { codeclimate } from './codeclimate.js';
import type { FindingList } from './finding-list.js';
import { findingsJson } from './findings-json.js';
import { findingsTable } from './findings-table.js';
import { github } from './github.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';

export type FindingsFormatter = (list: FindingList, ctx: FormatContext) => string;

/** The formats made for CI systems: the same for every command. */
export const CI_FORMATS: Record<string, FindingsFormatter> = { junit, sarif, github, markdown, codeclimate };

export const FINDING_FORMATS: Record<string, FindingsFormatter> = { table: findingsTable, json: findingsJson, ...CI_FORMATS };

/** Every --format name a findings command takes, in the order --help lists them. */
export const FORMAT_NAMES = Object.keys(FINDING_FORMATS);
