// `cscheck ledger --unit`: a unit no row and no plan task names is a usage error naming the closest
// units (a misspelling used to filter every finding away and pass clean); a short form one unit's
// name contains stands for it and says so; a unit only the plan names is said to have no rows.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, csv, run, runJson, tmpDir, writeFile } from './helpers.js';

const ledger = (name: string) => path.join(ROOT, 'fixtures', 'ledger', name);
const rowsOf = (report: { findings: { location: { row?: number } }[] }) =>
  report.findings.map((f) => f.location.row).filter((r): r is number => r !== undefined).sort((a, b) => a - b);

describe('cscheck ledger --unit', () => {
  it('refuses a misspelt unit, naming the closest, with and without a plan', async () => {
    const withPlan = await run(['ledger', ledger('luojiang-2022.xlsx'), '--plan', 'luojiang', '--unit', '区民证局']);
    expect(withPlan.code).toBe(2);
    // 区民证局 differs from 区民政局 by one character: the closest unit, named first.
    expect(withPlan.stderr).toMatch(/^cscheck: 台账和计划中都没有责任单位“区民证局”；您是不是要找：区民政局、/);
    expect(withPlan.stderr.split('\n')).toHaveLength(2); // one line, no stack
    // No plan: the units of the rows only; a slip in the short form is still close.
    const noPlan = await run(['ledger', ledger('luojiang-2022.csv'), '--unit', '民证局']);
    expect(noPlan.code).toBe(2);
    expect(noPlan.stderr).toContain('您是不是要找：区民政局');
    const far = await run(['ledger', ledger('luojiang-2022.csv'), '--unit', 'Civil Affairs']);
    expect(far).toMatchObject({ code: 2, stderr: 'cscheck: 台账和计划中都没有责任单位“Civil Affairs”\n' });
  });

  it('takes a short form one unit contains as that unit, and says which', async () => {
    const args = ['ledger', ledger('luojiang-2025-faulty.xlsx'), '--plan', 'luojiang', '--as-of', '2025-06-30', '--format', 'json'];
    const short = await runJson([...args, '--unit', '民政局']);
    // The same rows as --unit 区民政局 (test/cli/ledger.test.ts: 序号 18, 21, 43, 61).
    expect(rowsOf(short.report)).toEqual([22, 25, 46, 64]);
    expect(short.report.findings[0]).toMatchObject({ code: 'ledger-unit-filter', severity: 'info', messageId: 'ledger.unit-short', args: { unit: '民政局', canonical: '区民政局' } });
    const full = await runJson([...args, '--unit', '区民政局']);
    expect(full.report.findings.some((f: { code: string }) => f.code === 'ledger-unit-filter')).toBe(false);
  });

  it('refuses a short form several units contain, listing them', async () => {
    // 委 is in 区委政法委, 区委文明办, 团区委 and 区委编办 of plans/luojiang.yaml.
    const r = await run(['ledger', ledger('luojiang-2022.xlsx'), '--plan', 'luojiang', '--unit', '委']);
    expect(r.code).toBe(2);
    const listed = /可指多个责任单位：(.*)；请写全称/.exec(r.stderr)?.[1].split('、');
    expect(new Set(listed)).toEqual(new Set(['区委政法委', '区委文明办', '团区委', '区委编办']));
  });

  it('says when the plan names the unit but no ledger row does', async () => {
    // Two rows, both 区民政局; plans/luojiang.yaml gives 区台港澳办 tasks 54 and 55.
    const dir = tmpDir('cscheck-ledger-unit-');
    const file = writeFile(
      dir,
      'two-rows.csv',
      csv([
        ['序号', '工作任务', '具体项目', '主要内容', '责任单位', '完成时限'],
        [1, '一、完善城乡社区服务格局', '（一）加强党建引领城乡社区服务体系建设', '1．全面推行近邻党建工作。', '区民政局', '持续实施'],
        [2, '一、完善城乡社区服务格局', '（一）加强党建引领城乡社区服务体系建设', '2．促进党建与城乡社区服务深度融合。', '区民政局', '持续实施'],
      ]),
    );
    const r = await runJson(['ledger', file, '--plan', 'luojiang', '--unit', '区台港澳办', '--format', 'json']);
    expect(r.code).toBe(1); // its two tasks are missing from the ledger
    const found = r.report.findings.map((f: { code: string; messageId: string; ruleId?: string; args: Record<string, unknown> }) => [f.code, f.ruleId ?? f.args.tasks]);
    expect(found).toEqual([
      ['ledger-unit-filter', 2],
      ['ledger-task-missing', '54'],
      ['ledger-task-missing', '55'],
    ]);
  });
});
