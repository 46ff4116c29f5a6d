import type { ArtifactSummary } from '@artifact-stories/contracts/schemas';
import type { CatalogueRepositories } from '../repositories/index.ts';
import { type CatalogueService, publicVideo } from './catalogue.service.ts';
import type { PickableFilm } from './lesson-input.ts';

/** The catalogue as the lesson rules see it: films by slug (any state) and cards of the published ones by id. */
export interface LessonFilms {
  bySlug(slug: string): PickableFilm | undefined;
  publishedCards(ids: readonly number[]): Map<number, ArtifactSummary>;
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
      const cards = new Map<number, ArtifactSummary>();
      for (const r of records) {
        if (r)
          cards.set(
            r.id,
            catalogue.summarize(r, r.currentVideoId ? videos.get(r.currentVideoId) : undefined),
          );
      }
      return cards;
    },
  };
}
