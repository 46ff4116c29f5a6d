import { chapterTimeline } from '@artifact-stories/contracts/chapters';
import { captionLanguageName } from '@artifact-stories/contracts/languages';
import { ARTIFACTS_PAGE } from '@artifact-stories/contracts/limits';
import type {
  ArtifactDetail,
  ArtifactListQuery,
  ArtifactPage,
  ArtifactSummary,
  Category,
  ChapterInput,
  EthnicGroup,
  EthnicGroupList,
  Localized,
  Named,
  Poster,
  PublicVideo,
} from '@artifact-stories/contracts/schemas';
import type {
  ArtifactFilter,
  ArtifactRecord,
  ArtifactsRepository,
} from '../repositories/artifacts.repository.ts';
import type { CatalogueRepository } from '../repositories/catalogue.repository.ts';
import type { ChaptersRepository } from '../repositories/chapters.repository.ts';
import type { FilmsRepository } from '../repositories/films.repository.ts';
import type { MediaManifest, VideoRecord, VideosRepository } from '../repositories/videos.repository.ts';
import { renderStory } from './markdown.ts';

export const MEDIA_PREFIX = '/media';

function mediaUrl(videoId: string, version: string, file: string): string {
  return `${MEDIA_PREFIX}/${videoId}/${version}/${file}`;
}

/** `chapters` (sorted, as stored) are cut to this version's length; lists and cards need none. */
export function publicVideo(
  video: VideoRecord | undefined,
  chapters: readonly ChapterInput[] = [],
): PublicVideo | null {
  // The last finished version stays on show while a newer one is being made; nothing of a failed video shows.
  if (!video?.manifest || !video.mediaVersion || video.status === 'failed') return null;
  const m: MediaManifest = video.manifest;
  const url = (file: string) => mediaUrl(video.id, video.mediaVersion as string, file);
  const images = (list: MediaManifest['poster']['jpeg']) =>
    list.map((p) => ({ width: p.width, height: p.height, url: url(p.file) }));
  return {
    id: video.id,
    hls: url(m.master),
    durationSec: m.probe.durationSec,
    width: m.probe.video.displayWidth,
    height: m.probe.video.displayHeight,
    poster: { jpeg: images(m.poster.jpeg), webp: images(m.poster.webp) },
    storyboard: m.storyboard ? { vtt: url(m.storyboard.vtt) } : null,
    captions: m.captions.map((c) => ({
      lang: c.lang,
      label: c.label,
      url: url(c.vtt),
      name: { vi: captionLanguageName(c.lang, 'vi'), en: captionLanguageName(c.lang, 'en') },
      ...(c.kind ? { kind: c.kind } : {}),
      ...(c.source ? { source: c.source } : {}),
    })),
    renditions: m.renditions.map((r) => ({
      name: r.name,
      width: r.width,
      height: r.height,
      fps: r.fps,
      bandwidth: r.bandwidth,
      averageBandwidth: r.averageBandwidth,
    })),
    // Versions made before the audio-only rendition existed, and silent clips, have none.
    ...(m.audioOnly
      ? {
          audioOnly: {
            url: url(m.audioOnly.playlist),
            bandwidth: m.audioOnly.bandwidth,
            averageBandwidth: m.audioOnly.averageBandwidth,
          },
        }
      : {}),
    // Versions made before the progressive MP4 existed have none: IIIF and og:video fall back to HLS.
    ...(m.progressive
      ? {
          progressive: {
            url: url(m.progressive.file),
            width: m.progressive.width,
            height: m.progressive.height,
            bytes: m.progressive.bytes,
            bandwidth: m.progressive.bandwidth,
          },
        }
      : {}),
    chapters: chapterTimeline(chapters, m.probe.durationSec),
  };
}

/**
 * Read side of the catalogue: turns records into what visitors see. Reference data (groups, families,
 * categories) changes only when fixtures load, so it is read once and refreshed on demand.
 */
export class CatalogueService {
  private ref?: {
    groups: Map<string, Named & { family: string }>;
    families: Map<string, Named>;
    categories: Map<string, Named>;
  };

  constructor(
    private readonly catalogue: CatalogueRepository,
    private readonly artifacts: ArtifactsRepository,
    private readonly videos: VideosRepository,
    private readonly chapters: Pick<ChaptersRepository, 'forArtifact'>,
    private readonly films: Pick<FilmsRepository, 'films'>,
  ) {}

  refreshReference(): void {
    this.ref = undefined;
  }

  private reference() {
    if (!this.ref) {
      this.ref = {
        groups: new Map(
          this.catalogue
            .groups()
            .map((g) => [g.slug, { slug: g.slug, name: g.name, family: g.languageFamily }]),
        ),
        families: new Map(this.catalogue.families().map((f) => [f.slug, { slug: f.slug, name: f.name }])),
        categories: new Map(this.catalogue.categories().map((c) => [c.slug, { slug: c.slug, name: c.name }])),
      };
    }
    return this.ref;
  }

  private named(map: Map<string, Named>, slug: string): Named {
    return map.get(slug) ?? { slug, name: { vi: slug, en: slug } };
  }

  summarize(record: ArtifactRecord, video: VideoRecord | undefined): ArtifactSummary {
    const ref = this.reference();
    const groups = record.ethnicGroups.map(
      (g) => ref.groups.get(g) ?? { slug: g, name: { vi: g, en: g }, family: '' },
    );
    const familySlugs = [...new Set(groups.map((g) => g.family).filter(Boolean))];
    const pub = publicVideo(video);
    return {
      slug: record.slug,
      accessionNumber: record.accessionNumber,
      title: record.title,
      ethnicGroups: groups.map(({ slug, name }) => ({ slug, name })),
      languageFamilies: familySlugs.map((f) => this.named(ref.families, f)),
      category: this.named(ref.categories, record.category),
      region: record.region,
      featured: record.featured,
      publishedAt: record.publishedAt ? new Date(record.publishedAt).toISOString() : null,
      poster: pub?.poster ?? null,
      durationSec: pub?.durationSec ?? null,
      hasCaptions: (pub?.captions.length ?? 0) > 0,
    };
  }

