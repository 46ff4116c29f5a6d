import type {
  ExhibitionInput,
  StaffExhibition,
  StaffExhibitionItem,
  StaffExhibitionList,
} from '@artifact-stories/contracts/schemas';
import type { ArtifactRecord, ArtifactsRepository } from '../../repositories/artifacts.repository.ts';
import type {
  ExhibitionRecord,
  ExhibitionsRepository,
  ExhibitionWrite,
} from '../../repositories/exhibitions.repository.ts';
import type { VideosRepository } from '../../repositories/videos.repository.ts';
import { publicVideo } from '../catalogue.service.ts';
import { StaffError } from '../staff-error.ts';
import { rangeProblem, rangeProblemTexts, shownVideo } from './exhibition-items.ts';

export interface StaffExhibitionsDeps {
  exhibitions: Pick<
    ExhibitionsRepository,
    'list' | 'byId' | 'bySlug' | 'create' | 'update' | 'setStatus' | 'delete'
  >;
  artifacts: Pick<ArtifactsRepository, 'byId' | 'bySlug'>;
  videos: Pick<VideosRepository, 'byId'>;
}

const iso = (ms: number) => new Date(ms).toISOString();

function noExhibition(id: number): StaffError {
  return new StaffError(
    {
      en: `There is no exhibition ${id}: it may have been deleted. Go back to the list of exhibitions.`,
      vi: `Không có triển lãm số ${id}: có thể nó đã bị xoá. Hãy quay lại danh sách triển lãm.`,
    },
    404,
  );
}

/**
 * Staff make exhibitions: save the whole of one at once (texts, cover, items in order), publish and
 * unpublish it, delete it. Every refusal names the field and says what to do, in both languages.
 */
export class StaffExhibitionsService {
  constructor(private readonly deps: StaffExhibitionsDeps) {}

  private film(artifact: ArtifactRecord | undefined) {
    const video = artifact?.currentVideoId ? this.deps.videos.byId(artifact.currentVideoId) : undefined;
    return publicVideo(video);
  }

  private view(record: ExhibitionRecord): StaffExhibition {
    const items: StaffExhibitionItem[] = record.items.map((item) => {
      const artifact = this.deps.artifacts.byId(item.artifactId);
      const film = this.film(artifact);
      return {
        artifact: item.artifactSlug,
        ...(item.startSec !== null && { startSec: item.startSec }),
        ...(item.endSec !== null && { endSec: item.endSec }),
        text: item.text,
        title: artifact?.title ?? { vi: item.artifactSlug, en: item.artifactSlug },
        durationSec: film?.durationSec ?? null,
        poster: film?.poster ?? null,
        shown: shownVideo(item, artifact, film) !== undefined,
      };
    });
    return {
      id: record.id,
      slug: record.slug,
      title: record.title,
      intro: record.intro,
      cover: record.items.find((i) => i.artifactId === record.coverArtifactId)?.artifactSlug ?? null,
      status: record.status,
      items,
      updatedAt: iso(record.updatedAt),
      publishedAt: record.publishedAt ? iso(record.publishedAt) : null,
    };
  }

  list(): StaffExhibitionList {
    return {
      items: this.deps.exhibitions.list().map((r) => ({
        id: r.id,
        slug: r.slug,
        title: r.title,
        status: r.status,
        itemCount: r.items.length,
        updatedAt: iso(r.updatedAt),
      })),
    };
  }

  get(id: number): StaffExhibition {
    const record = this.deps.exhibitions.byId(id);
    if (!record) throw noExhibition(id);
    return this.view(record);
  }

  create(input: ExhibitionInput): StaffExhibition {
    const write = this.checked(input, undefined);
    return this.view(this.unique(() => this.deps.exhibitions.create(write), input.slug));
  }

  save(id: number, input: ExhibitionInput): StaffExhibition {
    if (!this.deps.exhibitions.byId(id)) throw noExhibition(id);
    const write = this.checked(input, id);
    const saved = this.unique(() => this.deps.exhibitions.update(id, write), input.slug);
    if (!saved) throw noExhibition(id);
    return this.view(saved);
  }

