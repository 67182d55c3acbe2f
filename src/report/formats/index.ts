import type { Report } from '../../schema/results.js';
import type { FormatContext } from '../render.js';
import { FORMAT_NAMES } from './findings-formats.js';
import { html } from './html.js';
import { json } from './json.js';
import { table } from './table.js';

export type Formatter = (report: Report, ctx: FormatContext) => string;

/** Formatters by name, as the CLI's --format names them. */
export const FORMATS: Record<string, Formatter> = { table, json, html };

/** evaluate's --format choices: these and the finding formats for CI (junit, sarif, …), table first. */
export const EVALUATE_FORMAT_NAMES = [...new Set([...FORMAT_NAMES, ...Object.keys(FORMATS)])];
