// What `--help` says, in Chinese (the default) and English: the command, argument and option
// descriptions, commander's own headings and notes, and each command's examples. Help is printed
// while commander parses, before any option value is known, so the language is read from argv first
// (helpLang) and the program is described in it. Kept apart from the message catalogue
// (schema/messages.ts) so that `cscheck --help` loads only this.

import type { Command, Help, Option } from 'commander';
import type { Lang } from '../schema/messages.js';

interface Text {
  zh: string;
  en: string;
}

const HELP = {
  'program': { zh: '按“十四五”城乡社区服务体系建设规划检查社区调查数据和任务清单台账。', en: 'Check community survey data and task ledgers against China’s 14th Five-Year community-service plans.' },
  'program.version': { zh: '显示版本号', en: 'print the version number' },
  'program.help': { zh: '显示命令帮助', en: 'display help for command' },
  'program.help-command': { zh: '显示某个命令的帮助', en: 'display help for a command' },

  'evaluate': { zh: '按计划检查调查导出表（CSV/XLSX）：指标、逐社区要求、数据错误', en: 'evaluate survey exports (CSV/XLSX) against a plan: indicators, per-community rules, data errors' },
  'evaluate.files': { zh: '调查表（.csv、.tsv、.txt、.xlsx）；多个文件合并检查', en: 'survey files (.csv, .tsv, .txt, .xlsx); several files are evaluated together' },
  'evaluate.values': { zh: '填报值表（指标/数值两列），用于调查表无法计算的指标', en: 'reported values (two columns, indicator and value) for indicators the survey cannot measure' },
  'evaluate.as-of': { zh: '按此日期（YYYY-MM-DD）判断进度：各指标应处于 2020 年基期值与目标值之间的位置，以及已过期限的目标', en: 'judge progress on this date (YYYY-MM-DD): where each indicator should be between its 2020 baseline and its target, and targets past their own due date' },
  'evaluate.annotate': { zh: '另写一份标注工作簿：问题单元格着色并加批注，增加“检查结果”列及“汇总”“按乡镇”“问题清单”工作表', en: 'also write the input back as a workbook: problem cells filled and explained in notes, a result column and summary sheets' },
  'evaluate.jobs': { zh: '大型 CSV 文件使用的线程数', en: 'threads for large CSV files' },
  'evaluate.lang': { zh: '提示信息的语言：zh 或 en', en: 'language of messages: zh or en' },

  'plans': { zh: '内置计划与计划文件：列表、内容、责任矩阵、校验', en: 'the bundled plans and plan files: list, show, responsibility matrix, lint' },
  'plans.list': { zh: '列出内置计划：编号、名称、层级、文件、指标、要求、任务、继承', en: 'list the bundled plans: id, name, level, document, indicators, requirements, tasks, extends' },
  'plans.show': { zh: '输出计划原文；加 --resolved 则输出与所继承计划合并后的内容', en: 'print a plan as written, or with --resolved as merged with the plan it extends' },
  'plans.show.resolved': { zh: '合并通过 extends 继承的指标和要求', en: 'merge in the indicators and requirements inherited through `extends`' },
  'plans.units': { zh: '责任矩阵：各责任单位、文件中的写法及其任务', en: 'the responsibility matrix: each unit, how the document spells it, and its tasks' },
  'plans.lint': { zh: '对照计划原文和上级计划校验计划（默认：全部内置计划）', en: 'check plans against their own text and their parent plans (default: every bundled plan)' },
  'plans.plan': { zh: '内置计划编号或计划 YAML 文件', en: 'a bundled plan id or a plan YAML file' },
  'plans.plans': { zh: '内置计划编号或计划 YAML 文件', en: 'bundled plan ids or plan YAML files' },

  'ledger': { zh: '检查任务清单及工作台账：结构、责任单位、期限，并对照计划检查任务和目标', en: 'check task ledgers: structure, units, deadlines, and against a plan its tasks and targets' },
  'ledger.files': { zh: '台账文件（.xlsx、.csv）', en: 'ledger files (.xlsx, .csv)' },
  'ledger.plan': { zh: '台账落实的计划（如 luojiang，或其上级 quanzhou）', en: 'the plan the ledger implements (e.g. luojiang, or its parent quanzhou)' },
  'ledger.as-of': { zh: '按此日期（YYYY-MM-DD）判断逾期：已过期限且未“已完成”的行', en: 'rows past their deadline on this date (YYYY-MM-DD) and not finished are overdue' },
  'ledger.unit': { zh: '只看该单位负责的行和计划任务', en: 'only the rows and plan tasks this unit answers for' },
  'ledger.sheet': { zh: 'XLSX：台账所在的工作表（默认：第一个工作表）', en: 'XLSX: the sheet holding the ledger (default: the first sheet)' },

  'explain': { zh: '说明一个指标：含义、需要调查表中的哪些数据、各计划的要求', en: 'what an indicator means, what it needs from the survey, and what each plan asks of it' },
  'explain.indicator': { zh: '指标编号，如 activity_area_share', en: 'an indicator id, e.g. activity_area_share' },
  'explain.plan': { zh: '只看这个计划', en: 'only this plan' },

  'template': { zh: '为计划生成空白工作簿：只含所读列的调查表，或预填任务的任务台账', en: 'write a blank workbook for a plan: the survey with exactly the columns it reads, or the task ledger with its tasks prefilled' },
  'template.kind': { zh: 'survey：社区表（及乡镇表、填报值表）；ledger：任务台账（必填）', en: 'survey: the community (and township, reported-values) sheets; ledger: the task ledger (required)' },
  'template.township-sheet': { zh: 'survey：即使计划不读乡镇表的列也加上乡镇表', en: 'survey: add the township sheet even when the plan reads none of its columns' },
  'template.output': { zh: '要写入的 .xlsx 文件（必填；原子写入）', en: 'the .xlsx file to write (required; written atomically)' },
  'template.rows': { zh: 'survey：设置数据验证（下拉、数值检查）的行数', en: 'survey: rows that get validation (dropdowns, number checks)' },
  'template.lang': { zh: '标题、批注和提示信息的语言（表头始终是约定的中文）：zh 或 en', en: 'language of the title, the notes and messages (headers stay the contract’s Chinese): zh or en' },

  'compare': { zh: '比较同一地区的两次数据（调查表或 batch 报告目录）：各指标和乡镇的前后值、新达标/新未达标、增减的社区', en: 'compare two snapshots of one area (survey files, or batch report directories): per indicator and township the value then and now, newly met / missed, communities added and removed' },
  'compare.old': { zh: '较早的一次：调查表（.csv、.xlsx）或 `cscheck batch` 报告目录', en: 'the earlier snapshot: a survey file (.csv, .xlsx) or a `cscheck batch` report directory' },
  'compare.new': { zh: '较晚的一次，与前者同类', en: 'the later snapshot, of the same kind' },
  'compare.plan': { zh: '两者共同对照的计划（调查表必填；batch 目录则核对是否一致）', en: 'the plan both are judged against (required for survey files; checked against batch directories)' },

  'batch': { zh: '用多线程检查目录或通配符下的全部调查表：每个文件一份 JSON 和 HTML 报告（加 --annotate 另有标注工作簿），REPORT_DIR 中有 summary.json/.md/.xlsx 和 index.html', en: 'evaluate every survey file under folders or globs, on worker threads: a JSON report and an HTML page per file (and an annotated workbook with --annotate), summary.json/.md/.xlsx and index.html in REPORT_DIR' },
  'batch.inputs': { zh: '目录（递归查找 .csv、.tsv、.xlsx、.xlsm、.xls）、加引号的通配符或文件', en: 'folders (searched recursively for .csv, .tsv, .xlsx, .xlsm, .xls), quoted globs, or files' },
  'batch.out': { zh: '报告目录（不存在则创建；同名报告会被替换；必填）', en: 'the report directory (created if missing; reports of the same names are replaced; required)' },
  'batch.jobs': { zh: '工作线程数', en: 'worker threads' },
  'batch.annotate': { zh: '另为每个输入写一份标注工作簿（REPORT_DIR/…/NAME.xlsx）', en: 'also write each input back as an annotated workbook (REPORT_DIR/…/NAME.xlsx)' },
  'batch.follow': { zh: '也跟随目录和通配符中的符号链接（命令行上直接给出的链接总会跟随）；每个文件只检查一次', en: 'also follow symbolic links found inside the folders and globs (links named on the command line are always followed); each file is still evaluated once' },
  'batch.format': { zh: '结束时输出：table（每个文件一行）、json（summary.json）、markdown（summary.md）', en: 'what to print at the end: table (one line per file), json (summary.json), markdown (summary.md)' },
  'batch.as-of': { zh: '按此日期（YYYY-MM-DD）判断进度，同 evaluate --as-of', en: 'judge progress on this date (YYYY-MM-DD), as evaluate --as-of' },
  'batch.max-warnings': { zh: '警告超过 N 条的文件退出码为 1', en: 'a file with more than N warnings exits 1' },
  'batch.max-findings': { zh: '每份报告中每条规则最多列出 N 条问题（其余只计数）；0 = 全部', en: 'list at most N findings per rule in each report (the rest are counted); 0 = all' },
  'batch.quiet': { zh: '不在 stderr 显示进度', en: 'no progress on stderr' },

  // — shared options (options.ts) —
  'opt.plan': { zh: '内置计划编号（如 quanzhou）或计划 YAML 文件（必填）', en: 'a bundled plan id (e.g. quanzhou) or a plan YAML file (required)' },
  'opt.sheet': { zh: 'XLSX：社区表所在的工作表（默认：第一个工作表）', en: 'XLSX: the sheet holding the community table (default: the first sheet)' },
  'opt.encoding': { zh: 'CSV：指定文本编码（utf8、gbk、gb18030 等）；默认自动识别', en: 'CSV: force the text encoding (utf8, gbk, gb18030, …); default: detected' },
  'opt.lang': { zh: '提示信息和表格的语言：zh 或 en', en: 'language of messages and tables: zh or en' },
  'opt.debug': { zh: '出错时显示调用栈', en: 'print stack traces for errors' },
  'opt.format': { zh: '输出格式', en: 'output format' },
  'opt.format.findings': { zh: '输出格式：终端表格、JSON，或用于 CI 的 JUnit XML、SARIF、GitHub 注释、Markdown、Code Climate', en: 'output format: terminal table, JSON, or for CI JUnit XML, SARIF, GitHub annotations, Markdown, Code Climate' },
  'opt.output': { zh: '写入文件（原子写入）而不是标准输出', en: 'write the output to a file (atomically) instead of stdout' },
  'opt.max-findings': { zh: '每条规则最多列出 N 条问题（其余只计数）；0 = 全部', en: 'list at most N findings per rule (the rest are counted); 0 = all' },
  'opt.max-warnings': { zh: '警告超过 N 条时退出码也为 1', en: 'also exit 1 when there are more than N warnings' },
  'opt.quiet': { zh: '只报告错误（警告仍计入 --fail-on 和 --max-warnings）', en: 'report errors only (warnings still count for --fail-on and --max-warnings)' },
  'opt.no-color': { zh: '终端表格不用颜色', en: 'no colours in the terminal table' },
  'opt.jobs': { zh: '（默认且最多：CPU 核数，本机 {cores}）', en: ' (default and at most: the number of cores, {cores} here)' },
  'opt.fail-on.severity': { zh: '有此级别及以上的问题时退出码为 1', en: 'exit 1 on findings at or above this severity' },
  'opt.fail-on.evaluate': { zh: '退出码为 1 的条件：error（或 binding）= 错误（约束性指标未达标、数据错误）；warning（或 expected）= 也含警告；info = 任何问题；none = 从不', en: 'exit 1 on: error (or binding) = errors (binding misses, data errors); warning (or expected) = also warnings; info = any finding; none = never' },
  'opt.fail-on.compare': { zh: '退出码为 1 的条件：error = 约束性指标新未达标；warning（或 newly-missed）= 任何指标新未达标；info = 也含数据缺失（原有值、现无值）；none = 从不', en: 'exit 1 on: error = a binding indicator newly missed; warning (or newly-missed) = any indicator newly missed; info = also data lost; none = never' },
  'opt.config': { zh: '从此文件读取选项默认值（默认：本目录或上级目录中的 cscheck.config.yaml、.cscheckrc.yaml/.yml/.json 或 package.json 的 "cscheck" 键）', en: 'read option defaults from this file (default: cscheck.config.yaml, .cscheckrc.yaml/.yml/.json or package.json "cscheck", in this folder or above)' },
  'opt.no-config': { zh: '不读取任何配置文件', en: 'read no configuration file' },
  'completion': { zh: '输出 bash、zsh 或 fish 的命令补全脚本：命令、选项及其取值、计划编号和指标编号', en: 'print a completion script for bash, zsh or fish: commands, options, their choices, plan and indicator ids' },
  'completion.shell': { zh: 'bash、zsh 或 fish', en: 'bash, zsh or fish' },

  // — commander's own words in the help —
  'note.default': { zh: '默认：{value}', en: 'default: {value}' },
  'note.choices': { zh: '可选：{value}', en: 'choices: {value}' },
  'title.Usage:': { zh: '用法：', en: 'Usage:' },
  'title.Arguments:': { zh: '参数：', en: 'Arguments:' },
  'title.Options:': { zh: '选项：', en: 'Options:' },
  'title.Global Options:': { zh: '全局选项：', en: 'Global Options:' },
  'title.Commands:': { zh: '命令：', en: 'Commands:' },
  'title.Examples:': { zh: '示例：', en: 'Examples:' },
} satisfies Record<string, Text>;

