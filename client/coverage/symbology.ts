/**
 * Colour by status, the alternative symbology of the projects: the same layers (project-layers.ts)
 * with their colours taken from the status (shared/taxonomy.ts STATUSES) instead of the category,
 * and points as status-coloured dots instead of the category icons (hollow = approximate place).
 * With a day chosen, each project shows its status as of that day; projects not yet recorded on
 * that day are grey and faded. Pure data: map-view applies it with setPaintProperty.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import { STATUS_IDS, STATUSES, type StatusId } from '#shared/taxonomy.ts';
import { categoryColor, edgeColor, type projectLayers } from '../map/project-layers.ts';

export type Symbology = { by: 'category' } | { by: 'status'; asOf: ReadonlyMap<string, StatusId> | null };

/** Grey of a project with no status yet on the chosen day (drawn faded as well). */
export const NOT_RECORDED_COLOR = '#8c8c8c';
const FADED = 0.3;

type Layer = ReturnType<typeof projectLayers>[number];
/** The paint and layout a layer takes under a symbology; only the keys that symbology touches. */
export type LayerLook = { id: string; paint: Record<string, unknown>; visible?: boolean };

/** The colour of a project: its category, its status now, or its status on the chosen day. */
export function colourExpression(s: Symbology): ExpressionSpecification {
  if (s.by === 'category') return categoryColor;
  if (!s.asOf) {
    return ['match', ['get', 'status'], ...STATUS_IDS.flatMap((id) => [id, STATUSES[id].color]), NOT_RECORDED_COLOR] as unknown as ExpressionSpecification;
  }
  const groups = STATUS_IDS.map((st) => [st, [...s.asOf!].filter(([, v]) => v === st).map(([id]) => id)] as const).filter(([, ids]) => ids.length);
  if (!groups.length) return ['to-color', NOT_RECORDED_COLOR];
  return ['match', ['get', 'id'], ...groups.flatMap(([st, ids]) => [ids, STATUSES[st].color]), NOT_RECORDED_COLOR] as unknown as ExpressionSpecification;
}

/** Whether a project has a status on the chosen day (always true without a day). */
function recorded(s: Symbology): ExpressionSpecification | null {
  if (s.by !== 'status' || !s.asOf) return null;
  return ['in', ['get', 'id'], ['literal', [...s.asOf.keys()]]];
}

const isZoomCurve = (e: unknown): e is unknown[] =>
  Array.isArray(e) && (e[0] === 'interpolate' || e[0] === 'step') && JSON.stringify(e[e[0] === 'step' ? 1 : 2]) === '["zoom"]';

/**
 * An opacity, faded for projects not yet recorded on the chosen day. A zoom curve stays the
 * top-level expression (MapLibre wants it so); its outputs are faded instead.
 */
function fade(rec: ExpressionSpecification | null, base: unknown): unknown {
  if (!rec) return base;
  if (isZoomCurve(base)) {
    const first = base[0] === 'step' ? 2 : 4;
    return base.map((v, i) => (i >= first && (i - first) % 2 === 0 ? fade(rec, v) : v));
  }
  if (base === undefined || typeof base === 'number') return ['case', rec, base ?? 1, FADED * (base ?? 1)];
  return ['case', rec, base, ['*', FADED, base]];
}

/** The opacity that goes with each colour property. */
const OPACITY_OF: Record<string, string> = {
  'fill-color': 'fill-opacity',
  'line-color': 'line-opacity',
  'circle-color': 'circle-opacity',
  'circle-stroke-color': 'circle-stroke-opacity',
};

/** What each project layer looks like under a symbology (base: projectLayers(lang, theme)). */
export function symbologyLooks(base: readonly Layer[], s: Symbology): LayerLook[] {
  const colour = colourExpression(s);
  const rec = recorded(s);
  const byStatus = s.by === 'status';
  const looks: LayerLook[] = [];
  for (const l of base) {
    if (l.id.startsWith('projects-highlight')) continue;
    const paint = ('paint' in l ? (l.paint ?? {}) : {}) as Record<string, unknown>;
    if (l.id === 'projects-point' || l.id === 'projects-line-edge-fill') {
      // the category icons, and the pale tint of a light hue under a schematic line's dashes
      looks.push({ id: l.id, paint: {}, visible: !byStatus });
    } else if (l.id === 'projects-point-status') {
      const approximate: ExpressionSpecification = ['!=', ['get', 'precision'], 'exact'];
      looks.push({
        id: l.id,
        visible: byStatus,
        paint: {
          'circle-color': ['case', approximate, '#ffffff', colour],
          'circle-stroke-color': ['case', approximate, colour, '#ffffff'],
          'circle-stroke-width': ['case', approximate, 3, 1.5],
          'circle-opacity': fade(rec, paint['circle-opacity']),
          'circle-stroke-opacity': fade(rec, paint['circle-stroke-opacity']),
        },
      });
    } else if (Object.keys(OPACITY_OF).some((k) => paint[k] === categoryColor || paint[k] === edgeColor)) {
      // Every colour taken from the category (or its darker edge) takes the status instead, and fades with it.
      const out: Record<string, unknown> = {};
      for (const [k, opacity] of Object.entries(OPACITY_OF)) {
        if (paint[k] !== categoryColor && paint[k] !== edgeColor) continue;
        out[k] = paint[k] === edgeColor && !byStatus ? edgeColor : colour;
        out[opacity] = fade(rec, paint[opacity]);
      }
      looks.push({ id: l.id, paint: out });
    } else if (l.id === 'projects-line-casing' || l.id === 'projects-label' || l.id === 'projects-line-label') {
      // Casings and labels of projects not yet recorded fade with them.
      const key = l.type === 'symbol' ? 'text-opacity' : 'line-opacity';
      looks.push({ id: l.id, paint: { [key]: fade(rec, paint[key]) } });
    }
  }
  return looks;
}

/** How many of the given projects have each status (now, or on the chosen day); 'none' = not yet recorded. */
export function statusCounts(projects: readonly { id: string; status: string }[], asOf: ReadonlyMap<string, StatusId> | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of projects) {
    const s = asOf ? (asOf.get(p.id) ?? 'none') : p.status;
    out[s] = (out[s] ?? 0) + 1;
  }
  return out;
}
