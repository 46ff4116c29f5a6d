import { STAFF_ARTIFACTS_PAGE } from '@artifact-stories/contracts/limits';
import type {
  ArtifactDetail,
  ArtifactInput,
  ArtifactPatch,
  Lang,
  StaffArtifactDetail,
  StaffArtifactListQuery,
  StaffArtifactPage,
  StaffArtifactSummary,
  StaffVideo,
} from '@artifact-stories/contracts/schemas';
import { FORM_LABELS } from '../errors/field-labels.ts';
import type { Texts } from '../errors/localized.ts';
import type { ArtifactRecord, ArtifactsRepository } from '../repositories/artifacts.repository.ts';
import type { StaffViewsRepository } from '../repositories/staff-views.repository.ts';
import type { VideoRecord, VideosRepository } from '../repositories/videos.repository.ts';
import { publicVideo } from './catalogue.service.ts';
import { type PublishChoice, publishRefusal } from './publish-rule.ts';
import { noArtifact } from './staff-captions.service.ts';
import { StaffError } from './staff-error.ts';

export interface StaffArtifactsDeps {
  artifacts: Pick<ArtifactsRepository, 'byId' | 'bySlug' | 'create' | 'update' | 'setStatus' | 'delete'>;
  videos: Pick<VideosRepository, 'byId' | 'latestForArtifact' | 'forArtifact' | 'captions'>;
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

/** A 409 naming the field by the form's own label, the value already taken, and what to do. */
function alreadyUsed(field: 'slug' | 'accessionNumber', value: string): StaffError {
  const label = FORM_LABELS[field] as Texts;
  const other = field === 'slug' ? 'đường dẫn' : 'số hiệu';
  return new StaffError(
    {
      en: `${label.en} "${value}" is already used by another artifact. Choose another one.`,
      vi: `${label.vi} «${value}» đã được một hiện vật khác dùng. Hãy chọn ${other} khác.`,
    },
    409,
    { code: field === 'slug' ? 'slug_taken' : 'accession_number_taken', field },
  );
}

/** Refusals of a save made from an outdated copy: nothing was written, the editor must reload. */
const STALE = {
  changed: {
    en: 'Someone else changed this artifact after you opened it, so your changes were not saved. Reload to see the current version, then make your changes again.',
    vi: 'Hiện vật này đã được người khác sửa sau khi bạn mở nên thay đổi của bạn chưa được lưu. Hãy tải lại để xem bản hiện tại rồi sửa lại.',
  },
  deleted: {
    en: 'Someone else deleted this artifact after you opened it, so your changes were not saved. Reload to see what is there now.',
    vi: 'Hiện vật này đã bị người khác xoá sau khi bạn mở nên thay đổi của bạn chưa được lưu. Hãy tải lại để xem tình trạng hiện tại.',
  },
} satisfies Record<string, Texts>;

const iso = (ms: number) => new Date(ms).toISOString();

/** Two editors saving the same slug at once: the second meets the UNIQUE constraint, not a 500. */
function unique<T>(write: () => T, input: ArtifactPatch): T {
  try {
    return write();
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
      // SQLite names the column: "UNIQUE constraint failed: artifacts.accession_number".
      const accession = /accession_number/.test((err as Error).message);
      throw accession
        ? alreadyUsed('accessionNumber', input.accessionNumber ?? '')
        : alreadyUsed('slug', input.slug ?? '');
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

  /** `lang` picks the language of stored video errors (StaffVideo.error). */
  list(query: StaffArtifactListQuery, lang: Lang = 'en'): StaffArtifactPage {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? STAFF_ARTIFACTS_PAGE.default;
    const { ids, total } = this.deps.views.artifactIds({
      status: query.status,
      q: query.q,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    const items = ids
      .map((id) => this.deps.artifacts.byId(id))
      .filter((r): r is ArtifactRecord => !!r)
      .map((r) => this.summary(r, lang));
    return { items, total, page, pageSize };
  }

  private summary(record: ArtifactRecord, lang: Lang): StaffArtifactSummary {
    return {
      id: record.id,
      slug: record.slug,
      accessionNumber: record.accessionNumber,
      title: record.title,
      status: record.status,
      ethnicGroups: record.ethnicGroups,
      category: record.category,
      video: this.newestVideo(record, lang),
      onShow: this.videoOnShow(record, lang),
      updatedAt: iso(record.updatedAt),
    };
  }

  /**
   * The film the public page plays (or will, once published): the current video while a version of it is
   * on show, whatever became of a later upload. A refused replacement must not make a working film look
   * failed, so this and newestVideo are two facts, shown apart.
   */
  videoOnShow(record: ArtifactRecord, lang: Lang = 'en'): StaffVideo | null {
    const video = record.currentVideoId ? this.deps.videos.byId(record.currentVideoId) : undefined;
    return video && publicVideo(video) ? this.staffVideo(video, record, lang) : null;
  }

  /** The last upload whatever became of it: a refused or failed one shows here with its reason. */
  newestVideo(record: ArtifactRecord, lang: Lang = 'en'): StaffVideo | null {
    const video = this.deps.videos.latestForArtifact(record.id);
    return video ? this.staffVideo(video, record, lang) : null;
  }

  staffVideo(video: VideoRecord, record: ArtifactRecord, lang: Lang = 'en'): StaffVideo {
    const job = video.jobId ? this.deps.jobs.get(video.jobId) : undefined;
    return {
      id: video.id,
      status: video.status,
      // Errors stored before both languages were kept have only the English text.
      error: lang === 'vi' ? (video.errorVi ?? video.error) : video.error,
      sourceName: video.sourceName,
      sourceSize: video.sourceSize,
      jobId: video.jobId,
      progress: video.status === 'ready' ? 100 : (job?.progress ?? 0),
      current: record.currentVideoId === video.id,
      captions: this.deps.videos
        .captions(video.id)
        .map(({ lang, label, kind, source }) => ({ lang, label, kind, source })),
      createdAt: iso(video.createdAt),
    };
  }

  get(id: number): ArtifactRecord {
    const record = this.deps.artifacts.byId(id);
    if (!record) throw new StaffError(noArtifact(id), 404);
    return record;
  }

  detail(id: number, lang: Lang = 'en'): StaffArtifactDetail {
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
      video: this.newestVideo(r, lang),
      onShow: this.videoOnShow(r, lang),
      preview: this.deps.preview(r),
      createdAt: iso(r.createdAt),
      updatedAt: iso(r.updatedAt),
      publishedAt: r.publishedAt === null ? null : iso(r.publishedAt),
    };
  }

  /** Refusals name the field as the form labels it, and carry its API name so the editor can point at it. */
  private check(input: ArtifactPatch, selfId?: number): void {
    if (input.category !== undefined && !this.deps.reference.hasCategory(input.category)) {
      throw new StaffError(
        {
          en: `${FORM_LABELS.category?.en}: "${input.category}" is not in the list. Choose one from the list.`,
          vi: `${FORM_LABELS.category?.vi}: «${input.category}» không có trong danh mục. Hãy chọn một loại trong danh sách.`,
        },
        400,
        { code: 'unknown_category', field: 'category' },
      );
    }
    for (const g of input.ethnicGroups ?? []) {
      if (!this.deps.reference.hasGroup(g)) {
        throw new StaffError(
          {
            en: `${FORM_LABELS.ethnicGroups?.en}: "${g}" is not one of the 54 ethnic groups. Choose the groups from the list.`,
            vi: `${FORM_LABELS.ethnicGroups?.vi}: «${g}» không phải là một trong 54 dân tộc. Hãy chọn dân tộc trong danh sách.`,
          },
          400,
          { code: 'unknown_ethnic_group', field: 'ethnicGroups' },
        );
      }
    }
    if (input.slug !== undefined) {
      const other = this.deps.artifacts.bySlug(input.slug);
      if (other && other.id !== selfId) throw alreadyUsed('slug', input.slug);
    }
    if (input.accessionNumber !== undefined) {
      const other = this.deps.views.artifactByAccession(input.accessionNumber);
      if (other !== undefined && other !== selfId)
        throw alreadyUsed('accessionNumber', input.accessionNumber);
    }
  }

  create(input: ArtifactInput, lang: Lang = 'en'): StaffArtifactDetail {
    this.check(input);
    return this.detail(unique(() => this.deps.artifacts.create(input, 'draft'), input).id, lang);
  }

  /**
   * With `expectedUpdatedAt` (the version the editor loaded) the save is refused when the artifact changed or
   * went away since, so a stale tab cannot overwrite someone else's work. Reading and writing happen in one
   * synchronous call, so nothing in this process can slip in between.
   */
  update(id: number, { expectedUpdatedAt, ...patch }: ArtifactPatch, lang: Lang = 'en'): StaffArtifactDetail {
    const record = this.deps.artifacts.byId(id);
    if (expectedUpdatedAt !== undefined) {
      if (!record) throw new StaffError(STALE.deleted, 409, { code: 'artifact_deleted' });
      if (Date.parse(expectedUpdatedAt) !== record.updatedAt)
        throw new StaffError(STALE.changed, 409, { code: 'artifact_changed' });
    }
    if (!record) throw new StaffError(noArtifact(id), 404);
    this.check(patch, id);
    unique(() => this.deps.artifacts.update(id, patch), patch);
    return this.detail(id, lang);
  }

  /**
   * Public with a ready film and a story in at least one language, or with what is missing chosen
   * explicitly (publish-rule.ts). "Ready film" is what the public page would play, as the preview shows it.
   */
  publish(id: number, choice: PublishChoice = {}, lang: Lang = 'en'): StaffArtifactDetail {
    const record = this.get(id);
    const hasStory = record.story.vi.trim() !== '' || record.story.en.trim() !== '';
    const refusal = publishRefusal({ hasFilm: this.deps.preview(record).video !== null, hasStory }, choice);
    if (refusal) {
      const { messages, ...meta } = refusal;
      throw new StaffError(messages, 409, meta);
    }
    this.deps.artifacts.setStatus(id, 'published');
    return this.detail(id, lang);
  }

  /** Back to draft: always allowed. */
  unpublish(id: number, lang: Lang = 'en'): StaffArtifactDetail {
    this.get(id);
    this.deps.artifacts.setStatus(id, 'draft');
    return this.detail(id, lang);
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
