/**
 * The coverage map's classes in the exported picture and the printed page are the on-screen
 * coverage legend's: the same title, ranges and colours, in the same order (one function, classRows).
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PROVINCE_IDS } from '#shared/taxonomy.ts';
import { classify } from '../../client/coverage/class-breaks.ts';
import { classColors, NONE_COLOR } from '../../client/coverage/choropleth.ts';
import { CoverageLegend } from '../../client/coverage/coverage-legend.tsx';
import { classRows } from '../../client/coverage/legend-classes.ts';
import type { CoverageMeasure } from '../../client/coverage/measures.ts';
import { choroplethLegendItems } from '../../client/export/legend-items.ts';
import { MESSAGES } from '../../client/i18n/messages.ts';
import { exportLegend } from '../../client/state/dashboard.ts';
import { LangContext } from '../../client/i18n/use-lang.ts';

const zh = MESSAGES.zh;
const [a = '', b = '', c = '', d = '', e = ''] = PROVINCE_IDS;
const figures: Record<string, number> = { [a]: 1.5, [b]: 2, [c]: 40, [d]: 41, [e]: 380 };
const classes = classify(figures, PROVINCE_IDS, 4);

/** The on-screen legend's rows as rendered: title, and each row's colour and range text. */
function screenLegend(measure: CoverageMeasure, lang: 'zh' | 'en') {
  const html = renderToStaticMarkup(
    createElement(LangContext.Provider, { value: lang }, createElement(CoverageLegend, { measure, classes, pending: false, error: null, summary: '', selected: [], onProvince: () => {} })),
  );
  const title = html.match(/<h2>(.*?)<\/h2>/)![1]!;
  const rows = [...html.matchAll(/<li [^>]*data-color="([^"]+)"[^>]*>.*?<span class="class-range">(.*?)<\/span>/g)].map((m) => ({ color: m[1], range: m[2] }));
  return { title, rows };
}

describe('the coverage legend in the picture and the print', () => {
  it('has the on-screen legend\'s title and rows, in its order, for each measure and language', () => {
    for (const measure of ['projects', 'km2'] as const)
      for (const lang of ['zh', 'en'] as const) {
        const screen = screenLegend(measure, lang);
        const [heading, ...rows] = choroplethLegendItems(measure, classes, lang, MESSAGES[lang]);
        expect(heading).toMatchObject({ swatch: 'heading', label: screen.title });
        expect(rows.map((r) => ({ color: r.color, range: r.label }))).toEqual(screen.rows);
        expect(rows.every((r) => r.swatch === 'class' && r.count === undefined)).toBe(true);
      }
  });

  it('states each class highest first with the map\'s colours, then "none"', () => {
    const rows = classRows(classes, 'zh', zh);
    const colors = classColors(classes.classes.length);
    expect(rows.map((r) => r.color)).toEqual([...colors].reverse().concat(NONE_COLOR));
    expect(rows[0]).toMatchObject({ min: 380, max: 380, range: '380', ids: [e] });
    expect(rows.at(-1)).toMatchObject({ key: 'none', range: zh.coverageNone });
    expect(rows.at(-1)!.ids).toHaveLength(PROVINCE_IDS.length - 5);
    // A decimal below 10, as on screen.
    expect(rows.find((r) => r.ids.includes(a))!.range).toBe('1.5–2');
    expect(choroplethLegendItems('km2', classes, 'zh', zh)[0]!.label).toBe(zh.coverageTitle('场地面积', '平方公里'));
  });

  it('closes the exported legend once the classes are known, replacing the partner tint', () => {
    const base = { statusCounts: { construction: 2 }, categoryCounts: {}, lang: 'zh' as const, t: zh, notRecordedColor: '#999', partners: ['hebei'], partner: { color: '#7b5ea7', opacity: 0.2 } };
    const keys = (o: Partial<Parameters<typeof exportLegend>[0]>) => exportLegend({ ...base, byStatus: true, coverageOn: false, ...o }).map((i) => i.key);
    expect(keys({ coverageOn: true, choropleth: { measure: 'projects', classes } })).toEqual(['construction', 'coverage', ...classRows(classes, 'zh', zh).map((r) => `class-${r.key}`)]);
    // Classes still on their way: no rows yet (never stale ones).
    expect(keys({ coverageOn: true, choropleth: { measure: 'projects', classes: null } })).toEqual(['construction']);
    expect(keys({})).toEqual(['construction', 'partners']);
  });
});
