// Every size cscheck accepts has a bound, so a broken or hostile file ends in bounded time and memory
// with one clear line instead of a hang, an abort or a stack trace. Each bound can be raised (or
// lowered) with its environment variable, which worker threads inherit; the README's "Limits" section
// lists them all, and a test holds that list against this table.

export interface LimitSpec {
  /** The default. */
  value: number;
  unit: 'bytes' | 'characters' | 'rows' | 'columns' | 'ranges' | 'strings' | 'entries' | 'levels' | 'files' | 'ratio' | 'units';
  zh: string;
  en: string;
}

const MiB = 1024 * 1024;

export const LIMIT_SPECS = {
  // — CSV —
  csvFieldChars: { value: 1 * MiB, unit: 'characters', zh: 'CSV 单个字段长度', en: 'length of one CSV field' },
  csvRecordChars: { value: 4 * MiB, unit: 'characters', zh: 'CSV 单条记录长度', en: 'length of one CSV record' },

  // — standard input, pipes and devices (copied to a temporary file before reading) —
  spoolBytes: { value: 4096 * MiB, unit: 'bytes', zh: '从标准输入、管道或设备读入的数据大小', en: 'size of what is read from standard input, a pipe or a device' },

  // — every table —
  columns: { value: 16_384, unit: 'columns', zh: '表格列数', en: 'columns in a table' },
  rows: { value: 50_000_000, unit: 'rows', zh: '一个表格的行数', en: 'rows in one table' },

  // — XLSX packages —
  xlsxEntries: { value: 10_000, unit: 'entries', zh: '.xlsx 压缩包中的文件数', en: 'files inside one .xlsx package' },
  xlsxPartBytes: { value: 2048 * MiB, unit: 'bytes', zh: '.xlsx 中单个部件解压后的大小', en: 'decompressed size of one part of an .xlsx' },
  xlsxRatio: { value: 100, unit: 'ratio', zh: '.xlsx 部件的压缩比', en: 'compression ratio of an .xlsx part' },
  sharedStringsBytes: { value: 256 * MiB, unit: 'bytes', zh: '共享字符串表（sharedStrings.xml）解压后的大小', en: 'decompressed size of the shared-strings table (sharedStrings.xml)' },
  sharedStrings: { value: 4_000_000, unit: 'strings', zh: '共享字符串表的条目数', en: 'entries in the shared-strings table' },
  mergedRanges: { value: 100_000, unit: 'ranges', zh: '一个工作表的合并单元格区域数', en: 'merged ranges in one sheet' },
  cellChars: { value: 1 * MiB, unit: 'characters', zh: '单元格文本长度', en: 'length of one cell’s text' },

  // — workbooks read whole (.xls, .ods, HTML and XML 2003 tables) —
  wholeFileBytes: { value: 16 * MiB, unit: 'bytes', zh: '需整体读入的工作簿（.xls、.ods 等）大小', en: 'size of a workbook read whole (.xls, .ods, …)' },
  wholeFileInflatedBytes: { value: 128 * MiB, unit: 'bytes', zh: '需整体读入的压缩工作簿（.ods）解压后的大小', en: 'decompressed size of a zipped workbook read whole (.ods)' },
  htmlSpans: { value: 2_000, unit: 'ranges', zh: 'HTML 表格中合并的单元格（rowspan、colspan）个数', en: 'merged cells (rowspan, colspan) in an HTML table' },

  // — plans —
  planBytes: { value: 1 * MiB, unit: 'bytes', zh: '计划文件大小', en: 'size of a plan file' },
  expressionChars: { value: 4096, unit: 'characters', zh: '计划中单个表达式长度', en: 'length of one plan expression' },
  expressionDepth: { value: 64, unit: 'levels', zh: '表达式嵌套层数', en: 'nesting depth of an expression' },
  planDepth: { value: 64, unit: 'levels', zh: '计划文件（YAML）的嵌套层数', en: 'nesting depth of a plan file (YAML)' },

  // — configuration —
  configBytes: { value: 1 * MiB, unit: 'bytes', zh: '配置文件（cscheck.config.yaml 等）大小', en: 'size of a configuration file (cscheck.config.yaml, …)' },

  // — ledgers —
  unitsPerCell: { value: 1000, unit: 'units', zh: '一个责任单位单元格中的单位数', en: 'units named in one unit cell' },

  // — batch and compare —
  batchFiles: { value: 100_000, unit: 'files', zh: '一次批量检查的文件数', en: 'files in one batch' },
  directoryDepth: { value: 64, unit: 'levels', zh: '批量检查的目录层数', en: 'folder depth a batch descends' },
  reportJsonBytes: { value: 256 * MiB, unit: 'bytes', zh: 'compare 读取的报告文件大小', en: 'size of a report file compare reads' },

  // — what reports print —
  labelChars: { value: 200, unit: 'characters', zh: '报告中名称的显示长度（超出部分以…截断）', en: 'length of a name as reports print it (cut with …)' },
} as const satisfies Record<string, LimitSpec>;

