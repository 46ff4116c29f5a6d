// What a film needs to open and play with the network off, as a list of URLs with their sizes where known:
// its page (in the languages asked), its catalogue data, the whole MP4 (one file, not the HLS ladder), its
// captions and chapters, its poster, and the site's code. Pure: the same list is shown as a size before saving
// and fetched when the visitor says yes.
import { hrefIn } from '@artifact-stories/contracts/lang-path';
import type { PublicVideo } from '@artifact-stories/contracts/schemas';

/** The player asks for the chapters in the page's language. */
const LANGS = ['vi', 'en'] as const;

export interface OfflineFile {
  url: string;
  /** Known ahead (the MP4, the code); small files (pages, data, captions, posters) are counted once fetched. */
  bytes?: number;
}

/** The build's list of the public site's code and styles (web/offline-assets.ts writes it). */
export interface AssetList {
  files: { url: string; bytes: number }[];
}

/**
 * A film as an artifact's page has it (ArtifactDetail) and as a lesson's or an exhibition's item has it (its
 * artifact's slug and its PublicVideo): one shape, so one list of files for all three.
 */
export interface SavableFilm {
  slug: string;
  video: PublicVideo | null;
}

/** Whether a film can be kept offline: only one that has its MP4 (versions made since it exists). */
export function canSaveFilm(film: SavableFilm): boolean {
  return Boolean(film.video?.progressive);
}

/** A page's URL in both languages (`/l/X`, `/en/l/X`): a saved page opens in either. */
export function bothLanguages(path: string): string[] {
  return [path, hrefIn(path, 'en')];
}

/** The files of one film: `pages` are its page URLs (one per language the visitor may open it in). */
export function filmFiles(film: SavableFilm, pages: string[]): OfflineFile[] {
  const video = film.video;
  if (!video?.progressive) return [];
  const files: OfflineFile[] = [
    ...pages.map((url) => ({ url })),
    { url: `/api/artifacts/${encodeURIComponent(film.slug)}` },
    { url: video.progressive.url, bytes: video.progressive.bytes },
    ...video.captions.map((c) => ({ url: c.url })),
    // The browsers that run service workers all show WebP: the <picture> never asks for the JPEG then.
    ...video.poster.webp.map((p) => ({ url: p.url })),
  ];
  if (video.chaptersVtt) files.push(...LANGS.map((lang) => ({ url: `${video.chaptersVtt}?lang=${lang}` })));
  return files;
}

/** One list for several films and the site itself, each URL once: a lesson's films share the code and shell. */
export function offlinePlan(films: OfflineFile[][], assets: AssetList): OfflineFile[] {
  const byUrl = new Map<string, OfflineFile>();
  // The app shell (served for any page that was not saved), its icon, and the site's code.
  for (const file of [{ url: '/' }, { url: '/favicon.svg' }, ...assets.files, ...films.flat()]) {
    if (!byUrl.has(file.url)) byUrl.set(file.url, file);
  }
  return [...byUrl.values()];
}

/** The size shown before saving: what is known ahead, which is nearly all of it (the MP4 is most of a film). */
export function knownBytes(files: OfflineFile[]): number {
  return files.reduce((sum, f) => sum + (f.bytes ?? 0), 0);
}
