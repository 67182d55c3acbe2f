#!/usr/bin/env node
// Seeded, reproducible generator of a community survey (data contract §1.1) for the benchmarks.
//
//   node bench/generate.mjs --rows N [--format csv|xlsx] [--seed S] [--out FILE] [--bom]
//                           [--townships T] [--interleave]
//
// One row per community, every community column of the contract, canonical Chinese headers in
// contract order. The same --rows and --seed always give the same bytes. Output is streamed (CSV via
// an fs write stream with backpressure, XLSX via exceljs' streaming WorkbookWriter), so a
// 1,000,000-row file is written with flat memory.

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs as nodeParseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

/** Bump when the output for a given (rows, seed) changes, so bench/run.mjs regenerates cached files. */
export const GENERATOR_VERSION = 1;

// Community columns of docs/data-contract.md §1.1 (= COMMUNITY_FIELDS in src/schema/contract.ts),
// in contract order, with the canonical header as the contract table writes it (unit suffixes
// included, as a real export carries them; the reader drops a trailing bracketed unit).
export const COLUMNS = [
  ['county', '县（市、区）'],
  ['township', '乡镇（街道）'],
  ['community', '村（社区）名称'],
  ['code', '统计用区划代码'],
  ['kind', '城乡类型'],
  ['households', '户数'],
  ['population', '常住人口'],
  ['urban_population', '城镇常住人口'],
  ['has_service_facility', '是否建有综合服务设施'],
  ['facility_area', '综合服务设施建筑面积（平方米）'],
  ['activity_area', '居民活动区域面积（平方米）'],
  ['total_building_area', '社区总建筑面积（平方米）'],
  ['commercial_service_area', '社区商业和综合服务设施面积（平方米）'],
  ['has_self_service', '政务通用自助服务设备'],
  ['community_workers', '社区工作者人数'],
  ['registered_volunteers', '注册志愿者人数'],
  ['volunteers_with_hours', '有服务时间记录的志愿者人数'],
  ['has_volunteer_station', '志愿服务站点'],
  ['has_parent_school', '家长学校或家庭教育指导服务站点'],
  ['has_micro_fire_station', '微型消防站（点）'],
  ['disaster_info_officers', '灾害信息员人数'],
  ['legal_literates', '“法律明白人”人数'],
  ['has_legal_adviser', '法律顾问'],
  ['has_legal_service_room', '公共法律服务工作室'],
  ['has_rule_of_law_venue', '法治文化阵地'],
  ['women_homes', '“妇女微家”数'],
  ['has_police_office', '警务室'],
  ['grids', '网格数'],
  ['grid_workers', '专（兼）职网格员人数'],
  ['daily_open_hours', '每日开放服务时长（小时）'],
  ['has_deliberation_hall', '民主议事厅'],
  ['has_public_health_committee', '公共卫生委员会'],
  ['has_women_children_committee', '妇女和儿童工作委员会'],
  ['has_social_worker_service', '有社会工作者提供服务'],
  ['social_work_professionals', '社会工作专业人才人数'],
  ['certified_social_workers', '持证社会工作者人数'],
  ['childcare_places', '3岁以下婴幼儿托位数'],
  ['has_cultural_center', '综合性文化服务中心'],
  ['has_disabled_association', '残疾人协会'],
  ['has_satisfaction_survey', '开展群众满意度评估'],
  ['has_mediation_room', '近邻评理室'],
];
export const HEADERS = COLUMNS.map((c) => c[1]);
const COL = Object.fromEntries(COLUMNS.map(([id], i) => [id, i]));

// Urban yes-rate of each boolean column; rural rows use max(0.60, rate - 0.08).
const YES_RATES = {
  has_self_service: 0.72,
  has_volunteer_station: 0.93,
  has_parent_school: 0.86,
  has_micro_fire_station: 0.82,
  has_legal_adviser: 0.95,
  has_legal_service_room: 0.76,
  has_rule_of_law_venue: 0.84,
  has_police_office: 0.7,
  has_deliberation_hall: 0.88,
  has_public_health_committee: 0.9,
  has_women_children_committee: 0.87,
  has_social_worker_service: 0.74,
  has_cultural_center: 0.93,
  has_disabled_association: 0.8,
  has_satisfaction_survey: 0.73,
  has_mediation_room: 0.62,
};
const BOOL_COLS = Object.keys(YES_RATES).map((id) => [COL[id], YES_RATES[id], Math.max(0.6, YES_RATES[id] - 0.08)]);

