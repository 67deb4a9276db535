/** Editor sign-in (session cookie) and sign-out; the answer goes into the query cache (state/queries-cache.ts). */
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorText } from '../i18n/error-text.ts';
import { useT } from '../i18n/use-lang.ts';
import { api, unwrap, type Me } from '../lib/api.ts';
import { applySignIn } from '../state/queries-cache.ts';

export function SignIn({ me }: { me: Me | null }) {
  const { t, lang } = useT();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);

  if (me?.user) {
    return (
      <span className="sign-in">
        <span data-testid="signed-in-as">{me.user.username}</span>
        <button
          type="button"
          onClick={() =>
            void unwrap(api.api.auth.logout.$post()).then(
              () => applySignIn(client, { user: null, csrfToken: null }),
              (err: unknown) => setError(errorText(err, lang)),
            )
          }
        >
          {t.signOut}
        </button>
        {error && <p role="alert">{error}</p>}
      </span>
    );
  }
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      const r = await unwrap(api.api.auth.login.$post({ json: { username, password } }));
      setPassword('');
      setOpen(false);
      setError(null);
      applySignIn(client, r);
    } catch (err) {
      setError(errorText(err, lang));
    }
  }
  return (
    <span className="sign-in">
      <button type="button" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
        {t.signIn}
      </button>
      {open && (
        <form onSubmit={(e) => void submit(e)} className="sign-in-form" aria-label={t.signIn}>
          <label>
            {t.username}
            <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
          </label>
          <label>
            {t.password}
            <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
          </label>
          <button type="submit">{t.signIn}</button>
          {error && <p role="alert">{error}</p>}
        </form>
      )}
    </span>
  );
}
