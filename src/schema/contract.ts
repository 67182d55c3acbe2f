// The input data contract (docs/data-contract.md §1) as data: every reader and every plan
// compiler works from this one table, so a column added here is known everywhere at once.

export type FieldType = 'text' | 'code' | 'kind' | 'integer' | 'number' | 'boolean' | 'hours';

export interface FieldDef {
  id: string;
  header: string;
  type: FieldType;
  en: string;
  aliases?: string[];
  required?: boolean;
}

export type Level = 'community' | 'township';

export const COMMUNITY_FIELDS: readonly FieldDef[] = [
  { id: 'county', header: '县（市、区）', type: 'text', en: 'County', aliases: ['县', '县区', '县市区', '区县', '县(市区)', '所属县区'] },
  { id: 'township', header: '乡镇（街道）', type: 'text', en: 'Township', aliases: ['乡镇', '街道', '乡镇街道', '镇街', '镇(街道)', '所属乡镇', '所属街道', '所属乡镇(街道)', '乡(镇、街道)'] },
  { id: 'community', header: '村（社区）名称', type: 'text', en: 'Community', required: true, aliases: ['社区名称', '村名', '村名称', '村(社区)', '村居名称', '村(居)名称', '社区', '村社区名称', '村(居)', '名称', '社区(村)名称', '社区(村)', '村(居)委会名称', '村(社区)', '行政村(社区)名称', '行政村名称', '村(居)委会'] },
  { id: 'code', header: '统计用区划代码', type: 'code', en: 'Statistical division code', aliases: ['区划代码', '统计代码', '行政区划代码', '代码'] },
  { id: 'kind', header: '城乡类型', type: 'kind', en: 'Urban/rural', required: true, aliases: ['类型', '城乡属性', '城乡分类', '社区类型', '城乡', '城乡标识'] },
  { id: 'households', header: '户数', type: 'integer', en: 'Households', aliases: ['总户数', '户籍户数', '常住户数'] },
  { id: 'population', header: '常住人口', type: 'integer', en: 'Resident population', aliases: ['常住人口数', '人口', '常住人口总数'] },
  { id: 'urban_population', header: '城镇常住人口', type: 'integer', en: 'Urban resident population', aliases: ['城镇人口', '城镇常住人口数'] },
  { id: 'has_service_facility', header: '是否建有综合服务设施', type: 'boolean', en: 'Has a comprehensive service facility', aliases: ['综合服务设施', '建有综合服务设施', '有无综合服务设施'] },
  { id: 'facility_area', header: '综合服务设施建筑面积', type: 'number', en: 'Service facility floor area (m²)', aliases: ['综合服务设施面积', '服务设施建筑面积'] },
  { id: 'activity_area', header: '居民活动区域面积', type: 'number', en: 'Residents’ activity area (m²)', aliases: ['活动区域面积', '居民活动面积'] },
  { id: 'total_building_area', header: '社区总建筑面积', type: 'number', en: 'Total community floor area (m²)', aliases: ['总建筑面积'] },
  { id: 'commercial_service_area', header: '社区商业和综合服务设施面积', type: 'number', en: 'Commercial and service facility area (m²)', aliases: ['商业和综合服务设施面积', '社区商业服务设施面积'] },
  { id: 'has_self_service', header: '政务通用自助服务设备', type: 'boolean', en: 'Government self-service terminal', aliases: ['政务自助服务设备', '自助服务设备', '政务通用自助服务'] },
  { id: 'community_workers', header: '社区工作者人数', type: 'integer', en: 'Community workers', aliases: ['社区工作者', '社区工作者数'] },
  { id: 'registered_volunteers', header: '注册志愿者人数', type: 'integer', en: 'Registered volunteers', aliases: ['注册志愿者', '注册志愿者数'] },
  { id: 'volunteers_with_hours', header: '有服务时间记录的志愿者人数', type: 'integer', en: 'Volunteers with recorded hours', aliases: ['有服务记录的志愿者人数', '有服务时间记录的志愿者'] },
  { id: 'has_volunteer_station', header: '志愿服务站点', type: 'boolean', en: 'Volunteer service station', aliases: ['志愿服务站', '是否建有志愿服务站点'] },
  { id: 'has_parent_school', header: '家长学校或家庭教育指导服务站点', type: 'boolean', en: 'Parent school / family education station', aliases: ['家长学校', '家庭教育指导服务站点', '家长学校(家庭教育指导服务站点)'] },
  { id: 'has_micro_fire_station', header: '微型消防站（点）', type: 'boolean', en: 'Micro fire station', aliases: ['微型消防站', '微型消防站点'] },
  { id: 'disaster_info_officers', header: '灾害信息员人数', type: 'integer', en: 'Disaster information officers', aliases: ['灾害信息员', '灾害信息员数'] },
  { id: 'legal_literates', header: '“法律明白人”人数', type: 'integer', en: '“Legal literates”', aliases: ['法律明白人', '骨干法律明白人人数'] },
  { id: 'has_legal_adviser', header: '法律顾问', type: 'boolean', en: 'Legal adviser', aliases: ['是否有法律顾问', '一村(社区)一法律顾问'] },
  { id: 'has_legal_service_room', header: '公共法律服务工作室', type: 'boolean', en: 'Public legal service room', aliases: ['法律服务工作室'] },
  { id: 'has_rule_of_law_venue', header: '法治文化阵地', type: 'boolean', en: 'Rule-of-law culture venue', aliases: ['法治文化阵地(广场、公园、宣传栏)', '法治主题文化阵地'] },
  { id: 'women_homes', header: '“妇女微家”数', type: 'integer', en: '“Women’s micro-homes”', aliases: ['妇女微家', '妇女微家数量'] },
  { id: 'has_police_office', header: '警务室', type: 'boolean', en: 'Police office', aliases: ['社区警务室', '是否有警务室'] },
  { id: 'grids', header: '网格数', type: 'integer', en: 'Grids', aliases: ['网格数量', '网格'] },
  { id: 'grid_workers', header: '专（兼）职网格员人数', type: 'integer', en: 'Grid workers', aliases: ['网格员人数', '网格员', '专兼职网格员人数'] },
  { id: 'daily_open_hours', header: '每日开放服务时长（小时）', type: 'hours', en: 'Daily opening hours', aliases: ['每日开放服务时长', '每日开放时长', '开放时长'] },
  { id: 'has_deliberation_hall', header: '民主议事厅', type: 'boolean', en: 'Democratic deliberation hall', aliases: ['议事厅'] },
  { id: 'has_public_health_committee', header: '公共卫生委员会', type: 'boolean', en: 'Public health committee', aliases: [] },
  { id: 'has_women_children_committee', header: '妇女和儿童工作委员会', type: 'boolean', en: 'Women and children committee', aliases: ['妇女儿童工作委员会'] },
  { id: 'has_social_worker_service', header: '有社会工作者提供服务', type: 'boolean', en: 'Served by social workers', aliases: ['社会工作者提供服务', '社工服务'] },
  { id: 'social_work_professionals', header: '社会工作专业人才人数', type: 'integer', en: 'Social-work professionals', aliases: ['社会工作专业人才', '社工人才人数'] },
  { id: 'certified_social_workers', header: '持证社会工作者人数', type: 'integer', en: 'Certified social workers', aliases: ['持证社工人数', '持证社会工作者'] },
  { id: 'childcare_places', header: '3岁以下婴幼儿托位数', type: 'integer', en: 'Childcare places (under 3)', aliases: ['托位数', '婴幼儿托位数'] },
  { id: 'has_cultural_center', header: '综合性文化服务中心', type: 'boolean', en: 'Comprehensive cultural service centre', aliases: ['综合文化服务中心'] },
  { id: 'has_disabled_association', header: '残疾人协会', type: 'boolean', en: 'Disabled persons’ association', aliases: ['残协'] },
  { id: 'has_satisfaction_survey', header: '开展群众满意度评估', type: 'boolean', en: 'Residents’ satisfaction survey held', aliases: ['群众满意度评估', '满意度评估'] },
  { id: 'has_mediation_room', header: '近邻评理室', type: 'boolean', en: '“Neighbourly reasoning room”', aliases: ['评理室'] },
];

