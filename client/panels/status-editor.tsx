/**
 * Status editing for signed-in editors. Sends the version the editor saw; on a conflict it shows
 * the current state plainly and keeps what the editor typed, so nothing is lost.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { STATUSES, STATUS_IDS, type StatusId } from '#shared/taxonomy.ts';
import { errorText } from '../i18n/error-text.ts';
import { useT } from '../i18n/use-lang.ts';
import { api, ApiFailure, unwrap, type ProjectDetail } from '../lib/api.ts';
import { applyStatusEdit } from '../state/queries-cache.ts';

type Props = { detail: ProjectDetail; csrfToken: string | null };

/** A save updates the project in the query cache (its detail, its place in the collection, the counts): no reload. */
export function StatusEditor({ detail, csrfToken }: Props) {
  const { t, lang, label } = useT();
  const client = useQueryClient();
  const [status, setStatus] = useState<StatusId>(detail.properties.status);
  const [note, setNote] = useState('');
  const [source, setSource] = useState('');
  const [seenVersion, setSeenVersion] = useState(detail.properties.version);
  const [message, setMessage] = useState<{ kind: 'error' | 'conflict' | 'ok'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const saved = await unwrap(
        api.api.projects[':id'].status.$patch(
          { param: { id: detail.properties.id }, json: { status, note, source, version: seenVersion } },
          { headers: { 'X-CSRF-Token': csrfToken ?? '' } },
        ),
      );
      setNote('');
      setSource('');
      setSeenVersion(saved.properties.version);
      setMessage({ kind: 'ok', text: t.saved });
      applyStatusEdit(client, saved);
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 409 && err.body.current) {
        // Show what is there now; keep the editor's input and let them save against the new version.
        applyStatusEdit(client, err.body.current);
        setSeenVersion(err.body.current.properties.version);
        setMessage({ kind: 'conflict', text: t.conflict });
      } else {
        setMessage({ kind: 'error', text: errorText(err, lang) });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="status-editor" onSubmit={(e) => void submit(e)} aria-label={t.editStatus}>
      <h3>{t.editStatus}</h3>
      {message && (
        <p role={message.kind === 'ok' ? 'status' : 'alert'} className={`msg ${message.kind}`} data-testid="edit-message">
          {message.text}
        </p>
      )}
      <label>
        {t.newStatus}
        <select value={status} onChange={(e) => setStatus(e.target.value as StatusId)} name="status">
          {STATUS_IDS.map((s) => (
            <option key={s} value={s}>
              {label(STATUSES[s])}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.editNote}
        <textarea value={note} onChange={(e) => setNote(e.target.value)} required maxLength={2000} name="note" />
      </label>
      <label>
        {t.editSource}
        <input value={source} onChange={(e) => setSource(e.target.value)} required maxLength={500} name="source" />
      </label>
      <button type="submit" disabled={busy}>
        {t.save}
      </button>
      <small>
        {t.version} {seenVersion}
      </small>
    </form>
  );
}
