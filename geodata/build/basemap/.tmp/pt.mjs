import fs from 'node:fs';
import * as turf from '@turf/turf';
const [file, lon, lat] = process.argv.slice(2);
const f = JSON.parse(fs.readFileSync(file,'utf8'));
for (const ft of f.features) if (turf.booleanPointInPolygon(turf.point([+lon,+lat]), ft)) console.log('in', ft.properties.id ?? ft.properties.kind);
