/**
 * The project table every export shares (XLSX sheet, CSV, KML's data): one row per filtered project
 * with its names, taxonomy labels, provinces by name, agencies by role, plan clauses, latest status
 * and measures; column headers in Chinese or English. Clauses and agencies come from the same
 * function as the project detail (project-clauses.ts).
 */
import * as turf from '@turf/turf';
import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { ProjectFilterSchema, type ProjectFilter } from '#shared/filters.ts';
import type { Geometry } from '#shared/schema.ts';
import { CATEGORIES, PRECISIONS, PROVINCES, STAGES, STATUSES } from '#shared/taxonomy.ts';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { clausesOf, latestEventsOf, type Clause, type ClauseAgency, type StatusEvent } from './project-clauses.ts';
import { describeFilter, exportDate, type FilterNames, type Lang } from './export-names.ts';
import { queryProjects, type ProjectRow } from './project-query.ts';

/** The exports' query: the filters of /api/projects plus the language of headers and names. */
export const ExportQuerySchema = ProjectFilterSchema.extend({
  lang: z.enum(['zh', 'en']).default('zh').describe('Language of headers, labels and the file name (zh, en)'),
}).strict();
export type ExportQuery = z.infer<typeof ExportQuerySchema>;

export type ExportRow = {
  row: ProjectRow;
  geometry: Geometry;
  /** A representative point on the feature (not a centroid outside a bent line or a bay). */
  point: [number, number];
  provinces: string[];
  clauses: Clause[];
  latest: StatusEvent | undefined;
};

export type ExportSet = {
  filter: ProjectFilter;
  lang: Lang;
  date: string;
  /** The filter in words: short (file names) and long (notes inside the file), in `lang`, and short in English. */
  filterParts: string[];
  filterPartsLong: string[];
  filterPartsEn: string[];
  rows: ExportRow[];
};

async function filterNames(db: Db, f: ProjectFilter): Promise<FilterNames> {
  const nodes = f.node
    ? await db.select({ id: t.planNodes.id, zh: t.planNodes.titleZh, en: t.planNodes.titleEn }).from(t.planNodes).where(inArray(t.planNodes.id, f.node)).all()
    : [];
  const agency = f.agency
    ? await db.select({ id: t.agencies.id, zh: t.agencies.nameZh, en: t.agencies.nameEn }).from(t.agencies).where(eq(t.agencies.id, f.agency)).get()
    : undefined;
  return { node: (id) => nodes.find((n) => n.id === id), agency: (id) => (agency?.id === id ? agency : undefined) };
}

/** The filtered projects with everything the export columns need. Bad filters throw the usual 400. */
export async function loadExport(db: Db, query: ExportQuery): Promise<ExportSet> {
  const { lang, ...filter } = query;
  const rows = await queryProjects(db, filter);
  const ids = rows.map((r) => r.id);
  const [clauses, latest, names] = await Promise.all([clausesOf(db, ids), latestEventsOf(db, ids), filterNames(db, filter)]);
  return {
    filter,
    lang,
    date: exportDate(),
    filterParts: describeFilter(filter, lang, names),
    filterPartsLong: describeFilter(filter, lang, names, true),
    filterPartsEn: describeFilter(filter, 'en', names),
    rows: rows.map((row) => ({
      row,
      geometry: row.geometry,
      point: pointOn(row.geometry),
      // In the order of PROVINCES (the plan's region first), not the order the database returns.
      provinces: (row.provinces?.split(',') ?? []).sort((a, b) => provinceOrder(a) - provinceOrder(b)),
      // One entry per clause (the detail lists each naming phrase; a file needs each clause once).
      clauses: [...new Map((clauses.get(row.id) ?? []).map((c) => [c.node, c])).values()],
      latest: latest.get(row.id),
    })),
  };
}

const PROVINCE_ORDER = Object.keys(PROVINCES);
const provinceOrder = (id: string) => (PROVINCE_ORDER.indexOf(id) + 1 || PROVINCE_ORDER.length + 1);

/** A taxonomy label in the language, or the id itself if the taxonomy lacks it. */
export const labelOf = (table: Record<string, { zh: string; en: string }>, id: string, lang: Lang) => table[id]?.[lang] ?? id;

/** Agencies of a role across all the project's clauses, each once, in clause order. */
function agenciesOf(r: ExportRow, role: ClauseAgency['role'], lang: Lang): string[] {
  const seen = new Map<string, string>();
  for (const c of r.clauses) for (const a of c.agencies) if (a.role === role && !seen.has(a.id)) seen.set(a.id, lang === 'zh' ? a.name_zh : a.name_en);
  return [...seen.values()];
}

