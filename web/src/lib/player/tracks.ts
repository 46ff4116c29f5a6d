/** The short side of a picture: what "720p" means for landscape and portrait alike. */
export function rungOf(width: number | undefined, height: number): number {
  return width ? Math.min(width, height) : height;
}

/** Caption tracks with the page's language first, the rest in the order the api gave them. */
export function captionsInOrder<T extends { lang: string }>(tracks: readonly T[], first: string): T[] {
  return [...tracks.filter((c) => c.lang === first), ...tracks.filter((c) => c.lang !== first)];
}
