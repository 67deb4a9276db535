import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { glyphRanges, labelCharacters, LABEL_FONTSTACKS } from '../../geodata/build/basemap-glyph-chars.ts';

const DIR = resolve(import.meta.dirname, '../../geodata/basemap/glyphs');
type Glyph = { id: number; bitmap?: Uint8Array; width: number; height: number; left: number; top: number; advance: number };

/** A glyph PBF as MapLibre reads it (its parseGlyphPbf): stacks of glyphs with SDF bitmaps. */
function readGlyphs(file: string): { name: string; range: string; glyphs: Glyph[] } {
  const out = { name: '', range: '', glyphs: [] as Glyph[] };
  new PbfReader(readFileSync(file)).readFields((tag, _o, pbf) => {
    if (tag !== 1) return;
    pbf.readMessage((t, _s, p) => {
      if (t === 1) out.name = p.readString();
      else if (t === 2) out.range = p.readString();
      else if (t === 3) {
        const g: Glyph = { id: 0, width: 0, height: 0, left: 0, top: 0, advance: 0 };
        p.readMessage((k, _g, q) => {
          if (k === 1) g.id = q.readVarint();
          else if (k === 2) g.bitmap = q.readBytes();
          else if (k === 3) g.width = q.readVarint();
          else if (k === 4) g.height = q.readVarint();
          else if (k === 5) g.left = q.readSVarint();
          else if (k === 6) g.top = q.readSVarint();
          else if (k === 7) g.advance = q.readVarint();
        }, g);
        out.glyphs.push(g);
      }
    }, out);
  }, out);
  return out;
}

const JIN = '津'.codePointAt(0)!;
/** The range file holding a code point, as MapLibre asks for it. */
const fileOf = (stack: string, code: number) => join(DIR, stack, `${Math.floor(code / 256) * 256}-${Math.floor(code / 256) * 256 + 255}.pbf`);

describe('geodata/basemap/glyphs', () => {
  const ranges = glyphRanges(labelCharacters().map((id) => ({ id })));

  it('holds every character of every label in every fontstack (else: npx tsx geodata/build/basemap-glyphs.ts)', () => {
    for (const stack of LABEL_FONTSTACKS) {
      for (const [range, chars] of ranges) {
        const file = join(DIR, stack, `${range * 256}-${range * 256 + 255}.pbf`);
        expect(existsSync(file), file).toBe(true);
        const pbf = readGlyphs(file);
        expect(pbf.name).toBe(stack);
        expect(pbf.range).toBe(`${range * 256}-${range * 256 + 255}`);
        const ids = new Set(pbf.glyphs.map((g) => g.id));
        const missing = chars.filter((c) => !ids.has(c.id)).map((c) => String.fromCodePoint(c.id));
        expect(missing, `${stack} lacks`).toEqual([]);
      }
    }
  });

  it("draws each glyph as a 24 px SDF with MapLibre's 3 px border, Chinese at full width", () => {
    for (const stack of LABEL_FONTSTACKS) {
      const byId = new Map(readGlyphs(fileOf(stack, JIN)).glyphs.map((g) => [g.id, g]));
      const jin = byId.get(JIN)!;
      expect(jin.advance).toBe(24);
      expect(jin.width).toBeGreaterThan(16);
      expect(jin.bitmap!.length).toBe((jin.width + 6) * (jin.height + 6));
      // An SDF: inside the stroke near 255, far outside 0, not a blank square.
      expect(Math.max(...jin.bitmap!)).toBeGreaterThan(200);
      expect(Math.min(...jin.bitmap!)).toBeLessThan(20);
    }
    const latin = new Map(readGlyphs(join(DIR, LABEL_FONTSTACKS[0]!, '0-255.pbf')).glyphs.map((g) => [g.id, g]));
    expect(latin.get(0x20)?.bitmap).toBeUndefined();
    expect(latin.get('A'.codePointAt(0)!)!.advance).toBeGreaterThan(10);
  });

  it('draws the bold stack bolder than the regular one', () => {
    const ink = (stack: string) => readGlyphs(fileOf(stack, JIN)).glyphs.find((g) => g.id === JIN)!.bitmap!.filter((v) => v > 191).length;
    expect(ink(LABEL_FONTSTACKS[1]!)).toBeGreaterThan(ink(LABEL_FONTSTACKS[0]!) * 1.1);
  });
});