// Columns that may be blank in the ~3% of rows with gaps: everything but the row's name and kind.
const BLANKABLE = COLUMNS.map((_, i) => i).filter(
  (i) => ![COL.county, COL.township, COL.community, COL.kind].includes(i),
);

export const COUNTIES = 100;
export const TOWNSHIPS_PER_COUNTY = 10;

/** mulberry32: a tiny, fast, seeded 32-bit PRNG returning floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Characters that read plausibly in Chinese place names.
const NAME_CHARS = Array.from(
  '东南西北安平和兴华新城山水河江湖溪桥林石岭泉阳明清丰永福宁德龙凤金玉长青云峰田园坑洋塘头尾浦港湾岩坂' +
    '美荣盛昌隆茂春秋古仙霞洪梅竹莲桂兰秀文武英贤仁义礼信忠孝善光辉祥瑞吉利广顺通达',
);

function pad(n, width) {
  return String(n).padStart(width, '0');
}

/**
 * The row source: a stateful generator yielding one array of cell values per community (string,
 * number, or null for an empty cell). Deterministic for (rows, seed). `townships` spreads the rows
 * over only the first N townships (the first county's, for N ≤ 10) — a township's or a county's own
 * file, as the batch benchmark's tree holds them; by default all 1,000. Past 1,000, counties of ten
 * townships are added (a national file). `interleave` deals row i to township i mod N instead of
 * grouping each township's rows: the order that costs a township lookup the most.
 */
