/**
 * The printed page: hidden on screen, and the only thing printed (see the @media print block in
 * styles.css): title, the filter, key figures, the map, a legend of what is on it, the date and the
 * data credits. The map is a 2D copy of the live WebGL canvas, refreshed whenever the map settles
 * and again just before printing, so print to PDF never catches a cleared or resized canvas.
 */
import { useEffect, useRef } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useT } from '../i18n/use-lang.ts';
import { BASEMAP_ATTRIBUTION, BASEMAP_ATTRIBUTION_EN } from '../map/basemap-style.ts';
import { planDay } from '#shared/day.ts';
import { renderMapOffscreen } from '../map/snapshot.ts';
import { drawSwatch } from './compose-image.ts';
import type { LegendItem } from './legend-items.ts';

export type Paper = 'a4' | 'a3';

/** The printed map's cell (see styles.css, @media print), in CSS pixels (96 to the inch). */
const MAP_CELL: Record<Paper, { width: number; height: number }> = {
  a4: { width: (221 * 96) / 25.4, height: (152 * 96) / 25.4 },
  a3: { width: (328 * 96) / 25.4, height: (232 * 96) / 25.4 },
};

/**
 * Prints on the chosen paper (A4 or A3 landscape) with the map drawn again off screen at 300 dpi
 * for this one print; afterwards the printed map follows the live map again.
 */
export async function printPage(paper: Paper, map: MapLibreMap, fontFamily: string) {
  document.documentElement.dataset.paper = paper;
  const cell = MAP_CELL[paper];
  const sharp = await renderMapOffscreen(map, Math.round(cell.width), Math.round(cell.height), 300 / 96, fontFamily);
  const target = document.querySelector<HTMLCanvasElement>('canvas.print-map');
  if (target) {
    target.width = sharp.canvas.width;
    target.height = sharp.canvas.height;
    target.getContext('2d')?.drawImage(sharp.canvas, 0, 0);
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
  useEffect(() => {
    const map = getMap();
    if (!map) return;
    const copy = () => {
      const target = mapCopy.current;
      const source = map.getCanvas();
      // A hidden map (print layout) is redrawn by MapLibre at a stand-in 400 x 300: keep the last copy.
      if (!target || target.dataset.sharp || !map.getContainer().clientWidth || !source.width || !source.height) return;
      target.width = source.width;
      target.height = source.height;
      target.getContext('2d')?.drawImage(source, 0, 0);
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
  }, [getMap]);
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
            <li key={item.key} data-key={item.key} data-category={item.category}>
              <Swatch item={item} />
              <span>{item.label}</span>
              <span className="num">{item.count}</span>
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