export type HelpId = keyof typeof HELP;

/**
 * The examples of each command (by its path after `cscheck`): the command line is the same in both
 * languages, its Chinese file and plan names are data; the explanation is translated.
 */
export const EXAMPLES: Record<string, { line: string; zh: string; en: string }[]> = {
  '': [
    { line: 'cscheck evaluate fixtures/luojiang/survey-2024.csv --plan quanzhou', zh: '按泉州市规划检查一份调查表', en: 'check a survey against the Quanzhou plan' },
    { line: 'cscheck evaluate --help --lang en', zh: '某个命令的帮助（英文）', en: 'help on one command, in English' },
  ],
  evaluate: [
    { line: 'cscheck evaluate fixtures/luojiang/survey-2024.csv --plan quanzhou', zh: '按泉州市规划检查洛江区 2024 年调查表', en: 'check the Luojiang 2024 survey against the Quanzhou plan' },
    { line: 'cscheck evaluate 社区调查.xlsx --plan quanzhou --sheet 社区表 --as-of 2024-12-31', zh: '读取指定工作表，并按 2024 年底应有的进度判断', en: 'read a named sheet, and judge progress as of the end of 2024' },
    { line: 'cscheck evaluate fixtures/luojiang/survey-2024-gbk.csv -p quanzhou -f html -o 报告.html --annotate 标注.xlsx', zh: 'HTML 报告，另写标注工作簿', en: 'an HTML report, and an annotated workbook' },
  ],
  ledger: [
    { line: 'cscheck ledger fixtures/ledger/luojiang-2025-faulty.xlsx --plan luojiang --as-of 2025-06-30', zh: '对照洛江区计划检查台账，找出逾期任务', en: 'check a ledger against the Luojiang plan and find overdue tasks' },
    { line: 'cscheck ledger fixtures/ledger/luojiang-2022.csv --unit 区民政局 --format markdown', zh: '只看一个责任单位，输出 Markdown', en: 'only the rows of one unit, as Markdown' },
  ],
  batch: [
    { line: 'cscheck batch fixtures/batch/泉州市 --plan quanzhou --out reports', zh: '检查目录下全部调查表，报告写入 reports', en: 'evaluate every survey under a folder; reports in reports/' },
    { line: "cscheck batch 'surveys/**/*.xlsx' -p quanzhou --out reports --annotate -j 2", zh: '按通配符选文件，2 个线程，另写标注工作簿', en: 'files by glob, on 2 threads, with annotated workbooks' },
  ],
  compare: [
    { line: 'cscheck compare fixtures/compare/xianyou-2023.csv fixtures/compare/xianyou-2024.xlsx --plan xianyou', zh: '比较仙游县 2023 年与 2024 年的调查表', en: 'compare the Xianyou 2023 and 2024 surveys' },
    { line: 'cscheck compare reports-2023 reports-2024 --fail-on newly-missed', zh: '比较两次 batch 报告目录；有新未达标的指标时退出码为 1', en: 'compare two batch report directories; exit 1 when an indicator is newly missed' },
  ],
  explain: [
    { line: 'cscheck explain activity_area_share', zh: '说明一个指标及各计划的要求', en: 'an indicator and what every plan asks of it' },
    { line: 'cscheck explain facility_coverage_rural --plan quanzhou --format json', zh: '只看泉州市计划，输出 JSON', en: 'only the Quanzhou plan, as JSON' },
  ],
  completion: [
    { line: 'source <(npx cscheck completion bash)', zh: '在当前 bash 中启用补全', en: 'turn on completion in this bash' },
    { line: 'npx cscheck completion fish > ~/.config/fish/completions/cscheck.fish', zh: '为 fish 永久安装补全', en: 'install completion for fish for good' },
  ],
  template: [
    { line: 'cscheck template --plan quanzhou --kind survey -o 调查表模板.xlsx', zh: '生成泉州市计划的空白调查表', en: 'a blank survey workbook for the Quanzhou plan' },
    { line: 'cscheck template -p luojiang -k ledger -o 任务台账.xlsx --lang en', zh: '生成预填任务的台账（英文标题和批注）', en: 'a task ledger with the tasks prefilled, titles and notes in English' },
  ],
  plans: [
    { line: 'cscheck plans list', zh: '列出内置计划', en: 'list the bundled plans' },
    { line: 'cscheck plans show quanzhou --resolved', zh: '输出合并继承后的泉州市计划', en: 'the Quanzhou plan merged with the plan it extends' },
  ],
  'plans list': [
    { line: 'cscheck plans list', zh: '内置计划一览表', en: 'a table of the bundled plans' },
    { line: 'cscheck plans list --format json', zh: '输出 JSON', en: 'as JSON' },
  ],
  'plans show': [
    { line: 'cscheck plans show luojiang', zh: '输出洛江区计划原文（YAML）', en: 'the Luojiang plan as written (YAML)' },
    { line: 'cscheck plans show luojiang --resolved --format table', zh: '合并所继承的泉州市计划，输出表格', en: 'merged with the Quanzhou plan it extends, as a table' },
  ],
  'plans units': [
    { line: 'cscheck plans units quanzhou', zh: '泉州市计划的责任矩阵', en: 'the responsibility matrix of the Quanzhou plan' },
    { line: 'cscheck plans units 我的计划.yaml --format json', zh: '自己的计划文件，输出 JSON', en: 'a plan file of your own, as JSON' },
  ],
  'plans lint': [
    { line: 'cscheck plans lint', zh: '校验全部内置计划', en: 'lint every bundled plan' },
    { line: 'cscheck plans lint 我的计划.yaml --fail-on warning', zh: '校验自己的计划文件；有警告时退出码也为 1', en: 'lint a plan file of your own; warnings also exit 1' },
  ],
};

