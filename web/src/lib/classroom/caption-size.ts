// The caption size of classroom mode, as a multiple of the player's own: read from the back of a classroom at
// twice the usual size, adjustable in steps, remembered on this device (a classroom laptop keeps its setting).

/** The steps A−/A+ (and −/+) walk through; each has its rule in Classroom.svelte's styles. */
const CAPTION_SCALES = [1, 1.5, 2, 2.5, 3, 4] as const;
export type CaptionScale = (typeof CAPTION_SCALES)[number];

export const DEFAULT_CAPTION_SCALE: CaptionScale = 2;
const CAPTION_SCALE_KEY = 'classroom.captionScale';

/** The step `by` steps away (+1 bigger, −1 smaller), staying at either end. */
export function stepScale(scale: CaptionScale, by: 1 | -1): CaptionScale {
  const at = CAPTION_SCALES.indexOf(scale);
  const next = Math.min(Math.max(0, at + by), CAPTION_SCALES.length - 1);
  return CAPTION_SCALES[next] as CaptionScale;
}

/** A stored value back into a step; anything else (nothing stored, an old or edited value) is the default. */
export function parseScale(stored: string | null): CaptionScale {
  const value = Number(stored);
  return CAPTION_SCALES.find((s) => s === value) ?? DEFAULT_CAPTION_SCALE;
}

/** The size remembered on this device (or the default). */
export function loadScale(): CaptionScale {
  try {
    return parseScale(localStorage.getItem(CAPTION_SCALE_KEY));
  } catch {
    return DEFAULT_CAPTION_SCALE;
  }
}

export function saveScale(scale: CaptionScale): void {
  try {
    localStorage.setItem(CAPTION_SCALE_KEY, String(scale));
  } catch {
    // Private browsing without storage: the size holds for this visit only.
  }
}
