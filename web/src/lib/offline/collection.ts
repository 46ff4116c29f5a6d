// What a lesson or an exhibition needs to open and play with the network off: its own page in both languages
// and its data, then for each item its film (see plan.ts) and its artifact's page, which pupils tap through to.
// The classroom-mode pages (/l/<code>/present, /exhibitions/<slug>/present) are not fetched: offline the service
// worker answers any page that was not saved with the app shell, and they read the same data as the page.
import type { PublicVideo } from '@artifact-stories/contracts/schemas';
import { bothLanguages, canSaveFilm, filmFiles, type OfflineFile } from './plan.ts';

/** An item as both a lesson and an exhibition give it. */
export interface CollectionItem {
  artifact: { slug: string };
  video: PublicVideo;
}

export interface CollectionPlan<Item extends CollectionItem> {
  /** The collection's own files first, then one list per film that can be saved. */
  films: OfflineFile[][];
  /** Items whose film has no MP4 (made before it existed): they stay online only. */
  missing: Item[];
}

function collectionPlan<Item extends CollectionItem>(own: string[], items: Item[]): CollectionPlan<Item> {
  const films = items
    .map(({ artifact, video }) => ({ slug: artifact.slug, video }))
    .filter(canSaveFilm)
    .map((film) => filmFiles(film, bothLanguages(`/artifacts/${encodeURIComponent(film.slug)}`)));
  return {
    films: films.length ? [own.map((url) => ({ url })), ...films] : [],
    missing: items.filter((item) => !item.video.progressive),
  };
}

/**
 * A lesson under each spelling of its code that the device may open it by (the link's, and the canonical one):
 * the page asks the api by the code in its own URL.
 */
export function lessonPlan<Item extends CollectionItem>(
  codes: string[],
  items: Item[],
): CollectionPlan<Item> {
  const own = [...new Set(codes)].flatMap((code) => {
    const c = encodeURIComponent(code);
    return [...bothLanguages(`/l/${c}`), `/api/lessons/${c}`];
  });
  return collectionPlan(own, items);
}

export function exhibitionPlan<Item extends CollectionItem>(
  slug: string,
  items: Item[],
): CollectionPlan<Item> {
  const s = encodeURIComponent(slug);
  return collectionPlan([...bothLanguages(`/exhibitions/${s}`), `/api/exhibitions/${s}`], items);
}

/**
 * A short fingerprint of what a saved copy shows (FNV-1a of its JSON): when the lesson's teacher changes it
 * later, the page can say that the saved copy is older than what is online.
 */
export function fingerprint(value: unknown): string {
  let hash = 0x811c9dc5;
  for (const char of JSON.stringify(value)) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}