let current: Lang = 'zh';

/** The language help is described in; set by main before the program is described. */
export function useHelpLang(lang: Lang): void {
  current = lang;
}

export function helpText(id: HelpId, args: Record<string, string | number> = {}): string {
  return HELP[id][current].replace(/\{(\w+)\}/g, (_, name: string) => String(args[name]));
}

/**
 * The language of help and of usage errors, known before commander parses: the last `--lang X` or
 * `--lang=X` before `--`, else CSCHECK_LANG, else zh. A value that is no language leaves zh (the
 * command then refuses it in its own words).
 */
export function helpLang(argv: readonly string[], env: Record<string, string | undefined> = {}): Lang {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    if (a === '--lang') found = argv[++i];
    else if (a.startsWith('--lang=')) found = a.slice('--lang='.length);
  }
  found ??= env.CSCHECK_LANG;
  return found === 'en' ? 'en' : 'zh';
}

/** Commander's own texts (headings, default and choices notes) in the help language. */
export function helpConfiguration(): Partial<Help> {
  const titles = new Map(Object.keys(HELP).filter((k) => k.startsWith('title.')).map((k) => [k.slice('title.'.length), helpText(k as HelpId)]));
  const note = (option: Option): string => {
    const notes: string[] = [];
    if (option.argChoices) notes.push(helpText('note.choices', { value: option.argChoices.join(', ') }));
    // As commander: a default is worth stating for an option that takes a value.
    if (option.defaultValue !== undefined && (option.required || option.optional)) {
      notes.push(helpText('note.default', { value: option.defaultValueDescription ?? String(option.defaultValue) }));
    }
    if (notes.length === 0) return '';
    return current === 'zh' ? `（${notes.join('；')}）` : ` (${notes.join('; ')})`;
  };
  // commander's usage line and command list say [options] and [command]; in Chinese, 选项 and 命令.
  const terms = (text: string) => (current === 'zh' ? text.replace('[options]', '[选项]').replace('[command]', '[命令]') : text);
  return {
    styleTitle: (title) => titles.get(title) ?? title,
    styleUsage: terms,
    styleSubcommandTerm: terms,
    optionDescription: (option) => `${option.description}${note(option)}`,
    displayWidth,
    boxWrap(this: Help, text: string, width: number) {
      return width < this.minWidthToWrap ? text : wrap(text, width);
    },
  };
}

