/**
 * The basemap's colours: a quiet light palette for the desk and a high-contrast palette for the
 * projector. The basemap stays neutral (grey land, calm water, thin grey boundaries, muted labels)
 * so the projects carry the colour. tests/map/contrast.test.ts checks text at WCAG 4.5:1 and the
 * symbols a reader needs (boundaries, city dots, the partner tint's edge) at 3:1 against the fills
 * they sit on.
 */
export type BasemapTheme = 'light' | 'contrast';

export type Palette = {
  sea: string;
  land: string;
  /** Provinces outside the plan's region. */
  province: string;
  /** The plan's seven provinces: the lightest land, so the region stands out without a colour. */
  plan: string;
  planOutline: string;
  neighbour: string;
  neighbourOpacity: number;
  provinceLine: string;
  countryLine: string;
  river: string;
  label: string;
  labelPlan: string;
  labelFaint: string;
  halo: string;
  cityDot: string;
  cityDotMajor: string;
  /** The partner provinces of a chosen clause: a tint and a soft inner edge, never a border. */
  partner: string;
  partnerOpacity: number;
  /** multiplies line widths and text sizes */
  scale: number;
};

export const PALETTES: Record<BasemapTheme, Palette> = {
  light: {
    sea: '#d5e3ec',
    land: '#f3f2ee',
    province: '#f1f0ec',
    plan: '#fcfbf8',
    planOutline: '#8f8a80',
    neighbour: '#efeeea',
    neighbourOpacity: 1,
    provinceLine: '#87847d',
    countryLine: '#6f6b64',
    river: '#9dbfd6',
    label: '#4a4741',
    labelPlan: '#2f2c28',
    labelFaint: '#625f59',
    halo: '#ffffff',
    cityDot: '#706c65',
    cityDotMajor: '#3b3833',
    partner: '#7b3fb8',
    partnerOpacity: 0.12,
    scale: 1,
  },
  contrast: {
    sea: '#1f4e79',
    land: '#f4f4f0',
    province: '#f0f0eb',
    plan: '#ffffff',
    planOutline: '#000000',
    neighbour: '#ebebe6',
    neighbourOpacity: 1,
    provinceLine: '#4a4a4a',
    countryLine: '#000000',
    river: '#1f6fd1',
    label: '#000000',
    labelPlan: '#000000',
    labelFaint: '#2b2b2b',
    halo: '#ffffff',
    cityDot: '#000000',
    cityDotMajor: '#000000',
    partner: '#6a1b9a',
    partnerOpacity: 0.22,
    scale: 1.3,
  },
};
