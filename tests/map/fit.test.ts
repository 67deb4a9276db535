/** Camera fits leave room for the panels over the map: padding measured from their boxes. */
import { bbox } from '@turf/turf';
import fc from 'fast-check';
import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { coverPadding } from '../../client/map/fit.ts';
import { bboxOf } from '../../client/map/use-camera-fit.ts';

const box = (left: number, top: number, width: number, height: number) => ({ left, top, width, height, right: left + width, bottom: top + height });
const map = box(0, 80, 1000, 600);

describe('coverPadding', () => {
  it('keeps a margin when nothing covers the map, and ignores panels beside it', () => {
    expect(coverPadding(map, [box(-320, 80, 320, 600), box(1000, 80, 360, 600)])).toEqual({ top: 40, right: 40, bottom: 40, left: 40 });
  });

  it('pushes the left side past an open legend column', () => {
    const legend = box(10, 90, 250, 450);
    expect(coverPadding(map, [legend]).left).toBe(260 + 20);
  });

  it('pushes the bottom above a phone sheet across the whole width', () => {
    const phone = box(0, 80, 390, 700);
    const sheet = box(0, 480, 390, 300);
    const pad = coverPadding(phone, [sheet]);
    expect(pad.bottom).toBe(780 - 480 + 20);
    expect(pad.left).toBe(40);
  });

  it('always leaves a third of the map free', () => {
    const pad = coverPadding(map, [box(0, 80, 500, 600), box(520, 80, 480, 600)]);
    expect((pad.left ?? 0) + (pad.right ?? 0)).toBeLessThanOrEqual((map.width * 2) / 3 + 1);
  });
});

describe('bboxOf', () => {
  const position = fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -85, max: 85, noNaN: true }));
  const geometry = fc.oneof(
    position.map((coordinates): Geometry => ({ type: 'Point', coordinates })),
    fc.array(position, { minLength: 1, maxLength: 6 }).map((coordinates): Geometry => ({ type: 'MultiPoint', coordinates })),
    fc.array(position, { minLength: 2, maxLength: 8 }).map((coordinates): Geometry => ({ type: 'LineString', coordinates })),
    fc.array(fc.array(position, { minLength: 4, maxLength: 8 }), { minLength: 1, maxLength: 3 }).map((coordinates): Geometry => ({ type: 'Polygon', coordinates })),
    fc.array(fc.array(fc.array(position, { minLength: 4, maxLength: 6 }), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 }).map((coordinates): Geometry => ({ type: 'MultiPolygon', coordinates })),
  );

  it("is turf's bbox of the same features, for any mix of geometries", () => {
    fc.assert(
      fc.property(fc.array(geometry, { minLength: 1, maxLength: 5 }), (geometries) => {
        const features = geometries.map((g) => ({ type: 'Feature' as const, properties: {}, geometry: g }));
        expect(bboxOf(features)).toEqual(bbox({ type: 'FeatureCollection', features }));
      }),
    );
  });

  it('is null with nothing to frame', () => {
    expect(bboxOf([])).toBeNull();
  });
});
