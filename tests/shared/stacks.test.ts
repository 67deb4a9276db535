/** The count badges of stacked points (shared/stacks.ts): the map's own source, and the server's for a large set. */
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { stackBadges } from '#shared/stacks.ts';

describe('stackBadges (the count badges\' own source)', () => {
  const point = (id: string, c: [number, number]) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: c }, properties: { id } });
  const airport: [number, number] = [117.346, 39.1244];
  const [a1, a2, a3, port] = [point('a1', airport), point('a2', airport), point('a3', airport), point('port', [117.78, 38.98])];
  const line = { type: 'Feature' as const, geometry: { type: 'LineString' as const, coordinates: [airport, [117.78, 38.98]] }, properties: { id: 'rail' } };
  const badges = (shown: Feature[]) => stackBadges(shown).features.map((f) => ({ at: f.geometry.coordinates, ...f.properties }));

  it('holds one badge per shared spot, on its first shown point, with the count', () => {
    expect(badges([a1, a2, a3, port, line])).toEqual([{ at: airport, id: 'a1', stack_n: 3 }]);
  });

  it('holds nothing for points alone on their spot, lines and areas', () => {
    expect(badges([a1, port, line])).toEqual([]);
    expect(badges([])).toEqual([]);
  });

  it('counts a MultiPoint at each of its spots, once, but puts the badge on a Point', () => {
    const zone = { type: 'Feature' as const, geometry: { type: 'MultiPoint' as const, coordinates: [airport, airport, [117.7, 39.0]] }, properties: { id: 'zone' } };
    expect(badges([zone, a1, a2, port])).toEqual([{ at: airport, id: 'a1', stack_n: 3 }]);
    // two MultiPoints sharing a spot and no Point there: no badge (it would draw at all their spots)
    const other = { ...zone, properties: { id: 'zone2' } };
    expect(badges([zone, other])).toEqual([]);
  });

  it('counts only what the map shows: a hidden point leaves the count, a lone one the badge', () => {
    expect(badges([a2, a3, port])).toEqual([{ at: airport, id: 'a2', stack_n: 2 }]);
    expect(badges([a3, port])).toEqual([]);
  });

  it('stands exactly where its point stands, and a spot is the same to about a metre', () => {
    const near = point('near', [117.346001, 39.1244]);
    expect(badges([a1, near])).toEqual([{ at: airport, id: 'a1', stack_n: 2 }]);
    expect(badges([a1, point('apart', [117.34601, 39.1244])])).toEqual([]);
  });
});
