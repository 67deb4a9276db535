/**
 * The whole view as one value, and its URL form: a copied link opens the same view (filters, camera,
 * selection, language, theme, panel, mode). Unknown values in a URL are dropped, never fatal.
 */
import {
  CATEGORY_IDS,
  type CategoryId,
  type Milestone,
  type ProvinceId,
  type StageId,
  type StatusId,
} from '#shared/taxonomy.ts';
import { isCoverageMeasure, type CoverageMeasure } from '../coverage/measures.ts';
import { isDay } from '../coverage/status-as-of.ts';
import type { Lang } from '../i18n/messages.ts';
import { readSlidePlace, writeSlidePlace, type SlidePlace } from '../present/slide-place.ts';
import type { Camera } from '../map/map-view.tsx';
import { serverQuery } from './server-query.ts';
import { isAgencyRole, isListValue, LIST_KEYS, readAgency, readAgencyRole, readList, readNear, readQuery, readRadius, type AgencyRole } from './url-filter.ts';

export type { AgencyRole };
export type Panel = 'filters' | 'plan' | 'list' | 'stats' | 'views';

export type Filters = {
  nodes: string[];
  categories: CategoryId[];
  statuses: StatusId[];
  stages: StageId[];
  provinces: ProvinceId[];
  milestones: Milestone[];
  agency: string | null;
  agencyRole: AgencyRole;
  q: string;
  near: [number, number] | null;
  radiusKm: number;
};

export type ViewState = {
  lang: Lang;
  theme: 'light' | 'contrast';
  panel: Panel;
  mode: 'browse' | 'present' | 'slides';
  /** Only in mode 'slides': the deck played and the slide shown (client/present/slide-place.ts). */
  slides?: SlidePlace | undefined;
  filters: Filters;
  /** Categories switched off in the legend (a layer switch, not a filter of counts). */
  hidden: CategoryId[];
  selected: string | null;
  camera: Camera;
  /** How the projects are coloured: by category (the default) or by status. */
  symbology: 'category' | 'status';
  /** The coverage choropleth's measure, or null when it is off. */
  coverage: CoverageMeasure | null;
  /** Status colours as they were on this day (YYYY-MM-DD); null = today. Only with status colours. */
  asOf: string | null;
};

export const HOME_CAMERA: Camera = { center: [117.6, 39.3], zoom: 6.2 };

export const EMPTY_FILTERS: Filters = {
  nodes: [],
  categories: [],
  statuses: [],
  stages: [],
  provinces: [],
  milestones: [],
  agency: null,
  agencyRole: 'any',
  q: '',
  near: null,
  radiusKm: 25,
};

export const DEFAULT_STATE: ViewState = {
  lang: 'zh',
  theme: 'light',
  panel: 'filters',
  mode: 'browse',
  filters: EMPTY_FILTERS,
  hidden: [],
  selected: null,
  camera: HOME_CAMERA,
  symbology: 'category',
  coverage: null,
  asOf: null,
};

export function parseViewState(search: string): ViewState {
  const u = new URLSearchParams(search);
  const cam = u.get('c')?.split(',').map(Number);
  const panel = u.get('panel');
  const hide = u.get('hide')?.split(',') ?? [];
  const symbology = u.get('symbology') === 'status' ? 'status' : 'category';
  const coverage = u.get('coverage');
  const asOf = u.get('asof');
  return {
    lang: u.get('lang') === 'en' ? 'en' : 'zh',
    theme: u.get('theme') === 'contrast' ? 'contrast' : 'light',
    panel: panel === 'plan' || panel === 'list' || panel === 'stats' || panel === 'views' ? panel : 'filters',
    mode: u.get('mode') === 'present' || u.get('mode') === 'slides' ? (u.get('mode') as 'present' | 'slides') : 'browse',
    slides: u.get('mode') === 'slides' ? readSlidePlace(u) : undefined,
    filters: {
      nodes: readList(u.get('node'), 'node') ?? [],
      categories: readList(u.get('category'), 'category') ?? [],
      statuses: readList(u.get('status'), 'status') ?? [],
      stages: readList(u.get('stage'), 'stage') ?? [],
      provinces: readList(u.get('province'), 'province') ?? [],
      milestones: readList(u.get('milestone'), 'milestone') ?? [],
      agency: readAgency(u.get('agency')) ?? null,
      agencyRole: readAgencyRole(u.get('agency_role')) ?? 'any',
      q: readQuery(u.get('q')) ?? '',
      near: readNear(u.get('near')) ?? null,
      radiusKm: readRadius(u.get('radius_km')) ?? EMPTY_FILTERS.radiusKm,
    },
    hidden: CATEGORY_IDS.filter((c) => hide.includes(c)),
    selected: u.get('sel')?.match(/^[a-z0-9-]+$/)?.[0] ?? null,
    camera: cam && cam.length === 3 && cam.every(Number.isFinite) ? { center: [cam[0]!, cam[1]!], zoom: cam[2]! } : HOME_CAMERA,
    symbology,
    coverage: isCoverageMeasure(coverage) ? coverage : null,
    asOf: symbology === 'status' && asOf && isDay(asOf) ? asOf : null,
  };
}

/** The view as a query string: the filters under the API's own names (serverQuery), then the view. */
export function serializeViewState(s: ViewState): string {
  const u = new URLSearchParams(serverQuery(s.filters));
  if (s.lang !== 'zh') u.set('lang', s.lang);
  if (s.theme !== 'light') u.set('theme', s.theme);
  if (s.panel !== 'filters') u.set('panel', s.panel);
  if (s.mode !== 'browse') u.set('mode', s.mode);
  if (s.mode === 'slides') writeSlidePlace(u, s.slides);
  if (s.hidden.length) u.set('hide', s.hidden.join(','));
  if (s.selected) u.set('sel', s.selected);
  if (s.symbology !== 'category') u.set('symbology', s.symbology);
  if (s.symbology === 'status' && s.asOf) u.set('asof', s.asOf);
  if (s.coverage) u.set('coverage', s.coverage);
  u.set('c', [...s.camera.center, s.camera.zoom].join(','));
  return u.toString().replace(/%2C/g, ',');
}

export const hasFilters = (f: Filters) =>
  f.nodes.length + f.categories.length + f.statuses.length + f.stages.length + f.provinces.length + f.milestones.length > 0 ||
  Boolean(f.agency || f.q || f.near);


/**
 * The filter values of a link that name nothing here: values the schema rejects (category=port)
 * and, once the plan is known, plan node ids it does not have (node=9.9). parseViewState drops the
 * first kind; the app drops the second and says which, so a link never shows zero projects silently.
 */
export function unknownFilterValues(search: string, knownNodes: ReadonlySet<string> | null): { key: string; value: string }[] {
  const u = new URLSearchParams(search);
  const out: { key: string; value: string }[] = [];
  for (const key of LIST_KEYS) {
    for (const value of (u.get(key) ?? '').split(',').map((x) => x.trim()).filter(Boolean)) {
      const ok = isListValue(key, value) && (key !== 'node' || !knownNodes || knownNodes.has(value));
      if (!ok && !out.some((o) => o.key === key && o.value === value)) out.push({ key, value });
    }
  }
  const role = u.get('agency_role');
  if (role !== null && !isAgencyRole(role)) out.push({ key: 'agency_role', value: role });
  return out;
}
