import type { Comparison } from '../../schema/comparison.js';
import type { FormatContext } from '../render.js';
import { html } from './html.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import { table } from './table.js';

export type CompareFormatter = (cmp: Comparison, ctx: FormatContext) => string;

/** The formats of `cscheck compare --format`, the first the default. */
export const COMPARE_FORMATS: Record<string, CompareFormatter> = { table, json, markdown, html };
