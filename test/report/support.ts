// Shared by the formatter tests: the Luojiang survey evaluated against the 泉州 plan and the bundled
// plans linted, each as the finding list the CI formats read, and parsers for what they write.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';
import { evaluateReport as evaluateFiles } from '../../src/api/evaluate.js';
import { CHECKS } from '../../src/rules/checks/index.js';
import { LINT_CODES, PlanLinter } from '../../src/rules/lint/index.js';
import { TOOL_VERSION } from '../../src/schema/tool.js';
import { bundledPlanIds, resolvePlanPath } from '../../src/schema/load-plan.js';
import type { Finding } from '../../src/schema/finding.js';
import type { Lang } from '../../src/schema/messages.js';
import type { Report } from '../../src/schema/results.js';
import type { FindingList } from '../../src/report/formats/finding-list.js';
import { fromReport } from '../../src/report/formats/finding-list.js';
import type { FormatContext } from '../../src/report/render.js';

/** The repository root: paths in the outputs are relative to it. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const XLSX = path.join(ROOT, 'fixtures', 'luojiang', 'survey-2024.xlsx');
export const CSV = path.join(ROOT, 'fixtures', 'luojiang', 'survey-2024.csv');
export const XLSX_REL = 'fixtures/luojiang/survey-2024.xlsx';
export const PLAN_REL = 'plans/quanzhou.yaml';

export const ctx = (lang: Lang = 'zh'): FormatContext => ({ lang, color: false, cwd: ROOT });

export async function evaluateReport(file = XLSX, plan = 'quanzhou'): Promise<Report> {
  return evaluateFiles([file], { plan, maxFindings: 1000, lang: 'zh' });
}

/** `cscheck evaluate survey-2024.xlsx --plan quanzhou` as the CI formats see it. */
export async function surveyList(file = XLSX, plan = 'quanzhou'): Promise<FindingList> {
  return fromReport(await evaluateReport(file, plan), CHECKS);
}

/** `cscheck plans lint` over every bundled plan, as the CI formats see it (absolute plan paths). */
export function lintList(): FindingList {
  const files = bundledPlanIds().map(resolvePlanPath);
  const linter = new PlanLinter();
  return { tool: { name: 'cscheck', version: TOOL_VERSION }, files, findings: files.flatMap((f) => linter.lint(f)), rules: LINT_CODES };
}

/** A one-finding list whose message is `text` verbatim (the usage.error template is `{detail}`). */
export function oddList(text: string, location: Finding['location'], severity: Finding['severity'] = 'error'): FindingList {
  const finding: Finding = { code: 'cell-type', severity, location, messageId: 'usage.error', args: { detail: text } };
  return { tool: { name: 'cscheck', version: TOOL_VERSION }, files: location.file ? [location.file] : [], findings: [finding], rules: CHECKS };
}

export const count = <T>(items: T[], pred: (t: T) => boolean): number => items.filter(pred).length;

// — XML —

/** Throws unless `xml` is well-formed XML 1.0 (saxes rejects characters XML cannot carry). */
export function assertWellFormed(xml: string): void {
  const parser = new SaxesParser({ xmlns: false });
  parser.on('error', (err) => {
    throw err;
  });
  parser.write(xml).close();
}

const ARRAYS = new Set(['testsuite', 'testcase', 'failure', 'skipped']);

/** JUnit XML as objects: every testsuite, testcase, failure and skipped as an array; attributes without prefix. */
export function parseJunit(xml: string): any {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    htmlEntities: true,
    textNodeName: '#text',
    isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ARRAYS.has(name),
  }).parse(xml);
}

// — SARIF —

/**
 * The official OASIS SARIF 2.1.0 JSON Schema (draft-07, `$id` …/Schemata/sarif-schema-2.1.0.json,
 * with errata 01's fix of the `language` pattern), kept beside this file unchanged. It was taken
 * from @datadog/datadog-ci-plugin-sarif@5.11.0 (Apache-2.0), which ships the OASIS file in
 * dist/json-schema/; depending on that package for one file pulled ~170 packages into `npm ci`.
 */
export function sarifSchema(): object {
  return JSON.parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'sarif-schema-2.1.0.json'), 'utf8'));
}
