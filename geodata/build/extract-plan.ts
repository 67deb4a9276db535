// Regenerate geodata/plan/plan.json from the plan text, from the repo root:
//   npx tsx geodata/build/extract-plan.ts [path-to-plan.txt]
// (default: geodata/plan/tianjin-bohai-rim-implementation-plan.txt, the copy kept in the repo).
// English titles come from geodata/plan/titles-en.json (translated by the project, keyed by node id).
// The output is deterministic: same text and titles, same bytes. It is validated by PlanFileSchema.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PlanFileSchema } from '../../shared/schema.ts';
import type { Agency, PlanFile, PlanNode } from '../../shared/schema.ts';
import type { ProvinceId } from '../../shared/taxonomy.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '../..');
const PLAN_BASENAME = 'tianjin-bohai-rim-implementation-plan.txt';
export const DEFAULT_PLAN_PATH = path.join(REPO_ROOT, 'geodata/plan', PLAN_BASENAME);
const OUT_PATH = path.join(REPO_ROOT, 'geodata/plan/plan.json');
const TITLES_PATH = path.join(REPO_ROOT, 'geodata/plan/titles-en.json');

// ---------------------------------------------------------------------------------------------
// Agencies: every name that can stand in a closing parenthesis, with a stable id and English name.
// An unknown name stops the build, so a new one is never silently dropped.
// `now`: today's name where the 2018 reform renamed or merged the agency, only where a published
// source says so (《天津市机构改革方案》, Nov 2018; see geodata/plan/README.md). Others are left as the
// plan names them, not guessed.
// ---------------------------------------------------------------------------------------------
type AgencyInfo = { id: string; en: string; now?: { zh: string; en: string } };
const AGENCIES: Record<string, AgencyInfo> = {
  '市交通运输委': { id: 'transport-commission', en: 'Tianjin Municipal Transport Commission' },
  '天津港集团': { id: 'tianjin-port-group', en: 'Tianjin Port (Group) Co.' },
  '市建委': { id: 'construction-commission', en: 'Tianjin Municipal Urban and Rural Construction Commission' },
  '市发展改革委': { id: 'development-reform-commission', en: 'Tianjin Municipal Development and Reform Commission' },
  '市口岸办': { id: 'port-of-entry-office', en: 'Tianjin Municipal Port of Entry Office' },
  '天津海关': { id: 'tianjin-customs', en: 'Tianjin Customs' },
  '天津检验检疫局': { id: 'tianjin-inspection-quarantine', en: 'Tianjin Entry-Exit Inspection and Quarantine Bureau' },
  '市海洋局': { id: 'oceanic-administration', en: 'Tianjin Municipal Oceanic Administration', now: { zh: '市规划和自然资源局（保留市海洋局牌子）', en: 'Tianjin Municipal Bureau of Planning and Natural Resources (keeps the Oceanic Administration name)' } },
  '天津海事局': { id: 'tianjin-maritime-safety', en: 'Tianjin Maritime Safety Administration' },
  '市外办': { id: 'foreign-affairs-office', en: 'Tianjin Municipal Foreign Affairs Office' },
  '市规划局': { id: 'planning-bureau', en: 'Tianjin Municipal Planning Bureau', now: { zh: '市规划和自然资源局', en: 'Tianjin Municipal Bureau of Planning and Natural Resources' } },
  '滨海新区人民政府': { id: 'binhai-new-area-government', en: "Binhai New Area People's Government" },
  '天津机场集团': { id: 'tianjin-airport-group', en: 'Tianjin Airport Group' },
  '市工业和信息化委': { id: 'industry-it-commission', en: 'Tianjin Municipal Commission of Industry and Information Technology', now: { zh: '市工业和信息化局', en: 'Tianjin Municipal Bureau of Industry and Information Technology' } },
  '人民银行天津分行': { id: 'pboc-tianjin', en: "People's Bank of China Tianjin Branch" },
  '市应急办': { id: 'emergency-office', en: 'Tianjin Municipal Emergency Management Office' },
  '市卫生计生委': { id: 'health-family-planning-commission', en: 'Tianjin Municipal Health and Family Planning Commission' },
  '市公安局': { id: 'public-security-bureau', en: 'Tianjin Municipal Public Security Bureau' },
  '市商务委': { id: 'commerce-commission', en: 'Tianjin Municipal Commerce Commission' },
  '市国资委': { id: 'state-assets-commission', en: 'Tianjin Municipal State-owned Assets Supervision and Administration Commission' },
  '市合作交流办': { id: 'cooperation-exchange-office', en: 'Tianjin Municipal Cooperation and Exchange Office' },
  '市科委': { id: 'science-technology-commission', en: 'Tianjin Municipal Science and Technology Commission', now: { zh: '市科学技术局', en: 'Tianjin Municipal Science and Technology Bureau' } },
  '市财政局': { id: 'finance-bureau', en: 'Tianjin Municipal Finance Bureau' },
  '市地税局': { id: 'local-taxation-bureau', en: 'Tianjin Local Taxation Bureau' },
  '市国税局': { id: 'state-taxation-bureau', en: 'Tianjin State Taxation Bureau' },
  '市市场监管委': { id: 'market-regulation-commission', en: 'Tianjin Municipal Market and Quality Supervision Commission' },
  '市知识产权局': { id: 'intellectual-property-office', en: 'Tianjin Municipal Intellectual Property Office' },
  '市人力社保局': { id: 'human-resources-social-security-bureau', en: 'Tianjin Municipal Human Resources and Social Security Bureau' },
  '市金融局': { id: 'financial-work-bureau', en: 'Tianjin Municipal Financial Work Bureau' },
  '天津银监局': { id: 'tianjin-banking-regulator', en: 'China Banking Regulatory Commission Tianjin Office' },
  '天津证监局': { id: 'tianjin-securities-regulator', en: 'China Securities Regulatory Commission Tianjin Office' },
  '天津保监局': { id: 'tianjin-insurance-regulator', en: 'China Insurance Regulatory Commission Tianjin Office' },
  '市国土房管局': { id: 'land-housing-bureau', en: 'Tianjin Municipal Land Resources and Housing Administration Bureau' },
  '市旅游局': { id: 'tourism-bureau', en: 'Tianjin Municipal Tourism Bureau' },
  '市农委': { id: 'rural-affairs-commission', en: 'Tianjin Municipal Rural Work Commission' },
  '自贸试验区管委会': { id: 'free-trade-zone-committee', en: 'Administrative Committee of the China (Tianjin) Pilot Free Trade Zone' },
  '市水务局': { id: 'water-affairs-bureau', en: 'Tianjin Municipal Water Affairs Bureau' },
  '市环保局': { id: 'environmental-protection-bureau', en: 'Tianjin Municipal Environmental Protection Bureau', now: { zh: '市生态环境局', en: 'Tianjin Municipal Bureau of Ecology and Environment' } },
  '市林业局': { id: 'forestry-bureau', en: 'Tianjin Municipal Forestry Bureau' },
  '市教委': { id: 'education-commission', en: 'Tianjin Municipal Education Commission' },
  '市文化广播影视局': { id: 'culture-radio-film-tv-bureau', en: 'Tianjin Municipal Bureau of Culture, Radio, Film and Television' },
};

