// Task ledgers (data contract §2) on the 洛江区 ledger of seed 002 as it arrives (fixtures/ledger/,
// whose README lists the layout and the faults of the submitted copy, written by hand).
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/schema/finding.js';
import { loadPlan } from '../../src/schema/load-plan.js';
import type { Ledger } from '../../src/io/ledger-reader.js';
import { parseDeadline, parseUnits, readLedger } from '../../src/io/ledger-reader.js';
import { checkLedger } from '../../src/rules/ledger/index.js';
import { message } from '../../src/schema/messages.js';

const fixture = (name: string) => resolve(__dirname, '../../fixtures/ledger', name);
const byNo = (l: Ledger, no: number) => l.rows.find((r) => r.no === String(no))!;
const summary = (fs: Finding[]) => fs.map((f) => `${f.code} ${f.location.cell ?? f.location.planPath}`).sort();

describe('reading cells', () => {
  it('reads 持续实施, years and dates as deadlines', () => {
    expect(parseDeadline('持续实施')).toEqual({ kind: 'ongoing' });
    expect(parseDeadline(2025)).toEqual({ kind: 'date', date: '2025-12-31', year: 2025 });
    expect(parseDeadline('2025年')).toEqual({ kind: 'date', date: '2025-12-31', year: 2025 });
    expect(parseDeadline('2025年底')).toEqual({ kind: 'date', date: '2025-12-31', year: 2025 });
    expect(parseDeadline('2022年12月底前')).toEqual({ kind: 'date', date: '2022-12-31', year: 2022 });
    expect(parseDeadline('2025-06-30')).toEqual({ kind: 'date', date: '2025-06-30', year: 2025 });
    expect(parseDeadline('')).toEqual({ kind: 'blank' });
    expect(parseDeadline('尽快')).toEqual({ kind: 'invalid' });
    expect(parseDeadline('2025-02-30')).toEqual({ kind: 'invalid' }); // no such day
  });

  it('splits a unit cell on new lines, 、，, ； and spaces, and keeps a sentence out as a note', () => {
    expect(parseUnits('区民政局\n以下均需各乡镇（街道）落实，不再列出。')).toEqual({ units: ['区民政局'], notes: ['以下均需各乡镇（街道）落实，不再列出。'], slips: [] });
    expect(parseUnits('区民政局、区妇联；团区委, 区残联 区委文明办').units).toEqual(['区民政局', '区妇联', '团区委', '区残联', '区委文明办']);
    // A 、 inside brackets belongs to the name (quanzhou's 各县（市、区）人民政府).
    expect(parseUnits('市民政局、各县（市、区）人民政府').units).toEqual(['市民政局', '各县（市、区）人民政府']);
    expect(parseUnits('各县(市、区)人民政府，区民政局（牵头）').units).toEqual(['各县(市、区)人民政府', '区民政局']);
    expect(parseUnits('区民政局、、区妇联').slips).toEqual(['区民政局、、区妇联']);
    expect(parseUnits('区民政局、').slips).toEqual(['区民政局、']);
  });
});