export function* surveyRows(rows, seed = 42, { townships: only, interleave = false } = {}) {
  const rnd = mulberry32(seed);
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
  const P = NAME_CHARS.length;

  // Distinct two-character names for counties and townships.
  const used = new Set();
  const uniqueName = () => {
    for (;;) {
      const n = pick(NAME_CHARS) + pick(NAME_CHARS);
      if (!used.has(n)) {
        used.add(n);
        return n;
      }
    }
  };
  // Past the two-character names the pool holds, a name takes a number (东安2).
  let numbered = 0;
  const extraName = () => (used.size < (P * P) / 2 ? uniqueName() : pick(NAME_CHARS) + pick(NAME_CHARS) + String(++numbered));
  const countySuffix = ['县', '区', '市'];
  const counties = [];
  const countyCount = Math.max(COUNTIES, Math.ceil((only ?? 0) / TOWNSHIPS_PER_COUNTY));
  for (let c = 0; c < COUNTIES; c++) counties.push(uniqueName() + countySuffix[rnd() < 0.5 ? 0 : rnd() < 0.6 ? 1 : 2]);
  // Township types: 街道 (mostly urban communities), 镇 (mixed), 乡 (rural).
  const townships = [];
  for (let c = 0; c < COUNTIES; c++) {
    for (let k = 0; k < TOWNSHIPS_PER_COUNTY; k++) {
      const r = rnd();
      const type = r < 0.3 ? '街道' : r < 0.8 ? '镇' : '乡';
      const urbanShare = type === '街道' ? 0.9 : type === '镇' ? 0.25 : 0.03;
      const codeNo = type === '街道' ? 1 + k : 100 + k;
      townships.push({
        county: counties[c],
        name: uniqueName() + type,
        urbanShare,
        codePrefix: '35' + pad(1 + Math.floor(c / 10), 2) + pad(1 + (c % 10), 2) + pad(codeNo, 3),
        nameOffset: int(0, P * P - 1),
      });
    }
  }
  // Generated after the first 1,000 so that the default file stays byte for byte what it was.
  for (let c = COUNTIES; c < countyCount; c++) counties.push(extraName() + countySuffix[rnd() < 0.5 ? 0 : rnd() < 0.6 ? 1 : 2]);
  for (let c = COUNTIES; c < countyCount; c++) {
    for (let k = 0; k < TOWNSHIPS_PER_COUNTY; k++) {
      const r = rnd();
      const type = r < 0.3 ? '街道' : r < 0.8 ? '镇' : '乡';
      townships.push({
        county: counties[c],
        name: extraName() + type,
        urbanShare: type === '街道' ? 0.9 : type === '镇' ? 0.25 : 0.03,
        codePrefix: '35' + pad(1 + (Math.floor(c / 10) % 99), 2) + pad(1 + (c % 10), 2) + pad(type === '街道' ? 1 + k : 100 + k, 3),
        nameOffset: int(0, P * P - 1),
      });
    }
  }

  const T = Math.max(1, Math.min(only ?? townships.length, townships.length, rows));
  // Grouped: township t's rows in one run; interleaved: one row of each township in turn.
  const place = interleave
    ? function* () {
        for (let i = 0; i < rows; i++) yield [i % T, Math.floor(i / T)];
      }
    : function* () {
        for (let t = 0; t < T; t++) {
          const count = Math.floor(((t + 1) * rows) / T) - Math.floor((t * rows) / T);
          for (let j = 0; j < count; j++) yield [t, j];
        }
      };
  {
    for (const [t, j] of place()) {
      const tw = townships[t];
      const row = new Array(COLUMNS.length);
      const urban = rnd() < tw.urbanShare;
      const n = (tw.nameOffset + j * 7919) % (P * P); // 7919 is prime and coprime to P*P: distinct names
      const stem = NAME_CHARS[Math.floor(n / P)] + NAME_CHARS[n % P] + (j >= P * P ? String(1 + Math.floor(j / (P * P))) : '');

      const households = Math.round(200 + 2800 * Math.pow(rnd(), urban ? 0.8 : 1.6));
      const population = Math.round(households * (2.8 + (rnd() - 0.5) * 0.6));
      const hasFacility = rnd() < (urban ? 0.97 : 0.88);
      let facility = 0;
      let activity = 0;
      if (hasFacility) {
        facility = Math.round((200 + 1800 * Math.pow(rnd(), urban ? 0.9 : 1.5)) * 10) / 10;
        activity = rnd() < 0.01
          ? Math.round(facility * (1.05 + rnd() * 0.45) * 10) / 10 // ~1% break “activity ≤ facility”
          : Math.round(facility * (0.3 + rnd() * 0.6) * 10) / 10;
      }
      const total = Math.round(households * (urban ? 85 + rnd() * 40 : 110 + rnd() * 60));
      const registered = Math.round(population * (0.08 + rnd() * 0.12));
      const grids = Math.max(1, Math.ceil(households / int(200, 400)));
      const professionals = int(0, urban ? 6 : 3);

      row[COL.county] = tw.county;
      row[COL.township] = tw.name;
      row[COL.community] = stem + (urban ? '社区' : '村');
      row[COL.code] = tw.codePrefix + pad(j % 1000, 3);
      row[COL.kind] = urban ? '城市' : '农村';
      row[COL.households] = households;
      row[COL.population] = population;
      row[COL.urban_population] = urban ? population : Math.round(population * rnd() * 0.3);
      row[COL.has_service_facility] = hasFacility ? '是' : '否';
      row[COL.facility_area] = facility;
      row[COL.activity_area] = activity;
      row[COL.total_building_area] = total;
      row[COL.commercial_service_area] = Math.round(total * (0.04 + rnd() * 0.1));
      row[COL.community_workers] = Math.max(3, Math.round(households / int(150, 350)));
      row[COL.registered_volunteers] = registered;
      row[COL.volunteers_with_hours] = Math.round(registered * (0.5 + rnd() * 0.45));
      row[COL.disaster_info_officers] = int(1, 3);
      row[COL.legal_literates] = int(3, 15);
      row[COL.women_homes] = int(0, 3);
      row[COL.grids] = grids;
      row[COL.grid_workers] = grids * int(1, 2);
      row[COL.daily_open_hours] = int(12, 24) / 2; // 6–12 h in half hours
      row[COL.social_work_professionals] = professionals;
      row[COL.certified_social_workers] = int(0, professionals);
      row[COL.childcare_places] = rnd() < 0.4 ? 0 : int(5, 60);
      for (const [c, urbanRate, ruralRate] of BOOL_COLS) row[c] = rnd() < (urban ? urbanRate : ruralRate) ? '是' : '否';

      if (rnd() < 0.03) {
        const gaps = int(1, 3);
        for (let g = 0; g < gaps; g++) row[pick(BLANKABLE)] = null;
      }
      yield row;
    }
  }
}

