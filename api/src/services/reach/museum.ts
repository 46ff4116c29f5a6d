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

export function museumCredit(lang: keyof Localized): string {
  return `${MUSEUM.name[lang]}, ${MUSEUM.place}`;
}