  /** The cards of these artifacts in this order; an id no longer there is left out. */
  summariesOf(ids: number[]): ArtifactSummary[] {
    return this.summarizeAll(ids.map((id) => this.artifacts.byId(id)).filter((r) => r !== undefined));
  }

  /** Names of groups, families and categories by slug, for facet values. */
  names(): {
    ethnicGroup: Map<string, Localized>;
    languageFamily: Map<string, Localized>;
    category: Map<string, Localized>;
  } {
    const ref = this.reference();
    const byName = (map: Map<string, Named>) => new Map([...map].map(([slug, n]) => [slug, n.name]));
    return {
      ethnicGroup: byName(ref.groups),
      languageFamily: byName(ref.families),
      category: byName(ref.categories),
    };
  }

  /** Published artifacts with a ready film, per group and per family (an artifact counts once in each). */
  private filmCounts(): { byGroup: Map<string, number>; byFamily: Map<string, number> } {
    const byGroup = new Map<string, number>();
    const byFamily = new Map<string, number>();
    const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
    for (const film of this.films.films()) {
      for (const g of new Set(film.ethnicGroups)) add(byGroup, g);
      for (const f of film.languageFamilies) add(byFamily, f);
    }
    return { byGroup, byFamily };
  }

  private summarizeAll(records: ArtifactRecord[]): ArtifactSummary[] {
    const videos = this.videos.byIds(records.map((r) => r.currentVideoId).filter((v): v is string => !!v));
    return records.map((r) => this.summarize(r, r.currentVideoId ? videos.get(r.currentVideoId) : undefined));
  }

  listPublished(query: ArtifactListQuery): ArtifactPage {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? ARTIFACTS_PAGE.default;
    const filter: ArtifactFilter = {
      status: 'published',
      ethnicGroup: query.ethnicGroup,
      languageFamily: query.languageFamily,
      category: query.category,
      region: query.region,
      featured: query.featured,
      order: query.order,
      lang: query.lang,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    };
    const { items, total } = this.artifacts.list(filter);
    return { items: this.summarizeAll(items), total, page, pageSize };
  }

  /** A published artifact with its video and related clips; drafts do not exist for the public. */
  publishedDetail(slug: string): ArtifactDetail | undefined {
    const record = this.artifacts.bySlug(slug);
    if (record?.status !== 'published') return undefined;
    return this.detail(record);
  }

  detail(record: ArtifactRecord): ArtifactDetail {
    const video = record.currentVideoId ? this.videos.byId(record.currentVideoId) : undefined;
    return {
      ...this.summarize(record, video),
      story: record.story,
      storyHtml: { vi: renderStory(record.story.vi), en: renderStory(record.story.en) },
      material: record.material,
      video: this.withChaptersTrack(record.slug, publicVideo(video, this.chapters.forArtifact(record.id))),
      related: this.summarizeAll(this.artifacts.related(record.id, 6)),
    };
  }

  /** The chapters track's address goes with a clip that has chapters; lists and cards have none. */
  private withChaptersTrack(slug: string, video: PublicVideo | null): PublicVideo | null {
    if (!video?.chapters.length) return video;
    return { ...video, chaptersVtt: `/api/artifacts/${encodeURIComponent(slug)}/chapters.vtt` };
  }

  ethnicGroups(): EthnicGroupList {
    const ref = this.reference();
    const byGroup = this.catalogue.publishedCountsByGroup();
    const byFamily = this.catalogue.publishedCountsByFamily();
    const films = this.filmCounts();
    const groups = this.catalogue.groups().map((g) => this.toGroup(g, byGroup, films.byGroup, ref.families));
    const families = this.catalogue.families().map((f) => ({
      slug: f.slug,
      name: f.name,
      groupCount: groups.filter((g) => g.languageFamily.slug === f.slug).length,
      artifactCount: byFamily.get(f.slug) ?? 0,
      filmCount: films.byFamily.get(f.slug) ?? 0,
    }));
    return { families, groups };
  }

  ethnicGroup(slug: string): EthnicGroup | undefined {
    const g = this.catalogue.group(slug);
    if (!g) return undefined;
    const films = this.filmCounts().byGroup;
    return this.toGroup(g, this.catalogue.publishedCountsByGroup(), films, this.reference().families);
  }

  private toGroup(
    g: ReturnType<CatalogueRepository['groups']>[number],
    counts: Map<string, number>,
    films: Map<string, number>,
    families: Map<string, Named>,
  ): EthnicGroup {
    return {
      slug: g.slug,
      code: g.code,
      name: g.name,
      languageFamily: this.named(families, g.languageFamily),
      otherNames: g.otherNames,
      artifactCount: counts.get(g.slug) ?? 0,
      filmCount: films.get(g.slug) ?? 0,
    };
  }

  categories(): Category[] {
    const counts = this.catalogue.publishedCountsByCategory();
    return this.catalogue
      .categories()
      .map((c) => ({ slug: c.slug, name: c.name, artifactCount: counts.get(c.slug) ?? 0 }));
  }

  posterOf(video: VideoRecord | undefined): Poster | null {
    return publicVideo(video)?.poster ?? null;
  }
}
