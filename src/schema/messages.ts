// The one zh/en message catalogue. Checks, readers and the CLI refer to messages by id with named
// arguments; formatters render them in the user's language. Default language: zh.

export type Lang = 'zh' | 'en';

const catalogue = {
  // — input files (exit 2) —
  'input.not-found': { zh: '找不到文件 {file}', en: 'file not found: {file}' },
  'input.is-directory': { zh: '{file} 是目录，不是文件', en: '{file} is a directory, not a file' },
  'input.empty': { zh: '文件为空', en: 'the file is empty' },
  'input.binary': { zh: '不是文本文件（含二进制内容），无法按 CSV 读取', en: 'not a text file (binary content): cannot be read as CSV' },
  'input.unsupported-type': { zh: '不支持的文件类型“{ext}”（支持 .csv、.tsv、.txt、.xlsx）', en: 'unsupported file type “{ext}” (use .csv, .tsv, .txt or .xlsx)' },
  'input.legacy-xls': { zh: '这是旧版 .xls 或加密的工作簿：请在 Excel 中取消密码并另存为 .xlsx', en: 'this is a legacy .xls or an encrypted workbook: remove the password and save it as .xlsx in Excel' },
  'input.not-zip': { zh: '不是有效的 .xlsx 文件（不是 zip 格式）', en: 'not a valid .xlsx file (not a zip archive)' },
  'input.corrupt-xlsx': { zh: '.xlsx 文件已损坏或不完整：{detail}', en: 'the .xlsx file is damaged or truncated: {detail}' },
  'input.sheet-not-found': { zh: '没有名为“{sheet}”的工作表；现有：{sheets}', en: 'no sheet named “{sheet}”; sheets: {sheets}' },
  'input.no-header': { zh: '前 {rows} 行中找不到表头：需要“村（社区）名称”“城乡类型”等列', en: 'no header row in the first {rows} rows: expected columns such as 村（社区）名称 and 城乡类型' },
  'input.no-rows': { zh: '只有表头，没有数据行', en: 'only a header, no data rows' },
  'input.missing-column': { zh: '缺少必需的列“{column}”（表头在第 {row} 行）', en: 'required column “{column}” is missing (header found at row {row})' },
  'input.duplicate-column': { zh: '列“{first}”和列“{second}”都对应字段“{field}”', en: 'columns “{first}” and “{second}” both map to field “{field}”' },
  'input.csv-syntax': { zh: 'CSV 格式错误（第 {row} 条记录附近）：{detail}', en: 'CSV syntax error near record {row}: {detail}' },
  'input.encoding': { zh: '不支持的编码“{encoding}”', en: 'unsupported encoding “{encoding}”' },
  'input.read-failed': { zh: '无法读取文件：{detail}', en: 'cannot read the file: {detail}' },
  'input.values-header': { zh: '填报指标表需要“指标”和“数值”两列', en: 'a reported-values table needs the columns 指标 and 数值' },

  // — plans (exit 2) —
  'plan.not-found': { zh: '找不到计划“{plan}”；内置计划：{available}', en: 'unknown plan “{plan}”; bundled plans: {available}' },
  'plan.yaml': { zh: 'YAML 错误：{detail}', en: 'YAML error: {detail}' },
  'plan.schema': { zh: '计划格式错误（{path}）：{detail}', en: 'invalid plan ({path}): {detail}' },
  'plan.expression': { zh: '表达式“{expr}”有误：{detail}', en: 'bad expression “{expr}”: {detail}' },
  'plan.unknown-field': { zh: '表达式“{expr}”中的“{name}”不是数据字段', en: '“{name}” in “{expr}” is not a data field' },
  'plan.duplicate-id': { zh: '编号“{id}”重复', en: 'duplicate id “{id}”' },

  // — usage (exit 2) —
  'usage.error': { zh: '{detail}', en: '{detail}' },
  'output.write-failed': { zh: '无法写入输出文件 {file}：{detail}', en: 'cannot write the output file {file}: {detail}' },
  'usage.output-is-input': { zh: '输出文件不能是输入文件：{file}', en: 'the output file must not be an input file: {file}' },

  // — data findings —
  'data.cell-type': { zh: '“{value}”无法读取为{expected}', en: '“{value}” cannot be read as {expected}' },
  'data.missing-value': { zh: '缺少必填值“{column}”', en: 'required value “{column}” is missing' },
  'data.ragged-row': { zh: '该行有 {actual} 个字段，表头有 {expected} 个', en: 'this row has {actual} fields, the header has {expected}' },
  'data.unknown-column': { zh: '未知列“{column}”，已忽略', en: 'unknown column “{column}”, ignored' },
  'data.exceeds': { zh: '{field}（{value}）大于{limitField}（{limit}）', en: '{field} ({value}) exceeds {limitField} ({limit})' },
  'data.unknown-reported': { zh: '填报指标“{name}”不是本计划的指标，已忽略', en: 'reported indicator “{name}” is not in this plan; ignored' },
  'data.duplicate-reported': { zh: '指标“{name}”重复填报，采用后一个值', en: 'indicator “{name}” is reported twice; the later value is used' },
  'data.blank-rows': { zh: '跳过 {count} 个空行', en: '{count} blank rows skipped' },

  // — plan results —
  'indicator.not-met': { zh: '{name}：实际 {value}，目标 {target}，{gap}', en: '{name}: {value}, target {target}, {gap}' },
  'indicator.no-data': { zh: '{name}：没有数据（{reason}），不能判定达标', en: '{name}: no data ({reason}); cannot be judged met' },
  'requirement.breach': { zh: '{subject}：{actual}，要求{rule}（{document} {section}）', en: '{subject}: {actual}; required: {rule} ({document} {section})' },
  'requirement.no-data': { zh: '{rule}：{count} 个{unit}缺少数据，未能检查', en: '{rule}: {count} {unit} without data, not checked' },

  // — words used inside messages and tables —
  'reason.no-column': { zh: '缺少列：{columns}', en: 'missing columns: {columns}' },
  'reason.no-rows': { zh: '范围内没有行', en: 'no rows in scope' },
  'reason.all-missing': { zh: '范围内 {count} 行均无数据', en: 'all {count} rows in scope lack data' },
  'reason.not-reported': { zh: '未填报（填报指标表或 --values）', en: 'not reported (reported-values sheet or --values)' },
  'reason.no-township-sheet': { zh: '没有乡镇（街道）表', en: 'no township sheet' },
  'reason.zero-denominator': { zh: '分母为 0', en: 'the denominator is 0' },
  'gap.points': { zh: '差 {gap} 个百分点', en: '{gap} percentage points short' },
  'gap.permille': { zh: '差 {gap} 个千分点', en: '{gap} per-mille points short' },
  'gap.per': { zh: '{per}还差 {gap} {unit}', en: '{gap} {unit} short {per}' },
  'gap.plain': { zh: '差 {gap}{unit}', en: '{gap}{unit} short' },
  'gap.over': { zh: '超出 {gap}{unit}', en: '{gap}{unit} over' },
  'gap.equal': { zh: '与目标不等（差 {gap}{unit}）', en: 'differs from the target by {gap}{unit}' },
  // — report labels —
  'label.indicator': { zh: '指标', en: 'Indicator' },
  'label.attribute': { zh: '属性', en: 'Type' },
  'label.target': { zh: '目标', en: 'Target' },
  'label.value': { zh: '实际', en: 'Actual' },
  'label.gap': { zh: '差距', en: 'Gap' },
  'label.status': { zh: '状态', en: 'Status' },
  'label.coverage': { zh: '有数据/范围', en: 'With data/in scope' },
  'label.met': { zh: '达标', en: 'met' },
  'label.not-met': { zh: '未达标', en: 'not met' },
  'label.no-data': { zh: '无数据', en: 'no data' },
  'label.约束性': { zh: '约束性', en: 'binding' },
  'label.预期性': { zh: '预期性', en: 'expected' },
  'label.error': { zh: '错误', en: 'error' },
  'label.warning': { zh: '警告', en: 'warning' },
  'label.info': { zh: '提示', en: 'info' },
  'label.row': { zh: '第 {row} 行', en: 'row {row}' },
  'label.title': { zh: '{plan}（{document}）', en: '{plan} ({document})' },
  'label.inputs': { zh: '输入：{inputs}', en: 'Input: {inputs}' },
  'label.input-table': { zh: '{name}：{rows} 行', en: '{name}: {rows} rows' },
  'label.worst': { zh: '差距主要来自', en: 'Gap mostly from' },
  'label.worst-township': { zh: '{township}（缺 {shortfall}）', en: '{township} ({shortfall} short)' },
  'label.requirements': { zh: '逐村（社区）要求', en: 'Per-community requirements' },
  'label.requirement-line': { zh: '{name}：{breaches} 个不符合，{checked} 个已检查，{noData} 个缺数据', en: '{name}: {breaches} broken, {checked} checked, {noData} without data' },
  'label.data-problems': { zh: '数据问题', en: 'Data problems' },
  'label.more': { zh: '……另有 {count} 条', en: '… and {count} more' },
  'label.omitted': { zh: '（另有 {count} 条“{code}”未列出，见 --max-findings）', en: '({count} more “{code}” not listed; see --max-findings)' },
  'label.summary': { zh: '共 {rows} 行 · {townships} 个乡镇（街道） · 指标：{met} 达标，{notMet} 未达标，{noData} 无数据 · {errors} 个错误，{warnings} 个警告', en: '{rows} rows · {townships} townships · indicators: {met} met, {notMet} not met, {noData} no data · {errors} errors, {warnings} warnings' },
  'label.note': { zh: '注', en: 'Note' },
  'unit.communities': { zh: '村（社区）', en: 'communities' },
  'unit.townships': { zh: '乡镇（街道）', en: 'townships' },

  // — plans lint: a plan against itself and its parent plans —
  'lint.versus-parent': { zh: '{item}：{aspect}。{plan} {section}：“{quote}”；{parentPlan} {parentSection}：“{parentQuote}”', en: '{item}: {aspect}. {plan} {section}: “{quote}”; {parentPlan} {parentSection}: “{parentQuote}”' },
  'lint.aspect.weaker-target': { zh: '目标{target}低于上级计划的{parentTarget}', en: 'the target {target} asks less than the parent’s {parentTarget}' },
  'lint.aspect.inclusive': { zh: '目标{target}含本数，上级计划要求{parentTarget}（不含本数）', en: 'the target {target} includes the bound where the parent requires {parentTarget} (strictly)' },
  'lint.aspect.expected': { zh: '属性由上级计划的约束性降为预期性', en: 'binding (约束性) in the parent, only expected (预期性) here' },
  'lint.aspect.scope-narrower': { zh: '范围由上级计划的{parentScope}缩小为{scope}', en: 'the scope narrows from the parent’s {parentScope} to {scope}' },
  'lint.aspect.striving': { zh: '加了上级计划没有的“力争”', en: 'adds “力争” (strive to), which the parent does not say' },
  'lint.aspect.narrowing-word': { zh: '加了上级计划没有的限定词“{word}”', en: 'adds the qualifier “{word}”, which the parent does not have' },
  'lint.aspect.stricter-target': { zh: '目标{target}高于上级计划的{parentTarget}', en: 'the target {target} asks more than the parent’s {parentTarget}' },
  'lint.aspect.binding': { zh: '属性由上级计划的预期性升为约束性', en: 'binding (约束性) here, only expected (预期性) in the parent' },
  'lint.aspect.scope-wider': { zh: '范围由上级计划的{parentScope}扩大为{scope}', en: 'the scope widens from the parent’s {parentScope} to {scope}' },
  'lint.text-table-mismatch': { zh: '{item}：{section}“{quote}”为{target}，{textSection}“{textQuote}”却为{textTarget}', en: '{item}: {section} “{quote}” says {target}, but {textSection} “{textQuote}” says {textTarget}' },
  'lint.parent-task-uncovered': { zh: '{parentPlan} {parentSection}“{parentQuote}”在{plan}的任务中没有对应（最接近的是 {section}“{quote}”，相似度 {score}）', en: '{parentPlan} {parentSection} “{parentQuote}” has no counterpart among the tasks of {plan} (closest: {section} “{quote}”, similarity {score})' },
  'lint.task-no-unit': { zh: '任务 {section}（{quote}）没有责任单位；本计划 {filled}/{total} 项任务写有责任单位', en: 'task {section} ({quote}) names no responsible unit; {filled} of {total} tasks in this plan do' },
  'lint.task-no-deadline': { zh: '任务 {section}（{quote}）没有完成时限；本计划 {filled}/{total} 项任务写有完成时限', en: 'task {section} ({quote}) has no deadline; {filled} of {total} tasks in this plan have one' },
  'lint.unit-note': { zh: '任务 {section} 的责任单位栏中“{line}”不是责任单位，而是说明', en: 'in the unit cell of task {section}, “{line}” is a note, not a unit' },
  'lint.numbering-gap': { zh: '{project}：条目编号为 {numbers}，缺第 {missing} 条（{section}“{quote}”之前）', en: '{project}: the items are numbered {numbers}; number {missing} is missing (before {section} “{quote}”)' },
  'lint.numbering-repeat': { zh: '{project}：条目编号为 {numbers}，第 {no} 条重号或顺序颠倒（{section}“{quote}”）', en: '{project}: the items are numbered {numbers}; number {no} repeats or is out of order ({section} “{quote}”)' },
  'lint.doubled-wording': { zh: '{section}：“{word}”连写了两遍（“{context}”）', en: '{section}: “{word}” is written twice in a row (“{context}”)' },
  'lint.summary': { zh: '已检查 {plans} 个计划：{errors} 个错误，{warnings} 个警告，{infos} 个提示', en: 'checked {plans} plan file(s): {errors} errors, {warnings} warnings, {infos} info' },

  // — plans list / show / units, explain —
  'plans.unknown-indicator': { zh: '没有编号为“{id}”的指标；相近的编号：{close}', en: 'no indicator “{id}”; close ids: {close}' },
  'plans.not-in-plan': { zh: '计划“{plan}”没有指标“{id}”；设有该指标的计划：{plans}', en: 'plan “{plan}” has no indicator “{id}”; plans that set it: {plans}' },
  'plans.none': { zh: '（无）', en: '(none)' },
  'label.id': { zh: '编号', en: 'Id' },
  'label.name': { zh: '名称', en: 'Name' },
  'label.level': { zh: '层级', en: 'Level' },
  'label.document': { zh: '文号', en: 'Document' },
  'label.indicators': { zh: '指标', en: 'Indicators' },
  'label.requirement-count': { zh: '要求', en: 'Requirements' },
  'label.task-count': { zh: '任务', en: 'Tasks' },
  'label.extends': { zh: '继承', en: 'Extends' },
  'label.own-inherited': { zh: '{own}+继承{inherited}', en: '{own} + {inherited} inherited' },
  'label.unit-name': { zh: '责任单位', en: 'Unit' },
  'label.spellings': { zh: '文中写法', en: 'As written' },
  'label.task-total': { zh: '任务数', en: 'Tasks' },
  'label.task-ids': { zh: '任务编号', en: 'Task ids' },
  'label.undeclared': { zh: '（未列入 units）', en: '(not in units)' },
  'label.plan': { zh: '计划', en: 'Plan' },
  'label.scope': { zh: '范围', en: 'Scope' },
  'label.source': { zh: '出处', en: 'Source' },
  'label.quote': { zh: '原文', en: 'Quote' },
  'label.rule': { zh: '规则', en: 'Rule' },
  'label.deadline': { zh: '完成时限', en: 'Deadline' },
  'label.content': { zh: '主要内容', en: 'Content' },
  'label.severity': { zh: '级别', en: 'Severity' },
  'label.location': { zh: '位置', en: 'Location' },
  'label.message': { zh: '说明', en: 'Message' },
  'label.plan-heading': { zh: '{id}：{name}（{document}）', en: '{id}: {name} ({document})' },
  'label.plan-facts': { zh: '{issuer} · {level} · {region} · {start}–{end}{extends}', en: '{issuer} · {level} · {region} · {start}–{end}{extends}' },
  'label.extends-suffix': { zh: ' · 继承 {parent}', en: ' · extends {parent}' },
  'label.section-count': { zh: '{title}（{count}）', en: '{title} ({count})' },
  'level.national': { zh: '国家', en: 'national' },
  'level.province': { zh: '省', en: 'province' },
  'level.city': { zh: '市', en: 'city' },
  'level.prefecture': { zh: '州', en: 'prefecture' },
  'level.county': { zh: '县', en: 'county' },
  'level.district': { zh: '区', en: 'district' },
  'scope.城市': { zh: '城市', en: 'urban (城市)' },
  'scope.农村': { zh: '农村', en: 'rural (农村)' },
  'scope.城乡': { zh: '城乡', en: 'urban and rural (城乡)' },
  'scope.乡镇': { zh: '乡镇（街道）', en: 'townships (乡镇)' },
  'explain.title': { zh: '{id}：{name}', en: '{id}: {name}' },
  'explain.other-name': { zh: '  {plans}写作：{name}', en: '  {plans} call it: {name}' },
  'explain.unit': { zh: '单位：{unit}', en: 'Unit: {unit}' },
  'explain.measure': { zh: '测度（{plans}）：{title}——{description}', en: 'Measure ({plans}): {title} — {description}' },
  'explain.expression': { zh: '  {key}：{expr}', en: '  {key}: {expr}' },
  'explain.columns': { zh: '所需数据列：{columns}', en: 'Data columns needed: {columns}' },
  'explain.no-columns': { zh: '所需数据列：无（填报值）', en: 'Data columns needed: none (a reported value)' },
  'measure.where': { zh: '范围条件', en: 'where' },
  'measure.condition': { zh: '条件', en: 'condition' },
  'measure.numerator': { zh: '分子', en: 'numerator' },
  'measure.denominator': { zh: '分母', en: 'denominator' },
  'measure.sum': { zh: '求和', en: 'sum' },
  'measure.scale': { zh: '倍数', en: 'scale' },
} as const;

export type MessageId = keyof typeof catalogue;

export function message(id: MessageId, args: Record<string, unknown> = {}, lang: Lang = 'zh'): string {
  const entry = catalogue[id];
  const template = entry[lang] ?? entry.zh;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = args[k];
    if (v === undefined || v === null) return '';
    if (typeof v === 'object') {
      const t = v as { zh?: string; en?: string };
      return (lang === 'en' ? t.en || t.zh : t.zh) ?? '';
    }
    return String(v);
  });
}

export function hasMessage(id: string): id is MessageId {
  return Object.prototype.hasOwnProperty.call(catalogue, id);
}
