/** The place data: schema, geometry, provenance and the links to the plan's clauses. */
import { readdirSync, readFileSync } from 'node:fs';
import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { ProjectFileSchema, type ProjectFeature } from '#shared/schema.ts';
import { PlanFileSchema } from '#shared/schema.ts';
import { CATEGORIES } from '#shared/taxonomy.ts';

const dir = 'geodata/projects';
const files = readdirSync(dir).filter((f) => f.endsWith('.geojson'));
const plan = PlanFileSchema.parse(JSON.parse(readFileSync('geodata/plan/plan.json', 'utf8')));
const nodeText = new Map(plan.nodes.map((n) => [n.id, n.text_zh]));
const features: ProjectFeature[] = files.flatMap((f) => ProjectFileSchema.parse(JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'))).features);

const positions = (g: ProjectFeature['geometry']): number[][] => turf.coordAll(turf.feature(g));

describe('geodata/projects', () => {
  it('holds the plan\'s places', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
    expect(features.length).toBeGreaterThanOrEqual(70);
  });

  it('has unique ids', () => {
    const ids = features.map((f) => f.properties.id);
    expect(ids.length).toBe(new Set(ids).size);
  });

  it('has valid geometries in lon/lat order inside a sane frame', () => {
    for (const f of features) {
      expect(turf.booleanValid(turf.feature(f.geometry)), f.properties.id).toBe(true);
      for (const [lon, lat] of positions(f.geometry)) {
        // From the Alashankou/Horgos border (~80°E) to Liaoning, Mongolia's Choibalsan to Shandong.
        expect(lon, f.properties.id).toBeGreaterThan(75);
        expect(lon, f.properties.id).toBeLessThan(135);
        expect(lat, f.properties.id).toBeGreaterThan(30);
        expect(lat, f.properties.id).toBeLessThan(54);
      }
    }
  });

  it('quotes the plan: every name and mentioned phrase stands verbatim in the text', () => {
    const fullText = plan.nodes.map((n) => n.text_zh).join('\n');
    for (const f of features) {
      expect(fullText, f.properties.id).toContain(f.properties.name_zh);
      for (const m of f.properties.mentions) {
        expect(nodeText.has(m.node), `${f.properties.id} -> ${m.node}`).toBe(true);
        expect(nodeText.get(m.node), `${f.properties.id} -> ${m.node}`).toContain(m.phrase);
      }
    }
  });

  it('links every measure that names a place to that place', () => {
    const missing: string[] = [];
    for (const f of features) {
      const name = f.properties.name_zh;
      if (name.length < 3) continue;
      for (const n of plan.nodes) {
        // The closing parenthesis lists agencies (天津港集团 is a company, not the port).
        const body = n.text_zh.replace(/（[^（）]*）\s*$/, '');
        if (n.kind === 'measure' && body.includes(name) && !f.properties.mentions.some((m) => m.node === n.id)) {
          missing.push(`${f.properties.id} is named in ${n.id}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('draws every line through intermediate vertices, never a bare two-point segment', () => {
    for (const f of features) {
      const g = f.geometry;
      if (g.type === 'LineString') expect(g.coordinates.length, f.properties.id).toBeGreaterThanOrEqual(3);
      if (g.type === 'MultiLineString') {
        expect(g.coordinates.reduce((n, l) => n + l.length, 0), f.properties.id).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('claims no more precision than a line or region can have', () => {
    for (const f of features) {
      const kind = f.geometry.type;
      if (kind === 'LineString' || kind === 'MultiLineString') expect(f.properties.precision, f.properties.id).not.toBe('exact');
      expect(f.properties.source.length, f.properties.id).toBeGreaterThan(10);
    }
  });

  it('says why, when a route or an area is shown only as a point', () => {
    for (const f of features) {
      const expected = CATEGORIES[f.properties.category].geometry;
      if (expected !== 'point' && f.geometry.type.endsWith('Point')) {
        expect(f.properties.precision, f.properties.id).not.toBe('exact');
        expect(f.properties.note?.length ?? 0, `${f.properties.id} needs a note`).toBeGreaterThan(10);
      }
    }
  });

  it('reaches the real border points on the cross-border corridors', () => {
    const borderAt = (id: string) => (features.find((f) => f.properties.id === id)!.geometry as { coordinates: number[] }).coordinates;
    const corridors = features.filter((f) => f.properties.category === 'rail-corridor');
    expect(corridors.length).toBeGreaterThanOrEqual(3);
    for (const crossing of ['manzhouli-crossing', 'erenhot-crossing', 'alashankou-crossing']) {
      const [lon, lat] = borderAt(crossing) as [number, number];
      const nearest = Math.min(...corridors.flatMap((c) => positions(c.geometry).map((p) => turf.distance([lon, lat], p))));
      expect(nearest, crossing).toBeLessThan(15);
    }
  });

  it('places Tianjin port and airport where the real ones are', () => {
    const at = (id: string) => (features.find((f) => f.properties.id === id)!.geometry as { coordinates: [number, number] }).coordinates;
    expect(turf.distance(at('tianjin-port'), [117.72, 38.98])).toBeLessThan(5);
    expect(turf.distance(at('tianjin-airport'), [117.346, 39.124])).toBeLessThan(3);
  });
});
