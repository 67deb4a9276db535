/** The basemap's colours: a light desk palette and a high-contrast projector palette. */
export type BasemapTheme = 'light' | 'contrast';

export type Palette = {
  sea: string;
  land: string;
  province: string;
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
  /** multiplies line widths and text sizes */
  scale: number;
};

export const PALETTES: Record<BasemapTheme, Palette> = {
  light: {
    sea: '#cfe0ec',
    land: '#f3f0e8',
    province: '#efebe1',
    plan: '#fbe2b4',
    planOutline: '#d9a441',
    neighbour: '#e6e4df',
    neighbourOpacity: 0.7,
    provinceLine: '#a8a194',
    countryLine: '#6e685c',
    river: '#8db9da',
    label: '#4b463e',
    labelPlan: '#5a3b07',
    labelFaint: '#8f8a80',
    halo: '#ffffff',
    cityDot: '#5b554b',
    cityDotMajor: '#b3261e',
    scale: 1,
  },
  contrast: {
    sea: '#2b5680',
    land: '#f7f7f2',
    province: '#e2e2dc',
    plan: '#fbe7a1',
    planOutline: '#000000',
    neighbour: '#b9b9b2',
    neighbourOpacity: 1,
    provinceLine: '#3a3a3a',
    countryLine: '#000000',
    river: '#1f6fd1',
    label: '#000000',
    labelPlan: '#000000',
    labelFaint: '#333333',
    halo: '#ffffff',
    cityDot: '#000000',
    cityDotMajor: '#c1121f',
    scale: 1.3,
  },
};

