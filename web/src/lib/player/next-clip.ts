// Which clip the end screen offers next. One rule today, from the artifact page's own data; a list or an
// exhibition the visitor came from will come first once the site has them.
import type { ArtifactSummary, Named } from '@artifact-stories/contracts/schemas';

/**
 * The next clip: the first related artifact (the api lists them newest first) that has a film and shares
 * this one's first ethnic group, else the first with a film of another shared group, else none.
 */
export function nextClip(
  current: { slug: string; ethnicGroups: readonly Pick<Named, 'slug'>[] },
  related: readonly ArtifactSummary[],
): ArtifactSummary | null {
  const clips = related.filter((r) => r.slug !== current.slug && r.durationSec !== null);
  const main = current.ethnicGroups[0]?.slug;
  return clips.find((r) => r.ethnicGroups.some((g) => g.slug === main)) ?? clips[0] ?? null;
}

/** Where the end screen leads, given by the page that shows the player. */
export interface EndLinks {
  next: ArtifactSummary | null;
  /** The story: "#story" on the artifact page, the artifact page itself from the embed. */
  storyHref: string;
  /** Open in a new tab (the embed page, inside someone else's site). */
  external: boolean;
}
