/**
 * The picture dialog: an editable title (the filter description by default), a size (screen, 2x,
 * A4 or A3 landscape at 300 dpi), save as PNG; or print the page on A4 or A3.
 */
import { useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { errorText } from '../i18n/error-text.ts';
import { useT } from '../i18n/use-lang.ts';
import { BASEMAP_ATTRIBUTION, BASEMAP_ATTRIBUTION_EN } from '../map/basemap-style.ts';
import { planDay } from '#shared/day.ts';
import { composeMapImage, downloadCanvas, IMAGE_SIZES, pageFont, pixelSize, type ImageSize } from './compose-image.ts';
import { fileTitle, type LegendItem } from './legend-items.ts';
import { printPage, type Paper } from './print-sheet.tsx';

type Props = {
  title: string;
  onTitle: (title: string) => void;
  legend: LegendItem[];
  legendTitle: string;
  figures: string;
  getMap: () => MapLibreMap | null;
  onClose: () => void;
};

export function ImageDialog(p: Props) {
  const { t, lang } = useT();
  const [size, setSize] = useState<ImageSize>('a4');
  const [paper, setPaper] = useState<Paper>('a4');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const px = pixelSize(size, { width: window.innerWidth, height: window.innerHeight, dpr: window.devicePixelRatio || 1 });

  async function save() {
    const map = p.getMap();
    if (!map) return;
    setBusy(true);
    setError(null);
    try {
      const date = planDay();
      const canvas = await composeMapImage(map, px, {
        title: p.title,
        subtitle: `${t.title} · ${t.subtitle} · ${p.figures}`,
        legendTitle: p.legendTitle,
        legend: p.legend,
        notes: [t.noteSchematic, t.noteApproximate],
        dateLine: t.dataDate(date),
        attribution: lang === 'en' ? BASEMAP_ATTRIBUTION_EN : BASEMAP_ATTRIBUTION,
        north: t.north,
        km: t.km,
        fontFamily: pageFont(),
      });
      const tag = size === 'a4' || size === 'a3' ? `-${size.toUpperCase()}-300dpi` : size === '2x' ? '-2x' : '';
      await downloadCanvas(canvas, `${fileTitle(p.title)}-${date}${tag}.png`);
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  }

  async function print() {
    const map = p.getMap();
    if (!map) return;
    setBusy(true);
    setError(null);
    try {
      await printPage(paper, map, { north: t.north, km: t.km, fontFamily: pageFont() });
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div
      className="image-dialog"
      role="dialog"
      aria-labelledby="image-dialog-title"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation(); // Esc closes the dialog, not the presentation
        p.onClose();
      }}
    >
      <h2 id="image-dialog-title">{t.exportImage}</h2>
      <label>
        {t.imageTitle}
        <input value={p.title} onChange={(e) => p.onTitle(e.target.value)} maxLength={120} name="image-title" />
      </label>
      <fieldset>
        <legend>{t.imageSize}</legend>
        {IMAGE_SIZES.map((s) => (
          <label key={s}>
            <input type="radio" name="image-size" value={s} checked={size === s} onChange={() => setSize(s)} />
            {t.imageSizes[s]}
          </label>
        ))}
        <small data-testid="image-pixels">
          {px.width} × {px.height} px
        </small>
      </fieldset>
      <div className="image-dialog-actions">
        <button type="button" onClick={() => void save()} disabled={busy}>
          {busy ? t.drawing : t.saveImage}
        </button>
        <button type="button" onClick={p.onClose}>
          {t.close}
        </button>
      </div>
      <fieldset>
        <legend>{t.paper}</legend>
        {(['a4', 'a3'] as const).map((s) => (
          <label key={s}>
            <input type="radio" name="paper" value={s} checked={paper === s} onChange={() => setPaper(s)} />
            {s.toUpperCase()}
          </label>
        ))}
        <button type="button" onClick={() => void print()} disabled={busy}>
          {t.print}
        </button>
      </fieldset>
      {busy && <p className="hint">{t.drawingHint}</p>}
      {error && <p role="alert" className="msg error">{error}</p>}
    </div>
  );
}
