/**
 * The bilingual vocabularies of Bohai Atlas: categories of places, project statuses, plan stages,
 * precision levels and the plan's provinces. Ids are stable (they live in data files, the database
 * and URLs); labels and colours may change freely.
 *
 * Colours: categories use the Okabe-Ito / Paul Tol colour-blind-safe palettes, and every category
 * also differs in symbol shape or line pattern so colour is never the only cue.
 */

export type Label = { zh: string; en: string };

export const CATEGORY_GROUPS = {
  transport: { zh: '交通', en: 'Transport' },
  industry: { zh: '产业与物流', en: 'Industry & logistics' },
  energy: { zh: '能源与水利', en: 'Energy & water' },
  ecology: { zh: '生态环境', en: 'Ecology & environment' },
} as const satisfies Record<string, Label>;
export type CategoryGroupId = keyof typeof CATEGORY_GROUPS;

type CategoryDef = Label & {
  group: CategoryGroupId;
  /** The geometry a user expects for this kind of place. */
  geometry: 'point' | 'line' | 'area';
  color: string;
};

export const CATEGORIES = {
  'seaport': { zh: '港口', en: 'Seaport', group: 'transport', geometry: 'point', color: '#0072B2' },
  'port-area': { zh: '港区', en: 'Port area', group: 'transport', geometry: 'area', color: '#0072B2' },
  'airport': { zh: '机场', en: 'Airport', group: 'transport', geometry: 'point', color: '#332288' },
  'intercity-rail': { zh: '城际铁路', en: 'Intercity railway', group: 'transport', geometry: 'line', color: '#882255' },
  'high-speed-rail': { zh: '高速铁路', en: 'High-speed railway', group: 'transport', geometry: 'line', color: '#AA3377' },
  'freight-rail': { zh: '货运铁路', en: 'Freight railway', group: 'transport', geometry: 'line', color: '#661100' },
  'rail-corridor': { zh: '国际铁路通道', en: 'International rail corridor', group: 'transport', geometry: 'line', color: '#332288' },
  'expressway': { zh: '高速公路', en: 'Expressway', group: 'transport', geometry: 'line', color: '#E69F00' },
  'urban-road': { zh: '城市道路', en: 'Urban road', group: 'transport', geometry: 'line', color: '#997700' },
  'border-crossing': { zh: '口岸', en: 'Border crossing', group: 'transport', geometry: 'point', color: '#CC6677' },
  'rail-hub': { zh: '中欧班列枢纽', en: 'China-Europe rail hub', group: 'transport', geometry: 'point', color: '#882255' },
  'rail-service': { zh: '班列线路', en: 'Freight train service', group: 'transport', geometry: 'line', color: '#EE3377' },
  'industrial-park': { zh: '产业园区与基地', en: 'Industrial park or base', group: 'industry', geometry: 'area', color: '#D55E00' },
  'logistics': { zh: '物流园区与市场', en: 'Logistics park or market', group: 'industry', geometry: 'point', color: '#DDAA33' },
  'service-facility': { zh: '服务设施', en: 'Service facility', group: 'industry', geometry: 'point', color: '#BB5566' },
  'energy-field': { zh: '油气田与储气库', en: 'Oil & gas field or storage', group: 'energy', geometry: 'area', color: '#555555' },
  'gas-pipeline': { zh: '输气管道', en: 'Gas pipeline', group: 'energy', geometry: 'line', color: '#117733' },
  'power-corridor': { zh: '输电通道', en: 'Power corridor', group: 'energy', geometry: 'line', color: '#DDCC77' },
  'power-grid': { zh: '电网', en: 'Power grid', group: 'energy', geometry: 'area', color: '#DDCC77' },
  'water-transfer': { zh: '调水工程', en: 'Water transfer', group: 'energy', geometry: 'line', color: '#56B4E9' },
  'flood-control': { zh: '蓄滞洪与行洪', en: 'Flood control', group: 'energy', geometry: 'area', color: '#44AA99' },
  'ecological': { zh: '生态建设', en: 'Ecological programme', group: 'ecology', geometry: 'area', color: '#009E73' },
  'sea-basin': { zh: '海域与流域', en: 'Sea area or river basin', group: 'ecology', geometry: 'area', color: '#4477AA' },
  'cooperation-area': { zh: '合作区域', en: 'Cooperation area', group: 'industry', geometry: 'area', color: '#AA4499' },
  'development-axis': { zh: '发展轴', en: 'Development axis', group: 'industry', geometry: 'line', color: '#AA4499' },
} as const satisfies Record<string, CategoryDef>;
export type CategoryId = keyof typeof CATEGORIES;
export const CATEGORY_IDS = Object.keys(CATEGORIES) as [CategoryId, ...CategoryId[]];

