/**
 * The composed map picture for slides and print: a title band, the map rendered off screen at the
 * target size, a legend of what is on the map, a scale bar, a north arrow, the data date and the
 * data credits. Everything is laid out in CSS pixels and drawn at `scale` device pixels each, so a
 * 300 dpi page is drawn at 300 dpi (text included, with the page's CJK font via fillText).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { drawSymbol, edgeOf, SYMBOL_EDGE } from '../map/symbols.ts';
import { renderMapOffscreen, type OffscreenMap } from '../map/snapshot.ts';
import type { LegendItem } from './legend-items.ts';

export type ImageSize = 'screen' | '2x' | 'a4' | 'a3';
export const IMAGE_SIZES: ImageSize[] = ['screen', '2x', 'a4', 'a3'];

/** 300 dpi over CSS's 96 px to the inch: a printed page keeps the screen's proportions of text to map. */
const PRINT_SCALE = 300 / 96;

/** The picture's pixels and how many of them make one CSS pixel. */
export function pixelSize(size: ImageSize, screen: { width: number; height: number; dpr: number }) {
  switch (size) {
    case 'screen':
      return { width: Math.round(screen.width * screen.dpr), height: Math.round(screen.height * screen.dpr), scale: screen.dpr };
    case '2x':
      return { width: Math.round(screen.width * 2), height: Math.round(screen.height * 2), scale: 2 };
    case 'a4': // 297 x 210 mm at 300 dpi
      return { width: 3508, height: 2480, scale: PRINT_SCALE };
    case 'a3': // 420 x 297 mm at 300 dpi
      return { width: 4961, height: 3508, scale: PRINT_SCALE };
  }
}

export type Composition = {
  title: string;
  /** Under the title: the atlas and the key figures. */
  subtitle: string;
  legendTitle: string;
  legend: LegendItem[];
  /** Short lines under the legend (what dashed and hollow symbols mean). */
  notes: string[];
  /** Bottom left: the data date. */
  dateLine: string;
  /** Bottom right: the data credits. */
  attribution: string;
  north: string;
  km: string;
  fontFamily: string;
};

const M = 16; // margin
const TITLE_BAND = 70;
const FOOTER = 24;
const LEGEND_W = 220;
const GAP = 12;
const INK = '#1b1f24';
const MUTED = '#5b6470';

/** Sets a font and returns the largest size (down to `min`) at which `text` fits in `max`. */
function fitFont(ctx: CanvasRenderingContext2D, text: string, weight: string, size: number, min: number, max: number, family: string) {
  let s = size;
  for (; s > min; s -= 1) {
    ctx.font = `${weight} ${s}px ${family}`;
    if (ctx.measureText(text).width <= max) return s;
  }
  ctx.font = `${weight} ${min}px ${family}`;
  return min;
}

/** Text that ends with … when it does not fit. */
function clip(ctx: CanvasRenderingContext2D, text: string, max: number) {
  if (ctx.measureText(text).width <= max) return text;
  const chars = [...text];
  while (chars.length && ctx.measureText(`${chars.join('')}…`).width > max) chars.pop();
  return `${chars.join('')}…`;
}

/** A legend item's symbol in a size x size square at x, y. */
export function drawSwatch(ctx: CanvasRenderingContext2D, item: LegendItem, x: number, y: number, size: number) {
  const { swatch: geometry, color } = item;
  ctx.save();
  if (geometry === 'point' && item.category) {
    ctx.translate(x, y);
    drawSymbol(ctx, item.category, false, size);
  } else if (geometry === 'dot' || geometry === 'point') {
    ctx.fillStyle = color;
    ctx.beginPath();
    ctx.arc(x + size / 2, y + size / 2, size * 0.38, 0, 2 * Math.PI);
    ctx.fill();
  } else if (geometry === 'heading') {
    // no symbol: a heading row
  } else if (geometry === 'class') {
    // a coverage class: its fill as the map draws it, outlined so "none"'s near white shows
    ctx.fillStyle = color;
    ctx.fillRect(x + 1, y + 1, size - 2, size - 2);
    ctx.strokeStyle = 'rgba(0,0,0,.35)';
    ctx.lineWidth = 1;
    ctx.strokeRect(x + 1.5, y + 1.5, size - 3, size - 3);
  } else if (geometry === 'tint') {
    ctx.globalAlpha = Math.min(1, (item.opacity ?? 0.2) * 2);
    ctx.fillStyle = color;
    ctx.fillRect(x + 1, y + 1, size - 2, size - 2);
    ctx.globalAlpha = 1;
    ctx.strokeStyle = color;
    ctx.lineWidth = 1;
    ctx.strokeRect(x + 1.5, y + 1.5, size - 3, size - 3);
  } else if (geometry === 'line') {
    // as the map draws it: a light hue inside a dark casing of its hue (client/map/symbols.ts)
    const edge = item.category ? SYMBOL_EDGE[item.category] : undefined;
    for (const [stroke, width] of edge ? ([[edge, 5], [color, 3]] as const) : ([[color, 3]] as const)) {
      ctx.strokeStyle = stroke;
      ctx.lineWidth = width;
      ctx.beginPath();
      ctx.moveTo(x + 1, y + size / 2);
      ctx.lineTo(x + size - 1, y + size / 2);
      ctx.stroke();
    }
  } else {
    ctx.globalAlpha = 0.55;
    ctx.fillStyle = color;
    ctx.fillRect(x + 1, y + 1, size - 2, size - 2);
    ctx.globalAlpha = 1;
    ctx.strokeStyle = item.category ? edgeOf(item.category) : 'rgba(0,0,0,.3)';
    ctx.lineWidth = 1;
    ctx.strokeRect(x + 1, y + 1, size - 2, size - 2);
  }
  ctx.restore();
}

