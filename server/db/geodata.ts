/** Reads and validates the reviewed data files under geodata/. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PlanFileSchema, ProjectFileSchema, type PlanFile, type ProjectFeature } from '#shared/schema.ts';
import type { ProvinceFeature } from '#shared/coverage.ts';

export const GEODATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../geodata');

export type Geodata = {
  plan: PlanFile;
  projects: ProjectFeature[];
  provinces: ProvinceFeature[];
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
  const provincesPath = join(dir, 'basemap/provinces.geojson');
  const provinces = existsSync(provincesPath)
    ? ((read(provincesPath) as { features: ProvinceFeature[] }).features ?? [])
    : [];
  return { plan, projects, provinces, hash: hash.digest('hex') };
}