describe('the 2022 ledger as it arrives', () => {
  let xlsx: Ledger;
  let csv: Ledger;
  beforeAll(async () => {
    xlsx = await readLedger(fixture('luojiang-2022.xlsx'));
    csv = await readLedger(fixture('luojiang-2022.csv'));
  });

  it('finds the header under the title rows and reads all 72 rows', () => {
    expect(xlsx.headerRow).toBe(3);
    expect(xlsx.rows.map((r) => r.no)).toEqual(Array.from({ length: 72 }, (_, i) => String(i + 1)));
    expect(csv.rows).toHaveLength(72);
  });

  it('gives merged (XLSX) and blank (CSV) 工作任务/具体项目 cells the value above', () => {
    for (const l of [xlsx, csv]) {
      expect(byNo(l, 2).section).toBe('一、完善城乡社区服务格局');
      expect(byNo(l, 2).project).toBe('（一）加强党建引领城乡社区服务体系建设');
      expect(byNo(l, 6).project).toBe('（二）增强基层群众性自治组织治理能力');
      expect(byNo(l, 72).section).toBe('五、加强社区服务人才队伍建设');
      expect(byNo(l, 72).project).toBe('（三）加强社区服务教育培训');
    }
    expect(csv.rows.map((r) => [r.section, r.project, r.units, r.deadline])).toEqual(xlsx.rows.map((r) => [r.section, r.project, r.units, r.deadline]));
  });

  it('reads multi-line unit cells, the note in row 1, and the blank deadlines', () => {
    expect(byNo(xlsx, 3).units).toEqual(['区行政服务中心', '区民政局', '区教育局', '区商务局', '区文体旅游局', '区卫健局', '区住建局']);
    expect(byNo(xlsx, 1).units).toEqual(['区民政局']);
    expect(byNo(xlsx, 1).notes).toEqual(['以下均需各乡镇（街道）落实，不再列出。']);
    expect(xlsx.rows.filter((r) => r.deadline.kind === 'blank').map((r) => r.no)).toEqual(['9', '28', '34', '40', '72']);
    expect(byNo(xlsx, 21).deadline).toEqual({ kind: 'date', date: '2024-12-31', year: 2024 });
  });

  it('without a plan: the document’s own defects (blank deadlines, the note, 力争力争)', () => {
    const found = summary(checkLedger(xlsx));
    expect(found).toEqual(
      [
        'ledger-no-deadline F12', 'ledger-no-deadline F31', 'ledger-no-deadline F37', 'ledger-no-deadline F43', 'ledger-no-deadline F75',
        'ledger-unit-note E4', // 序号1 at Excel row 4
        'ledger-doubled-wording D47', // 序号44
      ].sort(),
    );
  });

  it('against the city plan it implements: the rows that water quanzhou down', () => {
    const found = checkLedger(xlsx, { plan: loadPlan('quanzhou') }).filter((f) => f.code === 'ledger-weakened-target');
    const at = (no: number) => found.filter((f) => f.args.no === String(no)).map((f) => f.messageId);
    expect(at(44)).toContain('ledger.weakened-scope'); // 城市较大社区 for 城市社区 (三（三）3)
    expect(at(65)).toContain('ledger.weakened-strive'); // 力争 added to 一半以上…妇女微家 (三（五）2)
    expect(at(10)).toContain('ledger.weakened-villages'); // 社区都有社会工作者 for 村（社区）都有 (三（一）3)
    expect(at(31)).toContain('ledger.weakened-villages'); // 每个社区 for 每个村（社区） (三（二）4)
  });

  it('against the city plan: the sentences of quanzhou’s paragraphs no row carries', () => {
    const missing = checkLedger(xlsx, { plan: loadPlan('quanzhou') }).filter((f) => f.code === 'ledger-sentence-missing');
    // Read from seed 000 against seed 002 by hand (the same five `plans lint` reports).
    expect(missing.map((f) => [f.args.section, f.args.sentence])).toEqual([
      ['三（一）1', '加强城乡社区党风廉政建设，推动全面从严治党向城乡社区延伸'],
      ['三（二）3', '加强脱贫攻坚巩固村、易地扶贫搬迁集中安置社区公共服务配置'],
      ['三（三）2', '参照省级农村公共基础设施管护目录，编制管护责任清单，明确管护对象，落实管护主体，实行滚动式管理模式'],
      ['三（三）3', '以县（市、区）为单位，支持利用互联网、物联网、区块链等现代信息技术，深入组织开展智慧社区、现代社区服务体系试点建设'],
      ['三（五）3', '实施高素质农民培训和农村实用技术远程培训工程，加强劳动就业服务能力建设'],
    ]);
  });
});

describe('submitted ledgers, as of 2025-06-30, against the luojiang plan', () => {
  const plan = loadPlan('luojiang');
  let clean: Ledger;
  let faulty: Ledger;
  beforeAll(async () => {
    clean = await readLedger(fixture('luojiang-2025-clean.xlsx'));
    faulty = await readLedger(fixture('luojiang-2025-faulty.xlsx'));
  });

  it('finds no fault in the clean one; the slip it copies from the plan (序号44 力争力争) is info for the submitter', () => {
    const found = checkLedger(clean, { plan, asOf: '2025-06-30' });
    // fixtures/ledger/README.md: 序号44 at Excel row 44 + 4 = 48; seed 002 序号44 reads “…效率，力争力争2025年城市较大社区…”.
    expect(summary(found)).toEqual(['ledger-doubled-wording-inherited D48']);
    const [slip] = found;
    expect(slip).toMatchObject({ severity: 'info', location: { sheet: '任务清单', row: 48, column: '主要内容' }, args: { no: '44', run: '力争力争', section: '序号44' } });
    expect(message(slip.messageId, slip.args)).toBe('序号 44：“力争力争”中的词语重复；计划原文（序号44）也这样写，台账中可以改正');
    expect(message(slip.messageId, slip.args, 'en')).toBe('序号 44: doubled word in “力争力争”; the plan (序号44) writes it so too, and the ledger can correct it');
  });

  it('the same slip against a plan that does not have it (quanzhou) stays a warning', () => {
    const found = checkLedger(clean, { plan: loadPlan('quanzhou') }).filter((f) => f.code.startsWith('ledger-doubled'));
    expect(summary(found)).toEqual(['ledger-doubled-wording D48']);
    expect(found[0].severity).toBe('warning');
  });

  it('finds each fault of the faulty one, and nothing else', () => {
    // fixtures/ledger/README.md: Excel row = 序号 + 4 up to 35, 序号 + 3 from 37.
    expect(summary(checkLedger(faulty, { plan, asOf: '2025-06-30' }))).toEqual(
      [
        'ledger-numbering A40', // (a) 序号 35 → 37
        'ledger-task-missing tasks.35', // (a) task 36 dropped
        'ledger-no-unit E55', // (b) 序号52
        'ledger-deadline-later F45', // (c) 序号42: 2026 for 2025
        'ledger-status-inconsistent H68', // (d) 序号65: 已完成 at 60%
        'ledger-overdue G25', // (e) 序号21: 2024, 推进中
        'ledger-unit-unknown E22', // (f) 序号18: 区卫生健康局
        'ledger-weakened-target D40', // (g) 序号37: 覆盖率90% for 100%
        'ledger-doubled-wording D46', // (h) 序号43: 推进推进
        'ledger-status-inconsistent G64', // (i) 序号61: 100 with 推进中
        'ledger-doubled-wording-inherited D47', // not a fault: 序号44's 力争力争 is the plan's own (序号 + 3 = row 47)
      ].sort(),
    );
  });

  it('explains a missing task by how much of it was found', () => {
    const f = checkLedger(faulty, { plan, asOf: '2025-06-30' }).find((x) => x.code === 'ledger-task-missing')!;
    expect(f.ruleId).toBe('36');
    expect(f.args.covered).toBe(0);
  });

  it('without --as-of, no row is overdue', () => {
    expect(checkLedger(faulty, { plan }).some((f) => f.code === 'ledger-overdue')).toBe(false);
  });

  it('--unit 区民政局 keeps the rows that name it', () => {
    // Rows naming 区民政局 among the faults: 序号18, 21, 43, 61 (序号52 lost its units).
    expect(summary(checkLedger(faulty, { plan, asOf: '2025-06-30', unit: '区民政局' }))).toEqual(
      ['ledger-unit-unknown E22', 'ledger-overdue G25', 'ledger-doubled-wording D46', 'ledger-status-inconsistent G64'].sort(),
    );
  });
});