export type LimitName = keyof typeof LIMIT_SPECS;

/** The environment variable that overrides a limit: csvFieldChars → CSCHECK_MAX_CSV_FIELD_CHARS. */
export function limitEnv(name: LimitName): string {
  return 'CSCHECK_MAX_' + name.replace(/[A-Z]/g, (c) => '_' + c).toUpperCase();
}

function resolve(name: LimitName): number {
  const raw = process.env[limitEnv(name)];
  if (raw === undefined || raw === '') return LIMIT_SPECS[name].value;
  const n = Number(raw);
  // A bad override is ignored rather than fatal: the default is the documented behaviour.
  return Number.isSafeInteger(n) && n > 0 ? n : LIMIT_SPECS[name].value;
}

/** The limits in force, read once: hot paths compare against plain numbers. */
export const LIMITS: { readonly [K in LimitName]: number } = Object.fromEntries(
  (Object.keys(LIMIT_SPECS) as LimitName[]).map((name) => [name, resolve(name)]),
) as { [K in LimitName]: number };

const UNIT_WORDS: Record<LimitSpec['unit'], { zh: string; en: string }> = {
  bytes: { zh: '字节', en: 'bytes' },
  characters: { zh: '个字符', en: 'characters' },
  rows: { zh: '行', en: 'rows' },
  columns: { zh: '列', en: 'columns' },
  ranges: { zh: '个区域', en: 'ranges' },
  strings: { zh: '条', en: 'strings' },
  entries: { zh: '个文件', en: 'files' },
  levels: { zh: '层', en: 'levels' },
  files: { zh: '个文件', en: 'files' },
  ratio: { zh: '倍', en: '×' },
  units: { zh: '个单位', en: 'units' },
};

function amount(n: number, unit: LimitSpec['unit']): { zh: string; en: string } {
  const digits = n.toLocaleString('en-US');
  const words = UNIT_WORDS[unit];
  return unit === 'ratio' ? { zh: `${digits} 倍`, en: `${digits}×` } : { zh: `${digits} ${words.zh}`, en: `${digits} ${words.en}` };
}

/** Arguments of the `input.limit` message: which limit, its value, what was found, how to raise it. */
export function limitArgs(name: LimitName, actual?: number): { what: { zh: string; en: string }; max: { zh: string; en: string }; found: { zh: string; en: string }; env: string } {
  const spec = LIMIT_SPECS[name];
  const found = actual === undefined ? { zh: '', en: '' } : { zh: `（此处为 ${amount(actual, spec.unit).zh}）`, en: ` (here ${amount(actual, spec.unit).en})` };
  return { what: { zh: spec.zh, en: spec.en }, max: amount(LIMITS[name], spec.unit), found, env: limitEnv(name) };
}
