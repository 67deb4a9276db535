/**
 * Point symbols drawn at start-up (no sprite files to ship): each category gets a colour and a shape,
 * so colour is never the only cue. Filled = exact site; hollow = approximate location.
 * The legend draws its swatches with the same function.
 */
import { CATEGORIES, CATEGORY_IDS, type CategoryId } from '#shared/taxonomy.ts';

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
  ctx.strokeStyle = hollow ? CATEGORIES[category].color : '#ffffff';
  ctx.fillStyle = hollow ? 'rgba(255,255,255,0.85)' : CATEGORIES[category].color;
  ctx.fill();
  ctx.stroke();
  if (hollow) {
    // A centre dot keeps a hollow symbol findable on a busy map.
    ctx.beginPath();
    ctx.arc(size / 2, size / 2, size * 0.1, 0, 2 * Math.PI);
    ctx.fillStyle = CATEGORIES[category].color;
    ctx.fill();
  }
}

/** Every symbol as ImageData for map.addImage, named atlas-<category>[-hollow]. */
export function symbolImages(pixelRatio: number): { name: string; image: ImageData }[] {
  const size = Math.round(22 * pixelRatio);
  return CATEGORY_IDS.flatMap((category) =>
    [false, true].map((hollow) => {
      const canvas = new OffscreenCanvas(size, size);
      const ctx = canvas.getContext('2d')!;
      drawSymbol(ctx, category, hollow, size);
      return { name: `atlas-${category}${hollow ? '-hollow' : ''}`, image: ctx.getImageData(0, 0, size, size) };
    }),
  );
}
