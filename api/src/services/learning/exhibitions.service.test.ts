import type { ArtifactSummary } from '@artifact-stories/contracts/schemas';
import { describe, expect, it } from 'vitest';
import type { ArtifactRecord } from '../../repositories/artifacts.repository.ts';
import type { ExhibitionItemRecord, ExhibitionRecord } from '../../repositories/exhibitions.repository.ts';
import type { VideoRecord } from '../../repositories/videos.repository.ts';
import { ExhibitionsService } from './exhibitions.service.ts';
import { fakeArtifact, fakeFilm } from './fakes.ts';

const text = { vi: 'chữ', en: 'text' };

function item(
  artifactId: number,
  slug: string,
  startSec: number | null = null,
  endSec: number | null = null,
) {
  return { artifactId, artifactSlug: slug, startSec, endSec, text } satisfies ExhibitionItemRecord;
}

function exhibition(
  items: ExhibitionItemRecord[],
  overrides: Partial<ExhibitionRecord> = {},
): ExhibitionRecord {
  return {
    id: 1,
    slug: 'vai',
    title: { vi: 'Vải', en: 'Cloth' },
    intro: { vi: 'Giới thiệu *nghiêng*', en: '' },
    coverArtifactId: null,
    status: 'published',
    items,
    createdAt: 0,
    updatedAt: 0,
    publishedAt: 1000,
    ...overrides,
  };
}

function service(records: ExhibitionRecord[], artifacts: ArtifactRecord[], films: VideoRecord[]) {
  return new ExhibitionsService({
    exhibitions: {
      list: ({ status } = {}) => records.filter((r) => !status || r.status === status),
      bySlug: (slug) => records.find((r) => r.slug === slug),
    },
    artifacts: { byId: (id) => artifacts.find((a) => a.id === id) },
    videos: { byIds: (ids) => new Map(films.filter((f) => ids.includes(f.id)).map((f) => [f.id, f])) },
    summarize: (record) => ({ slug: record.slug, title: record.title }) as ArtifactSummary,
  });
}

const ao = fakeArtifact(1, 'ao');
const vay = fakeArtifact(2, 'vay');
const films = [fakeFilm('video-ao', 10), fakeFilm('video-vay', 20)];

describe('ExhibitionsService (fakes)', () => {
  it('shows only items of published artifacts with a film on show whose length holds the excerpt', () => {
    const draft = fakeArtifact(3, 'nhap', { status: 'draft' });
    const failed = fakeArtifact(4, 'hong', { currentVideoId: 'video-hong' });
    const noFilm = fakeArtifact(5, 'trong', { currentVideoId: null });
    const svc = service(
      [
        exhibition([
          item(3, 'nhap'),
          item(1, 'ao', 12, 15), // beyond the 10 s film (a shorter new version)
          item(4, 'hong'),
          item(5, 'trong'),
          item(2, 'vay', 4, 9),
          item(1, 'ao'),
        ]),
      ],
      [ao, vay, draft, failed, noFilm],
      [...films, fakeFilm('video-hong', 10, { status: 'failed' })],
    );
    const detail = svc.publishedDetail('vai');
    expect(detail?.items.map((i) => [i.artifact.slug, i.startSec, i.endSec])).toEqual([
      ['vay', 4, 9],
      ['ao', 0, null],
    ]);
    expect(detail?.durationSec).toBe(5 + 10);
    expect(detail?.introHtml.vi).toContain('<em>nghiêng</em>');
    expect(detail?.summary).toEqual({ vi: 'Giới thiệu nghiêng', en: '' });
  });

  it('takes the cover from the chosen item, else the first shown one', () => {
    const chosen = service(
      [exhibition([item(1, 'ao'), item(2, 'vay')], { coverArtifactId: 2 })],
      [ao, vay],
      films,
    );
    expect(chosen.publishedDetail('vai')?.cover?.jpeg[0]?.url).toContain('video-vay');
    const hidden = service(
      [exhibition([item(1, 'ao'), item(2, 'vay')], { coverArtifactId: 2 })],
      [ao, { ...vay, status: 'draft' }],
      films,
    );
    expect(hidden.publishedDetail('vai')?.cover?.jpeg[0]?.url).toContain('video-ao');
  });

  it('is not there at all as a draft, or with nothing left to watch', () => {
    const draft = service([exhibition([item(1, 'ao')], { status: 'draft' })], [ao], films);
    expect(draft.publishedDetail('vai')).toBeUndefined();
    expect(draft.listPublished().items).toEqual([]);
    const empty = service([exhibition([item(1, 'ao')])], [{ ...ao, status: 'draft' }], films);
    expect(empty.publishedDetail('vai')).toBeUndefined();
    expect(empty.listPublished().items).toEqual([]);
    const shown = service([exhibition([item(1, 'ao')])], [ao], films);
    expect(shown.listPublished().items.map((e) => [e.slug, e.itemCount])).toEqual([['vai', 1]]);
  });
});
