/**
 * One project: names, category, status and its history, stage and milestone, the plan clauses that
 * mention it with the phrase highlighted in the verbatim text, agencies, provinces, size, precision
 * and source; editors change the status here.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { CATEGORIES, PRECISIONS, PROVINCES, STAGES, STATUSES, type ProvinceId } from '#shared/taxonomy.ts';
import { nameOf, titleOf, useT } from '../i18n/use-lang.ts';
import type { Me, PlanPayload } from '../lib/api.ts';
import { projectQuery } from '../state/queries.ts';
import { QueryStatus } from '../state/queries-status.tsx';
import { StatusEditor } from './status-editor.tsx';

type Props = {
  id: string;
  plan: PlanPayload | null;
  me: Me | null;
  onClose: () => void;
  onSelect: (id: string) => void;
  onShowClause: (nodeId: string) => void;
};

const CONTEXT = 70;

/** An edit's local date and time of day, e.g. 2026-12-01 14:05. */
const dateTime = (iso: string) => {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** The clause with the phrase marked; long clauses show the sentence around it until expanded. */
function Highlighted({ text, phrase, whole }: { text: string; phrase: string; whole: boolean }) {
  const at = text.indexOf(phrase);
  if (at < 0) return <>{text}</>;
  const from = whole ? 0 : Math.max(0, at - CONTEXT);
  const to = whole ? text.length : Math.min(text.length, at + phrase.length + CONTEXT);
  return (
    <>
      {from > 0 && '…'}
      {text.slice(from, at)}
      <mark>{phrase}</mark>
      {text.slice(at + phrase.length, to)}
      {to < text.length && '…'}
    </>
  );
}

function Clause({ text, phrase, moreLabel }: { text: string; phrase: string; moreLabel: [string, string] }) {
  const [whole, setWhole] = useState(false);
  const long = text.length > phrase.length + 2 * CONTEXT;
  return (
    <>
      <blockquote lang="zh-CN">
        <Highlighted text={text} phrase={phrase} whole={whole || !long} />
      </blockquote>
      {long && (
        <button type="button" className="link" aria-expanded={whole} onClick={() => setWhole((w) => !w)}>
          {whole ? moreLabel[1] : moreLabel[0]}
        </button>
      )}
    </>
  );
}

export function ProjectDetail({ id, plan, me, onClose, onSelect, onShowClause }: Props) {
  const { t, lang, label } = useT();
  // Cached under its id, so another project's detail never shows under this one.
  const { data: detail, error } = useQuery(projectQuery(id));

  const agencyName = (a: { name_zh: string; name_en: string }) => (lang === 'zh' ? a.name_zh : a.name_en);
  /** The Chinese text in the Chinese interface (English where no Chinese exists yet). */
  const zhOr = (zh: string | null | undefined, en: string | null | undefined) => (lang === 'zh' ? (zh ?? en) : (en ?? zh));

  return (
    <aside className="detail" aria-label={t.detail} data-testid="detail">
      <button type="button" className="close" onClick={onClose} aria-label={t.close}>
        ×
      </button>
      {!detail && <QueryStatus error={error} />}
      {detail && (
        <>
          <h2>{nameOf(lang, detail.properties)}</h2>
          <p className="alt-name">{lang === 'zh' ? detail.properties.name_en : detail.properties.name_zh}</p>
          <dl className="facts">
            <dt>{t.category}</dt>
            <dd>{label(CATEGORIES[detail.properties.category])}</dd>
            <dt>{t.status}</dt>
            <dd data-testid="detail-status">
              <span className="status-dot" style={{ background: STATUSES[detail.properties.status]?.color }} aria-hidden />
              {label(STATUSES[detail.properties.status])}
            </dd>
            <dt>{t.stage}</dt>
            <dd>{label(STAGES[detail.properties.stage])}</dd>
            <dt>{t.milestone}</dt>
            <dd>{detail.properties.milestone ?? t.milestoneNone}</dd>
            <dt>{t.provinces}</dt>
            <dd>
              {detail.properties.province_measures
                .map((p) => {
                  const name = label(PROVINCES[p.province as ProvinceId] ?? { zh: p.province, en: p.province });
                  const m = p.length_km != null ? `${p.length_km} ${t.km}` : p.area_km2 != null ? `${p.area_km2} ${t.km2}` : '';
                  return m ? `${name}${t.inParens(m)}` : name;
                })
                .join(t.listSep) || '—'}
            </dd>
            {detail.properties.length_km != null && (
              <>
                <dt>{t.length}</dt>
                <dd>{detail.properties.length_km} {t.km}</dd>
              </>
            )}
            {detail.properties.area_km2 != null && (
              <>
                <dt>{t.area}</dt>
                <dd>{detail.properties.area_km2} {t.km2}</dd>
              </>
            )}
            <dt>{t.precision}</dt>
            <dd>{label(PRECISIONS[detail.properties.precision])}</dd>
            <dt>{t.source}</dt>
            <dd className="source">{zhOr(detail.properties.source_zh, detail.properties.source)}</dd>
            {(detail.properties.note_zh ?? detail.properties.note) && (
              <>
                <dt>{t.note}</dt>
                <dd className="source">{zhOr(detail.properties.note_zh, detail.properties.note)}</dd>
              </>
            )}
          </dl>

          <h3>{t.clauses}</h3>
          {detail.properties.clauses.map((c) => {
            const others = plan?.nodes.find((n) => n.id === c.node)?.projects.filter((p) => p.id !== id) ?? [];
            const byRole = (role: string) => c.agencies.filter((a) => a.role === role).map(agencyName).join(t.listSep);
            return (
              <article key={`${c.node}-${c.phrase}`} className="clause" data-node={c.node}>
                <h4>
                  <span className="node-id">{c.node}</span> {titleOf(lang, c)}
                </h4>
                <Clause text={c.text_zh} phrase={c.phrase} moreLabel={[t.showWholeClause, t.showLess]} />
                {byRole('lead') && <p><strong>{t.lead}{t.colon}</strong>{byRole('lead')}</p>}
                {byRole('cooperating') && <p><strong>{t.cooperating}{t.colon}</strong>{byRole('cooperating')}</p>}
                {byRole('shared') && <p><strong>{t.shared}{t.colon}</strong>{byRole('shared')}</p>}
                {others.length > 0 && (
                  <p className="others">
                    {t.otherProjects}
                    {t.colon}
                    {others.map((o) => (
                      <button key={o.id} type="button" className="link" onClick={() => onSelect(o.id)} title={o.phrase}>
                        {nameOf(lang, o)}
                        {/* Two places with one name (the plan's three land bridges): add the other language's name. */}
                        {others.some((x) => x.id !== o.id && nameOf(lang, x) === nameOf(lang, o)) && ` (${lang === 'zh' ? o.name_en : o.name_zh})`}
                      </button>
                    ))}
                  </p>
                )}
                <button type="button" onClick={() => onShowClause(c.node)}>
                  {t.showClauseProjects}
                </button>
              </article>
            );
          })}

          <h3>{t.history}</h3>
          <ol className="history" data-testid="history">
            {detail.properties.history.map((h) => (
              <li key={h.version}>
                {h.at ? <time dateTime={h.at}>{dateTime(h.at)}</time> : <span>{t.fromPlanText}</span>}{' '}
                {h.from ? `${label(STATUSES[h.from])} → ` : ''}
                <strong>{label(STATUSES[h.to])}</strong> · {h.by === 'plan' ? t.byPlan : h.by}
                <br />
                <small>{h.by === 'plan' ? t.planStatusNote(label(STAGES[detail.properties.stage])) : `${h.note} — ${h.source}`}</small>
              </li>
            ))}
          </ol>

          {(me?.user?.role === 'editor' || me?.user?.role === 'admin') && (
            <StatusEditor key={detail.properties.id} detail={detail} csrfToken={me.csrfToken} />
          )}
        </>
      )}
    </aside>
  );
}
