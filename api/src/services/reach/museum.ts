import type { Localized } from '@artifact-stories/contracts/schemas';

/** Who publishes the catalogue: shown as attribution wherever the media travel. */
export const MUSEUM = {
  name: {
    vi: 'Bảo tàng Văn hóa các dân tộc Việt Nam',
    en: 'Museum of Cultures of Vietnamese Ethnic Groups',
  },
  place: 'Thái Nguyên',
} as const;

export const SITE_NAME: Localized = { vi: 'Câu chuyện hiện vật', en: 'Artifact Stories' };

/** What the site is, for search results and link previews of its pages without a story of their own. */
export const SITE_DESCRIPTION: Localized = {
  vi: 'Những đoạn phim ngắn kể về hiện vật và truyền thống của 54 dân tộc Việt Nam, của Bảo tàng Văn hóa các dân tộc Việt Nam.',
  en: "Short films about the artifacts and traditions of Vietnam's 54 ethnic groups, from the Museum of Cultures of Vietnamese Ethnic Groups.",
};

export function museumCredit(lang: keyof Localized): string {
  return `${MUSEUM.name[lang]}, ${MUSEUM.place}`;
}
