/**
 * What the coverage views need from the view state: the coverage figures and their classes, the
 * status history and each shown project's status on the chosen day, and the look the map takes.
 * app.tsx calls it once and hands the parts to the map, the legends and the timeline.
 */
import { useMemo } from 'react';
import { PROVINCE_IDS, type ProvinceId, type StatusId } from '#shared/taxonomy.ts';
import type { PlanPayload, ProjectFeature } from '../lib/api.ts';
import type { MapLook } from '../map/overlays.ts';
import type { ServerQuery } from '../state/server-query.ts';
import type { ViewState } from '../state/view-state.ts';
import { classify } from './class-breaks.ts';
import { MAX_CLASSES } from './choropleth.ts';
import { figuresOf } from './measures.ts';
import { changedBy, statusAsOf } from './status-as-of.ts';
import { statusCounts } from './symbology.ts';
import { useCoverage, useStatusHistory } from './use-coverage-data.ts';

/** Classes of the choropleth: a few, so each reads apart on a projector. */
const CLASSES = Math.min(4, MAX_CLASSES);

export function useCoverageView(
  state: Pick<ViewState, 'symbology' | 'coverage' | 'asOf' | 'filters'>,
  shown: readonly ProjectFeature[],
  shownQuery: ServerQuery | null,
  plan: PlanPayload | null,
) {
  const byStatus = state.symbology === 'status';
  const answer = useCoverage(state.coverage ? shownQuery : undefined);
  const { events, error: historyError } = useStatusHistory(byStatus);
  // A chosen day whose history has not arrived (or failed) shows no status at all, never today's
  // statuses under that day's heading.
  const asOf = useMemo(
    () => (byStatus && state.asOf ? (events ? statusAsOf(events, state.asOf) : new Map<string, StatusId>()) : null),
    [byStatus, state.asOf, events],
  );
  const classes = useMemo(() => {
    if (!state.coverage) return null;
    if (answer.empty) return classify({}, PROVINCE_IDS, CLASSES);
    return answer.coverage ? classify(figuresOf(answer.coverage, state.coverage), PROVINCE_IDS, CLASSES) : null;
  }, [state.coverage, answer.coverage, answer.empty]);
  const provinceKey = state.filters.provinces.join(',');
  const look = useMemo<MapLook>(
    () => ({ symbology: byStatus ? { by: 'status', asOf } : { by: 'category' }, choropleth: classes, provinces: provinceKey ? provinceKey.split(',') : [] }),
    [byStatus, asOf, classes, provinceKey],
  );
  const counts = useMemo(
    // A day whose history has not come yet has no counts to show (rather than today's).
    () => (byStatus && !(state.asOf && !events) ? statusCounts(shown.map((f) => f.properties), asOf) : null),
    [byStatus, shown, asOf, state.asOf, events],
  );
  // Shown projects whose status on the day is still only the plan's wording.
  const planOnly = useMemo(() => {
    if (!byStatus || !events) return 0;
    const changed = changedBy(events, state.asOf ?? '9999-12-31');
    return shown.filter((f) => !changed.has(f.properties.id) && (!asOf || asOf.has(f.properties.id))).length;
  }, [byStatus, events, state.asOf, shown, asOf]);
  const goals = useMemo(() => (plan?.nodes ?? []).filter((n) => n.kind === 'goal' && n.year !== null), [plan]);
  return { answer, classes, look, counts, planOnly, events, historyError, goals };
}

export type CoverageView = ReturnType<typeof useCoverageView>;

/** A click on a province of the coverage map: filter by it alone, or (clicked again) by no province. */
export function provincesAfterClick(current: readonly ProvinceId[], id: string): ProvinceId[] {
  if (!(PROVINCE_IDS as readonly string[]).includes(id)) return [...current];
  return current.length === 1 && current[0] === id ? [] : [id as ProvinceId];
}
