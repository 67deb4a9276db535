/**
 * The map drawn again, off screen, at a chosen size: a hidden MapLibre map made with the live map's
 * current style (basemap, project layers and their filters as they stand), framed so the same
 * extent fits, drawn at a pixel ratio that gives the target pixels. Nothing is upscaled: a 300 dpi
 * picture is really rendered at 300 dpi. The worker URL is set once for every map by map-view.tsx
 * (setWorkerUrl), so this second map needs nothing more.
 */
import { Map as MapLibreMap } from 'maplibre-gl';
import { symbolImages } from './symbols.ts';

export type OffscreenMap = {
  /** The map's pixels: cssWidth x pixelRatio by cssHeight x pixelRatio. */
  canvas: HTMLCanvasElement;
  /** A scale bar that fits in `maxCss` CSS pixels: its length in CSS pixels and its label in km. */
  scaleBar: (maxCss: number) => { css: number; km: number };
  /** Degrees the map is turned (0 = north up). */
  bearing: number;
};


/** A round length (1, 2 or 5 x 10^n) at most `max`. */
export function roundLength(max: number): number {
  const p = 10 ** Math.floor(Math.log10(max));
  return [5, 2, 1].map((k) => k * p).find((x) => x <= max) ?? p;
}

/** A map's scale bar, measured along its bottom (where the bar is drawn), its height in CSS pixels. */
export function scaleBarOf(map: Pick<MapLibreMap, 'unproject'>, cssHeight: number): OffscreenMap['scaleBar'] {
  const y = cssHeight - 20;
  const kmPerCss = map.unproject([20, y]).distanceTo(map.unproject([120, y])) / 1000 / 100;
  return (maxCss: number) => {
    const km = roundLength(maxCss * kmPerCss);
    return { km, css: km / kmPerCss };
  };
}

/**
 * Renders `live`'s view into a cssWidth x cssHeight map at `pixelRatio`. The canvas is copied out
 * before the hidden map is removed; the caller draws it where it belongs.
 */
export async function renderMapOffscreen(live: MapLibreMap, cssWidth: number, cssHeight: number, pixelRatio: number, fontFamily: string): Promise<OffscreenMap> {
  const width = Math.round(cssWidth * pixelRatio);
  const height = Math.round(cssHeight * pixelRatio);
  const container = document.createElement('div');
  container.setAttribute('aria-hidden', 'true');
  container.dataset.testid = 'offscreen-map';
  // Laid out (WebGL needs a real size) but out of sight and out of the way.
  Object.assign(container.style, {
    position: 'fixed',
    left: '-100000px',
    top: '0',
    width: `${cssWidth}px`,
    height: `${cssHeight}px`,
    visibility: 'hidden',
    pointerEvents: 'none',
  });
  document.body.append(container);
  // The same extent fits: zoom in by the ratio of the sizes (fitBounds of the live bounds, done
  // directly so that a turned map keeps its bearing).
  const live0 = live.getContainer();
  const ratio = Math.min(cssWidth / live0.clientWidth, cssHeight / live0.clientHeight);
  const map = new MapLibreMap({
    container,
    style: live.getStyle(),
    center: live.getCenter(),
    zoom: live.getZoom() + Math.log2(ratio),
    bearing: live.getBearing(),
    pitch: live.getPitch(),
    minZoom: 0,
    maxZoom: 24,
    interactive: false,
    attributionControl: false,
    pixelRatio,
    // MapLibre lowers the pixel ratio above 4096 px unless told the canvas may be larger.
    maxCanvasSize: [Math.max(4096, width + 8), Math.max(4096, height + 8)],
    localIdeographFontFamily: fontFamily,
    canvasContextAttributes: { preserveDrawingBuffer: true },
    fadeDuration: 0,
  });
  try {
    const images = symbolImages(pixelRatio);
    const addImages = () => {
      for (const { name, image } of images) if (!map.hasImage(name)) map.addImage(name, image, { pixelRatio });
    };
    map.on('style.load', addImages);
    map.on('styleimagemissing', addImages);
    await new Promise<void>((resolve, reject) => {
      map.once('idle', () => resolve());
      map.on('error', (e) => reject(e.error instanceof Error ? e.error : new Error('the map could not be drawn')));
    });
    const source = map.getCanvas();
    // MapLibre rounds the laid-out size up by a pixel at most; a lowered pixel ratio loses far more.
    if (source.width < width - 1 || source.height < height - 1) {
      // The browser's WebGL cannot draw a canvas this large: say so rather than upscale.
      throw new Error(`this browser can draw the map at ${source.width} x ${source.height} pixels at most, not ${width} x ${height}`);
    }
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d')!.drawImage(source, 0, 0);
    return { canvas, scaleBar: scaleBarOf(map, cssHeight), bearing: map.getBearing() };
  } finally {
    map.remove();
    container.remove();
  }
}
