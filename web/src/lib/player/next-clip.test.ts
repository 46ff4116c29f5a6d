import type { ArtifactSummary } from '@artifact-stories/contracts/schemas';
import { describe, expect, it } from 'vitest';
import { nextClip } from './next-clip.ts';

const group = (slug: string) => ({ slug, name: { vi: slug, en: slug } });

function summary(slug: string, groups: string[], durationSec: number | null = 30): ArtifactSummary {
  return {
    slug,
    accessionNumber: slug,
    title: { vi: slug, en: slug },
    ethnicGroups: groups.map(group),
    languageFamilies: [],
    category: group('instrument'),
    region: { vi: '', en: '' },
    featured: false,
    publishedAt: null,
    poster: null,
    durationSec,
    hasCaptions: false,
  };
}

const khen = { slug: 'khen', ethnicGroups: [group('hmong'), group('dao')] };

describe('the next clip', () => {
  it("is the first related clip of the artifact's first ethnic group", () => {
    const related = [
      summary('dao-drum', ['dao']),
      summary('hmong-skirt', ['hmong']),
      summary('hmong-pipe', ['hmong']),
    ];
    expect(nextClip(khen, related)?.slug).toBe('hmong-skirt');
  });

  it('passes over artifacts without a film, and itself', () => {
    const related = [
      summary('khen', ['hmong']),
      summary('hmong-no-film', ['hmong'], null),
      summary('dao-drum', ['dao']),
    ];
    expect(nextClip(khen, related)?.slug).toBe('dao-drum');
  });

  it('is none when nothing related has a film', () => {
    expect(nextClip(khen, [summary('hmong-no-film', ['hmong'], null)])).toBeNull();
    expect(nextClip(khen, [])).toBeNull();
  });
});
