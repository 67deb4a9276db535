/**
 * WCAG 2 colour arithmetic for the map's symbols: relative luminance, contrast ratio, and the
 * darker shade of a hue that reaches a contrast against every background it may sit on.
 */
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
const channel = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const hex = (c: readonly number[]) => `#${c.map((v) => Math.round(v * 255).toString(16).padStart(2, '0')).join('')}`;

/** Relative luminance of a #rrggbb colour (WCAG 2). */
export function luminance(colour: string): number {
  const [r, g, b] = rgb(colour).map(channel) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two #rrggbb colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** A colour drawn at some opacity over a background, as the screen shows it. */
export function over(fg: string, opacity: number, bg: string): string {
  const f = rgb(fg);
  const b = rgb(bg);
  return hex(f.map((c, i) => c * opacity + b[i]! * (1 - opacity)));
}

/**
 * The same hue made darker (mixed with black, in steps of 2%) until it stands at `target` against
 * every background; the colour itself when it already does.
 */
export function darkEnough(colour: string, backgrounds: readonly string[], target: number): string {
  const c = rgb(colour);
  for (let k = 0; k <= 50; k++) {
    const shade = hex(c.map((v) => v * (1 - k * 0.02)));
    if (backgrounds.every((bg) => contrast(shade, bg) >= target)) return shade;
  }
  return '#000000';
}
