/**
 * The composed map picture and the printed page, in real Chromium against the real server. The
 * picture is checked by its decoded pixels (size, legend swatches, title ink), not by the DOM; the
 * printed page by print-media styles and a real PDF rendered to PNG.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { planDay } from '#shared/day.ts';
import { CATEGORIES } from '#shared/taxonomy.ts';
import { downloadBytes, hasBrowser, openApp, OUTPUT_DIR, screenshot, waitForMapIdle, type Session } from './browser.ts';

const rgb = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

type Region = { x0: number; y0: number; x1: number; y1: number };
type Probe = { width: number; height: number; legendHits: Record<string, number>; darkInTitle: number; darkInTitleRight: number };

/** Decodes the PNG in the page and counts pixels: each colour in the legend column, dark ink in the title band. */
function probe(s: Session, b64: string, colours: Record<string, [number, number, number]>, layout: { legend: Region; title: Region; titleRight: Region }) {
  return s.page.evaluate(
    async ({ b64, colours, layout }): Promise<Probe> => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = new OffscreenCanvas(img.width, img.height);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const count = (r: { x0: number; y0: number; x1: number; y1: number }, test: (p: Uint8ClampedArray, i: number) => boolean) => {
        const d = ctx.getImageData(r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (test(d, i)) n++;
        return n;
      };
      const near = (p: Uint8ClampedArray, i: number, [r, g, b]: [number, number, number]) => Math.abs(p[i]! - r) < 12 && Math.abs(p[i + 1]! - g) < 12 && Math.abs(p[i + 2]! - b) < 12;
      const dark = (p: Uint8ClampedArray, i: number) => p[i]! < 80 && p[i + 1]! < 80 && p[i + 2]! < 80;
      const legendHits = Object.fromEntries(Object.entries(colours).map(([k, col]) => [k, count(layout.legend, (p, i) => near(p, i, col))]));
      return { width: img.width, height: img.height, legendHits, darkInTitle: count(layout.title, dark), darkInTitleRight: count(layout.titleRight, dark) };
    },
    { b64, colours, layout },
  );
}

type Marks = { scale: number; bar: { x: number; y: number; css: number }; arrow: { x: number; y: number } };

/**
 * The printed map's scale bar and north arrow, where the canvas says they are (data-marks, CSS
 * pixels): the bar's black half is dark ink all along, the arrow's shaft is dark, the disc round it light.
 */
function printMarks(s: Session) {
  return s.page.locator('canvas.print-map').evaluate((c: HTMLCanvasElement) => {
    const marks = c.dataset.marks ? (JSON.parse(c.dataset.marks) as Marks) : null;
    if (!marks) return null;
    const ctx = c.getContext('2d')!;
    const k = marks.scale;
    const at = (x: number, y: number) => [...ctx.getImageData(Math.round(x * k), Math.round(y * k), 1, 1).data];
    const dark = (p: number[]) => p[0]! < 80 && p[1]! < 80 && p[2]! < 80;
    const light = (p: number[]) => p[0]! > 200 && p[1]! > 200 && p[2]! > 200;
    const { bar, arrow } = marks;
    const barInk = [0.1, 0.3, 0.45].map((f) => at(bar.x + 8 + f * bar.css, bar.y - 8)).every(dark);
    const arrowInk = [at(arrow.x, arrow.y - 8), at(arrow.x, arrow.y - 2)].every(dark);
    const disc = [at(arrow.x + 18, arrow.y), at(arrow.x - 18, arrow.y)].every(light);
    return { barCss: Math.round(bar.css), barInk, arrowInk, disc, png: c.toDataURL('image/png') };
  });
}