// ---------------------------------------------------------------------------------------------
// Partners. Patterns are tried longest first at each position, left to right, without overlap, so
// 京 inside 北京 or 京津冀 counts once and 蒙古 inside 内蒙古 is not Mongolia. 天津 and 津 are the
// plan's own city and never a partner. A one-character abbreviation counts where it stands for its
// province as a place (京津冀, 京冀, 津晋, 津蒙, 蒙俄 …). Inside the name of a line, an axis, a programme
// or a company (陕京四线, 中俄东线, 京滨城际, 京津呼新发展轴 …) it is part of a name, not a place, and
// names no partner; abbreviations of cities inside line names (唐, 廊, 石, 保, 承, 沧 …) are not
// expanded either: only places written out in full are partners.
// ---------------------------------------------------------------------------------------------
type PartnerRule = { provinces: ProvinceId[]; city?: true };
const PARTNER_RULES: Record<string, PartnerRule> = {
  // provinces by name (and the capital)
  '北京': { provinces: ['beijing'] },
  '首都': { provinces: ['beijing'] },
  '河北': { provinces: ['hebei'] },
  '山东': { provinces: ['shandong'] },
  '辽宁': { provinces: ['liaoning'] },
  '山西': { provinces: ['shanxi'] },
  '内蒙古': { provinces: ['inner-mongolia'] },
  '河南': { provinces: ['henan'] },
  '四川': { provinces: ['sichuan'] },
  '蒙古': { provinces: ['mongolia'] }, // the country; 内蒙古 is matched first
  // names that hold province abbreviations but name no place: 陕京四线 does not make Shaanxi a partner
  // of a Tianjin measure, nor 中俄东线 Russia (the measure builds their Tianjin sections).
  '京南': { provinces: [] }, // 河北·京南科技成果转化实验区: "south of Beijing", a zone in Hebei
  '陕京四线': { provinces: [] },
  '中俄东线': { provinces: [] },
  '蒙西煤制气': { provinces: [] },
  '京滨城际': { provinces: [] },
  '京唐城际': { provinces: [] },
  '京津城际': { provinces: [] },
  '京沪高铁': { provinces: [] },
  '京秦': { provinces: [] }, // 京秦高速公路, an expressway
  '京津呼新发展轴': { provinces: [] },
  '京津风沙源治理': { provinces: [] }, // the programme; its measure names 北京 and 河北 in full
  '渤海津冀港口投资发展有限公司': { provinces: [] }, // a company
  // abbreviations standing for their provinces
  '京': { provinces: ['beijing'] },
  '冀': { provinces: ['hebei'] },
  '晋': { provinces: ['shanxi'] },
  '鲁': { provinces: ['shandong'] },
  '辽': { provinces: ['liaoning'] },
  '陕': { provinces: ['shaanxi'] },
  '津蒙': { provinces: ['inner-mongolia'] },
  '蒙西': { provinces: ['inner-mongolia'] },
  '蒙俄': { provinces: ['mongolia', 'russia'] },
  '中俄': { provinces: ['russia'] },
  // cities (and counties), as their province
  '青岛': { provinces: ['shandong'], city: true },
  '烟台': { provinces: ['shandong'], city: true },
  '威海': { provinces: ['shandong'], city: true },
  '寿光': { provinces: ['shandong'], city: true },
  '滨州': { provinces: ['shandong'], city: true },
  '东营': { provinces: ['shandong'], city: true },
  '承德': { provinces: ['hebei'], city: true },
  '涉县': { provinces: ['hebei'], city: true },
  '黄骅': { provinces: ['hebei'], city: true },
  '赤峰': { provinces: ['inner-mongolia'], city: true },
  '鄂尔多斯': { provinces: ['inner-mongolia'], city: true },
  '满洲里': { provinces: ['inner-mongolia'], city: true },
  '二连浩特': { provinces: ['inner-mongolia'], city: true },
  '阿拉山口': { provinces: ['xinjiang'], city: true },
  '霍尔果斯': { provinces: ['xinjiang'], city: true },
  '乔巴山': { provinces: ['mongolia'], city: true },
};
const PARTNER_RE = new RegExp(
  Object.keys(PARTNER_RULES)
    .sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0))
    .join('|'),
  'g',
);
/** Province abbreviations that must be accounted for by a rule above wherever they occur. */
const GUARDED_CHARS = /[京冀晋鲁辽蒙俄陕豫]/g;

