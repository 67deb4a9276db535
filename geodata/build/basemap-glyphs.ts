// Regenerate geodata/basemap/glyphs/, from the repo root (needs Chromium and fonts-noto-cjk):
//   npx tsx geodata/build/basemap-glyphs.ts
// The map's labels as pre-rendered SDF glyphs (MapLibre's glyph PBFs: 24 px, 3 px border, radius 8),
// for exactly the characters the labels use (LABEL_FONTSTACKS, labelCharacters). Drawing them with
// the local fonts at start-up (MapLibre's TinySDF, twice the size) was about a third of the first
// map's main-thread time under software GL. They are drawn here by the same TinySDF
// (@mapbox/tiny-sdf) in Chromium, with the same fonts the browser picked before (Noto Sans CJK SC,
// SIL OFL), so the labels keep their letterforms. Deterministic for the same Chromium and fonts.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PbfWriter } from 'pbf';
import { chromium } from 'playwright-core';
import { GEODATA_DIR } from '../../server/db/geodata.ts';
import { glyphRanges, labelCharacters, LABEL_FONTSTACKS } from './basemap-glyph-chars.ts';

const OUT = join(GEODATA_DIR, 'basemap', 'glyphs');
/** MapLibre's local CJK family (client/map/map-view.tsx) drew the ideographs of the default stack. */
const IDEOGRAPH_FAMILY = "'Noto Sans CJK SC', sans-serif";
const WEIGHTS: Record<string, string> = { bold: '700', regular: '400' };

/** The CSS font MapLibre 6's GlyphManager._createTinySDF made of a fontstack (family list, weight). */
function cssFont(stack: string): string {
  const families = [...stack.split(','), 'sans-serif'];
  const weight = Object.entries(WEIGHTS).find(([w]) => new RegExp(`\\b${w}\\b`, 'i').test(families[0]!))?.[1] ?? 'normal';
  return `${weight} 24px ${families.map((f) => (/[-\w]+/.test(f) ? f : `'${f}'`)).join(',')}`;
}

/** drawGlyphs(font, ideographFont, codes): TinySDF as MapLibre uses it for glyph files (24 px, radius 8). */
const DRAW = `function drawGlyphs(font, ideographFont, codes) {
  const make = (f) => {
    const [, weight, family] = /^(\\S+) 24px (.*)$/.exec(f);
    return new window.TinySDF({ fontSize: 24, buffer: 3, radius: 8, cutoff: 0.25, fontFamily: family, fontWeight: weight, lang: 'zh-CN' });
  };
  const latin = make(font);
  const ideographs = ideographFont ? make(ideographFont) : latin;
  // MapLibre's codePointUsesLocalIdeographFontFamily, near enough: the CJK blocks and fullwidth forms.
  return codes.map((id) => {
    const g = (id >= 0x2e80 ? ideographs : latin).draw(String.fromCodePoint(id));
    return { ...g, id, data: [...g.data] };
  });
}`;

type Drawn = { id: number; data: number[]; width: number; height: number; glyphWidth: number; glyphHeight: number; glyphTop: number; glyphLeft: number; glyphAdvance: number };

const chars = labelCharacters();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
// The page's language picks the fallback of generic families, as the atlas's own page (zh-CN) did.
await page.setContent('<!doctype html><html lang="zh-CN"><body></body></html>');
const require = createRequire(import.meta.url);
const tinySdf = readFileSync(require.resolve('@mapbox/tiny-sdf'), 'utf8').replace('export default class TinySDF', 'window.TinySDF = class TinySDF');
// In the page as plain script (tsx would rename a function handed to page.evaluate).
await page.addScriptTag({ content: `${tinySdf}\n${DRAW}` });

rmSync(OUT, { recursive: true, force: true });
let files = 0;
let bytes = 0;
for (const stack of LABEL_FONTSTACKS) {
  const isDefault = stack === LABEL_FONTSTACKS.at(-1);
  const args = [cssFont(stack), isDefault ? `normal 24px ${IDEOGRAPH_FAMILY}` : '', chars] as const;
  const drawn = await page.evaluate<Drawn[]>(`drawGlyphs(...${JSON.stringify(args)})`);
  for (const [range, glyphs] of glyphRanges(drawn)) {
    const pbf = new PbfWriter();
    pbf.writeMessage(1, (_: unknown, p: PbfWriter) => {
      p.writeStringField(1, stack);
      p.writeStringField(2, `${range * 256}-${range * 256 + 255}`);
      for (const g of glyphs) {
        p.writeMessage(3, (_g: unknown, q: PbfWriter) => {
          q.writeVarintField(1, g.id);
          if (g.glyphWidth && g.glyphHeight) q.writeBytesField(2, new Uint8Array(g.data));
          q.writeVarintField(3, g.glyphWidth);
          q.writeVarintField(4, g.glyphHeight);
          // The alignment MapLibre gave its own TinySDF glyphs (top 27.5 px below the em box's origin).
          q.writeSVarintField(5, Math.round(g.glyphLeft + 0.5));
          q.writeSVarintField(6, Math.round(g.glyphTop - 27.5));
          q.writeVarintField(7, Math.round(g.glyphAdvance));
        }, undefined);
      }
    }, undefined);
    const dir = join(OUT, stack);
    mkdirSync(dir, { recursive: true });
    const buf = pbf.finish();
    writeFileSync(join(dir, `${range * 256}-${range * 256 + 255}.pbf`), buf);
    files++;
    bytes += buf.length;
  }
}
await browser.close();
console.log(`wrote geodata/basemap/glyphs/: ${chars.length} characters x ${LABEL_FONTSTACKS.length} fontstacks, ${files} range files, ${(bytes / 1024).toFixed(0)} KB`);
