/**
 * What an export is called: the filter in words (for the file name and the file's own notes), the
 * date, and a Content-Disposition header that carries a UTF-8 name (RFC 5987/6266) with an ASCII
 * fallback for old clients.
 */
import { planDay } from '#shared/day.ts';
import type { ProjectFilter } from '#shared/filters.ts';
import { CATEGORIES, PROVINCES, STAGES, STATUSES } from '#shared/taxonomy.ts';

export type Lang = 'zh' | 'en';

/** Names the filter needs that live in the database. */
export type FilterNames = {
  node: (id: string) => { zh: string; en: string } | undefined;
  agency: (id: string) => { zh: string; en: string } | undefined;
};

const ROLE = {
  lead: { zh: '牵头', en: 'lead' },
  cooperating: { zh: '配合', en: 'co-operating' },
  shared: { zh: '按职责分工负责', en: 'shared' },
} as const;

/** "港口、机场" or "Seaport+Airport"; more than three become "港口、机场、口岸等5项". */
function listOf(labels: string[], lang: Lang): string {
  const sep = lang === 'zh' ? '、' : '+';
  if (labels.length <= 3) return labels.join(sep);
  const head = labels.slice(0, 3).join(sep);
  return lang === 'zh' ? `${head}等${labels.length}项` : `${head} +${labels.length - 3} more`;
}

const label = (table: Record<string, { zh: string; en: string }>, id: string, lang: Lang) => table[id]?.[lang] ?? id;

/**
 * The active filters in words, one part per parameter, in the order a planner reads them: where,
 * what, how far along, which clause, who, then search and map extent. `long` adds clause titles and
 * coordinates (for the notes inside a file); the short form is for file names.
 */
export function describeFilter(f: ProjectFilter, lang: Lang, names: FilterNames, long = false): string[] {
  const zh = lang === 'zh';
  const parts: string[] = [];
  if (f.province) parts.push(listOf(f.province.map((p) => label(PROVINCES, p, lang)), lang));
  if (f.category) parts.push(listOf(f.category.map((c) => label(CATEGORIES, c, lang)), lang));
  if (f.status) parts.push(listOf(f.status.map((s) => label(STATUSES, s, lang)), lang));
  if (f.stage) parts.push(listOf(f.stage.map((s) => label(STAGES, s, lang)), lang));
  if (f.milestone) parts.push(listOf(f.milestone.map((m) => (zh ? `${m}年` : String(m))), lang));
  if (f.node) {
    const nodes = f.node.map((n) => (long ? `${n} ${names.node(n)?.[lang] ?? ''}`.trim() : n));
    parts.push(zh ? `条款${listOf(nodes, lang)}` : `clause ${listOf(nodes, lang)}`);
  }
  if (f.agency) {
    const name = names.agency(f.agency)?.[lang] ?? f.agency;
    parts.push(f.agency_role === 'any' ? name : zh ? `${name}（${ROLE[f.agency_role].zh}）` : `${name} (${ROLE[f.agency_role].en})`);
  }
  // Curly quotes: a straight " is not allowed in a Windows file name.
  if (f.q) parts.push(zh ? `搜索“${f.q}”` : `search “${f.q}”`);
  if (f.near) {
    const at = long ? (zh ? `（${f.near.join(', ')}）` : ` of ${f.near.join(', ')}`) : '';
    parts.push(zh ? `周边${f.radius_km}公里${at}` : `within ${f.radius_km} km${at}`);
  }
  if (f.bbox) parts.push(zh ? (long ? `地图范围 ${f.bbox.join(', ')}` : '地图范围') : long ? `extent ${f.bbox.join(', ')}` : 'map extent');
  return parts;
}

/** Today's date in China (the plan's time zone), YYYY-MM-DD. */
export const exportDate = (now = new Date()): string => planDay(now);

export const ATLAS_TITLE = { zh: '渤海图集', en: 'Bohai Atlas' } as const;

/** At most this many characters of filter description in a file name (names are limited to 255 UTF-8 bytes). */
const MAX_DESCRIPTION = { zh: 60, en: 100 } as const;

/** "渤海图集-天津-港口-2026-12-01.xlsx": the title, the filter and the date. */
export function exportFileName(parts: string[], lang: Lang, date: string, ext: string): string {
  // eslint-disable-next-line no-control-regex -- characters no file system takes in a name
  let description = parts.join('-').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_');
  const max = MAX_DESCRIPTION[lang];
  // Cut by characters, not UTF-16 units: half an emoji would make the file name unencodable.
  const chars = [...description];
  if (chars.length > max) description = `${chars.slice(0, max - 1).join('')}…`;
  return [ATLAS_TITLE[lang], description, date].filter(Boolean).join('-') + `.${ext}`;
}

/** An ASCII file name for clients that ignore filename*: the English name, other characters dropped. */
export function asciiFileName(englishName: string): string {
  return englishName
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._+-]+/g, '_')
    .replace(/_+(?=[-.])|(?<=-)_+/g, '')
    .replace(/_+/g, '_')
    .replace(/-{2,}/g, '-');
}

/** RFC 5987 value-chars: encodeURIComponent leaves ' ( ) * unescaped, which the grammar does not allow. */
const rfc5987 = (s: string) => encodeURIComponent(s).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);

export function contentDisposition(name: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${rfc5987(name)}`;
}
