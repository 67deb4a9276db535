/** What a panel shows while its query is on its way, or when it failed: one way for every panel. */
import { errorText } from '../i18n/error-text.ts';
import { useT } from '../i18n/use-lang.ts';

export function QueryStatus({ error }: { error: unknown }) {
  const { lang } = useT();
  return error != null ? <p role="alert">{errorText(error, lang)}</p> : <p aria-busy="true">…</p>;
}
