import { fold } from '@artifact-stories/contracts/text';
import type { ArtifactRecord, ArtifactsRepository } from '../repositories/artifacts.repository.ts';
import type { CaptionFilesRepository, CaptionTrackCues } from '../repositories/caption-files.repository.ts';
import type { CatalogueRepository, EthnicGroupRecord } from '../repositories/catalogue.repository.ts';
import type { VideosRepository } from '../repositories/videos.repository.ts';
import type { IndexedCue, SearchDocument, SynonymSets } from '../search/engine.ts';
import { compact, nameVariants } from '../search/text.ts';
import { publicVideo } from './catalogue.service.ts';
import { storyText } from './markdown.ts';

/** Characters the Meilisearch engine uses as highlight placeholders never come from the catalogue. */
const PLACEHOLDERS = /[\uE000\uE001]/g;
const clean = (text: string) => text.replace(PLACEHOLDERS, '');

/**
 * Cue text indexed per artifact, all tracks together: about 40 minutes of speech in one language, or a
 * 20-minute clip with two tracks. Past it, later cues are not searchable (a whole-film transcript would
 * outweigh every title and story, and make each hit's document heavy to send and scan).
 */
export const CUE_TEXT_MAX = 24_000;

/** The tracks' cues in order, up to CUE_TEXT_MAX characters of text. */
export function indexedCues(tracks: CaptionTrackCues[], max = CUE_TEXT_MAX): IndexedCue[] {
  const out: IndexedCue[] = [];
  let left = max;
  for (const track of tracks) {
    for (const cue of track.cues) {
      const text = clean(cue.text);
      if (text.length > left) return out;
      left -= text.length;
      out.push({ lang: track.lang, start: cue.start, end: cue.end, text });
    }
  }
  return out;
}

/** Every name a group is known by: vi, en, other and historical names, each alternative on its own. */
export function groupNames(g: Pick<EthnicGroupRecord, 'name' | 'otherNames'>): string[] {
  const names = [g.name.vi, g.name.en, ...g.otherNames].flatMap(nameVariants);
  return [...new Set(names)];
}

/** What the documents are read from. */
export interface SearchDocumentSources {
  catalogue: Pick<CatalogueRepository, 'groups'>;
  artifacts: Pick<ArtifactsRepository, 'byId' | 'publishedIds'>;
  videos: Pick<VideosRepository, 'byIds'>;
  captionFiles: Pick<CaptionFilesRepository, 'tracks'>;
}

/**
 * Builds search documents from SQLite, the source of truth. Only published artifacts get a document;
 * for any other id (draft, deleted) the caller removes it from the index.
 */
export class SearchDocuments {
  constructor(private readonly repos: SearchDocumentSources) {}

  publishedIds(): number[] {
    return this.repos.artifacts.publishedIds();
  }

  /** Async only for the caption files, read from the media store (a bucket is a network away). */
  async build(ids: number[]): Promise<SearchDocument[]> {
    const groups = new Map(this.repos.catalogue.groups().map((g) => [g.slug, g]));
    const records = ids
      .map((id) => this.repos.artifacts.byId(id))
      .filter((r): r is ArtifactRecord => r?.status === 'published');
    const videos = this.repos.videos.byIds(
      records.map((r) => r.currentVideoId).filter((v): v is string => v !== null),
    );
    return Promise.all(
      records.map(async (r) => {
        const own = r.ethnicGroups
          .map((slug) => groups.get(slug))
          .filter((g): g is EthnicGroupRecord => g !== undefined);
        const names = own.flatMap(groupNames);
        const video = r.currentVideoId ? videos.get(r.currentVideoId) : undefined;
        // The version on show (publicVideo): a failed or unfinished newer one has no cues to offer.
        const shown = publicVideo(video) && video ? video : undefined;
        return {
          id: r.id,
          slug: r.slug,
          title: { vi: clean(r.title.vi), en: clean(r.title.en) },
          story: { vi: clean(storyText(r.story.vi)), en: clean(storyText(r.story.en)) },
          ethnicGroups: r.ethnicGroups,
          // Names written as one word too ("ede" for Ê Đê, "hmong" for H'Mông): both engines then find them.
          ethnicGroupNames: [...new Set([...names.map(clean), ...names.map(compact)])],
          languageFamilies: [...new Set(own.map((g) => g.languageFamily).filter(Boolean))],
          category: r.category,
          region: { vi: clean(r.region.vi), en: clean(r.region.en) },
          material: { vi: clean(r.material.vi), en: clean(r.material.en) },
          hasCaptions: (shown?.manifest?.captions.length ?? 0) > 0,
          cues: shown ? indexedCues(await this.repos.captionFiles.tracks(shown)) : [],
          publishedAt: r.publishedAt ?? r.createdAt,
        };
      }),
    );
  }

  /**
   * One set of equivalent terms per ethnic group (its names, with and without diacritics). A name shared
   * by two groups (Thổ is a group and an old name of the Tày) joins both sets.
   */
  synonyms(): SynonymSets {
    return this.repos.catalogue.groups().map((g) => {
      const names = groupNames(g);
      return [...new Set([...names, ...names.map(fold), ...names.map(compact)])];
    });
  }
}
