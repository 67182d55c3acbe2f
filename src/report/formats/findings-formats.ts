// Formatters for a plain list of findings (what `cscheck plans lint` produces), by --format name.
// Like the report formatters they read only Findings; adding a format never touches a check.

import type { FormatContext } from '../render.js';
import type { FindingList } from './finding-list.js';
import { findingsJson } from './findings-json.js';
import { findingsTable } from './findings-table.js';

export type FindingsFormatter = (list: FindingList, ctx: FormatContext) => string;

export const FINDING_FORMATS: Record<string, FindingsFormatter> = { table: findingsTable, json: findingsJson };