describe.skipIf(!hasBrowser())('map picture and print', () => {
  let s: Session | undefined;
  afterEach(async () => {
    expect(s?.external ?? []).toEqual([]);
    expect(s?.errors ?? []).toEqual([]);
    await s?.close();
    s = undefined;
  });

  it('exports an A4 300 dpi picture with the title and a legend of only what is on the map', async () => {
    mkdirSync(OUTPUT_DIR, { recursive: true });
    s = await openApp('/?node=2.4&c=116.5,39.6,6', { width: 1440, height: 900 });
    await waitForMapIdle(s.page);
    // Switch water transfer off in the legend: it leaves the map and the picture's legend.
    await s.page.locator('.legend label[data-category=water-transfer] input').uncheck();
    await waitForMapIdle(s.page);
    await s.page.getByRole('button', { name: '导出图片' }).click();
    const dialog = s.page.getByRole('dialog', { name: '导出图片' });
    // The title defaults to the filter description the presentation header shows.
    const title = await dialog.getByLabel('标题').inputValue();
    expect(title).toMatch(/^2\.4 /);
    await dialog.getByLabel('A4 横向 300 dpi').check();
    expect(await dialog.getByTestId('image-pixels').textContent()).toBe('3508 × 2480 px');
    const [download] = await Promise.all([s.page.waitForEvent('download', { timeout: 180_000 }), dialog.getByRole('button', { name: '保存图片' }).click()]);
    const name = download.suggestedFilename();
    expect(name).toBe(`${title.replace(/ · /g, '-').replace(/ /g, '-')}-${planDay()}-A4-300dpi.png`);
    const bytes = await downloadBytes(download);
    writeFileSync(join(OUTPUT_DIR, 'export-a4.png'), bytes);

    // Layout in CSS pixels at 300/96 device pixels each (client/export/compose-image.ts).
    const k = 300 / 96;
    const px = (x: number) => Math.round(x * k);
    const legend = { x0: 3508 - px(16 + 220), y0: px(70), x1: 3508 - px(16), y1: 2480 - px(24) };
    const result = await probe(
      s,
      bytes.toString('base64'),
      { gas: rgb(CATEGORIES['gas-pipeline'].color), power: rgb(CATEGORIES['power-corridor'].color), water: rgb(CATEGORIES['water-transfer'].color) },
      { legend, title: { x0: px(16), y0: 0, x1: px(600), y1: px(46) }, titleRight: { x0: 3508 - px(120), y0: 0, x1: 3508, y1: px(46) } },
    );
    expect([result.width, result.height]).toEqual([3508, 2480]);
    // Line swatches are drawn 3 CSS px thick and 14 long: hundreds of pixels of the colour each.
    expect(result.legendHits.gas).toBeGreaterThan(200);
    expect(result.legendHits.power).toBeGreaterThan(200);
    expect(result.legendHits.water).toBe(0);
    // The title is dark ink in the band at the top left; the band's far right stays white.
    expect(result.darkInTitle).toBeGreaterThan(2000);
    expect(result.darkInTitleRight).toBe(0);
  }, 300_000);

  it('is offered in presentation mode too', async () => {
    mkdirSync(OUTPUT_DIR, { recursive: true });
    s = await openApp('/?mode=present&c=117.5,39.3,7', { width: 1280, height: 720 });
    await waitForMapIdle(s.page);
    const button = s.page.getByRole('button', { name: '导出图片' });
    expect(await button.isVisible()).toBe(true);
    await button.click();
    const dialog = s.page.getByRole('dialog', { name: '导出图片' });
    await dialog.getByLabel('屏幕大小').check();
    await screenshot(s.page, 'export-dialog-present');
    const [download] = await Promise.all([s.page.waitForEvent('download', { timeout: 120_000 }), dialog.getByRole('button', { name: '保存图片' }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`-${planDay()}\\.png$`));
    const bytes = await downloadBytes(download);
    writeFileSync(join(OUTPUT_DIR, 'export-screen-present.png'), bytes);
    const r = await probe(s, bytes.toString('base64'), {}, { legend: { x0: 0, y0: 0, x1: 1, y1: 1 }, title: { x0: 16, y0: 0, x1: 600, y1: 46 }, titleRight: { x0: 1160, y0: 0, x1: 1280, y1: 46 } });
    expect([r.width, r.height]).toEqual([1280, 720]);
    expect(r.darkInTitle).toBeGreaterThan(200);
    // Esc closes the dialog and stays in the presentation.
    await dialog.getByLabel('标题').press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(s.page.url()).toContain('mode=present');
  }, 180_000);

  it('prints one clean page: title, filter, figures, map and legend; no buttons or panels', async () => {
    s = await openApp('/?node=2.4&c=116.5,39.6,6', { width: 1440, height: 900 });
    await waitForMapIdle(s.page);
    // 打印… draws the map again at 300 dpi for the page (221 mm wide on A4) before printing.
    // Headless Chromium has no print dialog (a real window.print() blocks page.pdf): record the call.
    await s.page.evaluate(() => (window.print = () => void (document.documentElement.dataset.printed = 'yes')));
    // The live copy (what Ctrl+P prints) has the scale bar and north arrow already.
    await s.page.locator('canvas.print-map[data-marks]').waitFor({ state: 'attached' });
    expect(await printMarks(s)).toMatchObject({ barInk: true, arrowInk: true, disc: true });
    await s.page.getByRole('button', { name: '导出图片' }).click();
    await s.page.getByRole('dialog', { name: '导出图片' }).getByRole('button', { name: '打印…' }).click();
    await s.page.locator('html[data-printed=yes]').waitFor({ state: 'attached', timeout: 200_000 });
    await s.page.locator('canvas.print-map[data-sharp]').waitFor({ state: 'attached', timeout: 200_000 });
    expect(await s.page.locator('canvas.print-map').evaluate((c: HTMLCanvasElement) => c.width)).toBeGreaterThanOrEqual(Math.round(((221 * 96) / 25.4) * (300 / 96)) - 1);
    // The 300 dpi map has them too, drawn at 300 dpi by the picture's own code.
    const sharp = await printMarks(s);
    expect(sharp).toMatchObject({ barInk: true, arrowInk: true, disc: true });
    expect(sharp!.barCss).toBeGreaterThan(20);
    mkdirSync(OUTPUT_DIR, { recursive: true });
    writeFileSync(join(OUTPUT_DIR, 'print-map-300dpi.png'), Buffer.from(sharp!.png.split(',')[1]!, 'base64'));
    await s.page.emulateMedia({ media: 'print' });
    for (const sel of ['nav.side', 'header.top', '.tools button', 'section.legend', '.maplibregl-ctrl']) expect(await s.page.locator(sel).first().isVisible(), sel).toBe(false);
    const sheet = s.page.getByTestId('print-sheet');
    expect(await sheet.locator('h1').textContent()).toMatch(/^2\.4 /);
    expect(await sheet.locator('h1').isVisible()).toBe(true);
    expect(await sheet.locator('header').textContent()).toMatch(/筛选：2\.4 .*共 \d+ 个项目/);
    const rows = await sheet.locator('.print-legend li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-category')));
    expect(rows).toContain('gas-pipeline');
    expect(rows).not.toContain('seaport');
    expect(await sheet.locator('.print-legend li').first().isVisible()).toBe(true);
    // The printed map is a copy of the live map, not an empty canvas.
    const colours = await sheet.locator('canvas.print-map').evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < d.length; i += 4 * 97) seen.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
      return seen.size;
    });
    expect(colours).toBeGreaterThan(50);
    // A real PDF (headless only): one page, looked at as a PNG.
    const pdf = join(OUTPUT_DIR, 'print-a4.pdf');
    await s.page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    if (existsSync('/usr/bin/pdftoppm')) {
      const pages = execFileSync('pdfinfo', [pdf]).toString().match(/Pages:\s+(\d+)/)?.[1];
      expect(pages).toBe('1');
      for (const f of readdirSync(OUTPUT_DIR)) if (f.startsWith('print-a4-page')) unlinkSync(join(OUTPUT_DIR, f));
      execFileSync('pdftoppm', ['-png', '-r', '110', pdf, join(OUTPUT_DIR, 'print-a4-page')]);
    }
  }, 300_000);

  it('puts the coverage map\'s title and classes, as the screen states them, in the printed and pictured legend', async () => {
    mkdirSync(OUTPUT_DIR, { recursive: true });
    s = await openApp('/?node=2.1&coverage=projects&c=114.5,40.5,4.6', { width: 1440, height: 900 });
    await waitForMapIdle(s.page);
    const screenLegend = s.page.locator('[data-testid=coverage-legend][data-pending=false]');
    await screenLegend.waitFor();
    const title = await screenLegend.locator('h2').textContent();
    expect(title).toBe('分省项目数（个）');
    const screenRows = await screenLegend.locator('li').evaluateAll((lis) => lis.map((li) => [li.dataset.color, li.querySelector('.class-range')!.textContent]));
    expect(screenRows.length).toBeGreaterThan(2);
    // The printed legend: the categories, then the coverage map's title and the same rows.
    const printed = s.page.getByTestId('print-sheet').locator('.print-legend');
    expect(await printed.locator('li[data-key=coverage]').textContent()).toBe(title);
    const printRows = await printed.locator('li[data-key^=class-]').evaluateAll((lis) => lis.map((li) => [li.dataset.color, li.textContent]));
    expect(printRows).toEqual(screenRows);
    expect(await printed.locator('li[data-category]').count()).toBeGreaterThan(0);

    // The picture (screen size): each class's colour fills a swatch in the legend column.
    await s.page.getByRole('button', { name: '导出图片' }).click();
    const dialog = s.page.getByRole('dialog', { name: '导出图片' });
    await dialog.getByLabel('屏幕大小').check();
    const [download] = await Promise.all([s.page.waitForEvent('download', { timeout: 120_000 }), dialog.getByRole('button', { name: '保存图片' }).click()]);
    const bytes = await downloadBytes(download);
    writeFileSync(join(OUTPUT_DIR, 'export-coverage-screen.png'), bytes);
    const classColours = Object.fromEntries(screenRows.filter(([hex]) => hex !== '#fbfbf9').map(([hex]) => [hex!, rgb(hex!)]));
    const r = await probe(s, bytes.toString('base64'), classColours, {
      legend: { x0: 1440 - 16 - 220, y0: 70, x1: 1440 - 16, y1: 900 - 24 },
      title: { x0: 16, y0: 0, x1: 600, y1: 46 },
      titleRight: { x0: 1320, y0: 0, x1: 1440, y1: 46 },
    });
    expect(r.width).toBe(1440);
    // A 16 px swatch less its outline: well over 100 pixels of each class's colour.
    for (const [hex, hits] of Object.entries(r.legendHits)) expect(hits, hex).toBeGreaterThan(100);
  }, 180_000);

  it('prints the status colours, with their counts from the API, when the map is coloured by status', async () => {
    s = await openApp('/?node=2.4&symbology=status&c=116.5,39.6,6', { width: 1440, height: 900 });
    await waitForMapIdle(s.page);
    const answer = (await (await fetch(`${inject('baseUrl')}/api/projects?node=2.4`)).json()) as { features: { properties: { status: string } }[] };
    const expected: Record<string, string> = {};
    for (const f of answer.features) expected[f.properties.status] = String(Number(expected[f.properties.status] ?? 0) + 1);
    await s.page.emulateMedia({ media: 'print' });
    const legend = s.page.getByTestId('print-sheet').locator('.print-legend');
    expect(await legend.locator('h2').textContent()).toBe('当前状态');
    const rows = await legend.locator('li').evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-key'), li.querySelector('.num')!.textContent]));
    const { partners, ...statuses } = Object.fromEntries(rows) as Record<string, string>;
    expect(statuses).toEqual(expected);
    // The tint of the clause's partner provinces has its row too.
    expect(Number(partners)).toBeGreaterThan(0);
  });
});