export function findPartners(text: string): { partners: ProvinceId[]; cities: string[] } {
  const partners: ProvinceId[] = [];
  const cities: string[] = [];
  const covered = new Set<number>();
  for (const m of text.matchAll(PARTNER_RE)) {
    const rule = PARTNER_RULES[m[0]]!;
    for (let i = 0; i < m[0].length; i++) covered.add(m.index + i);
    for (const p of rule.provinces) if (!partners.includes(p)) partners.push(p);
    if (rule.city && !cities.includes(m[0])) cities.push(m[0]);
  }
  for (const m of text.matchAll(GUARDED_CHARS)) {
    if (!covered.has(m.index)) {
      throw new Error(`unhandled province abbreviation ${m[0]} in: …${text.slice(Math.max(0, m.index - 8), m.index + 8)}…`);
    }
  }
  return { partners, cities };
}

// ---------------------------------------------------------------------------------------------
// Agency parentheses
// ---------------------------------------------------------------------------------------------
type AgencyRef = { agency: string; role: 'lead' | 'cooperating' | 'shared' };
export type ParsedAgencies = { agencies: AgencyRef[]; open_ended: boolean; with_districts: boolean; names: string[] };

/** The closing parenthesis of a measure paragraph, without its brackets, or null if there is none. */
export function closingParenthesis(paragraph: string): string | null {
  if (!paragraph.endsWith('）')) return null;
  const open = paragraph.lastIndexOf('（');
  if (open < 0) return null;
  const inner = paragraph.slice(open + 1, -1);
  if (inner.includes('）')) return null;
  return inner;
}

const ROLE_SUFFIXES: [string, AgencyRef['role']][] = [
  ['按职责分工负责', 'shared'],
  ['牵头', 'lead'],
  ['配合', 'cooperating'],
];

