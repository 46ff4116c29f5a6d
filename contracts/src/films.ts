// The "all films" listing (issue 11): its sorts and duration bands, one list that the api filters and counts
// by and the web names in its controls.

/** newest: published last first; title: A–Z in the visitor's language (Vietnamese collation); shortest first. */
export const FILM_ORDERS = ['newest', 'title', 'shortest'] as const;
export type FilmOrder = (typeof FILM_ORDERS)[number];

/**
 * Lengths a teacher plans a lesson around: a clip to show while pupils settle, one to discuss, one to watch
 * whole. A clip of exactly 2 min is "2–5 min": each band holds its lower bound and not its upper one.
 */
export const DURATION_BANDS = [
  { slug: 'short', minSec: 0, maxSec: 120 },
  { slug: 'medium', minSec: 120, maxSec: 300 },
  { slug: 'long', minSec: 300, maxSec: Number.POSITIVE_INFINITY },
] as const;
export type DurationBand = (typeof DURATION_BANDS)[number]['slug'];
export const DURATION_BAND_SLUGS = DURATION_BANDS.map((b) => b.slug) as [DurationBand, ...DurationBand[]];

export function durationBand(sec: number): DurationBand {
  const band = DURATION_BANDS.find((b) => sec >= b.minSec && sec < b.maxSec);
  return band?.slug ?? 'long';
}
