// 1. Land: @geo-maps/earth-lands-100m (OSM land polygons, ODbL).
import fs from 'node:fs';
import path from 'node:path';
import { bbox, CORE, log, mapshaper, nm, out, OUTER, tmp } from './common.ts';

/**
 * Writes land.geojson (core frame) and land-wide.geojson (outer frame), and returns the path of
 * the mask that trims province polygons to the coast. With `reuseFilled`, the slow gap-filling
 * step is skipped when its result is already in .tmp/.
 */
export function buildLand(reuseFilled: boolean): string {
  const landSrc = path.join(nm, '@geo-maps/earth-lands-100m/map.geo.json');
  const landFilled = path.join(tmp, 'land-filled.json');
  const landMid = path.join(tmp, 'land-mid.json');
  if (!reuseFilled || !fs.existsSync(landFilled)) {
    log('land: clip to outer frame');
    mapshaper('-i', landSrc, '-clip', `bbox=${bbox(OUTER)}`, '-o', path.join(tmp, 'land-frame.json'));
    // Generalisation: close inlets, harbour basins and inland holes narrower than 1.5 km
    // (reclaimed port land is cut by dredged channels of ~1 km; at the dashboard's scale they
    // would be hair-lines). This is the step that keeps Caofeidian one land mass.
    log('land: fill gaps < 1.5 km (takes a few minutes)');
    mapshaper('-i', path.join(tmp, 'land-frame.json'), '-buffer', 'radius=1500', 'fill-gaps', '-o', landFilled);
  }
  log('land: detailed core layer');
  mapshaper(
    '-i', landFilled,
    '-clip', `bbox=${bbox(CORE)}`,
    '-simplify', 'interval=80', 'keep-shapes',
    '-filter-islands', 'min-area=0.5km2',
    '-each', "kind='land'",
    '-o', path.join(out, 'land.geojson'), 'precision=0.0001', 'format=geojson',
  );
  log('land: coarse outer layer');
  mapshaper(
    '-i', landFilled,
    '-simplify', 'interval=3000', 'keep-shapes',
    '-filter-islands', 'min-area=80km2',
    '-each', "kind='land'",
    '-o', path.join(out, 'land-wide.geojson'), 'precision=0.001', 'format=geojson',
  );
  // The mask that trims province polygons to the coast: the detailed layer inside the core frame,
  // the coarse layer outside it, so the province fills follow exactly the coast that is drawn.
  mapshaper(
    '-i', path.join(out, 'land-wide.geojson'),
    '-erase', `bbox=${bbox(CORE)}`,
    '-i', path.join(out, 'land.geojson'),
    '-merge-layers', 'target=*', 'force', 'name=mask',
    '-o', landMid, 'precision=0.0001', 'format=geojson',
  );
  return landMid;
}
