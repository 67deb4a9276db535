/**
 * Point symbols drawn at start-up (no sprite files to ship): each category gets a colour and a shape,
 * so colour is never the only cue. Filled = exact site; hollow = approximate location.
 * The legend draws its swatches with the same function.
 */
import { CATEGORIES, CATEGORY_IDS, type CategoryId } from '#shared/taxonomy.ts';
import { PALETTES } from './basemap-palettes.ts';
import { contrast, darkEnough } from './colour.ts';

/** Every land fill a project symbol can sit on, in both themes. */
export const LAND_FILLS = Object.values(PALETTES).flatMap((p) => [p.land, p.province, p.plan, p.neighbour]);
/** WCAG 1.4.11: a symbol's boundary at 3:1 to what is around it; a little margin above. */
const EDGE_TARGET = 3.3;

/**
 * The light hues of the taxonomy (yellow, orange, sky blue, teal, bluish green) fall below 3:1 as a
 * fill on the pale land, so their symbols get an edge of the same hue, darker: the casing of a line,
 * the outline of an area or a point. Categories whose colour already stands at 3:1 have none.
 */
export const SYMBOL_EDGE: Partial<Record<CategoryId, string>> = Object.fromEntries(
  CATEGORY_IDS.filter((c) => LAND_FILLS.some((bg) => contrast(CATEGORIES[c].color, bg) < 3)).map((c) => [
    c,
    darkEnough(CATEGORIES[c].color, LAND_FILLS, EDGE_TARGET),
  ]),
);
/** The colour of a category's edge: its darker casing, or the colour itself. */
export const edgeOf = (c: CategoryId): string => SYMBOL_EDGE[c] ?? CATEGORIES[c].color;

type Shape = 'circle' | 'square' | 'triangle' | 'diamond' | 'hexagon' | 'star' | 'pentagon';

const SHAPES: Partial<Record<CategoryId, Shape>> = {
  'seaport': 'circle',
  'port-area': 'circle',
  'airport': 'triangle',
  'border-crossing': 'diamond',
  'rail-hub': 'square',
  'industrial-park': 'hexagon',
  'logistics': 'pentagon',
  'service-facility': 'star',
  'cooperation-area': 'star',
  'energy-field': 'square',
};

export const shapeOf = (c: CategoryId): Shape => SHAPES[c] ?? 'circle';

function path(ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, shape: Shape, cx: number, cy: number, r: number) {
  ctx.beginPath();
  const poly = (n: number, rot: number, inner?: number) => {
    const steps = inner ? n * 2 : n;
    for (let i = 0; i < steps; i++) {
      const rr = inner && i % 2 ? inner : r;
      const a = rot + (i * 2 * Math.PI) / steps;
      ctx.lineTo(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
    }
    ctx.closePath();
  };
  switch (shape) {
    case 'circle':
      ctx.arc(cx, cy, r, 0, 2 * Math.PI);
      break;
    case 'square':
      ctx.rect(cx - r * 0.85, cy - r * 0.85, r * 1.7, r * 1.7);
      break;
    case 'triangle':
      poly(3, -Math.PI / 2);
      break;
    case 'diamond':
      poly(4, -Math.PI / 2);
      break;
    case 'pentagon':
      poly(5, -Math.PI / 2);
      break;
    case 'hexagon':
      poly(6, 0);
      break;
    case 'star':
      poly(5, -Math.PI / 2, r * 0.5);
      break;
  }
}

/** Draws one symbol into a square canvas context of side `size`. */
export function drawSymbol(
  ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D,
  category: CategoryId,
  hollow: boolean,
  size: number,
) {
  const r = size / 2 - size * 0.14;
  path(ctx, shapeOf(category), size / 2, size / 2, r);
  ctx.lineWidth = size * 0.1;
  // A filled symbol keeps a white edge, or a dark one of its hue where the fill is too light for the
  // land (SYMBOL_EDGE); a hollow one is drawn by its edge, so that edge must read on its own.
  const edge = SYMBOL_EDGE[category];
  ctx.strokeStyle = hollow ? edgeOf(category) : (edge ?? '#ffffff');
  ctx.fillStyle = hollow ? 'rgba(255,255,255,0.85)' : CATEGORIES[category].color;
  ctx.fill();
  ctx.stroke();
  if (hollow) {
    // A centre dot keeps a hollow symbol findable on a busy map.
    ctx.beginPath();
    ctx.arc(size / 2, size / 2, size * 0.1, 0, 2 * Math.PI);
    ctx.fillStyle = edgeOf(category);
    ctx.fill();
  }
}

/** Every symbol as ImageData for map.addImage, named atlas-<category>[-hollow]. */
export function symbolImages(pixelRatio: number): { name: string; image: ImageData }[] {
  const size = Math.round(22 * pixelRatio);
  return CATEGORY_IDS.flatMap((category) =>
    [false, true].map((hollow) => {
      const canvas = new OffscreenCanvas(size, size);
      // Read back at once: a canvas kept in memory (not on the GPU) makes getImageData cheap
      // (60 GPU read-backs cost about half a second of the first map in software-rendered Chromium).
      const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
      drawSymbol(ctx, category, hollow, size);
      return { name: `atlas-${category}${hollow ? '-hollow' : ''}`, image: ctx.getImageData(0, 0, size, size) };
    }),
  );
}
