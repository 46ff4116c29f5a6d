import type { ArtifactSummary, PublicVideo } from '@artifact-stories/contracts/schemas';
import type { CatalogueRepositories } from '../repositories/index.ts';
import { type CatalogueService, publicVideo } from './catalogue.service.ts';
import type { PickableFilm } from './lesson-input.ts';

interface PlayableFilm {
  artifact: ArtifactSummary;
  video: PublicVideo;
}

/** The catalogue as the lesson rules see it: films by slug (any state) and cards of the published ones by id. */
export interface LessonFilms {
  bySlug(slug: string): PickableFilm | undefined;
  /** Published films with a ready video: what a pupil can play. */
  publishedCards(ids: readonly number[]): Map<number, PlayableFilm>;
}

export function lessonFilms(repos: CatalogueRepositories, catalogue: CatalogueService): LessonFilms {
  return {
    bySlug(slug) {
      const record = repos.artifacts.bySlug(slug);
      if (!record) return undefined;
      const video = record.currentVideoId ? repos.videos.byId(record.currentVideoId) : undefined;
      return {
        id: record.id,
        published: record.status === 'published',
        durationSec: publicVideo(video)?.durationSec ?? null,
      };
    },
    publishedCards(ids) {
      const records = [...new Set(ids)]
        .map((id) => repos.artifacts.byId(id))
        .filter((r) => r?.status === 'published');
      const videos = repos.videos.byIds(
        records.flatMap((r) => (r?.currentVideoId ? [r.currentVideoId] : [])),
      );
      const cards = new Map<number, PlayableFilm>();
      for (const r of records) {
        const record = r?.currentVideoId ? videos.get(r.currentVideoId) : undefined;
        const video = publicVideo(record);
        if (r && video) cards.set(r.id, { artifact: catalogue.summarize(r, record), video });
      }
      return cards;
    },
  };
}
