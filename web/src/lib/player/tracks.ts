/** The short side of a picture: what "720p" means for landscape and portrait alike. */
export function rungOf(width: number | undefined, height: number): number {
  return width ? Math.min(width, height) : height;
}

/** Caption tracks with the page's language first, the rest in the order the api gave them. */
export function captionsInOrder<T extends { lang: string }>(tracks: readonly T[], first: string): T[] {
  return [...tracks.filter((c) => c.lang === first), ...tracks.filter((c) => c.lang !== first)];
}

/**
 * Holds the <video>'s caption tracks to the player's choice. Chromium shows a track in the browser's own
 * language by itself once tracks are added (its automatic selection, after ours, seen on a phone profile):
 * left alone, an English track would show over the Vietnamese one the page chose. Returns the unsubscribe.
 */
export function holdCaptions(el: HTMLVideoElement, chosen: () => string | null): () => void {
  const hold = () => {
    const lang = chosen();
    for (const track of Array.from(el.textTracks)) {
      if (track.kind !== 'subtitles' && track.kind !== 'captions') continue;
      const mode = lang && track.language === lang ? 'showing' : 'disabled';
      if (track.mode !== mode) track.mode = mode;
    }
  };
  el.textTracks.addEventListener('change', hold);
  return () => el.textTracks.removeEventListener('change', hold);
}