const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/gu;

/** Columns a terminal gives the text: Chinese characters and full-width punctuation take two. */
function displayWidth(text: string): number {
  // eslint-disable-next-line no-control-regex -- colour codes take no columns
  const plain = text.replace(/\u001b\[[\d;]*m/g, '');
  return plain.length + (plain.match(WIDE)?.length ?? 0);
}

/**
 * commander's wrapping breaks at spaces only, and Chinese has none: here a line may also break
 * between two Chinese characters, but not before closing punctuation.
 */
function wrap(text: string, width: number): string {
  const chunk = /\s*(?:[\u2e80-\u9fff\uf900-\ufaff\uff00-\uff60“（][，。；：、）”？！]*|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uff60“（]+)/gu;
  return text
    .split(/\r?\n/)
    .map((line) => {
      const out: string[] = [];
      let current = '';
      for (const piece of line.match(chunk) ?? []) {
        if (current !== '' && displayWidth(current + piece) > width) {
          out.push(current);
          current = piece.trimStart();
        } else current += piece;
      }
      out.push(current);
      return out.join('\n');
    })
    .join('\n');
}

/** The examples of a command, after its help. */
export function examplesText(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  const examples = EXAMPLES[names.join(' ')] ?? [];
  if (examples.length === 0) return '';
  const lines = examples.flatMap((e) => [`  ${e[current]}`, `    $ ${e.line}`]);
  return `\n${helpText('title.Examples:')}\n${lines.join('\n')}\n`;
}