/** What the project is now. Its first value comes from the plan's own verb (see STAGES). */
export const STATUSES = {
  'study': { zh: '前期研究', en: 'Under study', color: '#88CCEE' },
  'planned': { zh: '规划', en: 'Planned', color: '#DDCC77' },
  'construction': { zh: '在建', en: 'Under construction', color: '#EE7733' },
  'operation': { zh: '建成运营', en: 'Completed / in operation', color: '#009988' },
  'ongoing': { zh: '持续推进', en: 'Ongoing programme', color: '#0077BB' },
  'suspended': { zh: '暂停', en: 'Suspended', color: '#BBBBBB' },
  'cancelled': { zh: '取消', en: 'Cancelled', color: '#CC3311' },
} as const satisfies Record<string, Label & { color: string }>;
export type StatusId = keyof typeof STATUSES;
export const STATUS_IDS = Object.keys(STATUSES) as [StatusId, ...StatusId[]];

/** The plan's own verb for a place, as a stage; `status` is the plan-implied first status. */
export const STAGES = {
  'study': { zh: '前期研究', en: 'Study', verbs: ['前期研究', '规划研究'], status: 'study' },
  'exploration': { zh: '勘探', en: 'Exploration', verbs: ['勘探'], status: 'ongoing' },
  'planning': { zh: '规划建设', en: 'Planning', verbs: ['规划建设', '规划'], status: 'planned' },
  'construction': { zh: '建设', en: 'Construction', verbs: ['建设', '加快推进', '加快建设', '共建'], status: 'construction' },
  'completion': { zh: '建成开通', en: 'Completion', verbs: ['建成', '开通'], status: 'construction' },
  'upgrade': { zh: '提升强化', en: 'Upgrade', verbs: ['提升', '强化', '扩大', '完善', '深化', '达标治理'], status: 'ongoing' },
  'existing': { zh: '已有设施', en: 'Existing', verbs: ['已有', '以…为载体', '以…为核心区域'], status: 'operation' },
  'promotion': { zh: '推动鼓励', en: 'Promotion', verbs: ['推动', '鼓励', '继续实施', '深度融入', '发挥…作用'], status: 'ongoing' },
  'policy': { zh: '机制与基金', en: 'Policy', verbs: ['建立机制', '设立基金'], status: 'ongoing' },
} as const satisfies Record<string, Label & { verbs: readonly string[]; status: StatusId }>;
export type StageId = keyof typeof STAGES;
export const STAGE_IDS = Object.keys(STAGES) as [StageId, ...StageId[]];

/** How much a feature's geometry can be trusted. */
export const PRECISIONS = {
  'exact': { zh: '精确位置', en: 'Exact site' },
  'approximate': { zh: '近似位置', en: 'Approximate' },
  /** The point marks a related place (an operator's seat, a county seat, a host city), not the thing itself. */
  'representative': { zh: '代表点', en: 'Representative point' },
  'schematic': { zh: '示意线路', en: 'Schematic route' },
  'region': { zh: '整体区域', en: 'Whole region' },
} as const satisfies Record<string, Label>;
export type PrecisionId = keyof typeof PRECISIONS;
export const PRECISION_IDS = Object.keys(PRECISIONS) as [PrecisionId, ...PrecisionId[]];

/** The plan's region (highlighted on the map) and the provinces it names as partners. */
export const PROVINCES = {
  'beijing': { zh: '北京', en: 'Beijing', plan: true },
  'tianjin': { zh: '天津', en: 'Tianjin', plan: true },
  'hebei': { zh: '河北', en: 'Hebei', plan: true },
  'shanxi': { zh: '山西', en: 'Shanxi', plan: true },
  'inner-mongolia': { zh: '内蒙古', en: 'Inner Mongolia', plan: true },
  'liaoning': { zh: '辽宁', en: 'Liaoning', plan: true },
  'shandong': { zh: '山东', en: 'Shandong', plan: true },
  'henan': { zh: '河南', en: 'Henan', plan: false },
  'shaanxi': { zh: '陕西', en: 'Shaanxi', plan: false },
  'jilin': { zh: '吉林', en: 'Jilin', plan: false },
  'heilongjiang': { zh: '黑龙江', en: 'Heilongjiang', plan: false },
  'ningxia': { zh: '宁夏', en: 'Ningxia', plan: false },
  'gansu': { zh: '甘肃', en: 'Gansu', plan: false },
  'xinjiang': { zh: '新疆', en: 'Xinjiang', plan: false },
  'jiangsu': { zh: '江苏', en: 'Jiangsu', plan: false },
  'anhui': { zh: '安徽', en: 'Anhui', plan: false },
  'sichuan': { zh: '四川', en: 'Sichuan', plan: false },
  'mongolia': { zh: '蒙古国', en: 'Mongolia', plan: false },
  'russia': { zh: '俄罗斯', en: 'Russia', plan: false },
} as const satisfies Record<string, Label & { plan: boolean }>;
export type ProvinceId = keyof typeof PROVINCES;
export const PROVINCE_IDS = Object.keys(PROVINCES) as [ProvinceId, ...ProvinceId[]];

export const MILESTONES = [2020, 2025, 2030] as const;
export type Milestone = (typeof MILESTONES)[number];
