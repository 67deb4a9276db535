// Paths, frames and small helpers shared by the basemap build's steps (see build.ts).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Position } from 'geojson';

/** A lon/lat box, [west, south, east, north]. */
export type Frame = [number, number, number, number];

export const here = path.dirname(fileURLToPath(import.meta.url));
/** Where the layers go: geodata/basemap/. */
export const out = path.resolve(here, '../../basemap');
/** Intermediate files (not committed). */
export const tmp = path.join(here, '.tmp');
/** The build-only packages of this folder's package.json, whose data files the steps read. */
export const nm = path.join(here, 'node_modules');

/** Core frame (detailed layers) and outer frame (coarse layers). */
export const CORE: Frame = [104, 33, 127, 47];
export const OUTER: Frame = [73, 28, 136, 54];
export const bbox = (b: Frame) => b.join(',');

/** Runs this folder's mapshaper with the given command line. */
export function mapshaper(...argv: string[]) {
  const bin = path.join(nm, '.bin', 'mapshaper');
  execFileSync(bin, ['-quiet', ...argv], { stdio: ['ignore', 'inherit', 'inherit'], cwd: here });
}
/** Reads a JSON file whose shape the caller knows (a packaged data file or one of our own). */
export const readJson = <T>(p: string) => JSON.parse(fs.readFileSync(p, 'utf8')) as T;
export const writeJson = (p: string, v: unknown) => fs.writeFileSync(p, JSON.stringify(v));
export const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
/** A position's [lon, lat] rounded to 4 decimals (about 10 m). */
export function point4(p: Position): [number, number] {
  const [lon, lat] = p;
  if (lon === undefined || lat === undefined) throw new Error(`not a position: ${JSON.stringify(p)}`);
  return [round(lon, 4), round(lat, 4)];
}
export function log(...m: unknown[]) {
  console.log('[basemap]', ...m);
}