  /** Published only with at least one item visitors can watch: an empty exhibition would be a dead page. */
  publish(id: number): StaffExhibition {
    const current = this.get(id);
    if (!current.items.some((i) => i.shown)) {
      throw new StaffError(
        {
          en: 'Nothing in this exhibition can be watched yet: each item needs a published artifact with a ready film. Publish those artifacts first (or wait for their films), then publish the exhibition.',
          vi: 'Triển lãm này chưa có mục nào xem được: mỗi mục cần một hiện vật đã xuất bản và có phim sẵn sàng. Hãy xuất bản các hiện vật đó trước (hoặc chờ phim xử lý xong), rồi xuất bản triển lãm.',
        },
        409,
        { code: 'nothing_to_show', field: 'items' },
      );
    }
    return this.view(this.deps.exhibitions.setStatus(id, 'published') as ExhibitionRecord);
  }

  unpublish(id: number): StaffExhibition {
    const record = this.deps.exhibitions.setStatus(id, 'draft');
    if (!record) throw noExhibition(id);
    return this.view(record);
  }

  delete(id: number): void {
    if (!this.deps.exhibitions.delete(id)) throw noExhibition(id);
  }

  /** The input checked against the catalogue, artifacts resolved; a 400 naming the first field at fault. */
  private checked(input: ExhibitionInput, id: number | undefined): ExhibitionWrite {
    if (!input.title.vi.trim()) {
      throw new StaffError(
        {
          en: 'The exhibition needs a title in Vietnamese. Write one, then save again.',
          vi: 'Triển lãm cần có tên bằng tiếng Việt. Hãy nhập tên rồi lưu lại.',
        },
        400,
        { code: 'validation_failed', field: 'title.vi' },
      );
    }
    const other = this.deps.exhibitions.bySlug(input.slug);
    if (other && other.id !== id) throw slugTaken(input.slug);
    const items = input.items.map((item, i) => {
      const artifact = this.deps.artifacts.bySlug(item.artifact);
      if (!artifact) {
        throw new StaffError(
          {
            en: `Item ${i + 1}: no artifact has the web address "${item.artifact}". Choose an artifact from the list.`,
            vi: `Mục ${i + 1}: không có hiện vật nào với đường dẫn «${item.artifact}». Hãy chọn một hiện vật trong danh sách.`,
          },
          400,
          { code: 'unknown_artifact', field: `items.${i}.artifact` },
        );
      }
      const range = { startSec: item.startSec ?? null, endSec: item.endSec ?? null };
      const durationSec = this.film(artifact)?.durationSec ?? null;
      const problem = rangeProblem(range, durationSec);
      if (problem) {
        throw new StaffError(rangeProblemTexts(problem, i + 1, durationSec), 400, {
          code: 'invalid_excerpt',
          field: `items.${i}.${problem === 'end-before-start' || problem === 'too-short' ? 'endSec' : 'startSec'}`,
        });
      }
      return { artifactId: artifact.id, ...range, text: item.text };
    });
    const cover =
      input.cover === null ? undefined : items.find((_, i) => input.items[i]?.artifact === input.cover);
    if (input.cover !== null && !cover) {
      throw new StaffError(
        {
          en: `The cover must be one of the exhibition's items; "${input.cover}" is not among them. Choose the cover again.`,
          vi: `Ảnh bìa phải là một mục của triển lãm; «${input.cover}» không có trong danh sách mục. Hãy chọn lại ảnh bìa.`,
        },
        400,
        { code: 'validation_failed', field: 'cover' },
      );
    }
    return {
      slug: input.slug,
      title: input.title,
      intro: input.intro,
      coverArtifactId: cover?.artifactId ?? null,
      items,
    };
  }

  /** Two editors saving the same slug at once: the second meets the UNIQUE constraint, not a 500. */
  private unique<T>(write: () => T, slug: string): T {
    try {
      return write();
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw slugTaken(slug);
      throw err;
    }
  }
}

function slugTaken(slug: string): StaffError {
  return new StaffError(
    {
      en: `The web address "${slug}" is already used by another exhibition. Choose another one.`,
      vi: `Đường dẫn «${slug}» đã được một triển lãm khác dùng. Hãy chọn đường dẫn khác.`,
    },
    409,
    { code: 'slug_taken', field: 'slug' },
  );
}
