/**
 * The map as a PNG, as it stands on screen (the map keeps its drawing buffer for this). The file
 * name carries the date, so a slide says when its picture was taken.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export async function downloadMapPng(map: MapLibreMap, title: string) {
  // Draw once more and read the canvas in the same frame, so the picture is complete.
  await new Promise<void>((resolve) => {
    map.once('render', () => resolve());
    map.triggerRepaint();
  });
  const blob = await new Promise<Blob | null>((resolve) => map.getCanvas().toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the map could not be drawn to a picture');
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `${title}-${new Date().toISOString().slice(0, 10)}.png`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
