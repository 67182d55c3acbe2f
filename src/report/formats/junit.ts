// JUnit XML for CI test views (GitLab, Jenkins, Azure DevOps): one <testsuite> per input file, with
// a <testcase> per check code (classname = the code) and per requirement its rows break; one for the
// plan, with a <testcase> per indicator and requirement (classname = the plan id). Each error is a
// <failure> (message, then where) in a test case of its own, an item without data is <skipped>, and
// warnings and notices are the (first) test case's <system-out>. Text is escaped for XML 1.0, control characters included.

import type { Finding, Localized } from '../../schema/finding.js';
import { message } from '../../schema/messages.js';
import * as indicatorChecks from '../../rules/checks/indicator-target.js';
import * as requirementChecks from '../../rules/checks/requirement.js';
import type { FormatContext } from '../render.js';
import { findingText, locationLine, shownLocation, shownPath } from '../render.js';
import { escapeCode, visible } from '../safe-text.js';
import { localize, ruleTable } from './ci-common.js';
import type { FindingList } from './finding-list.js';

/** The codes reported about an indicator or requirement: their test case is the item's, not the code's. */
const ITEM_CODES = new Set<string>([indicatorChecks.notMet, indicatorChecks.noData, indicatorChecks.behind, requirementChecks.breach, requirementChecks.noData].map((m) => m.code));

interface Item {
  id: string;
  name: Localized;
  /** No data at all: the item's test case is skipped unless it failed. */
  noData: boolean;
}

interface Case {
  classname: string;
  name: string;
  item?: Item;
  failures: Finding[];
  notes: Finding[];
  more: number;
}

// XML 1.0 cannot carry the C0 controls at all, not even as character references, and a viewer would
// act on C1 and bidi controls: all are shown as \uXXXX (safe-text.ts), as are the code units XML lacks.
const NOT_XML = /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Most text has none of them (nor a surrogate at all): one cheap test before the full expression.
const MAYBE_NOT_XML = /[\uD800-\uDFFF\uFFFE\uFFFF]/;
const legal = (s: string) => {
  const shown = visible(s, true);
  return MAYBE_NOT_XML.test(shown) ? shown.replace(NOT_XML, escapeCode) : shown;
};

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;', '"': '&quot;', "'": '&apos;', '\n': '&#10;', '\t': '&#9;' };
const TEXT_SPECIAL = /[&<>\r]/g;
const ATTR_SPECIAL = /[&<>\r"'\n\t]/g;
// One pass over the text (the HTML report escapes every cell of thousands of findings with these).
const escapeWith = (s: string, special: RegExp) => {
  special.lastIndex = 0;
  return special.test(s) ? s.replace(special, (c) => ENTITY[c]) : s;
};

// Anything either step would change: most text has nothing, and one scan tells.
// eslint-disable-next-line no-control-regex
const TEXT_WORK = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uD800-\uDFFF\uFFFE\uFFFF&<>]/;
// eslint-disable-next-line no-control-regex
const ATTR_WORK = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uD800-\uDFFF\uFFFE\uFFFF&<>"']/;

export const xmlText = (s: string): string => (TEXT_WORK.test(s) ? escapeWith(legal(s), TEXT_SPECIAL) : s);
export const xmlAttr = (s: string): string => (ATTR_WORK.test(s) ? escapeWith(legal(s), ATTR_SPECIAL) : s);

const attrs = (a: Record<string, string | number | undefined>) =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');

