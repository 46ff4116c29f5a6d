// Which captions a clip starts with: the visitor's own choice if they made one (off included), else the page's
// language, else the first track a person wrote. Kept in localStorage like the data choice: no cookie.
import type { PublicVideo } from '@artifact-stories/contracts/schemas';

const KEY = 'player.captions';
/** Stored for "off": a language tag is never this word. */
const OFF = 'off';

type Store = Pick<Storage, 'getItem' | 'setItem'>;
type Track = Pick<PublicVideo['captions'][number], 'lang' | 'source'>;

/** The visitor's choice: a language, null for off, undefined when they never chose. */
export function rememberedCaptions(store: Store | undefined): string | null | undefined {
  try {
    const saved = store?.getItem(KEY);
    if (!saved) return undefined;
    return saved === OFF ? null : saved;
  } catch {
    // Storage refused (private mode, sandboxed iframe): as on a first visit.
    return undefined;
  }
}

export function rememberCaptions(store: Store | undefined, lang: string | null): void {
  try {
    store?.setItem(KEY, lang ?? OFF);
  } catch {
    // Not remembered: the choice still applies to this clip.
  }
}

/**
 * The captions a clip shows when it starts. A remembered language this clip lacks falls back to the default,
 * as a visitor who chose English on one film expects words on the next. Machine tracks nobody has checked
 * are never shown unasked, unless they are in the page's own language.
 */
export function startingCaptions(
  tracks: readonly Track[],
  pageLang: string,
  remembered: string | null | undefined,
): string | null {
  if (remembered === null) return null;
  const has = (lang: string) => tracks.some((t) => t.lang === lang);
  if (remembered && has(remembered)) return remembered;
  if (has(pageLang)) return pageLang;
  return tracks.find((t) => t.source !== 'machine')?.lang ?? null;
}
