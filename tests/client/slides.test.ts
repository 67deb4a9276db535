/** A slideshow in the URL, and what saving and opening a view keep. */
import { describe, expect, it } from 'vitest';
import { openedState, stateToSave } from '../../client/present/slides.ts';
import { DEFAULT_STATE, parseViewState, serializeViewState } from '../../client/state/view-state.ts';

describe('slides in the URL', () => {
  it('round-trips the deck and the slide number', () => {
    const s = parseViewState('?mode=slides&deck=areas&slide=3&node=2.1');
    expect(s.mode).toBe('slides');
    expect(s.slides).toEqual({ deck: 'areas', n: 3 });
    expect(parseViewState(`?${serializeViewState(s)}`)).toEqual(s);
  });

  it('plays the saved views from the first slide when the link says nothing else or nonsense', () => {
    expect(parseViewState('?mode=slides').slides).toEqual({ deck: 'views', n: 1 });
    expect(parseViewState('?mode=slides&slide=-2&deck=movies').slides).toEqual({ deck: 'views', n: 1 });
    expect(parseViewState('?mode=present&slide=4').slides).toBeUndefined();
  });
});

describe('saving and opening a view', () => {
  const slideshow = parseViewState('?mode=slides&slide=2&panel=views&category=seaport&lang=en&c=120,38,7');

  it('saves the whole view but the slideshow place and the panel', () => {
    const saved = new URLSearchParams(stateToSave(slideshow));
    expect(saved.get('category')).toBe('seaport');
    expect(saved.get('c')).toBe('120,38,7');
    expect(saved.has('mode')).toBe(false);
    expect(saved.has('slide')).toBe(false);
    expect(saved.has('panel')).toBe(false);
  });

  it('opens a view with its filters and camera, in the reader\'s language and theme', () => {
    const reader = { ...DEFAULT_STATE, theme: 'contrast' as const, panel: 'views' as const };
    const opened = openedState({ state: 'category=seaport&lang=en&mode=present&c=120,38,7' }, reader);
    expect(opened.filters.categories).toEqual(['seaport']);
    expect(opened.camera).toEqual({ center: [120, 38], zoom: 7 });
    expect(opened.mode).toBe('present');
    expect(opened).toMatchObject({ lang: 'zh', theme: 'contrast', panel: 'views' });
  });
});
