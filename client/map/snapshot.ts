/**
 * The map as a PNG, as it stands on screen, with the data credits the licences ask for (ODbL,
 * CC BY) drawn into the picture and the local date in the file name, so a slide says when its
 * picture was taken.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { BASEMAP_ATTRIBUTION } from './basemap-style.ts';

const localDate = (d = new Date()) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

export async function downloadMapPng(map: MapLibreMap, title: string) {
  // Copy the map in the frame it is drawn, so the picture is complete.
  const source = map.getCanvas();
  const copy = document.createElement('canvas');
  copy.width = source.width;
  copy.height = source.height;
  const ctx = copy.getContext('2d');
  if (!ctx) throw new Error('the map could not be drawn to a picture');
  await new Promise<void>((resolve) => {
    map.once('render', () => {
      ctx.drawImage(source, 0, 0);
      resolve();
    });
    map.triggerRepaint();
  });
  const scale = window.devicePixelRatio || 1;
  const text = `${BASEMAP_ATTRIBUTION} · ${localDate()}`;
  ctx.font = `${11 * scale}px sans-serif`;
  const w = ctx.measureText(text).width + 12 * scale;
  const h = 18 * scale;
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(copy.width - w, copy.height - h, w, h);
  ctx.fillStyle = '#222';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, copy.width - w + 6 * scale, copy.height - h / 2);
  const blob = await new Promise<Blob | null>((resolve) => copy.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the map could not be drawn to a picture');
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `${title}-${localDate()}.png`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
