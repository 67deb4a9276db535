/**
 * The printed page: hidden on screen, and the only thing printed (see the @media print block in
 * styles.css): title, the filter, key figures, the map, a legend of what is on it, the date and the
 * data credits. The map, with the picture's scale bar and north arrow drawn on it, is a 2D copy of the live WebGL canvas, refreshed whenever the map settles
 * and again just before printing, so print to PDF never catches a cleared or resized canvas.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useT } from '../i18n/use-lang.ts';
import { BASEMAP_ATTRIBUTION, BASEMAP_ATTRIBUTION_EN } from '../map/basemap-style.ts';
import { planDay } from '#shared/day.ts';
import { renderMapOffscreen, scaleBarOf } from '../map/snapshot.ts';
import { drawMapMarks, drawSwatch, pageFont, type MapMarks, type Scaled } from './compose-image.ts';
import type { LegendItem } from './legend-items.ts';

export type Paper = 'a4' | 'a3';

/** The printed map's cell (see styles.css, @media print), in CSS pixels (96 to the inch). */
const MAP_CELL: Record<Paper, { width: number; height: number }> = {
  a4: { width: (221 * 96) / 25.4, height: (152 * 96) / 25.4 },
  a3: { width: (328 * 96) / 25.4, height: (232 * 96) / 25.4 },
};

/**
 * Copies a map (`scale` pixels to the CSS pixel) onto the printed map's canvas with the scale bar and
 * north arrow; the canvas notes where they are (data-marks, in CSS pixels) for the tests.
 */
function drawPrintMap(target: HTMLCanvasElement, source: HTMLCanvasElement, scale: number, map: Scaled, marks: MapMarks) {
  target.width = source.width;
  target.height = source.height;
  const ctx = target.getContext('2d');
  if (!ctx) return;
  ctx.drawImage(source, 0, 0);
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  const at = drawMapMarks(ctx, marks, map, 0, 0, source.width / scale, source.height / scale);
  target.dataset.marks = JSON.stringify({ scale, ...at });
}

/**
 * Prints on the chosen paper (A4 or A3 landscape) with the map drawn again off screen at 300 dpi
 * for this one print; afterwards the printed map follows the live map again.
 */
export async function printPage(paper: Paper, map: MapLibreMap, marks: MapMarks) {
  document.documentElement.dataset.paper = paper;
  const cell = MAP_CELL[paper];
  const sharp = await renderMapOffscreen(map, Math.round(cell.width), Math.round(cell.height), 300 / 96, marks.fontFamily);
  const target = document.querySelector<HTMLCanvasElement>('canvas.print-map');
  if (target) {
    drawPrintMap(target, sharp.canvas, 300 / 96, sharp, marks);
    target.dataset.sharp = 'true';
  }
  window.print();
}

function Swatch({ item }: { item: LegendItem }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(2, 0, 0, 2, 0, 0);
    drawSwatch(ctx, item, 0, 0, 16);
  }, [item]);
  return <canvas ref={ref} width={32} height={32} aria-hidden />;
}

type Props = {
  title: string;
  /** The active filters in words ('' when there are none). */
  filter: string;
  figures: string;
  legend: LegendItem[];
  legendTitle: string;
  getMap: () => MapLibreMap | null;
};

export function PrintSheet({ title, filter, figures, legend, legendTitle, getMap }: Props) {
  const { t, lang } = useT();
  const mapCopy = useRef<HTMLCanvasElement>(null);
  const marks = useMemo<MapMarks>(() => ({ north: t.north, km: t.km, fontFamily: pageFont() }), [t]);
  useEffect(() => {
    const map = getMap();
    if (!map) return;
    const copy = () => {
      const target = mapCopy.current;
      const source = map.getCanvas();
      // A hidden map (print layout) is redrawn by MapLibre at a stand-in 400 x 300: keep the last copy.
      const { clientWidth, clientHeight } = map.getContainer();
      if (!target || target.dataset.sharp || !clientWidth || !source.width || !source.height) return;
      drawPrintMap(target, source, source.width / clientWidth, { scaleBar: scaleBarOf(map, clientHeight), bearing: map.getBearing() }, marks);
    };
    // After a sharp print, the printed map follows the live map again.
    const done = () => {
      delete mapCopy.current?.dataset.sharp;
      copy();
    };
    map.on('idle', copy);
    window.addEventListener('beforeprint', copy);
    window.addEventListener('afterprint', done);
    copy();
    return () => {
      map.off('idle', copy);
      window.removeEventListener('beforeprint', copy);
      window.removeEventListener('afterprint', done);
    };
  }, [getMap, marks]);
  const date = planDay();
  return (
    <section className="print-sheet" data-testid="print-sheet" aria-hidden="true">
      <header>
        <h1>{title}</h1>
        <p>
          {t.filterLine(filter || t.noFilter)}
        </p>
        <p className="print-figures">{figures}</p>
      </header>
      <canvas ref={mapCopy} className="print-map" />
      <aside className="print-legend">
        <h2>{legendTitle}</h2>
        <ul>
          {legend.map((item) => (
            <li key={item.key} data-key={item.key} data-category={item.category} data-color={item.swatch === 'class' ? item.color : undefined}>
              {item.swatch !== 'heading' && <Swatch item={item} />}
              {item.swatch === 'heading' ? <strong>{item.label}</strong> : <span>{item.label}</span>}
              {item.count !== undefined && <span className="num">{item.count}</span>}
            </li>
          ))}
        </ul>
        <p>{t.noteSchematic}</p>
        <p>{t.noteApproximate}</p>
      </aside>
      <footer>
        <span>
          {t.title} · {t.dataDate(date)}
        </span>
        <span>{lang === 'en' ? BASEMAP_ATTRIBUTION_EN : BASEMAP_ATTRIBUTION}</span>
      </footer>
    </section>
  );
}
