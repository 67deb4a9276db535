/** A click on a province of the coverage map filters by it alone; a second click lifts the filter. */
import { describe, expect, it } from 'vitest';
import { provincesAfterClick } from '../../client/coverage/use-coverage-view.ts';

describe('provincesAfterClick', () => {
  it('filters by the clicked province alone, and clears on a second click', () => {
    expect(provincesAfterClick([], 'hebei')).toEqual(['hebei']);
    expect(provincesAfterClick(['beijing', 'tianjin'], 'hebei')).toEqual(['hebei']);
    expect(provincesAfterClick(['hebei'], 'hebei')).toEqual([]);
  });

  it('ignores places the filters cannot name (basemap provinces outside the plan\'s list)', () => {
    expect(provincesAfterClick(['hebei'], 'yunnan')).toEqual(['hebei']);
  });
});
