import type { ExhibitionDetail, Lang } from '@artifact-stories/contracts/schemas';
import { exhibitionPath } from './exhibition-links.ts';
import { meta, NOINDEX, type PageMeta, twinTags } from './head.ts';
import { excerpt, inLang, type SiteLinks } from './links.ts';
import { SITE_NAME } from './museum.ts';

const MODE: Record<Lang, string> = { vi: 'Chế độ lớp học', en: 'Classroom mode' };

/**
 * <head> of an exhibition in classroom mode (/exhibitions/<slug>/present): its name, never indexed (the
 * exhibition page is the one search engines list), its language twins, and its data preloaded with the HTML.
 */
export function classroomPageMeta(detail: ExhibitionDetail, links: SiteLinks, lang: Lang): PageMeta {
  const name = inLang(detail.title, lang);
  const tags = [
    NOINDEX,
    `<link rel="preload" href="/api/exhibitions/${encodeURIComponent(detail.slug)}" as="fetch" crossorigin="anonymous">`,
    meta('name', 'description', excerpt(inLang(detail.summary, lang), 300) || name),
    ...twinTags(links, `${exhibitionPath(detail.slug)}/present`, lang),
  ];
  return { title: `${name} — ${MODE[lang]} · ${SITE_NAME[lang]}`, lang, head: tags.join('\n    ') };
}