function drawLegend(ctx: CanvasRenderingContext2D, c: Composition, x: number, y: number, w: number, h: number) {
  const f = c.fontFamily;
  ctx.fillStyle = '#fff';
  ctx.fillRect(x, y, w, h);
  ctx.strokeStyle = '#d7dce2';
  ctx.lineWidth = 1;
  ctx.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
  ctx.fillStyle = INK;
  ctx.textBaseline = 'middle';
  ctx.font = `bold 15px ${f}`;
  ctx.fillText(c.legendTitle, x + 10, y + 18);
  const notesH = c.notes.length * 16 + 8;
  // Rows shrink (down to 15 px) before any would be cut off.
  const room = h - 36 - notesH - 8;
  const row = Math.max(15, Math.min(24, room / Math.max(1, c.legend.length)));
  const text = Math.min(13, row - 3);
  let ry = y + 34;
  for (const item of c.legend) {
    if (ry + row > y + h - notesH) break;
    ctx.fillStyle = INK;
    ctx.textAlign = 'left';
    if (item.swatch === 'heading') {
      ctx.font = `bold ${text}px ${f}`;
      ctx.fillText(clip(ctx, item.label, w - 20), x + 10, ry + row / 2);
      ry += row;
      continue;
    }
    const sw = Math.min(16, row - 4);
    drawSwatch(ctx, item, x + 10, ry + (row - sw) / 2, sw);
    ctx.fillStyle = INK;
    ctx.font = `${text}px ${f}`;
    const count = item.count === undefined ? '' : String(item.count);
    ctx.textAlign = 'right';
    ctx.fillText(count, x + w - 10, ry + row / 2);
    const countW = ctx.measureText(count).width;
    ctx.textAlign = 'left';
    ctx.fillText(clip(ctx, item.label, w - 42 - countW - 8), x + 32, ry + row / 2);
    ry += row;
  }
  ctx.fillStyle = MUTED;
  ctx.font = `11px ${f}`;
  c.notes.forEach((n, i) => ctx.fillText(clip(ctx, n, w - 20), x + 10, y + h - notesH + 8 + i * 16));
}

/** What the scale bar and north arrow need: their words, the font, and the map's scale and bearing. */
export type MapMarks = Pick<Composition, 'north' | 'km' | 'fontFamily'>;
export type Scaled = Pick<OffscreenMap, 'scaleBar' | 'bearing'>;

/** The page's own font stack (its CJK font first), for text drawn into the picture. */
export const pageFont = () => getComputedStyle(document.documentElement).fontFamily || 'sans-serif';

function drawScaleBar(ctx: CanvasRenderingContext2D, c: MapMarks, map: Scaled, x: number, y: number) {
  const { css, km } = map.scaleBar(120);
  const label = `${km.toLocaleString()} ${c.km}`;
  ctx.font = `12px ${c.fontFamily}`;
  const w = Math.max(css, ctx.measureText(label).width) + 16;
  ctx.fillStyle = 'rgba(255,255,255,0.94)';
  ctx.fillRect(x, y - 30, w, 30);
  ctx.fillStyle = INK;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  ctx.fillText(label, x + 8, y - 20);
  // Two halves, black and white, between end ticks.
  ctx.fillRect(x + 8, y - 10, css / 2, 4);
  ctx.strokeStyle = INK;
  ctx.lineWidth = 1;
  ctx.strokeRect(x + 8, y - 10, css, 4);
}

