import type { Report } from '../../schema/results.js';
import type { FormatContext } from '../render.js';
import { json } from './json.js';
import { table } from './table.js';

export type Formatter = (report: Report, ctx: FormatContext) => string;

/** Formatters by name, as the CLI's --format names them. */
export const FORMATS: Record<string, Formatter> = { table, json };
