import type {
  ArtifactSummary,
  ExhibitionDetail,
  ExhibitionItem,
  ExhibitionList,
  ExhibitionSummary,
} from '@artifact-stories/contracts/schemas';
import type { ArtifactRecord, ArtifactsRepository } from '../../repositories/artifacts.repository.ts';
import type { ExhibitionRecord, ExhibitionsRepository } from '../../repositories/exhibitions.repository.ts';
import type { VideoRecord, VideosRepository } from '../../repositories/videos.repository.ts';
import { publicVideo } from '../catalogue.service.ts';
import { renderStory, storyText } from '../markdown.ts';
import { excerpt } from '../reach/links.ts';
import { playedSec, shownVideo } from './exhibition-items.ts';

export interface ExhibitionsDeps {
  exhibitions: Pick<ExhibitionsRepository, 'list' | 'bySlug'>;
  artifacts: Pick<ArtifactsRepository, 'byId'>;
  videos: Pick<VideosRepository, 'byIds'>;
  /** The catalogue's card of an artifact (CatalogueService.summarize). */
  summarize(record: ArtifactRecord, video: VideoRecord | undefined): ArtifactSummary;
}

/** How much of the introduction a card and a link preview carry. */
const SUMMARY_MAX = 300;

/**
 * Exhibitions as visitors see them. One rule everywhere (list, page, sitemap, IIIF): a published exhibition
 * shows only the items whose artifact is published with a ready film, and an exhibition left with none is
 * not there at all, exactly as a draft is not.
 */
export class ExhibitionsService {
  constructor(private readonly deps: ExhibitionsDeps) {}

  private shownItems(record: ExhibitionRecord): ExhibitionItem[] {
    const artifacts = new Map(
      record.items.map((i) => [i.artifactId, this.deps.artifacts.byId(i.artifactId)]),
    );
    const videoIds = [...artifacts.values()].map((a) => a?.currentVideoId).filter((v): v is string => !!v);
    const videos = this.deps.videos.byIds(videoIds);
    const out: ExhibitionItem[] = [];
    for (const item of record.items) {
      const artifact = artifacts.get(item.artifactId);
      const record = artifact?.currentVideoId ? videos.get(artifact.currentVideoId) : undefined;
      const video = shownVideo(item, artifact, publicVideo(record));
      if (!artifact || !video) continue;
      out.push({
        artifact: this.deps.summarize(artifact, record),
        video,
        startSec: item.startSec ?? 0,
        endSec: item.endSec,
        text: item.text,
      });
    }
    return out;
  }

  private summary(record: ExhibitionRecord, items: ExhibitionItem[]): ExhibitionSummary {
    const cover = items.find((i) => i.artifact.slug === this.coverSlug(record)) ?? items[0];
    const plain = (md: string) => excerpt(storyText(md), SUMMARY_MAX);
    return {
      slug: record.slug,
      title: record.title,
      summary: { vi: plain(record.intro.vi), en: plain(record.intro.en) },
      cover: cover?.video.poster ?? null,
      itemCount: items.length,
      durationSec: items.reduce(
        (sum, i) => sum + playedSec({ startSec: i.startSec, endSec: i.endSec }, i.video.durationSec),
        0,
      ),
      publishedAt: record.publishedAt ? new Date(record.publishedAt).toISOString() : null,
    };
  }

  private coverSlug(record: ExhibitionRecord): string | undefined {
    return record.items.find((i) => i.artifactId === record.coverArtifactId)?.artifactSlug;
  }

  /** Published exhibitions with something to play, newest first. */
  listPublished(): ExhibitionList {
    const items: ExhibitionSummary[] = [];
    for (const record of this.deps.exhibitions.list({ status: 'published' })) {
      const shown = this.shownItems(record);
      if (shown.length) items.push(this.summary(record, shown));
    }
    return { items };
  }

  /** The page of a published exhibition with something to play; undefined (a 404) for anything else. */
  publishedDetail(slug: string): ExhibitionDetail | undefined {
    const record = this.deps.exhibitions.bySlug(slug);
    if (record?.status !== 'published') return undefined;
    const items = this.shownItems(record);
    if (!items.length) return undefined;
    return {
      ...this.summary(record, items),
      intro: record.intro,
      introHtml: { vi: renderStory(record.intro.vi), en: renderStory(record.intro.en) },
      items,
    };
  }
}
