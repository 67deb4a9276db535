/**
 * Realistic synthetic projects for scale tests: points, lines with many vertices and polygons,
 * spread over the plan's region with a seeded random walk, each mentioning a real plan measure;
 * a few points share a spot (stacked points).
 * Never written into geodata/: benchmarks load them into a scratch database.
 */
import type { Geodata } from '../../server/db/geodata.ts';
import { sharesKey } from '../../server/db/province-shares.ts';
import type { ProjectFeature } from '#shared/schema.ts';
import type { CategoryId } from '#shared/taxonomy.ts';

/** Mulberry32: a small seeded generator, so every run makes the same projects. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The core frame of the basemap, where the plan's places are. */
const FRAME = { w: 110, s: 35, e: 124, n: 44 };

const round = (x: number) => Math.round(x * 1e5) / 1e5;

export function syntheticProjects(count: number, data: Geodata, seed = 1): { projects: ProjectFeature[]; shares: Geodata['shares'] } {
  const rnd = random(seed);
  const measures = data.plan.nodes.filter((n) => n.kind === 'measure');
  const provinces = ['beijing', 'tianjin', 'hebei', 'shanxi', 'inner-mongolia', 'liaoning', 'shandong'];
  const projects: ProjectFeature[] = [];
  const shares: Geodata['shares'] = {};
  let lastPoint: [number, number] | null = null;
  for (let i = 0; i < count; i++) {
    const x = FRAME.w + rnd() * (FRAME.e - FRAME.w);
    const y = FRAME.s + rnd() * (FRAME.n - FRAME.s);
    const kind = rnd();
    let geometry: ProjectFeature['geometry'];
    let category: CategoryId;
    if (kind < 0.7) {
      // One point in fifty shares the spot of the point before it, as the plan's items at the
      // airport do: the map draws a count badge there.
      const at: [number, number] = (i % 50 === 0 ? lastPoint : null) ?? [round(x), round(y)];
      geometry = { type: 'Point', coordinates: at };
      lastPoint = at;
      category = 'industrial-park';
    } else if (kind < 0.9) {
      // A corridor: 20-200 vertices, a few hundred metres to a few km apart.
      const n = 20 + Math.floor(rnd() * 180);
      const coords: [number, number][] = [[round(x), round(y)]];
      let [cx, cy, heading] = [x, y, rnd() * 2 * Math.PI];
      for (let k = 1; k < n; k++) {
        heading += (rnd() - 0.5) * 0.6;
        const step = 0.005 + rnd() * 0.03;
        cx += Math.cos(heading) * step;
        cy += Math.sin(heading) * step;
        coords.push([round(cx), round(cy)]);
      }
      geometry = { type: 'LineString', coordinates: coords };
      category = 'expressway';
    } else {
      // A site: a 32-gon of 0.5-5 km radius.
      const r = 0.005 + rnd() * 0.045;
      const ring: [number, number][] = Array.from({ length: 32 }, (_, k) => {
        const a = (k / 32) * 2 * Math.PI;
        return [round(x + r * Math.cos(a)), round(y + r * 0.8 * Math.sin(a))];
      });
      geometry = { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
      category = 'logistics';
    }
    const id = `synthetic-${i}`;
    const node = measures[Math.floor(rnd() * measures.length)]!;
    projects.push({
      type: 'Feature',
      geometry,
      properties: {
        id,
        name_zh: `合成项目${i}`,
        name_en: `Synthetic project ${i}`,
        category,
        mentions: [{ node: node.id, phrase: node.text_zh.slice(0, 4) }],
        stage: 'construction',
        milestone: null,
        precision: 'approximate',
        source: 'synthetic',
        source_zh: '合成数据',
        note_zh: '基准测试用合成数据',
      },
    });
    // A stand-in for the province shares (computing real ones is the build's job, not the load's).
    shares[id] = { key: sharesKey(geometry, data.provincesHash), provinces: [provinces[i % provinces.length]!], km: {}, km2: {} };
  }
  return { projects, shares };
}
