import type { Lang, Localized } from '@artifact-stories/contracts/schemas';

const other = (lang: Lang): Lang => (lang === 'vi' ? 'en' : 'vi');

/** Which language to show a bilingual field in: the wanted one, or the other when the wanted one is empty. */
export function contentLang(text: Localized | null | undefined, lang: Lang): Lang {
  if (!text || text[lang].trim()) return lang;
  return text[other(lang)].trim() ? other(lang) : lang;
}

export function contentIn(text: Localized | null | undefined, lang: Lang): string {
  return text ? text[contentLang(text, lang)] : '';
}
