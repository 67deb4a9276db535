/**
 * Editing a saved view: its title and note, and optionally its state replaced by the view on screen.
 * Sends the version the editor saw; on a conflict it shows what is there now and keeps the input.
 */
import { useState, type FormEvent } from 'react';
import { errorText } from '../i18n/error-text.ts';
import { useT } from '../i18n/use-lang.ts';
import { ApiFailure } from '../lib/api.ts';
import type { ViewState } from '../state/view-state.ts';
import { stateToSave } from './slides.ts';
import { editView, type SavedViews } from './use-saved-views.ts';

type View = SavedViews[number];
type Props = { view: View; state: ViewState; csrfToken: string | null; onSaved: (v: View) => void; onClose: () => void };

export function ViewEditor({ view, state, csrfToken, onSaved, onClose }: Props) {
  const { t, lang } = useT();
  const [title, setTitle] = useState(view.title);
  const [note, setNote] = useState(view.note);
  const [takeState, setTakeState] = useState(false);
  const [seen, setSeen] = useState(view.version);
  const [message, setMessage] = useState<{ conflict: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const changes = { title: title.trim(), note: note.trim(), ...(takeState ? { state: stateToSave(state) } : {}) };
      onSaved(await editView(csrfToken, view.id, seen, changes));
      onClose();
    } catch (err) {
      const current = err instanceof ApiFailure && err.status === 409 ? (err.body as { current?: View }).current : undefined;
      if (current) {
        // Someone else changed it: show theirs, keep ours, and let the editor save over the new version.
        onSaved(current);
        setSeen(current.version);
        setMessage({ conflict: true, text: t.viewConflict(current.title) });
      } else {
        setMessage({ conflict: false, text: errorText(err, lang) });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="save-view view-editor" onSubmit={(e) => void submit(e)} aria-label={`${t.editView}: ${view.title}`}>
      {message && (
        <p role="alert" className={`msg ${message.conflict ? 'conflict' : 'error'}`} data-testid="view-edit-message">
          {message.text}
        </p>
      )}
      <label>
        {t.viewTitle}
        <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />
      </label>
      <label>
        {t.viewNote}
        <textarea name="note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} rows={3} />
      </label>
      <label className="check">
        <input type="checkbox" checked={takeState} onChange={(e) => setTakeState(e.target.checked)} />
        {t.takeCurrentView}
      </label>
      <div className="view-tools">
        <button type="submit" disabled={busy}>
          {t.save}
        </button>
        <button type="button" onClick={onClose}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
