import type { ArtifactRecord, ArtifactsRepository } from '../repositories/artifacts.repository.ts';
import type { StaffViewsRepository } from '../repositories/staff-views.repository.ts';
import type { VideoRecord, VideosRepository } from '../repositories/videos.repository.ts';
import type { ArtifactDetail } from '../schemas/artifacts.ts';
import type {
  ArtifactInput,
  ArtifactPatch,
  StaffArtifactDetail,
  StaffArtifactListQuery,
  StaffArtifactPage,
  StaffArtifactSummary,
  StaffVideo,
} from '../schemas/staff.ts';
import { StaffError } from './staff.service.ts';

export interface StaffArtifactsDeps {
  artifacts: Pick<ArtifactsRepository, 'byId' | 'bySlug' | 'create' | 'update' | 'setStatus' | 'delete'>;
  videos: Pick<VideosRepository, 'latestForArtifact' | 'forArtifact' | 'captions'>;
  views: Pick<StaffViewsRepository, 'artifactIds' | 'artifactByAccession'>;
  reference: { hasGroup(slug: string): boolean; hasCategory(slug: string): boolean };
  jobs: {
    get(id: number): { progress: number } | undefined;
    /** Cancels the queued or running jobs of a video. */
    cancelForVideo(videoId: string): void;
  };
  /** The public page as it would look (app.catalogue.detail). */
  preview(record: ArtifactRecord): ArtifactDetail;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Two editors saving the same slug at once: the second meets the UNIQUE constraint, not a 500. */
function unique<T>(write: () => T): T {
  try {
    return write();
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new StaffError('slug or accessionNumber: already used by another artifact.', 409);
    }
    throw err;
  }
}

/**
 * What staff do with artifacts: list drafts and published ones with their newest video, create and edit
 * them with readable refusals, publish, unpublish and delete. No SQL and no files here.
 */
export class StaffArtifactsService {
  constructor(private readonly deps: StaffArtifactsDeps) {}

  list(query: StaffArtifactListQuery): StaffArtifactPage {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const { ids, total } = this.deps.views.artifactIds({
      status: query.status,
      q: query.q,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    const items = ids
      .map((id) => this.deps.artifacts.byId(id))
      .filter((r): r is ArtifactRecord => !!r)
      .map((r) => this.summary(r));
    return { items, total, page, pageSize };
  }

  private summary(record: ArtifactRecord): StaffArtifactSummary {
    return {
      id: record.id,
      slug: record.slug,
      accessionNumber: record.accessionNumber,
      title: record.title,
      status: record.status,
      ethnicGroups: record.ethnicGroups,
      category: record.category,
      video: this.newestVideo(record),
      updatedAt: iso(record.updatedAt),
    };
  }

  /** The newest video whatever its state: a refused upload shows here with its reason. */
  newestVideo(record: ArtifactRecord): StaffVideo | null {
    const video = this.deps.videos.latestForArtifact(record.id);
    return video ? this.staffVideo(video, record) : null;
  }

  staffVideo(video: VideoRecord, record: ArtifactRecord): StaffVideo {
    const job = video.jobId ? this.deps.jobs.get(video.jobId) : undefined;
    return {
      id: video.id,
      status: video.status,
      error: video.error,
      sourceName: video.sourceName,
      sourceSize: video.sourceSize,
      jobId: video.jobId,
      progress: video.status === 'ready' ? 100 : (job?.progress ?? 0),
      current: record.currentVideoId === video.id,
      captions: this.deps.videos.captions(video.id).map(({ lang, label }) => ({ lang, label })),
      createdAt: iso(video.createdAt),
    };
  }

  get(id: number): ArtifactRecord {
    const record = this.deps.artifacts.byId(id);
    if (!record) throw new StaffError(`There is no artifact with id ${id}; it may have been deleted.`, 404);
    return record;
  }

  detail(id: number): StaffArtifactDetail {
    const r = this.get(id);
    return {
      id: r.id,
      slug: r.slug,
      accessionNumber: r.accessionNumber,
      title: r.title,
      story: r.story,
      category: r.category,
      material: r.material,
      region: r.region,
      featured: r.featured,
      ethnicGroups: r.ethnicGroups,
      status: r.status,
      video: this.newestVideo(r),
      preview: this.deps.preview(r),
      createdAt: iso(r.createdAt),
      updatedAt: iso(r.updatedAt),
      publishedAt: r.publishedAt === null ? null : iso(r.publishedAt),
    };
  }

  /** Refusals name the field, so the editor can point at it. */
  private check(input: ArtifactPatch, selfId?: number): void {
    if (input.category !== undefined && !this.deps.reference.hasCategory(input.category)) {
      throw new StaffError(`category: "${input.category}" is not a known category.`, 400);
    }
    for (const g of input.ethnicGroups ?? []) {
      if (!this.deps.reference.hasGroup(g)) {
        throw new StaffError(`ethnicGroups: "${g}" is not one of the 54 ethnic groups (use its slug).`, 400);
      }
    }
    if (input.slug !== undefined) {
      const other = this.deps.artifacts.bySlug(input.slug);
      if (other && other.id !== selfId) {
        throw new StaffError(`slug: "${input.slug}" is already used by another artifact.`, 409);
      }
    }
    if (input.accessionNumber !== undefined) {
      const other = this.deps.views.artifactByAccession(input.accessionNumber);
      if (other !== undefined && other !== selfId) {
        throw new StaffError(
          `accessionNumber: "${input.accessionNumber}" is already used by another artifact.`,
          409,
        );
      }
    }
  }

  create(input: ArtifactInput): StaffArtifactDetail {
    this.check(input);
    return this.detail(unique(() => this.deps.artifacts.create(input, 'draft')).id);
  }

  update(id: number, patch: ArtifactPatch): StaffArtifactDetail {
    this.get(id);
    this.check(patch, id);
    unique(() => this.deps.artifacts.update(id, patch));
    return this.detail(id);
  }

  /** Publishing needs only the artifact: without a ready video it shows without a player. */
  setStatus(id: number, status: 'draft' | 'published'): StaffArtifactDetail {
    this.get(id);
    this.deps.artifacts.setStatus(id, status);
    return this.detail(id);
  }

  /** Deletes the row (its videos and captions go with it) and returns the videos whose files must go too. */
  remove(id: number): VideoRecord[] {
    this.get(id);
    const videos = this.deps.videos.forArtifact(id);
    // Work on these videos stops first, so no transcode writes into a folder about to be removed.
    for (const v of videos) this.deps.jobs.cancelForVideo(v.id);
    this.deps.artifacts.delete(id);
    return videos;
  }
}