function csvCell(v) {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? v : String(v);
  return /[",\r\n]/.test(s) ? '"' + s.replaceAll('"', '""') + '"' : s;
}

async function writeCsv(file, rows, seed, bom, shape) {
  const out = fs.createWriteStream(file);
  const done = new Promise((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  const write = (chunk) => (out.write(chunk) ? null : new Promise((r) => out.once('drain', r)));
  let w = write((bom ? '\uFEFF' : '') + HEADERS.map(csvCell).join(',') + '\n');
  if (w) await w;
  let buf = '';
  let n = 0;
  for (const row of surveyRows(rows, seed, shape)) {
    // Only names can need quoting, and generated names never do; numbers and 是/否 are plain.
    buf += row.map(csvCell).join(',') + '\n';
    if (++n % 2000 === 0) {
      w = write(buf);
      buf = '';
      if (w) await w;
    }
  }
  if (buf) write(buf);
  out.end();
  await done;
  return n;
}

async function writeXlsx(file, rows, seed, sharedStrings = false, shape = {}) {
  let ExcelJS;
  try {
    ExcelJS = (await import('exceljs')).default;
  } catch (e) {
    throw new Error(`exceljs is not installed (run npm install in the repository): ${e.message}`, { cause: e });
  }
  // Excel itself writes text as shared strings; --shared-strings makes a file shaped like that.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: sharedStrings, useStyles: false });
  const ws = wb.addWorksheet('社区服务体系调查表');
  ws.addRow(HEADERS).commit();
  // exceljs' sheet stream (a StreamBuf) ignores backpressure: it writes every committed row into the
  // zip entry's PassThrough, whose write buffer then grows with the file. So every 1,000 rows wait
  // until that buffer is below 4 MiB (internal fields, read defensively: without them, just yield).
  const buffered = () => ws.stream?.pipes?.[0]?._writableState?.length ?? 0;
  let n = 0;
  for (const row of surveyRows(rows, seed, shape)) {
    // exceljs writes an empty cell for null; the 12-digit code stays a string (text cell).
    ws.addRow(row).commit();
    if (++n % 1000 === 0) {
      await new Promise((r) => setImmediate(r));
      while (buffered() > 4 * 1048576) await new Promise((r) => setTimeout(r, 2));
    }
  }
  ws.commit();
  await wb.commit();
  return n;
}

function parseArgs(argv) {
  const { values } = nodeParseArgs({
    args: argv,
    options: {
      rows: { type: 'string', default: '1000' }, format: { type: 'string' }, seed: { type: 'string', default: '42' }, out: { type: 'string' },
      bom: { type: 'boolean', default: false }, 'shared-strings': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' },
      townships: { type: 'string' }, interleave: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log('usage: node bench/generate.mjs --rows N [--format csv|xlsx] [--seed S] [--out FILE] [--bom] [--shared-strings] [--townships T] [--interleave]');
    process.exit(0);
  }
  const opts = { rows: Number(values.rows), format: values.format ?? null, seed: Number(values.seed), out: values.out ?? null, bom: values.bom, sharedStrings: values['shared-strings'] };
  opts.shape = { townships: values.townships === undefined ? undefined : Number(values.townships), interleave: values.interleave };
  if (!Number.isInteger(opts.rows) || opts.rows < 1) throw new Error('--rows must be a positive integer');
  if (opts.shape.townships !== undefined && !(Number.isInteger(opts.shape.townships) && opts.shape.townships >= 1)) throw new Error('--townships must be a positive integer');
  if (!Number.isInteger(opts.seed)) throw new Error('--seed must be an integer');
  if (!opts.format) opts.format = opts.out && opts.out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
  if (!['csv', 'xlsx'].includes(opts.format)) throw new Error('--format must be csv or xlsx');
  if (opts.format === 'xlsx' && opts.rows > 1048575) throw new Error('an XLSX sheet holds at most 1,048,575 data rows');
  if (!opts.out) {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const shape = `${opts.shape.townships ? `-t${opts.shape.townships}` : ''}${opts.shape.interleave ? '-interleaved' : ''}`;
    opts.out = path.join(here, 'data', `survey-${opts.rows}${shape}${opts.seed === 42 ? '' : `-s${opts.seed}`}.${opts.format}`);
  }
  return opts;
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`generate: ${e.message}`);
    process.exit(2);
  }
  fs.mkdirSync(path.dirname(path.resolve(opts.out)), { recursive: true });
  const t0 = process.hrtime.bigint();
  const n = opts.format === 'xlsx'
    ? await writeXlsx(opts.out, opts.rows, opts.seed, opts.sharedStrings, opts.shape)
    : await writeCsv(opts.out, opts.rows, opts.seed, opts.bom, opts.shape);
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const bytes = fs.statSync(opts.out).size;
  console.log(
    `${opts.out}: ${n} rows, ${bytes} bytes (${(bytes / 1048576).toFixed(1)} MiB), ${secs.toFixed(2)} s, seed ${opts.seed}`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`generate: ${e.stack || e.message}`);
    process.exit(1);
  });
}