/** Date part of an ISO time, in China's time zone. */
const dateOf = (iso: string) => exportDate(new Date(iso));

/** The latest status note; the seed's plan-implied note is stored in English, so it is said in Chinese here. */
function latestNote(r: ExportRow, lang: Lang): string | null {
  const e = r.latest;
  if (!e) return null;
  if (e.by === 'plan' && lang === 'zh') {
    return `依规划措辞推定（阶段：${labelOf(STAGES, r.row.stage, 'zh')}），并非核实的现状。`;
  }
  return e.note;
}

function pointOn(g: Geometry): [number, number] {
  const [lon, lat] = turf.pointOnFeature(turf.feature(g)).geometry.coordinates as [number, number];
  return [Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5];
}

export type Cell = string | number | null | string[];
export type Column = {
  zh: string;
  en: string;
  /** Column width in characters (XLSX). */
  width: number;
  value: (r: ExportRow, lang: Lang) => Cell;
};

/** The columns of the project table: XLSX and CSV have exactly these, in this order. */
export const COLUMNS: Column[] = [
  { zh: '名称', en: 'Name', width: 28, value: (r, l) => (l === 'zh' ? r.row.nameZh : r.row.nameEn) },
  { zh: '英文名称', en: 'Chinese name', width: 36, value: (r, l) => (l === 'zh' ? r.row.nameEn : r.row.nameZh) },
  { zh: '类别', en: 'Category', width: 16, value: (r, l) => labelOf(CATEGORIES, r.row.category, l) },
  { zh: '状态', en: 'Status', width: 14, value: (r, l) => labelOf(STATUSES, r.row.status, l) },
  { zh: '阶段', en: 'Stage', width: 12, value: (r, l) => labelOf(STAGES, r.row.stage, l) },
  { zh: '省份', en: 'Provinces', width: 20, value: (r, l) => r.provinces.map((p) => labelOf(PROVINCES, p, l)) },
  { zh: '牵头单位', en: 'Lead agencies', width: 30, value: (r, l) => agenciesOf(r, 'lead', l) },
  { zh: '配合单位', en: 'Co-operating agencies', width: 40, value: (r, l) => agenciesOf(r, 'cooperating', l) },
  { zh: '按职责分工负责单位', en: 'Agencies sharing responsibility', width: 30, value: (r, l) => agenciesOf(r, 'shared', l) },
  { zh: '规划条款', en: 'Plan clauses', width: 48, value: (r, l) => r.clauses.map((c) => `${c.node} ${l === 'zh' ? c.title_zh : c.title_en}`) },
  { zh: '状态更新日期', en: 'Status updated', width: 13, value: (r) => (r.latest?.at ? dateOf(r.latest.at) : null) },
  { zh: '最新说明', en: 'Latest note', width: 40, value: (r, l) => latestNote(r, l) },
  { zh: '长度（km）', en: 'Length (km)', width: 11, value: (r) => r.row.lengthKm },
  { zh: '面积（km²）', en: 'Area (km²)', width: 11, value: (r) => r.row.areaKm2 },
  { zh: '目标年份', en: 'Milestone', width: 9, value: (r) => r.row.milestone },
  { zh: '位置精度', en: 'Precision', width: 12, value: (r, l) => labelOf(PRECISIONS, r.row.precision, l) },
  { zh: '经度', en: 'Longitude', width: 11, value: (r) => r.point[0] },
  { zh: '纬度', en: 'Latitude', width: 11, value: (r) => r.point[1] },
  { zh: '编号', en: 'ID', width: 24, value: (r) => r.row.id },
];

/** How a list cell is joined in a CSV (XLSX puts each item on its own line). */
export const listSeparator = (lang: Lang) => (lang === 'zh' ? '；' : '; ');

const csvCell = (v: Cell, lang: Lang) => {
  const text = v === null ? '' : Array.isArray(v) ? v.join(listSeparator(lang)) : String(v);
  // A cell that starts like a formula (an editor's note "=HYPERLINK(…)") is kept as text in Excel.
  const s = typeof v === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The table as CSV: a BOM so Excel reads UTF-8 and shows the Chinese names, CRLF line ends. */
export function projectsCsv(set: ExportSet): string {
  const header = COLUMNS.map((c) => csvCell(c[set.lang], set.lang)).join(',');
  const lines = set.rows.map((r) => COLUMNS.map((c) => csvCell(c.value(r, set.lang), set.lang)).join(','));
  return `\uFEFF${[header, ...lines].join('\r\n')}\r\n`;
}
