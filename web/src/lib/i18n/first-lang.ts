import { langOfPath } from '@artifact-stories/contracts/lang-path';
import type { Lang } from '@artifact-stories/contracts/schemas';

/** What the browser tells about the visitor's language when a page of the site is first loaded. */
export interface LangClues {
  pathname: string;
  /** `?lang=`: how embeds ask for English, and how English links were written before /en/. */
  asked: string | null;
  /** The language the visitor chose with the switch on an earlier visit (localStorage). */
  remembered: string | null;
  /** navigator.languages, most preferred first. */
  browser: readonly string[];
  /** A crawler: it gets the page its URL names, never a switch to the other language. */
  robot: boolean;
}

const asLang = (value: string | null): Lang | undefined =>
  value === 'en' || value === 'vi' ? value : undefined;

/**
 * The language to show, and whether a Vietnamese (root) URL should give way to its English twin. The URL
 * decides when it names a language (/en/...); on a root page an explicit `?lang=`, then the visitor's earlier
 * choice, then the browser's first language: anything but Vietnamese reads English, because a visitor whose
 * phone is in French or Korean reads English far more often than Vietnamese.
 */
export function decideLang(clues: LangClues): { lang: Lang; toEnglishTwin: boolean } {
  const inPath = langOfPath(clues.pathname);
  if (inPath === 'en') return { lang: 'en', toEnglishTwin: false };
  const asked = asLang(clues.asked);
  const remembered = asLang(clues.remembered);
  // Staff pages and the embed: no language in the URL, no twin to move to.
  if (inPath === undefined) return { lang: asked ?? remembered ?? 'vi', toEnglishTwin: false };
  const lang = asked ?? remembered ?? (clues.robot ? 'vi' : fromBrowser(clues.browser));
  return { lang, toEnglishTwin: lang === 'en' };
}

function fromBrowser(languages: readonly string[]): Lang {
  const first = languages[0];
  // No preference given: the museum's own language.
  if (!first) return 'vi';
  return first.toLowerCase().split('-')[0] === 'vi' ? 'vi' : 'en';
}

/** Crawlers that run scripts (Googlebot, Bingbot...) announce themselves in the user agent. */
export function isRobot(userAgent: string): boolean {
  return /bot\b|crawler|spider|slurp|facebookexternalhit|embedly|preview/i.test(userAgent);
}
