// The languages a caption track may be in, written once: the api validates tags against this table, the
// manifest and the master take their names from it, and the staff form searches it. Plain data (no TypeBox)
// so the web may import it. Tags are BCP 47: ISO 639-1 where a two-letter code exists, else ISO 639-3.

/** Whether the words are those spoken in the film (transcription) or put into another language (translation). */
export const CAPTION_KINDS = ['transcription', 'translation'] as const;
export type CaptionKind = (typeof CAPTION_KINDS)[number];

/** Who wrote the words: a person, or speech recognition / machine translation nobody has checked yet. */
export const CAPTION_SOURCES = ['human', 'machine'] as const;
export type CaptionSource = (typeof CAPTION_SOURCES)[number];

export interface CaptionLanguage {
  /** The primary language subtag. */
  tag: string;
  vi: string;
  en: string;
}

/**
 * The museum's languages. Several groups speak more than one language with its own ISO 639-3 code: Thái
 * (Tai Dam, Tai Don, Tai Do), H'Mông (White and Green Hmong; `hmn` is the macrolanguage), Chăm (Eastern,
 * spoken in Ninh Thuận and Bình Thuận, and Western, in An Giang), M'Nông (Eastern and Central), Dao.
 */
export const CAPTION_LANGUAGES: readonly CaptionLanguage[] = [
  { tag: 'vi', vi: 'Tiếng Việt', en: 'Vietnamese' },
  { tag: 'en', vi: 'Tiếng Anh', en: 'English' },
  { tag: 'fr', vi: 'Tiếng Pháp', en: 'French' },
  { tag: 'zh', vi: 'Tiếng Hoa', en: 'Chinese' },
  { tag: 'km', vi: 'Tiếng Khmer', en: 'Khmer' },
  { tag: 'lo', vi: 'Tiếng Lào', en: 'Lao' },
  { tag: 'hmn', vi: "Tiếng H'Mông", en: 'Hmong' },
  { tag: 'mww', vi: "Tiếng H'Mông Trắng", en: 'White Hmong (Hmong Daw)' },
  { tag: 'hnj', vi: "Tiếng H'Mông Xanh", en: 'Green Hmong (Hmong Njua)' },
  { tag: 'tyz', vi: 'Tiếng Tày', en: 'Tày' },
  { tag: 'nut', vi: 'Tiếng Nùng', en: 'Nùng' },
  { tag: 'blt', vi: 'Tiếng Thái Đen', en: 'Tai Dam (Black Tai)' },
  { tag: 'twh', vi: 'Tiếng Thái Trắng', en: 'Tai Don (White Tai)' },
  { tag: 'tyj', vi: 'Tiếng Thái Đỏ', en: 'Tai Do (Red Tai)' },
  { tag: 'mtq', vi: 'Tiếng Mường', en: 'Mường' },
  { tag: 'ium', vi: 'Tiếng Dao (Iu Mien)', en: 'Iu Mien (Dao)' },
  { tag: 'mji', vi: 'Tiếng Dao (Kim Mun)', en: 'Kim Mun (Dao)' },
  { tag: 'rad', vi: 'Tiếng Ê Đê', en: 'Rade (Ê Đê)' },
  { tag: 'jra', vi: 'Tiếng Gia Rai', en: 'Jarai' },
  { tag: 'bdq', vi: 'Tiếng Ba Na', en: 'Bahnar' },
  { tag: 'sed', vi: 'Tiếng Xơ Đăng', en: 'Sedang' },
  { tag: 'hre', vi: 'Tiếng Hrê', en: 'Hre' },
  { tag: 'kpm', vi: 'Tiếng Cơ Ho', en: 'Koho' },
  { tag: 'mng', vi: "Tiếng M'Nông Đông", en: 'Eastern Mnong' },
  { tag: 'cmo', vi: "Tiếng M'Nông Trung", en: 'Central Mnong' },
  { tag: 'sti', vi: 'Tiếng Xtiêng', en: 'Stieng' },
  { tag: 'rog', vi: 'Tiếng Raglai', en: 'Northern Roglai' },
  { tag: 'ktv', vi: 'Tiếng Cơ Tu', en: 'Katu' },
  { tag: 'bru', vi: 'Tiếng Bru - Vân Kiều', en: 'Eastern Bru' },
  { tag: 'cjm', vi: 'Tiếng Chăm Đông', en: 'Eastern Cham' },
  { tag: 'cja', vi: 'Tiếng Chăm Tây', en: 'Western Cham' },
];

const BY_TAG = new Map(CAPTION_LANGUAGES.map((l) => [l.tag, l]));

/**
 * BCP 47 as captions need it: a language subtag, then an optional script (Latn, Hans) and region (VN, GB,
 * 419). No extensions or private use: the tag is also a file name in the version folder.
 */
const TAG = /^([a-z]{2,3})(?:-([A-Z][a-z]{3}))?(?:-([A-Z]{2}|\d{3}))?$/;

/** The table entry for a valid tag of a known language, else null. 'en-GB' → English. */
export function captionLanguage(tag: string): CaptionLanguage | null {
  const m = TAG.exec(tag);
  return (m && BY_TAG.get(m[1] as string)) ?? null;
}

/** Canonical case (language lower, Script title, REGION upper), so 'VI' and 'en-gb' are accepted as 'vi', 'en-GB'. */
export function normaliseLanguageTag(tag: string): string {
  return tag
    .trim()
    .split(/[-_]/)
    .map((part, i) => {
      if (i === 0) return part.toLowerCase();
      if (part.length === 4) return part[0]?.toUpperCase() + part.slice(1).toLowerCase();
      return part.toUpperCase();
    })
    .join('-');
}

/** The name staff and visitors see: 'Tiếng Tày' / 'Tày', with the region or script after it ('English (GB)'). */
export function captionLanguageName(tag: string, lang: 'vi' | 'en'): string {
  const known = captionLanguage(tag);
  if (!known) return tag;
  const rest = tag.split('-').slice(1).join('-');
  return rest ? `${known[lang]} (${rest})` : known[lang];
}

/** Codes people type by mistake: the country code (vn), the old code of the language, or a name. */
const LIKELY_MEANT: Record<string, string> = {
  vn: 'vi',
  vie: 'vi',
  eng: 'en',
  kh: 'km',
  khm: 'km',
  hmong: 'hmn',
};

/** A hint for a tag that is not in the table, in both languages; null when no guess fits. */
export function likelyMeant(tag: string): string | null {
  return LIKELY_MEANT[tag.toLowerCase().split(/[-_]/)[0] as string] ?? null;
}
