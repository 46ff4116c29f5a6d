import type { EthnicGroupDetail, Lang, LanguageFamily, Localized } from '@artifact-stories/contracts/schemas';
import { storyText } from '../markdown.ts';
import { escapeHtml } from './escape.ts';
import { excerpt, inLang, pageQuery } from './links.ts';
import { SITE_NAME } from './museum.ts';
import { LOCALE, meta, type PageMeta } from './seo.ts';

/** Title, description, canonical link and Open Graph of a listing page (no video of its own). */
function listingMeta(name: string, description: string, url: string, lang: Lang): PageMeta {
  const canonical = `${url}${pageQuery(lang)}`;
  const tags = [
    meta('name', 'description', description),
    `<link rel="canonical" href="${escapeHtml(canonical)}">`,
    meta('property', 'og:site_name', SITE_NAME[lang]),
    meta('property', 'og:title', name),
    meta('property', 'og:description', description),
    meta('property', 'og:url', canonical),
    meta('property', 'og:type', 'website'),
    meta('property', 'og:locale', LOCALE[lang]),
  ];
  return { title: `${name} — ${SITE_NAME[lang]}`, lang, head: tags.join('\n    ') };
}

const FILMS: { title: Localized; description: (n: number) => Localized } = {
  title: { vi: 'Tất cả phim', en: 'All films' },
  description: (n) => ({
    vi: `${n} phim ngắn về hiện vật của các dân tộc Việt Nam: lọc theo độ dài, phụ đề, dân tộc, nhóm ngôn ngữ và loại hiện vật.`,
    en: `${n} short films about artifacts of Vietnam's ethnic groups: filter by length, captions, group, language family and kind.`,
  }),
};

export function filmsPageMeta(filmCount: number, url: string, lang: Lang): PageMeta {
  return listingMeta(FILMS.title[lang], FILMS.description(filmCount)[lang], url, lang);
}

export function familyPageMeta(
  family: LanguageFamily,
  groups: readonly Localized[],
  url: string,
  lang: Lang,
): PageMeta {
  const name = inLang(family.name, lang);
  const list = groups.map((g) => inLang(g, lang)).join(', ');
  const description =
    lang === 'vi'
      ? `Nhóm ngôn ngữ ${name}: ${groups.length} dân tộc (${list}) và ${family.filmCount} phim về hiện vật của họ.`
      : `The ${name} language family: ${groups.length} ethnic groups (${list}) and ${family.filmCount} films about their artifacts.`;
  return listingMeta(
    lang === 'vi' ? `Nhóm ngôn ngữ ${name}` : `${name} language family`,
    excerpt(description, 300),
    url,
    lang,
  );
}

export function groupPageMeta(group: EthnicGroupDetail, url: string, lang: Lang): PageMeta {
  const name = inLang(group.name, lang);
  const family = inLang(group.languageFamily.name, lang);
  const fallback =
    lang === 'vi'
      ? `Dân tộc ${name} (nhóm ngôn ngữ ${family}): ${group.filmCount} phim về hiện vật.`
      : `The ${name} people (${family} language family): ${group.filmCount} films about their artifacts.`;
  const written = storyText(inLang(group.description, lang));
  return listingMeta(lang === 'vi' ? `Dân tộc ${name}` : name, excerpt(written || fallback, 300), url, lang);
}