export function parseAgencies(inner: string): ParsedAgencies {
  const out: ParsedAgencies = { agencies: [], open_ended: false, with_districts: false, names: [] };
  const body = inner.replace(/。$/, '');
  out.open_ended = body.includes('等有关部门');
  out.with_districts = body.includes('和区');
  for (const segment of body.split('，')) {
    let role: AgencyRef['role'] = 'lead'; // "（市发展改革委）": a single agency alone leads
    let list = segment;
    for (const [suffix, r] of ROLE_SUFFIXES) {
      if (list.endsWith(suffix)) {
        role = r;
        list = list.slice(0, -suffix.length);
        break;
      }
    }
    list = list.replace(/(等有关部门)?(和区)?$/, '');
    for (const name of list.split('、')) {
      const info = AGENCIES[name];
      if (!info) throw new Error(`unknown agency "${name}" in （${inner}）`);
      out.agencies.push({ agency: info.id, role });
      if (!out.names.includes(name)) out.names.push(name);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The document tree
// ---------------------------------------------------------------------------------------------
const CN_NUM: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const PART_RE = /^([一二三四五六七八九十])、(.+)$/;
const SECTION_RE = /^（([一二三四五六七八九十])）(.+)$/;
const TASK_RE = /^(\d+)\.(.+)$/;
const GOAL_RE = /^(?:到|展望)(20\d\d)年/;
const TASK_TEXT_PREFIX = '工作任务：';
const MEASURES_LINE = '工作措施：';

/** A heading without its trailing 。 */
const headingTitle = (s: string) => s.trim().replace(/。$/, '');
/** A paragraph's lead sentence (to the first 。) or, when a ， comes first, its first clause. */
export function leadTitle(paragraph: string): string {
  const m = /^[^，。]+/.exec(paragraph);
  if (!m) throw new Error(`no lead sentence in ${paragraph.slice(0, 20)}`);
  return m[0];
}

type Draft = Omit<PlanNode, 'title_en'>;

function blank(id: string, parent: string | null, kind: PlanNode['kind'], order: number, title_zh: string, text_zh: string): Draft {
  return {
    id,
    parent,
    kind,
    order,
    title_zh,
    text_zh,
    agencies: [],
    agencies_open_ended: false,
    with_districts: false,
    partners: [],
    partner_cities: [],
  };
}

export function parsePlan(raw: string): { nodes: Draft[]; agencyNames: string[] } {
  const lines = raw.replace(/^\uFEFF/, '').split(/\r?\n/);
  const nodes: Draft[] = [];
  const byId = new Map<string, Draft>();
  const add = (n: Draft) => {
    if (byId.has(n.id)) throw new Error(`duplicate node id ${n.id}`);
    byId.set(n.id, n);
    nodes.push(n);
    return n;
  };
  const agencyNames: string[] = [];
  const childCount = new Map<string | null, number>();
  const nextOrder = (parent: string | null) => {
    const n = (childCount.get(parent) ?? 0) + 1;
    childCount.set(parent, n);
    return n;
  };

  let part: Draft | null = null;
  let section: Draft | null = null;
  let task: Draft | null = null;
  let inMeasures = false;
  let measureCount = 0;

  for (const rawLine of lines) {
    const line = rawLine.trim();
    if (!line) continue;
    let m: RegExpExecArray | null;
    if ((m = PART_RE.exec(line))) {
      const id = String(CN_NUM[m[1]!]);
      part = add(blank(id, null, 'part', nextOrder(null), headingTitle(m[2]!), ''));
      section = task = null;
      inMeasures = false;
    } else if ((m = SECTION_RE.exec(line))) {
      if (!part) throw new Error(`section before any part: ${line}`);
      const id = `${part.id}.${CN_NUM[m[1]!]}`;
      section = add(blank(id, part.id, 'section', nextOrder(part.id), headingTitle(m[2]!), ''));
      task = null;
      inMeasures = false;
    } else if ((m = TASK_RE.exec(line))) {
      if (!section) throw new Error(`task before any section: ${line}`);
      const id = `${section.id}.${m[1]}`;
      task = add(blank(id, section.id, 'task', nextOrder(section.id), headingTitle(m[2]!), ''));
      inMeasures = false;
      measureCount = 0;
    } else if (line.startsWith(TASK_TEXT_PREFIX)) {
      if (!task || task.text_zh) throw new Error(`stray 工作任务: ${line}`);
      task.text_zh = line.slice(TASK_TEXT_PREFIX.length).trim();
    } else if (line === MEASURES_LINE) {
      if (!task || inMeasures) throw new Error(`stray 工作措施 line`);
      inMeasures = true;
    } else if (inMeasures && task) {
      measureCount++;
      const id = `${task.id}.m${measureCount}`;
      const node = add(blank(id, task.id, 'measure', nextOrder(task.id), leadTitle(line), line));
      const inner = closingParenthesis(line);
      if (inner !== null) {
        const parsed = parseAgencies(inner);
        node.agencies = parsed.agencies;
        node.agencies_open_ended = parsed.open_ended;
        node.with_districts = parsed.with_districts;
        for (const n of parsed.names) if (!agencyNames.includes(n)) agencyNames.push(n);
      }
    } else if (!part) {
      if (byId.has('pre')) throw new Error(`second preamble paragraph: ${line}`);
      add(blank('pre', null, 'preamble', nextOrder(null), leadTitle(line), line));
    } else if (section && !task && (m = GOAL_RE.exec(line))) {
      const year = Number(m[1]);
      if (year !== 2020 && year !== 2025 && year !== 2030) throw new Error(`unexpected goal year ${year}`);
      const goal = add(blank(`${section.id}.g${year}`, section.id, 'goal', nextOrder(section.id), leadTitle(line), line));
      goal.year = year;
    } else if (section && !task && !section.text_zh && (childCount.get(section.id) ?? 0) === 0) {
      section.text_zh = line;
    } else {
      throw new Error(`unplaced paragraph: ${line.slice(0, 30)}`);
    }
  }

  // 三（二）: "本实施方案由市合作交流办牵头组织落实" — the section's own lead agency.
  for (const n of nodes) {
    if (n.kind !== 'section' || !n.text_zh) continue;
    const lead = /由([^，。]+?)牵头组织落实/.exec(n.text_zh);
    if (lead) {
      const info = AGENCIES[lead[1]!];
      if (!info) throw new Error(`unknown agency ${lead[1]}`);
      n.agencies = [{ agency: info.id, role: 'lead' }];
      if (!agencyNames.includes(lead[1]!)) agencyNames.push(lead[1]!);
    }
  }

  // Partners: from the node's own words (its heading, if it has one, and its text).
  for (const n of nodes) {
    const ownHeading = n.kind === 'part' || n.kind === 'section' || n.kind === 'task';
    const { partners, cities } = findPartners(ownHeading ? `${n.title_zh}\n${n.text_zh}` : n.text_zh);
    n.partners = partners;
    n.partner_cities = cities;
  }
  return { nodes, agencyNames };
}

export function buildPlanFile(raw: string, titlesEn: Record<string, string>): PlanFile {
  const { nodes, agencyNames } = parsePlan(raw);
  const missing = nodes.filter((n) => !titlesEn[n.id]?.trim()).map((n) => n.id);
  if (missing.length) throw new Error(`no English title for: ${missing.join(', ')}`);
  const ids = new Set(nodes.map((n) => n.id));
  const extra = Object.keys(titlesEn).filter((k) => !ids.has(k));
  if (extra.length) throw new Error(`English titles for unknown nodes: ${extra.join(', ')}`);

  const full: PlanNode[] = nodes.map((n) => {
    const { id, parent, kind, order, title_zh, text_zh, year, ...rest } = n;
    return {
      id,
      parent,
      kind,
      order,
      title_zh,
      title_en: titlesEn[id]!.trim(),
      text_zh,
      ...(year !== undefined ? { year } : {}),
      ...rest,
    };
  });
  const agencies: Agency[] = agencyNames.map((name) => {
    const info = AGENCIES[name]!;
    return { id: info.id, name_zh: name, name_en: info.en, ...(info.now ? { name_now_zh: info.now.zh, name_now_en: info.now.en } : {}) };
  });
  const sha = createHash('sha256').update(raw).digest('hex');
  const file: PlanFile = {
    source: `geodata/plan/${PLAN_BASENAME} (sha256 ${sha}); English titles and agency names translated by the project`,
    nodes: full,
    agencies,
  };
  PlanFileSchema.parse(file);
  return file;
}

function main() {
  const planPath = process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_PLAN_PATH;
  const raw = readFileSync(planPath, 'utf8');
  const titlesEn = JSON.parse(readFileSync(TITLES_PATH, 'utf8')) as Record<string, string>;
  const file = buildPlanFile(raw, titlesEn);
  writeFileSync(OUT_PATH, JSON.stringify(file, null, 2) + '\n');
  const count = (k: PlanNode['kind']) => file.nodes.filter((n) => n.kind === k).length;
  console.log(
    `wrote ${path.relative(REPO_ROOT, OUT_PATH)}: ${file.nodes.length} nodes (${count('part')} parts, ${count('section')} sections, ` +
      `${count('goal')} goals, ${count('task')} tasks, ${count('measure')} measures), ${file.agencies.length} agencies`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
