/**
 * `BENCH_BREAKDOWN=1 npm run bench:map`: where the first drawn map's time goes. Each page is the
 * bare MapLibre page with one part of today's style (basemap and projects) left out.
 */
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { PROJECT_SOURCE } from '../../client/map/project-layers.ts';

type Page = (style: StyleSpecification, mapOptions?: string) => string;

const without = (style: StyleSpecification, drop: (l: LayerSpecification) => boolean, sources: string[] = []): StyleSpecification => ({
  ...style,
  sources: Object.fromEntries(Object.entries(style.sources).filter(([k]) => !sources.includes(k))),
  layers: style.layers.filter((l) => !drop(l)),
});
const fromSource = (l: LayerSpecification, ...ids: string[]) => 'source' in l && ids.includes(l.source);
const isProject = (l: LayerSpecification) => fromSource(l, PROJECT_SOURCE);
const fromPoints = (l: LayerSpecification) => 'source-layer' in l && ['cities', 'province-labels'].includes(l['source-layer']!);

export function breakdownPages(style: StyleSpecification, page: Page): Record<string, string> {
  return {
    'no-basemap-labels': page(without(style, (l) => l.type === 'symbol' && !isProject(l))),
    'no-project-labels': page(without(style, (l) => l.type === 'symbol' && isProject(l))),
    'no-labels': page(without(style, (l) => l.type === 'symbol')),
    'no-projects': page(without(style, isProject, [PROJECT_SOURCE])),
    'no-cities-province-labels': page(without(style, fromPoints)),
    'background-only': page(without(style, (l) => l.type !== 'background', Object.keys(style.sources))),
  };
}

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/** Main-thread self time by function (a CPU profile of one page, `BENCH_PROFILE=<page>`), top n. */
export function topSelfTime(profile: Profile, n = 25): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, ms]) => `${Math.round(ms)} ms  ${k}`);
}
