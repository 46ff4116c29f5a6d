import type { Texts } from './localized.ts';

/**
 * The labels the staff forms show (web/src/lib/i18n: editor.*, staff.*), so a refusal names a field as the
 * person filling the form reads it: "Số hiệu", not "accessionNumber". A test keeps the two in step.
 */
export const FORM_LABELS: Record<string, Texts> = {
  title: { vi: 'Tên hiện vật', en: 'Title' },
  slug: { vi: 'Đường dẫn (slug)', en: 'Web address (slug)' },
  accessionNumber: { vi: 'Số hiệu', en: 'Accession number' },
  category: { vi: 'Loại hiện vật', en: 'Kind of artifact' },
  ethnicGroups: { vi: 'Dân tộc', en: 'Ethnic groups' },
  story: { vi: 'Câu chuyện', en: 'Story' },
  material: { vi: 'Chất liệu', en: 'Material' },
  region: { vi: 'Địa phương', en: 'Region' },
  featured: { vi: 'Giới thiệu trên trang chủ', en: 'Feature on the home page' },
  email: { vi: 'Email', en: 'Email' },
  password: { vi: 'Mật khẩu', en: 'Password' },
};

/** The two halves of a bilingual field (editor.vi / editor.en). */
export const LANGUAGE_LABELS: Record<string, Texts> = {
  vi: { vi: 'Tiếng Việt', en: 'Vietnamese' },
  en: { vi: 'Tiếng Anh', en: 'English' },
};

/**
 * The form's label of a field path as the API names it: `title.vi` → "Tên hiện vật (Tiếng Việt)",
 * `ethnicGroups[2]` → "Dân tộc". Undefined for a field no form shows.
 */
export function formLabel(path: string): Texts | undefined {
  const [name = '', sub] = path.replace(/\[\d+\]$/, '').split('.');
  const label = FORM_LABELS[name];
  if (!label) return undefined;
  if (sub === undefined) return label;
  const lang = LANGUAGE_LABELS[sub];
  if (!lang || path.split('.').length > 2) return undefined;
  return { vi: `${label.vi} (${lang.vi})`, en: `${label.en} (${lang.en})` };
}
