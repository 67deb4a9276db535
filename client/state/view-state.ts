/**
 * The whole view as one value, and its URL form: a copied link opens the same view (filters, camera,
 * selection, language, theme, panel, mode). Unknown values in a URL are dropped, never fatal.
 */
import {
  CATEGORY_IDS,
  MILESTONES,
  PROVINCE_IDS,
  STAGE_IDS,
  STATUS_IDS,
  type CategoryId,
  type Milestone,
  type ProvinceId,
  type StageId,
  type StatusId,
} from '#shared/taxonomy.ts';
import type { Lang } from '../i18n/messages.ts';
import type { Camera } from '../map/map-view.tsx';

export type AgencyRole = 'any' | 'lead' | 'cooperating' | 'shared';
export type Panel = 'filters' | 'plan' | 'list';

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
  mode: 'browse' | 'present';
  filters: Filters;
  /** Categories switched off in the legend (a layer switch, not a filter of counts). */
  hidden: CategoryId[];
  selected: string | null;
  camera: Camera;
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
};

const listOf = <T extends string | number>(raw: string | null, allowed: readonly T[], parse: (s: string) => T = (s) => s as T): T[] =>
  raw ? raw.split(',').map((s) => parse(s.trim())).filter((v) => allowed.includes(v)) : [];

const numbers = (raw: string | null, n: number): number[] | null => {
  const a = raw?.split(',').map(Number);
  return a && a.length === n && a.every(Number.isFinite) ? a : null;
};

export function parseViewState(search: string): ViewState {
  const u = new URLSearchParams(search);
  const cam = numbers(u.get('c'), 3);
  const near = numbers(u.get('near'), 2);
  const radius = Number(u.get('r'));
  const role = u.get('role');
  const panel = u.get('panel');
  return {
    lang: u.get('lang') === 'en' ? 'en' : 'zh',
    theme: u.get('theme') === 'contrast' ? 'contrast' : 'light',
    panel: panel === 'plan' || panel === 'list' ? panel : 'filters',
    mode: u.get('mode') === 'present' ? 'present' : 'browse',
    filters: {
      nodes: (u.get('node') ?? '').split(',').filter((s) => /^(\d(\.\d)*(\.m\d+)?|pre)$/.test(s)),
      categories: listOf(u.get('category'), CATEGORY_IDS),
      statuses: listOf(u.get('status'), STATUS_IDS),
      stages: listOf(u.get('stage'), STAGE_IDS),
      provinces: listOf(u.get('province'), PROVINCE_IDS),
      milestones: listOf(u.get('milestone'), MILESTONES, Number as (s: string) => Milestone),
      agency: u.get('agency')?.match(/^[a-z0-9-]+$/)?.[0] ?? null,
      agencyRole: role === 'lead' || role === 'cooperating' || role === 'shared' ? role : 'any',
      q: (u.get('q') ?? '').slice(0, 100),
      near: near ? [near[0]!, near[1]!] : null,
      radiusKm: radius > 0 && radius <= 500 ? radius : EMPTY_FILTERS.radiusKm,
    },
    hidden: listOf(u.get('hide'), CATEGORY_IDS),
    selected: u.get('sel')?.match(/^[a-z0-9-]+$/)?.[0] ?? null,
    camera: cam ? { center: [cam[0]!, cam[1]!], zoom: cam[2]! } : HOME_CAMERA,
  };
}

export function serializeViewState(s: ViewState): string {
  const u = new URLSearchParams();
  const f = s.filters;
  if (s.lang !== 'zh') u.set('lang', s.lang);
  if (s.theme !== 'light') u.set('theme', s.theme);
  if (s.panel !== 'filters') u.set('panel', s.panel);
  if (s.mode !== 'browse') u.set('mode', s.mode);
  if (f.nodes.length) u.set('node', f.nodes.join(','));
  if (f.categories.length) u.set('category', f.categories.join(','));
  if (f.statuses.length) u.set('status', f.statuses.join(','));
  if (f.stages.length) u.set('stage', f.stages.join(','));
  if (f.provinces.length) u.set('province', f.provinces.join(','));
  if (f.milestones.length) u.set('milestone', f.milestones.join(','));
  if (f.agency) u.set('agency', f.agency);
  if (f.agencyRole !== 'any') u.set('role', f.agencyRole);
  if (f.q) u.set('q', f.q);
  if (f.near) u.set('near', f.near.join(','));
  if (f.near && f.radiusKm !== EMPTY_FILTERS.radiusKm) u.set('r', String(f.radiusKm));
  if (s.hidden.length) u.set('hide', s.hidden.join(','));
  if (s.selected) u.set('sel', s.selected);
  u.set('c', [...s.camera.center, s.camera.zoom].join(','));
  return u.toString().replace(/%2C/g, ',');
}

export const hasFilters = (f: Filters) =>
  f.nodes.length + f.categories.length + f.statuses.length + f.stages.length + f.provinces.length + f.milestones.length > 0 ||
  Boolean(f.agency || f.q || f.near);
