/** The plan as text, in its own order; choosing a task or measure filters the map to it. */
import { Fragment } from 'react';
import { titleOf, useT } from '../i18n/use-lang.ts';
import type { PlanNodeOut, PlanPayload } from '../lib/api.ts';

type Props = {
  plan: PlanPayload | null;
  activeNodes: string[];
  onChoose: (nodeId: string) => void;
  onSelectProject: (id: string) => void;
};

export function PlanView({ plan, activeNodes, onChoose, onSelectProject }: Props) {
  const { t, lang } = useT();
  if (!plan) return <p aria-busy="true">…</p>;
  const agencyName = new Map(plan.agencies.map((a) => [a.id, lang === 'zh' ? a.name_zh : a.name_en]));
  const children = (parent: string | null) =>
    plan.nodes.filter((n) => n.parent === parent).sort((a, b) => a.order - b.order);

  const render = (n: PlanNodeOut, depth: number) => {
    const kids = children(n.id);
    const choosable = n.kind === 'task' || n.kind === 'measure' || n.kind === 'section';
    const active = activeNodes.includes(n.id);
    const Heading = depth <= 1 ? 'h3' : 'h4';
    return (
      <Fragment key={n.id}>
        <section className={`plan-node kind-${n.kind}${active ? ' active' : ''}`} data-node={n.id}>
          {n.kind !== 'measure' && (
            <Heading>
              <span className="node-id">{n.id}</span> {titleOf(lang, n)}
            </Heading>
          )}
          {n.text_zh && <p lang="zh-CN">{n.text_zh}</p>}
          {lang === 'en' && n.kind === 'measure' && <p className="en-title">{n.title_en}</p>}
          {n.agencies.length > 0 && (
            <p className="agencies">
              {n.agencies.map((a) => `${agencyName.get(a.agency) ?? a.agency}${t.inParens(t.roles[a.role])}`).join(t.clauseSep)}
            </p>
          )}
          {(choosable || n.projects.length > 0) && (
            <div className="plan-actions">
              {choosable && (
                <button type="button" aria-pressed={active} onClick={() => onChoose(n.id)}>
                  {t.filterToNode}
                </button>
              )}
              {n.projects.map((p) => (
                <button key={p.id} type="button" className="link" onClick={() => onSelectProject(p.id)} title={p.phrase}>
                  {lang === 'zh' ? p.name_zh : p.name_en}
                </button>
              ))}
            </div>
          )}
        </section>
        {kids.map((k) => render(k, depth + 1))}
      </Fragment>
    );
  };

  return <div className="plan-view">{children(null).map((n) => render(n, 0))}</div>;
}
