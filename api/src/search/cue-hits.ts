import { CUES_PER_HIT, type CueHit, type IndexedCue } from './engine.ts';

/**
 * The cues a hit shows (both engines): the first CUES_PER_HIT whose marked text holds a <mark>, those in
 * the visitor's language first (a translation says the same at the same moment), then put in clip order.
 * `mark` gives a cue's text escaped and marked, by the engine's own rules (only meant forms are marked).
 */
export function matchingCues(
  cues: readonly IndexedCue[],
  lang: string,
  mark: (text: string, index: number) => string,
): CueHit[] {
  const found: CueHit[] = [];
  for (const own of [true, false]) {
    for (const [i, cue] of cues.entries()) {
      if (found.length >= CUES_PER_HIT) break;
      // "vi" and "vi-VN" are the visitor's language; "hnj" (H'Mông) is not.
      if ((cue.lang.split('-')[0]?.toLowerCase() === lang) !== own) continue;
      const html = mark(cue.text, i);
      if (html.includes('<mark>')) found.push({ lang: cue.lang, start: cue.start, html });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
