/** Reads and validates the reviewed data files under geodata/. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PlanFileSchema, ProjectFileSchema, type PlanFile, type ProjectFeature } from '#shared/schema.ts';
import type { ProvinceFeature } from '#shared/coverage.ts';
import { SHARES_FILE, type SharesFile } from './province-shares.ts';

export const GEODATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../geodata');

export type Geodata = {
  plan: PlanFile;
  projects: ProjectFeature[];
  provinces: ProvinceFeature[];
  /** sha256 of the province outlines, the input of every province share. */
  provincesHash: string;
  /** Precomputed province shares (geodata/projects/province-shares.json), if the file exists. */
  shares: SharesFile['projects'];
  /** sha256 of every input file, so a start-up can tell whether the data changed. */
  hash: string;
};

export function loadGeodata(dir = GEODATA_DIR): Geodata {
  const hash = createHash('sha256');
  const read = (path: string) => {
    const text = readFileSync(path, 'utf8');
    hash.update(path.slice(dir.length)).update(text);
    return JSON.parse(text) as unknown;
  };
  const planPath = join(dir, 'plan/plan.json');
  const plan = PlanFileSchema.parse(read(planPath));
  const projectsDir = join(dir, 'projects');
  const projects: ProjectFeature[] = [];
  for (const name of readdirSync(projectsDir).filter((n) => n.endsWith('.geojson')).sort()) {
    const parsed = ProjectFileSchema.safeParse(read(join(projectsDir, name)));
    if (!parsed.success) throw new Error(`geodata/projects/${name}: ${parsed.error.message}`);
    projects.push(...parsed.data.features);
  }
  const sharesPath = join(projectsDir, SHARES_FILE);
  const shares = existsSync(sharesPath) ? (read(sharesPath) as SharesFile).projects : {};
  const provincesPath = join(dir, 'basemap/provinces.geojson');
  const provincesText = existsSync(provincesPath) ? readFileSync(provincesPath, 'utf8') : '{"features":[]}';
  hash.update('basemap/provinces.geojson').update(provincesText);
  const provinces = (JSON.parse(provincesText) as { features: ProvinceFeature[] }).features;
  const provincesHash = createHash('sha256').update(provincesText).digest('hex');
  return { plan, projects, provinces, provincesHash, shares, hash: hash.digest('hex') };
}
