import type { Lang } from '@artifact-stories/contracts/schemas';

const rules = new Map<Lang, Intl.PluralRules>();

/** The plural category of a count in a language ("one", "other", …). */
function pluralOf(value: string | number, lang: Lang): Intl.LDMLPluralRule {
  // Counts may arrive already formatted ("1,234", "1.234"): they are whole numbers, so digits suffice.
  const n = typeof value === 'number' ? value : Number(value.replace(/\D/g, ''));
  const rule = rules.get(lang) ?? new Intl.PluralRules(lang);
  rules.set(lang, rule);
  return rule.select(n);
}

/**
 * Fills a message: `{name}` takes the param's value, and `{name|one|other}` picks the word for that count
 * by the language's plural rules ("1 film", "2 films"; Vietnamese has a single form).
 */
export function fillMessage(text: string, params: Record<string, string | number>, lang: Lang): string {
  return text
    .replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (m, name: string, one: string, other: string) => {
      const value = params[name];
      if (value === undefined) return m;
      return pluralOf(value, lang) === 'one' ? one : other;
    })
    .replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** "26 tháng 11 năm 2026" / "26 November 2026": the long date as each language writes it in prose. */
export function longDate(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (lang === 'en')
    return date.toLocaleDateString('en-GB', { year: 'numeric', month: 'long', day: 'numeric' });
  // vi-VN's long format puts a comma before the year ("26 tháng 11, 2026"); prose says "năm".
  return `${date.getDate()} tháng ${date.getMonth() + 1} năm ${date.getFullYear()}`;
}
