import type { EthnicGroupDetail, Lang, LanguageFamily, Localized } from '@artifact-stories/contracts/schemas';
import { storyText } from '../markdown.ts';
import { type PageMeta, sitePageMeta } from './head.ts';
import { excerpt, inLang, type SiteLinks } from './links.ts';

const FILMS: { title: Localized; description: (n: number) => Localized } = {
  title: { vi: 'Tất cả phim', en: 'All films' },
  description: (n) => ({
    vi: `${n} phim ngắn về hiện vật của các dân tộc Việt Nam: lọc theo độ dài, phụ đề, dân tộc, nhóm ngôn ngữ và loại hiện vật.`,
    en: `${n} short films about artifacts of Vietnam's ethnic groups: filter by length, captions, group, language family and kind.`,
  }),
};

export function filmsPageMeta(filmCount: number, links: SiteLinks, lang: Lang): PageMeta {
  const page = { title: FILMS.title[lang], description: FILMS.description(filmCount)[lang] };
  return sitePageMeta(page, links, '/films', lang);
}

export function familyPageMeta(
  family: LanguageFamily,
  groups: readonly Localized[],
  links: SiteLinks,
  lang: Lang,
): PageMeta {
  const name = inLang(family.name, lang);
  const list = groups.map((g) => inLang(g, lang)).join(', ');
  const description =
    lang === 'vi'
      ? `Nhóm ngôn ngữ ${name}: ${groups.length} dân tộc (${list}) và ${family.filmCount} phim về hiện vật của họ.`
      : `The ${name} language family: ${groups.length} ethnic groups (${list}) and ${family.filmCount} films about their artifacts.`;
  const title = lang === 'vi' ? `Nhóm ngôn ngữ ${name}` : `${name} language family`;
  return sitePageMeta(
    { title, description: excerpt(description, 300) },
    links,
    `/families/${family.slug}`,
    lang,
  );
}

export function groupPageMeta(group: EthnicGroupDetail, links: SiteLinks, lang: Lang): PageMeta {
  const name = inLang(group.name, lang);
  const family = inLang(group.languageFamily.name, lang);
  const fallback =
    lang === 'vi'
      ? `Dân tộc ${name} (nhóm ngôn ngữ ${family}): ${group.filmCount} phim về hiện vật.`
      : `The ${name} people (${family} language family): ${group.filmCount} films about their artifacts.`;
  const written = storyText(inLang(group.description, lang));
  const title = lang === 'vi' ? `Dân tộc ${name}` : name;
  return sitePageMeta(
    { title, description: excerpt(written || fallback, 300) },
    links,
    `/groups/${group.slug}`,
    lang,
  );
}
