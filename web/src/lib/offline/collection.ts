// What a lesson or an exhibition needs to open and play with the network off: its own page in both languages
// and its data, then for each item its film (see plan.ts) and its artifact's page, which pupils tap through to.
// The classroom-mode pages (/l/<code>/present, /exhibitions/<slug>/present) are not fetched: offline the service
// worker answers any page that was not saved with the app shell, and they read the same data as the page.
import type {
  ExhibitionDetail,
  Localized,
  PublicLesson,
  PublicVideo,
} from '@artifact-stories/contracts/schemas';
import { bothLanguages, canSaveFilm, filmFiles, type OfflineFile } from './plan.ts';

/** An item as both a lesson and an exhibition give it. */
interface CollectionItem {
  artifact: { slug: string; title: Localized };
  video: PublicVideo;
}

/** What OfflineSave needs to save a lesson or an exhibition (its props). */
export interface OfflineCollection {
  key: string;
  kind: 'lesson' | 'exhibition';
  /** The collection's own files first, then one list per film that can be saved; none when no film can be. */
  films: OfflineFile[][];
  /** Titles of the items whose film has no MP4 (made before it existed): they stay online only. */
  missing: Localized[];
  /** What the page shows, to tell a saved copy of an older version (see fingerprint). */
  version: string;
}

function collection(own: string[], items: CollectionItem[]): Pick<OfflineCollection, 'films' | 'missing'> {
  const films = items
    .map(({ artifact, video }) => ({ slug: artifact.slug, video }))
    .filter(canSaveFilm)
    .map((film) => filmFiles(film, bothLanguages(`/artifacts/${encodeURIComponent(film.slug)}`)));
  return {
    films: films.length ? [own.map((url) => ({ url })), ...films] : [],
    missing: items.filter((item) => !item.video.progressive).map((item) => item.artifact.title),
  };
}

/**
 * A lesson under each spelling of its code that the device may open it by (the link's, `linkCode`, and the
 * canonical one): the page asks the api by the code in its own URL.
 */
export function lessonOffline(linkCode: string, lesson: PublicLesson): OfflineCollection {
  const own = [...new Set([linkCode, lesson.code])].flatMap((code) => {
    const c = encodeURIComponent(code);
    return [...bothLanguages(`/l/${c}`), `/api/lessons/${c}`];
  });
  return {
    key: `lesson:${lesson.code}`,
    kind: 'lesson',
    ...collection(own, lesson.items),
    version: fingerprint([lesson.title, lesson.teacherName, lesson.items]),
  };
}

export function exhibitionOffline(exhibition: ExhibitionDetail): OfflineCollection {
  const s = encodeURIComponent(exhibition.slug);
  return {
    key: `exhibition:${exhibition.slug}`,
    kind: 'exhibition',
    ...collection([...bothLanguages(`/exhibitions/${s}`), `/api/exhibitions/${s}`], exhibition.items),
    version: fingerprint([exhibition.title, exhibition.intro, exhibition.items]),
  };
}

/**
 * A short fingerprint of what a saved copy shows (FNV-1a of its JSON): when the lesson's teacher changes it
 * later, the page can say that the saved copy is older than what is online.
 */
function fingerprint(value: unknown): string {
  let hash = 0x811c9dc5;
  for (const char of JSON.stringify(value)) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}