function drawNorthArrow(ctx: CanvasRenderingContext2D, c: MapMarks, bearing: number, cx: number, cy: number) {
  ctx.save();
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.beginPath();
  ctx.arc(cx, cy, 22, 0, 2 * Math.PI);
  ctx.fill();
  ctx.translate(cx, cy);
  ctx.rotate((-bearing * Math.PI) / 180);
  ctx.fillStyle = INK;
  ctx.beginPath();
  ctx.moveTo(0, -17);
  ctx.lineTo(8, 4);
  ctx.lineTo(0, 0);
  ctx.lineTo(-8, 4);
  ctx.closePath();
  ctx.fill();
  ctx.font = `bold 11px ${c.fontFamily}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(c.north, 0, 12);
  ctx.restore();
}

/**
 * The scale bar (bottom left) and the north arrow (top right) on a map framed at x, y, w x h CSS
 * pixels: the picture's and the printed page's. Returns where they were drawn, in CSS pixels.
 */
export function drawMapMarks(ctx: CanvasRenderingContext2D, c: MapMarks, map: Scaled, x: number, y: number, w: number, h: number) {
  const bar = { x: x + 10, y: y + h - 10, css: map.scaleBar(120).css };
  const arrow = { x: x + w - 34, y: y + 34 };
  drawScaleBar(ctx, c, map, bar.x, bar.y);
  drawNorthArrow(ctx, c, map.bearing, arrow.x, arrow.y);
  return { bar, arrow };
}

/** Draws the whole picture; the map is rendered off screen at the picture's own resolution. */
export async function composeMapImage(live: MapLibreMap, px: { width: number; height: number; scale: number }, c: Composition): Promise<HTMLCanvasElement> {
  const s = px.scale;
  const W = px.width / s;
  const H = px.height / s;
  // The map's frame, snapped to whole device pixels.
  const mapX = Math.round(M * s) / s;
  const mapY = Math.round(TITLE_BAND * s) / s;
  const mapW = Math.floor((W - 2 * M - LEGEND_W - GAP) * s) / s;
  const mapH = Math.floor((H - TITLE_BAND - FOOTER) * s) / s;
  await document.fonts.load(`16px ${c.fontFamily}`, c.title);
  const map = await renderMapOffscreen(live, mapW, mapH, s, c.fontFamily);

  const canvas = document.createElement('canvas');
  canvas.width = px.width;
  canvas.height = px.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('the picture could not be drawn');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, px.width, px.height);
  ctx.drawImage(map.canvas, Math.round(mapX * s), Math.round(mapY * s));
  ctx.setTransform(s, 0, 0, s, 0, 0);
  ctx.strokeStyle = '#9aa3ad';
  ctx.lineWidth = 1;
  ctx.strokeRect(mapX, mapY, mapW, mapH);

  const f = c.fontFamily;
  ctx.fillStyle = INK;
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  fitFont(ctx, c.title, 'bold', 28, 16, W - 2 * M, f);
  ctx.fillText(clip(ctx, c.title, W - 2 * M), M, 38);
  ctx.fillStyle = MUTED;
  fitFont(ctx, c.subtitle, '', 14, 10, W - 2 * M, f);
  ctx.fillText(clip(ctx, c.subtitle, W - 2 * M), M, 60);

  drawLegend(ctx, c, W - M - LEGEND_W, mapY, LEGEND_W, mapH);
  drawMapMarks(ctx, c, map, mapX, mapY, mapW, mapH);

  ctx.textBaseline = 'middle';
  ctx.fillStyle = MUTED;
  ctx.font = `11px ${f}`;
  const footY = H - FOOTER / 2;
  ctx.fillText(c.dateLine, M, footY);
  const dateW = ctx.measureText(c.dateLine).width;
  fitFont(ctx, c.attribution, '', 11, 7, W - 2 * M - dateW - 24, f);
  ctx.textAlign = 'right';
  ctx.fillText(clip(ctx, c.attribution, W - 2 * M - dateW - 24), W - M, footY);
  return canvas;
}

/** Saves a canvas as a PNG download. */
export async function downloadCanvas(canvas: HTMLCanvasElement, fileName: string) {
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the picture could not be saved');
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
