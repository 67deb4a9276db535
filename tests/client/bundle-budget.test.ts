/**
 * The client's first load (issue 12): the app's own JavaScript stays under 50 kB gzipped beyond
 * React and MapLibre, and what belongs elsewhere stays out of it (zod, turf's line splitting, the
 * pinyin dictionary, the panels that are not on the first screen). Sizes, not times: the build is
 * the real `vite build` of vite.config.ts, kept in memory.
 */
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type Rollup } from 'vite';

const BUDGET_KB = 50;
/** Libraries with long-cached chunks of their own that the goal does not count. */
const NOT_COUNTED = ['react', 'maplibre'];

let chunks: Rollup.OutputChunk[];
let first: Rollup.OutputChunk[];
beforeAll(async () => {
  // Vitest sets NODE_ENV=test, which would give a build with the libraries' development code.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  const out = await build({ configFile: 'vite.config.ts', logLevel: 'silent', build: { write: false, emptyOutDir: false } }).finally(() => {
    process.env.NODE_ENV = nodeEnv;
  });
  const outputs = (Array.isArray(out) ? out : [out]) as Rollup.RollupOutput[];
  chunks = outputs.flatMap((o) => o.output).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
  // What index.html loads before anything is shown: the entry and every chunk it imports statically.
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set<string>();
  const walk = (c: Rollup.OutputChunk) => {
    if (seen.has(c.fileName)) return;
    seen.add(c.fileName);
    for (const i of c.imports) if (byName.has(i)) walk(byName.get(i)!);
  };
  for (const c of chunks.filter((c) => c.isEntry)) walk(c);
  first = chunks.filter((c) => seen.has(c.fileName));
}, 120_000);

const gz = (c: Rollup.OutputChunk) => gzipSync(c.code, { level: 9 }).length / 1000;
const has = (c: Rollup.OutputChunk, pattern: RegExp) => c.moduleIds.some((id) => pattern.test(id.replace(/\\/g, '/')));

describe('the first load', () => {
  it(`carries at most ${BUDGET_KB} kB gzipped of the app's own JavaScript beyond React and MapLibre`, () => {
    const counted = first.filter((c) => !NOT_COUNTED.includes(c.name));
    const sizes = Object.fromEntries(counted.map((c) => [c.name, Math.round(gz(c) * 10) / 10]));
    const total = Object.values(sizes).reduce((a, b) => a + b, 0);
    expect(total, JSON.stringify(sizes)).toBeLessThan(BUDGET_KB);
    // React and MapLibre are there, in their own chunks.
    expect(first.map((c) => c.name)).toEqual(expect.arrayContaining(NOT_COUNTED));
  });

  it('leaves out zod, turf and the pinyin dictionary', () => {
    for (const c of first) {
      expect(has(c, /node_modules\/zod\/v4\/classic\//), `${c.name}: zod`).toBe(false);
      // The last of turf, the nearby query's ring (client/map/near-ring.ts), comes with that query.
      expect(has(c, /node_modules\/@turf\//), `${c.name}: @turf`).toBe(false);
      expect(has(c, /node_modules\/pinyin-pro\//), `${c.name}: pinyin-pro`).toBe(false);
    }
  });

  it('leaves out the panels that are not on the first screen', () => {
    const later = [
      'client/panels/coverage-panel.tsx',
      'client/panels/plan-view.tsx',
      'client/panels/project-list.tsx',
      'client/panels/project-detail.tsx',
      'client/panels/status-editor.tsx',
      'client/present/slideshow.tsx',
      'client/present/views-panel.tsx',
      'client/export/image-dialog.tsx',
      'client/export/print-sheet.tsx',
      'client/coverage/time-slider.tsx',
      'client/coverage/coverage-legend.tsx',
    ];
    for (const file of later) {
      expect(first.filter((c) => has(c, new RegExp(`${file.replace(/\./g, '\\.')}$`))).map((c) => c.name), file).toEqual([]);
      expect(chunks.some((c) => has(c, new RegExp(`${file.replace(/\./g, '\\.')}$`))), `${file} is built`).toBe(true);
    }
  });

  it('has no chunk over the size at which Vite warns', () => {
    // vite.config.ts sets the limit just above MapLibre's own chunk, which cannot be split.
    for (const c of chunks) expect(c.code.length / 1000, c.fileName).toBeLessThan(1100);
  });
});
