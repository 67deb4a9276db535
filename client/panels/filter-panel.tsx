/** Filters: the plan's task areas as a tree, then category, status, stage, agency, province, year. */
import type { ReactNode } from 'react';
import {
  CATEGORIES,
  CATEGORY_IDS,
  MILESTONES,
  PROVINCES,
  PROVINCE_IDS,
  STAGES,
  STAGE_IDS,
  STATUSES,
  STATUS_IDS,
} from '#shared/taxonomy.ts';
import { titleOf, useT } from '../i18n/use-lang.ts';
import type { PlanNodeOut, PlanPayload } from '../lib/api.ts';
import { EMPTY_FILTERS, hasFilters, type AgencyRole, type Filters } from '../state/view-state.ts';

type Props = {
  filters: Filters;
  plan: PlanPayload | null;
  /** Projects per task-area node id, under the other filters. */
  nodeCounts: Record<string, number>;
  /** Projects shown, or null while they load. */
  total: number | null;
  onChange: (f: Filters) => void;
};

const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

function Chips<T extends string | number>({ legend, values, selected, labelOf, onToggle, name }: {
  legend: string;
  name: string;
  values: readonly T[];
  selected: T[];
  labelOf: (v: T) => ReactNode;
  onToggle: (v: T) => void;
}) {
  return (
    <fieldset className="chips" data-filter={name}>
      <legend>{legend}</legend>
      {values.map((v) => (
        <label key={v} className={selected.includes(v) ? 'on' : ''}>
          <input type="checkbox" checked={selected.includes(v)} onChange={() => onToggle(v)} value={v} />
          {labelOf(v)}
        </label>
      ))}
    </fieldset>
  );
}

export function FilterPanel({ filters, plan, nodeCounts, total, onChange }: Props) {
  const { t, lang, label } = useT();
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  const sections = plan?.nodes.filter((n) => n.kind === 'section' && n.parent === '2') ?? [];
  const tasksOf = (id: string) => plan?.nodes.filter((n) => n.kind === 'task' && n.parent === id) ?? [];
  // "2.1" shows as "1.", "2.1.3" as "3.": the number the plan itself gives.
  const nodeCheck = (n: PlanNodeOut) => (
    <label className={filters.nodes.includes(n.id) ? 'on' : ''}>
      <input type="checkbox" checked={filters.nodes.includes(n.id)} onChange={() => set({ nodes: toggle(filters.nodes, n.id) })} value={n.id} />
      <span>
        {n.id.split('.').at(-1)}. {titleOf(lang, n)}
      </span>
      <span className="n">{nodeCounts[n.id] ?? 0}</span>
    </label>
  );
  const agencies = [...(plan?.agencies ?? [])].sort((a, b) => a.name_zh.localeCompare(b.name_zh, 'zh'));

  return (
    <div className="filter-panel">
      <div className="filter-head">
        <strong data-testid="result-count">{total === null ? t.loading : t.count(total)}</strong>
        <button type="button" onClick={() => onChange({ ...EMPTY_FILTERS })} disabled={!hasFilters(filters)}>
          {t.clear}
        </button>
      </div>
      <fieldset className="task-tree" data-filter="node">
        <legend>{t.taskAreas}</legend>
        <ul>
          {sections.map((s) => (
            <li key={s.id}>
              {nodeCheck(s)}
              <ul>
                {tasksOf(s.id).map((task) => (
                  <li key={task.id}>{nodeCheck(task)}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </fieldset>
      <Chips name="category" legend={t.category} values={CATEGORY_IDS} selected={filters.categories} labelOf={(c) => label(CATEGORIES[c])} onToggle={(c) => set({ categories: toggle(filters.categories, c) })} />
      <Chips name="status" legend={t.status} values={STATUS_IDS} selected={filters.statuses} labelOf={(c) => label(STATUSES[c])} onToggle={(c) => set({ statuses: toggle(filters.statuses, c) })} />
      <Chips name="stage" legend={t.stage} values={STAGE_IDS} selected={filters.stages} labelOf={(c) => label(STAGES[c])} onToggle={(c) => set({ stages: toggle(filters.stages, c) })} />
      <Chips name="province" legend={t.province} values={PROVINCE_IDS.filter((p) => PROVINCES[p].plan)} selected={filters.provinces} labelOf={(c) => label(PROVINCES[c])} onToggle={(c) => set({ provinces: toggle(filters.provinces, c) })} />
      <Chips name="milestone" legend={t.milestone} values={MILESTONES} selected={filters.milestones} labelOf={(y) => String(y)} onToggle={(y) => set({ milestones: toggle(filters.milestones, y) })} />
      <fieldset className="agency">
        <legend>{t.agency}</legend>
        <label>
          <span className="sr-only">{t.agency}</span>
          <select value={filters.agency ?? ''} onChange={(e) => set({ agency: e.target.value || null })} aria-label={t.agency}>
            <option value="">{t.anyAgency}</option>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {lang === 'zh' ? a.name_zh : a.name_en}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.agencyRole}{' '}
          <select value={filters.agencyRole} onChange={(e) => set({ agencyRole: e.target.value as AgencyRole })} aria-label={t.agencyRole}>
            {(['any', 'lead', 'cooperating', 'shared'] as const).map((r) => (
              <option key={r} value={r}>
                {t.roles[r]}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
    </div>
  );
}
