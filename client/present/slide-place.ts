/**
 * Where a slideshow stands, in the URL: `mode=slides&slide=2` plays the saved views from the second,
 * `&deck=areas` plays the plan's task areas instead. A bad number means the first slide.
 */
export type Deck = 'views' | 'areas';
export type SlidePlace = { deck: Deck; n: number };

export function readSlidePlace(u: URLSearchParams): SlidePlace {
  const n = Number(u.get('slide'));
  return { deck: u.get('deck') === 'areas' ? 'areas' : 'views', n: Number.isSafeInteger(n) && n >= 1 ? n : 1 };
}

export function writeSlidePlace(u: URLSearchParams, place: SlidePlace | undefined) {
  if (!place) return;
  if (place.deck !== 'views') u.set('deck', place.deck);
  u.set('slide', String(place.n));
}
