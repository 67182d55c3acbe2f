// A per-community (or per-township) rule of the plan's text, checked row by row: every row in its
// scope either keeps it, breaks it (a finding at the cell), or lacks the data to tell.
import type { Finding, Severity } from '../../schema/finding.js';
import { message, localized } from '../../schema/messages.js';
import type { RequirementResult } from '../../schema/results.js';
import type { DataRow, TableInfo } from '../../io/row-builder.js';
import type { Value } from '../../io/values.js';
import type { CompiledRequirement } from '../compile-plan.js';
import type { FindingCollector } from '../finding-collector.js';
import type { RowShape } from '../row-shape.js';
import { cellAt } from '../row-shape.js';
import type { CheckMeta, Report } from './check.js';
import { finding, severityOf } from './check.js';

export const breach = {
  code: 'requirement-breach',
  title: { zh: '不符合逐村（社区）要求', en: 'Per-community requirement broken' },
  description: {
    zh: '某个村（社区）或乡镇（街道）不符合计划正文规定的要求（如“每个村（社区）至少1名灾害信息员”）',
    en: 'a community or township breaks a rule the plan states for each of them (e.g. at least one disaster information officer per community)',
  },
  severity: 'warning',
  messages: ['requirement.breach'],
} as const satisfies CheckMeta;

export const noData = {
  code: 'requirement-no-data',
  title: { zh: '要求无法检查', en: 'Requirement not checkable' },
  description: {
    zh: '部分村（社区）缺少检查该要求所需的数据',
    en: 'some communities lack the data needed to check the requirement',
  },
  severity: 'info',
  messages: ['requirement.no-data'],
} as const satisfies CheckMeta;

export interface RequirementCounts {
  checked: number;
  breaches: number;
  noData: number;
}


/** Most distinct values per field whose wording a check keeps (rule fields are mostly 是/否). */
const SAID_VALUES = 64;

/** One plan requirement's tally over the rows of its level. */
export class RequirementState implements RequirementCounts {
  checked = 0;
  breaches = 0;
  noData = 0;
  readonly severity: Severity;
  private counter?: { n: number };
  /**
   * How a breach words each rule field's value (法治文化阵地为“否”), per value, for the table
   * the rows come from (the zh wording names its column): a file can break a rule on every row.
   */
  private said: { table: TableInfo; byField: Map<Value, { zh: string; en: string }>[] } | null = null;

  constructor(
    readonly c: CompiledRequirement,
    private readonly shape: RowShape,
    private readonly document: string,
  ) {
    this.severity = severityOf(breach, c.binding);
  }

  onRow(row: DataRow, kind: Value, collector: FindingCollector): void {
    const c = this.c;
    if (c.kind !== null && kind !== c.kind) return;
    const values = row.values;
    if (c.where !== null) {
      const w = c.where(values);
      if (w === false) return;
      if (w === null) {
        this.noData++;
        return;
      }
    }
    const ok = c.rule(values);
    if (ok === null) {
      this.noData++;
      return;
    }
    this.checked++;
    if (ok) return;
    this.breaches++;
    // Past --max-findings a breach is counted, not built.
    if (collector.admitCounted((this.counter ??= collector.counter(breach.code, c.def.id)), this.severity)) collector.keep(this.finding(row));
  }

  private finding(row: DataRow): Finding {
    const { c, shape } = this;
    const values = row.values;
    const name = shape.community >= 0 ? (values[shape.community] as string | null) : (values[shape.township] as string | null);
    const township = (values[shape.township] as string | null) ?? '';
    return finding(breach, {
      ruleId: c.def.id,
      location: cellAt(row, shape, c.fields[0]),
      messageId: 'requirement.breach',
      args: {
        subject: shape.community >= 0 && township ? `${township} ${name ?? ''}`.trim() : name ?? '',
        actual: this.actual(row),
        rule: c.def.name,
        document: this.document,
        section: c.def.source.section,
      },
    }, c.binding);
  }

  /** The values the rule read, in both languages: 法治文化阵地为“否” / Rule-of-law culture venue = no. */
  private actual(row: DataRow): { zh: string; en: string } {
    const { c, shape } = this;
    if (this.said?.table !== row.table) this.said = { table: row.table, byField: c.fields.map(() => new Map<Value, { zh: string; en: string }>()) };
    const byField = this.said.byField;
    let zh = '';
    let en = '';
    for (let k = 0; k < c.fields.length; k++) {
      const f = c.fields[k];
      const v = row.values[f];
      let said = byField[k].get(v);
      if (!said) {
        said = {
          zh: message('requirement.actual', { field: row.table.columns[f]?.header ?? shape.fields[f].header, value: display(v, 'zh') }, 'zh'),
          en: message('requirement.actual', { field: shape.fields[f].en, value: display(v, 'en') }, 'en'),
        };
        if (byField[k].size < SAID_VALUES) byField[k].set(v, said);
      }
      zh += k ? `，${said.zh}` : said.zh;
      en += k ? `, ${said.en}` : said.en;
    }
    return { zh, en };
  }

  add(other: RequirementCounts): void {
    this.checked += other.checked;
    this.breaches += other.breaches;
    this.noData += other.noData;
  }

  /** The result, given the columns the inputs had; reports a no-data finding where rows could not be checked. */
  finish(present: Set<string>, report: Report): RequirementResult {
    const { c, shape } = this;
    const missing = c.fields.map((f) => shape.fields[f]).filter((f) => !present.has(f.id)).map((f) => f.header);
    const result: RequirementResult = {
      id: c.def.id,
      name: c.def.name,
      scope: c.def.scope,
      severity: this.severity,
      checked: this.checked,
      breaches: this.breaches,
      noData: this.noData,
      missingColumns: missing,
      source: c.def.source,
    };
    if (this.noData > 0 || missing.length > 0) {
      report(noData, {
        ruleId: c.def.id,
        location: c.planLoc,
        messageId: 'requirement.no-data',
        args: { rule: c.def.name, count: this.noData, unit: localized(c.level === 'township' ? 'unit.townships' : 'unit.communities') },
      });
    }
    return result;
  }
}

function display(v: Value, lang: 'zh' | 'en'): string {
  if (v === null) return message('value.empty', {}, lang);
  if (typeof v === 'boolean') return message(v ? 'value.yes' : 'value.no', {}, lang);
  return String(v);
}