export function junit(list: FindingList, ctx: FormatContext): string {
  const { lang, cwd } = ctx;
  const { meta } = ruleTable(list.rules, list.findings);
  const planId = list.plan?.id ?? list.tool.name;
  const planFile = list.plan ? shownPath(list.plan.file, cwd) : undefined;

  const indicators = new Map<string, Item>((list.indicators ?? []).map((r) => [r.id, { id: r.id, name: r.name, noData: r.status === 'no-data' }]));
  const requirements = new Map<string, Item>((list.requirements ?? []).map((r) => [r.id, { id: r.id, name: r.name, noData: r.checked === 0 }]));
  const itemOf = (f: Finding): Item | undefined =>
    f.ruleId !== undefined && ITEM_CODES.has(f.code) ? (indicators.get(f.ruleId) ?? requirements.get(f.ruleId)) : undefined;

  // Suites by name (a file, shown relative to cwd); a finding without a file goes to the plan's suite.
  const suites = new Map<string, Map<string, Case>>();
  const suite = (name: string) => {
    let s = suites.get(name);
    if (!s) suites.set(name, (s = new Map<string, Case>()));
    return s;
  };
  const itemCase = (cases: Map<string, Case>, item: Item) => {
    const key = `item:${item.id}`;
    let c = cases.get(key);
    if (!c) cases.set(key, (c = { classname: planId, name: `${item.id} ${localize(item.name, lang)}`, item, failures: [], notes: [], more: 0 }));
    return c;
  };
  const codeCase = (cases: Map<string, Case>, code: string) => {
    const key = `code:${code}`;
    let c = cases.get(key);
    const m = meta.get(code);
    if (!c) cases.set(key, (c = { classname: code, name: m ? `${code} ${localize(m.title, lang)}` : code, failures: [], notes: [], more: 0 }));
    return c;
  };

  // Every input file gets its suite, with a passing case for each check that ran over it; the plan's
  // suite holds every indicator and requirement (the requirements' breaches go to the file they are in).
  const hasItems = indicators.size + requirements.size > 0;
  for (const file of list.files) {
    const cases = suite(shownPath(file, cwd));
    for (const r of list.rules ?? []) if (!hasItems || !ITEM_CODES.has(r.code)) codeCase(cases, r.code);
  }
  const planSuite = planFile ?? list.tool.name;
  for (const item of [...indicators.values(), ...requirements.values()]) itemCase(suite(planSuite), item);

  // An item's findings in a plan file — its own, or the parent's it inherits — are the plan's case;
  // a requirement's breaches are in the input file whose rows break it.
  const inputs = new Set(list.files.map((f) => shownPath(f, cwd)));
  for (const f of list.findings) {
    const file = f.location.file !== undefined ? shownPath(f.location.file, cwd) : planSuite;
    const item = itemOf(f);
    const cases = suite(item && !inputs.has(file) ? planSuite : file);
    const c = item ? itemCase(cases, item) : codeCase(cases, f.code);
    (f.severity === 'error' ? c.failures : c.notes).push(f);
  }
  // Findings past --max-findings are counted with the first case that lists some of the same kind.
  for (const o of list.omitted ?? []) {
    const item = o.ruleId !== undefined && ITEM_CODES.has(o.code) ? (indicators.get(o.ruleId) ?? requirements.get(o.ruleId)) : undefined;
    const key = item ? `item:${item.id}` : `code:${o.code}`;
    const c = [...suites.values()].map((cases) => cases.get(key)).find((x) => x && x.failures.length + x.notes.length > 0);
    if (c) c.more += o.count;
  }
  const fileless = planFile === undefined ? planSuite : undefined;

  const where = (f: Finding) => locationLine(shownLocation(f.location, cwd), lang);
  const skipReason = (item: Item) => {
    const why = list.findings.find((f) => f.ruleId === item.id && f.severity === 'info' && itemOf(f) === item);
    return why ? findingText(why, lang) : `${localize(item.name, lang)}: ${message('label.no-data', {}, lang)}`;
  };

  const totals = { tests: 0, failures: 0, skipped: 0 };
  const body: string[] = [];
  for (const [name, cases] of suites) {
    const counts = { tests: 0, failures: 0, skipped: 0 };
    const lines: string[] = [];
    const file = name === fileless ? undefined : name;
    const testcase = (classname: string, tcName: string, inner: string[]) => {
      counts.tests++;
      const open = `    <testcase${attrs({ classname, name: tcName, file, time: 0 })}`;
      lines.push(inner.length ? `${open}>\n${inner.join('\n')}\n    </testcase>` : `${open}/>`);
    };
    for (const c of cases.values()) {
      const skipped = !c.failures.length && c.item?.noData;
      if (skipped) counts.skipped++;
      const notes: string[] = [];
      const out = c.notes.map((f) => `${message(`label.${f.severity}`, {}, lang)} ${where(f)}  ${findingText(f, lang)}`);
      if (c.more) out.push(message('label.more', { count: c.more }, lang));
      if (out.length) notes.push(`      <system-out>${xmlText(out.join('\n'))}</system-out>`);
      // One test case per failure: CI views (GitLab, Jenkins) show only the first <failure> of a case.
      // Several failures of one case each get the case's name with the place they are at.
      c.failures.forEach((f, i) => {
        const text = findingText(f, lang);
        counts.failures++;
        const failure = `      <failure${attrs({ message: text, type: f.code })}>${xmlText(`${where(f)}\n${text}`)}</failure>`;
        testcase(c.classname, c.failures.length > 1 ? `${c.name} · ${where(f)}` : c.name, i === 0 ? [failure, ...notes] : [failure]);
      });
      if (!c.failures.length) testcase(c.classname, c.name, [...(skipped ? [`      <skipped${attrs({ message: skipReason(c.item!) })}/>`] : []), ...notes]);
    }
    totals.tests += counts.tests;
    totals.failures += counts.failures;
    totals.skipped += counts.skipped;
    body.push(`  <testsuite${attrs({ name, tests: counts.tests, failures: counts.failures, errors: 0, skipped: counts.skipped, time: 0 })}>`);
    for (const l of lines) body.push(l);
    body.push('  </testsuite>');
  }
  const head = `<testsuites${attrs({ name: `${list.tool.name} ${list.tool.version}`, tests: totals.tests, failures: totals.failures, errors: 0, skipped: totals.skipped, time: 0 })}>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${head}\n${body.join('\n')}\n</testsuites>\n`;
}