export const TOWNSHIP_FIELDS: readonly FieldDef[] = [
  { id: 'county', header: '县（市、区）', type: 'text', en: 'County', aliases: ['县', '县区', '县市区', '区县'] },
  { id: 'township', header: '乡镇（街道）', type: 'text', en: 'Township', required: true, aliases: ['乡镇', '街道', '乡镇街道', '镇街', '名称', '乡镇(街道)名称'] },
  { id: 'has_social_work_station', header: '社会工作服务站', type: 'boolean', en: 'Social-work service station', aliases: ['社工站', '乡镇(街道)社会工作服务站'] },
  { id: 'has_mental_health_team', header: '精神卫生综合管理小组', type: 'boolean', en: 'Mental-health management team', aliases: [] },
  { id: 'has_minor_protection_station', header: '未成年人保护工作站', type: 'boolean', en: 'Minor protection station', aliases: [] },
  { id: 'has_dispute_window', header: '矛盾纠纷“一站式”受理窗口', type: 'boolean', en: 'One-stop dispute window', aliases: ['矛盾纠纷一站式受理窗口', '一站式受理窗口'] },
  { id: 'has_legal_service_station', header: '公共法律服务站', type: 'boolean', en: 'Public legal service station', aliases: [] },
];

/** Columns of a task ledger (任务清单及工作台账, data contract §2); values are read by io/ledger-reader. */
export const LEDGER_FIELDS: readonly FieldDef[] = [
  { id: 'no', header: '序号', type: 'text', en: 'No.', aliases: ['编号', '序'] },
  { id: 'section', header: '工作任务', type: 'text', en: 'Task', aliases: ['重点任务', '任务'] },
  { id: 'project', header: '具体项目', type: 'text', en: 'Project', aliases: ['项目'] },
  { id: 'content', header: '主要内容', type: 'text', en: 'Content', required: true, aliases: ['工作内容', '具体内容', '任务内容'] },
  { id: 'units', header: '责任单位', type: 'text', en: 'Responsible units', aliases: ['牵头单位', '责任部门', '牵头单位及责任单位'] },
  { id: 'deadline', header: '完成时限', type: 'text', en: 'Deadline', aliases: ['完成时间', '时限'] },
  { id: 'status', header: '完成状态', type: 'text', en: 'Status', aliases: ['状态', '进展状态'] },
  { id: 'progress', header: '完成进度（%）', type: 'text', en: 'Progress (%)', aliases: ['完成进度', '进度'] },
  { id: 'progress_note', header: '工作进展', type: 'text', en: 'Progress report', aliases: ['进展情况', '工作进展情况'] },
  { id: 'evidence', header: '佐证材料', type: 'text', en: 'Evidence', aliases: ['佐证'] },
];

export const FIELDS_BY_LEVEL: Record<Level, readonly FieldDef[]> = {
  community: COMMUNITY_FIELDS,
  township: TOWNSHIP_FIELDS,
};
