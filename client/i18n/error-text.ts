/** What went wrong, said in the reader's language; the server's own message is kept as detail. */
import { ApiFailure } from '../lib/api.ts';
import { MESSAGES, type Lang } from './messages.ts';

type ErrorCode = keyof (typeof MESSAGES)['zh']['errors'];
const isKnown = (code: string): code is ErrorCode => Object.hasOwn(MESSAGES.zh.errors, code);

export function errorText(err: unknown, lang: Lang): string {
  const t = MESSAGES[lang];
  if (err instanceof ApiFailure) {
    const code = err.body?.error?.code ?? '';
    const field = err.body?.error?.field ? ` (${err.body.error.field})` : '';
    return isKnown(code) ? `${t.errors[code]}${field}` : err.message;
  }
  if (err instanceof TypeError) return t.cannotReach;
  return err instanceof Error ? err.message : String(err);
}
