import type { StaffArtifactDetail } from '@artifact-stories/contracts/schemas';
import { describe, expect, it } from 'vitest';
import { follow, loadedFrom } from './version.ts';

// Typed, not cast: a field the api adds to the detail must be added here too, or the typecheck fails.
const detail = (over: Partial<StaffArtifactDetail> = {}): StaffArtifactDetail => ({
  id: 7,
  slug: 'khen-hmong',
  accessionNumber: 'BTDTVN-1',
  title: { vi: 'Khèn', en: 'Reed pipe' },
  story: { vi: '', en: '' },
  category: 'music',
  material: { vi: '', en: '' },
  region: { vi: '', en: '' },
  featured: false,
  ethnicGroups: ['hmong'],
  status: 'draft',
  video: null,
  onShow: null,
  preview: {
    slug: 'khen-hmong',
    accessionNumber: 'BTDTVN-1',
    title: { vi: 'Khèn', en: 'Reed pipe' },
    ethnicGroups: [{ slug: 'hmong', name: { vi: 'H’Mông', en: 'Hmong' } }],
    languageFamilies: [{ slug: 'mong-dao', name: { vi: 'Mông–Dao', en: 'Hmong–Mien' } }],
    category: { slug: 'music', name: { vi: 'Nhạc cụ', en: 'Musical instrument' } },
    region: { vi: '', en: '' },
    featured: false,
    publishedAt: null,
    poster: null,
    durationSec: null,
    hasCaptions: false,
    story: { vi: '', en: '' },
    storyHtml: { vi: '', en: '' },
    material: { vi: '', en: '' },
    video: null,
    related: [],
  },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  publishedAt: null,
  ...over,
});

describe('the version an editor saves against', () => {
  const loaded = loadedFrom(detail());

  it('moves forward when only what the form does not edit changed (status, video)', () => {
    const next = detail({ status: 'published', updatedAt: '2026-01-01T00:00:01.000Z' });
    expect(follow(loaded, next).version).toBe('2026-01-01T00:00:01.000Z');
  });

  it('stays when someone else changed a field the form shows, so the save is refused', () => {
    const next = detail({
      title: { vi: 'Khèn Mông', en: 'Reed pipe' },
      updatedAt: '2026-01-01T00:00:02.000Z',
    });
    expect(follow(loaded, next)).toBe(loaded);
    expect(follow(loaded, detail({ ethnicGroups: ['hmong', 'dao'] })).version).toBe(loaded.version);
  });

  it('starts over for another artifact or with nothing loaded', () => {
    expect(follow(null, detail()).version).toBe(loaded.version);
    expect(follow(loaded, detail({ id: 8, updatedAt: '2026-02-02T00:00:00.000Z' })).id).toBe(8);
  });
});
