/**
 * The "视图" tab: saved views anyone can open (opening applies the view, so the URL reproduces it),
 * the slideshows, and for editors: save the current view, reorder, delete.
 */
import { useState, type FormEvent } from 'react';
import { errorText } from '../i18n/error-text.ts';
import { useT } from '../i18n/use-lang.ts';
import type { Me } from '../lib/api.ts';
import type { ViewState } from '../state/view-state.ts';
import type { Deck } from './slide-place.ts';
import { openedState, stateToSave } from './slides.ts';
import { ViewEditor } from './view-editor.tsx';
import { deleteView, saveOrder, saveView, useSavedViews, type SavedViews } from './use-saved-views.ts';

type Props = {
  state: ViewState;
  me: Me | null;
  /** The filters in words: the title a new view starts with. */
  summary: string;
  onApply: (next: ViewState) => void;
  onPlay: (deck: Deck, n: number) => void;
};

function SaveForm({ state, me, summary, onSaved }: Pick<Props, 'state' | 'me' | 'summary'> & { onSaved: (v: SavedViews[number]) => void }) {
  const { t, lang } = useT();
  const fallback = summary || t.allProjects;
  // An edited title belongs to the filters it was written for; new filters bring a new default.
  const [edit, setEdit] = useState<{ for: string; text: string } | null>(null);
  const title = edit?.for === fallback ? edit.text : fallback;
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const saved = await saveView(me?.csrfToken ?? null, { title: title.trim(), note: note.trim(), state: stateToSave(state) });
      setEdit(null);
      setNote('');
      setMessage({ ok: true, text: t.viewSaved });
      onSaved(saved);
    } catch (err) {
      setMessage({ ok: false, text: errorText(err, lang) });
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="save-view" onSubmit={(e) => void submit(e)} aria-label={t.saveView}>
      <h3>{t.saveView}</h3>
      <label>
        {t.viewTitle}
        <input name="title" value={title} onChange={(e) => setEdit({ for: fallback, text: e.target.value })} required maxLength={200} />
      </label>
      <label>
        {t.viewNote}
        <textarea name="note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} rows={3} />
      </label>
      <button type="submit" disabled={busy}>
        {t.saveView}
      </button>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={`msg ${message.ok ? 'ok' : 'error'}`} data-testid="view-message">
          {message.text}
        </p>
      )}
    </form>
  );
}

export function ViewsPanel({ state, me, summary, onApply, onPlay }: Props) {
  const { t, lang } = useT();
  const { views, error, reload, setViews } = useSavedViews(me?.user?.username ?? null);
  const [problem, setProblem] = useState<unknown>(null);
  const [deleting, setDeleting] = useState<number | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const editor = me?.user?.role === 'editor' || me?.user?.role === 'admin';
  const csrf = me?.csrfToken ?? null;

  async function move(index: number, by: -1 | 1) {
    if (!views) return;
    const ids = views.map((v) => v.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + by, 0, id!);
    setProblem(null);
    try {
      setViews(await saveOrder(csrf, ids));
    } catch (err) {
      // Someone else added or deleted a view meanwhile: show the list as it is now.
      setProblem(err);
      reload();
    }
  }
  async function remove(v: SavedViews[number]) {
    setProblem(null);
    try {
      await deleteView(csrf, v.id, v.version);
    } catch (err) {
      setProblem(err);
    }
    setDeleting(null);
    reload();
  }

  // Full screen needs the click itself; a slideshow opened by a link plays in the window.
  const play = (deck: Deck, n: number) => {
    if (document.fullscreenEnabled && !document.fullscreenElement) document.documentElement.requestFullscreen().catch(() => undefined);
    onPlay(deck, n);
  };
  const day = (iso: string) => new Date(iso).toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB');
  return (
    <div className="views-panel" data-testid="views-panel">
      <div className="play-buttons">
        <button type="button" onClick={() => play('views', 1)} disabled={!views?.length}>
          ▶ {t.playViews}
        </button>
        <button type="button" onClick={() => play('areas', 1)}>
          ▶ {t.playAreas}
        </button>
      </div>
      {editor ? (
        <SaveForm state={state} me={me} summary={summary} onSaved={(v) => setViews([...(views ?? []), v])} />
      ) : (
        <p className="hint">{t.viewsSignInHint}</p>
      )}
      <h3>{t.savedViews}</h3>
      {(error ?? problem) != null && <p role="alert" className="msg error">{errorText(error ?? problem, lang)}</p>}
      {views === null && !error && <p aria-busy="true">{t.loading}</p>}
      {views?.length === 0 && <p className="empty">{t.noViews}</p>}
      <ol className="saved-views">
        {views?.map((v, i) => (
          <li key={v.id} data-view-id={v.id}>
            <div className="saved-view-head">
              <span className="slide-no">{i + 1}</span>
              <button type="button" className="link view-title" title={t.openView} onClick={() => onApply(openedState(v, state))}>
                {v.title}
              </button>
              <button type="button" className="icon" title={t.playFrom} aria-label={`${t.playFrom}: ${v.title}`} onClick={() => play('views', i + 1)}>
                ▶
              </button>
            </div>
            {v.note && <p className="view-note">{v.note}</p>}
            <small>{t.savedBy(v.created_by, day(v.updated_at))}</small>
            {editor && (
              <div className="view-tools">
                <button type="button" className="icon" aria-label={`${t.moveUp}: ${v.title}`} title={t.moveUp} disabled={i === 0} onClick={() => void move(i, -1)}>
                  ↑
                </button>
                <button type="button" className="icon" aria-label={`${t.moveDown}: ${v.title}`} title={t.moveDown} disabled={i === views.length - 1} onClick={() => void move(i, 1)}>
                  ↓
                </button>
                <button type="button" aria-expanded={editing === v.id} onClick={() => setEditing(editing === v.id ? null : v.id)}>
                  {t.editView}
                </button>
                {deleting === v.id ? (
                  <button type="button" className="danger" onClick={() => void remove(v)}>
                    {t.confirmDelete}
                  </button>
                ) : (
                  <button type="button" onClick={() => setDeleting(v.id)}>
                    {t.deleteView}
                  </button>
                )}
              </div>
            )}
            {editor && editing === v.id && (
              <ViewEditor
                view={v}
                state={state}
                csrfToken={csrf}
                onSaved={(saved) => setViews(views.map((x) => (x.id === saved.id ? saved : x)))}
                onClose={() => setEditing(null)}
              />
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