describe('structure', () => {
  it('skips an empty row and a header repeated at a page break, reporting the empty row', async () => {
    const { writeText } = await import('../io/support.js');
    const file = writeText(
      'ledger.csv',
      [
        '序号,工作任务,具体项目,主要内容,责任单位,完成时限',
        '1,一、完善城乡社区服务格局,（一）加强党建引领,1.强化乡镇（街道）党（工）委责任。,区民政局,持续实施',
        ',,,,,',
        '序号,工作任务,具体项目,主要内容,责任单位,完成时限',
        '2,,,2.持续推行村（社区）党组织书记“一肩挑”。,区民政局,2025',
        ',,,,,',
      ].join('\n'),
    );
    const l = await readLedger(file);
    expect(l.rows.map((r) => [r.no, r.section])).toEqual([
      ['1', '一、完善城乡社区服务格局'],
      ['2', '一、完善城乡社区服务格局'],
    ]);
    expect(l.emptyRows).toEqual([3]); // row 6 ends the table: not a gap
    expect(l.repeatedHeaders).toEqual([4]);
    expect(summary(checkLedger(l))).toEqual(['ledger-empty-row undefined']);
  });
});

describe('ledgers shaped otherwise', () => {
  it('takes heading rows as sections and projects, and unit roles in brackets off the names', async () => {
    const { writeText } = await import('../io/support.js');
    const file = writeText(
      'headings.csv',
      [
        '序号,主要内容,责任单位,完成时限',
        '一、完善城乡社区服务格局,,,',
        '（一）加强党建引领,,,',
        '1,强化乡镇（街道）党（工）委责任。,区民政局（牵头）、区委组织部（配合）,2023年6月底前',
        '（二）增强基层群众性自治组织治理能力,,,',
        '2,实现城乡社区民主议事厅全覆盖。,区民政局,2025年12月31日',
      ].join('\n'),
    );
    const l = await readLedger(file);
    expect(l.rows.map((r) => [r.no, r.section, r.project, r.units, r.deadline])).toEqual([
      ['1', '一、完善城乡社区服务格局', '（一）加强党建引领', ['区民政局', '区委组织部'], { kind: 'date', date: '2023-06-30', year: 2023 }],
      ['2', '一、完善城乡社区服务格局', '（二）增强基层群众性自治组织治理能力', ['区民政局'], { kind: 'date', date: '2025-12-31', year: 2025 }],
    ]);
    // The headings stand in for the 工作任务 and 具体项目 columns: nothing is missing.
    expect(checkLedger(l)).toEqual([]);
  });
});

describe('a ledger without 序号', () => {
  it('names rows by their row in the file', async () => {
    const { writeText } = await import('../io/support.js');
    const { message } = await import('../../src/schema/messages.js');
    const l = await readLedger(writeText('nono.csv', '主要内容,责任单位,完成时限\n强化乡镇（街道）党（工）委责任。,,2025\n'));
    const f = checkLedger(l).find((x) => x.code === 'ledger-no-unit')!;
    expect(message(f.messageId, f.args, 'zh')).toBe('第 2 行：未填责任单位');
    expect(message(f.messageId, f.args, 'en')).toBe('row 2: no responsible unit');
  });
});
