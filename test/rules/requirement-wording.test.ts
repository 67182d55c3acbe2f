// How a requirement breach words the values it read (args.actual, in both languages): the zh text
// names the column as each file spells it, the en text the contract's field name, and a rule over
// two fields lists both. The wording is reused from row to row, so the same value in two files with
// different headers must still read differently.
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/schema/load-plan.js';
import { compilePlan } from '../../src/rules/compile-plan.js';
import { Evaluation } from '../../src/rules/evaluation.js';
import { readInput } from '../../src/io/read-input.js';
import type { Report } from '../../src/schema/results.js';
import { writeText } from '../io/support.js';

// 洛江区: 万安街道 (urban) and 罗溪镇 (rural). File A uses the contract's headers, file B short forms.
const A = writeText(
  'wanan.csv',
  [
    '乡镇（街道）,村（社区）名称,城乡类型,灾害信息员人数,网格数,专（兼）职网格员人数,法律顾问',
    '万安街道,西头社区,城市,0,5,3,否',
    '万安街道,塘西社区,城市,0,4,4,否',
    '万安街道,西山社区,城市,2,6,,是',
  ].join('\n'),
);
const B = writeText('luoxi.csv', ['乡镇,村名,城乡类型,灾害信息员,网格数量,网格员', '罗溪镇,洪四村,农村,0,3,1'].join('\n'));

async function evaluate(): Promise<Report> {
  const evaluation = new Evaluation(compilePlan(loadPlan('quanzhou')), { maxFindings: 0 });
  for (const file of [A, B]) evaluation.addInput(await readInput(file, evaluation));
  return evaluation.finish();
}

const breaches = (r: Report, rule: string) =>
  r.findings.filter((f) => f.code === 'requirement-breach' && f.ruleId === rule).map((f) => [f.location.file, f.location.row, f.args.actual]);

describe('requirement breach wording', () => {
  it('names each file’s own column in zh and the contract field in en', async () => {
    const r = await evaluate();
    // disaster_info_officers >= 1: 西头社区 and 塘西社区 (0) in A, 洪四村 (0) in B; 西山社区 has 2.
    expect(breaches(r, 'disaster_info_officer')).toEqual([
      [A, 2, { zh: '灾害信息员人数为0', en: 'Disaster information officers = 0' }],
      [A, 3, { zh: '灾害信息员人数为0', en: 'Disaster information officers = 0' }],
      [B, 2, { zh: '灾害信息员为0', en: 'Disaster information officers = 0' }],
    ]);
    // has_legal_adviser: 否 twice in A; B has no such column.
    expect(breaches(r, 'legal_adviser')).toEqual([
      [A, 2, { zh: '法律顾问为“否”', en: 'Legal adviser = no' }],
      [A, 3, { zh: '法律顾问为“否”', en: 'Legal adviser = no' }],
    ]);
  });

  it('lists both fields of a two-field rule', async () => {
    const r = await evaluate();
    // grid_workers >= grids: 3 < 5 in A row 2, 1 < 3 in B; 4 = 4 keeps it; 西山社区 has no grid workers.
    expect(breaches(r, 'grid_worker_per_grid')).toEqual([
      [A, 2, { zh: '专（兼）职网格员人数为3，网格数为5', en: 'Grid workers = 3, Grids = 5' }],
      [B, 2, { zh: '网格员为1，网格数量为3', en: 'Grid workers = 1, Grids = 3' }],
    ]);
  });
});
