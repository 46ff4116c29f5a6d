import { chapterProblem, sortChapters } from '@artifact-stories/contracts/chapters';
import type { ChapterInput, StaffChapters } from '@artifact-stories/contracts/schemas';
import type { ArtifactsRepository } from '../repositories/artifacts.repository.ts';
import type { ChaptersRepository } from '../repositories/chapters.repository.ts';
import type { VideosRepository } from '../repositories/videos.repository.ts';
import { publicVideo } from './catalogue.service.ts';
import { noArtifact } from './staff-captions.service.ts';
import { StaffError } from './staff-error.ts';

export interface StaffChaptersDeps {
  artifacts: Pick<ArtifactsRepository, 'byId'>;
  videos: Pick<VideosRepository, 'byId'>;
  chapters: Pick<ChaptersRepository, 'forArtifact' | 'replace'>;
}

/**
 * Staff mark chapters in the film on show. Chapters are catalogue data: a save writes rows and nothing else
 * (no job, no new media version), and visitors see it once the artifact is published.
 */
export class StaffChaptersService {
  constructor(private readonly deps: StaffChaptersDeps) {}

  /** The length the starts must fit in: the film visitors see (or will see once published), else null. */
  private durationOf(artifactId: number): number | null {
    const record = this.deps.artifacts.byId(artifactId);
    if (!record) throw new StaffError(noArtifact(artifactId), 404);
    const video = record.currentVideoId ? this.deps.videos.byId(record.currentVideoId) : undefined;
    return publicVideo(video)?.durationSec ?? null;
  }

  get(artifactId: number): StaffChapters {
    const durationSec = this.durationOf(artifactId);
    return { chapters: this.deps.chapters.forArtifact(artifactId), durationSec };
  }

  /** Replaces the whole list: sorted by start, refused as a whole (400, naming the row) when one is wrong. */
  save(artifactId: number, chapters: readonly ChapterInput[]): StaffChapters {
    const durationSec = this.durationOf(artifactId);
    const sorted = sortChapters(chapters);
    const problem = chapterProblem(sorted, durationSec);
    if (problem) {
      const { en, vi, index, field } = problem;
      throw new StaffError({ en, vi }, 400, {
        code: 'invalid_chapters',
        field: index === null ? 'chapters' : `chapters.${index}.${field}`,
      });
    }
    this.deps.chapters.replace(artifactId, sorted);
    return { chapters: this.deps.chapters.forArtifact(artifactId), durationSec };
  }
}
