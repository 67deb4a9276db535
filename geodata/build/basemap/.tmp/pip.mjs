import fs from 'node:fs';
import * as turf from '@turf/turf';
const f = JSON.parse(fs.readFileSync(process.argv[2],'utf8'));
const pts = {tianjinPort:[117.78,38.98], caofeidian:[118.46,39.0], nangang:[117.6,38.75], dongjiang:[117.85,39.0],  sea:[119.5,38.8], beijing:[116.4,39.9]};
const feats = f.type==='FeatureCollection'? f.features : f.geometries.map(g=>turf.feature(g));
for (const [k,p] of Object.entries(pts)) console.log(k, feats.some(ft=>turf.booleanPointInPolygon(turf.point(p), ft)));
