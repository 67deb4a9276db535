/** A project chosen while the detail panel narrows the map is brought back into view, not jumped to. */
import { describe, expect, it } from 'vitest';
import { centreToShow } from '../../client/map/map-events.ts';

const view: [number, number, number, number] = [116, 38, 119, 40.5];

describe('centreToShow', () => {
  it('leaves the camera alone while a corner or the centre of the project is in view', () => {
    expect(centreToShow([117.7, 38.98, 117.7, 38.98], view)).toBeNull();
    // a corridor reaching out of the view on one side
    expect(centreToShow([118.5, 39, 125, 43], view)).toBeNull();
    // a long line whose ends are out of view but whose middle is in it
    expect(centreToShow([112, 39, 122, 40], view)).toBeNull();
  });

  it('moves to the centre of a project wholly out of view', () => {
    expect(centreToShow([121, 38.8, 121.8, 39.2], view)).toEqual([121.4, 39]);
    expect(centreToShow([110, 35, 111, 36], view)).toEqual([110.5, 35.5]);
  });
});
