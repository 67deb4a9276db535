/** Bilingual helpers: the UI dictionary and "zh / en" labels for taxonomy entries. */
import { createContext, useContext } from 'react';
import type { Label } from '#shared/taxonomy.ts';
import { MESSAGES, type Lang, type Messages } from './messages.ts';

export const LangContext = createContext<Lang>('zh');

type Accessor = { lang: Lang; t: Messages; label: (l: Label) => string };
const accessor = (lang: Lang): Accessor => ({ lang, t: MESSAGES[lang], label: (l) => l[lang] });
/** One accessor per language, made once: a component gets the same object (and label function)
 * on every render, so it can sit in a dependency list without re-running anything. */
const ACCESSORS: Record<Lang, Accessor> = { zh: accessor('zh'), en: accessor('en') };

export function useT(): Accessor {
  return ACCESSORS[useContext(LangContext)];
}

/** A project or node name in the current language. */
export const nameOf = (lang: Lang, o: { name_zh: string; name_en: string }) => (lang === 'zh' ? o.name_zh : o.name_en);
export const titleOf = (lang: Lang, o: { title_zh: string; title_en: string }) => (lang === 'zh' ? o.title_zh : o.title_en);
