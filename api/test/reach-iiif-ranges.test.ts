import { describe, expect, it } from 'vitest';
import { buildManifest } from '../src/services/reach/iiif.ts';
import { siteLinks } from '../src/services/reach/links.ts';
import { fakeDetail, fakeVideo } from './reach-fixtures.ts';
import { presentation3Problems } from './reach-iiif-rules.ts';

const links = siteLinks('https://stories.example.vn');
const LICENSE = 'http://creativecommons.org/licenses/by-nc-sa/4.0/';
const CHAPTERS = [
  { startSec: 0, endSec: 12.5, title: { vi: 'Giới thiệu', en: 'Introduction' } },
  { startSec: 12.5, endSec: 64.4, title: { vi: 'Thổi khèn', en: '' } },
];
// biome-ignore lint/suspicious/noExplicitAny: the tests read and mutate the JSON wherever they must
const manifest = (chapters = CHAPTERS): any => {
  const d = fakeDetail({ video: fakeVideo({ chapters }) });
  return structuredClone(
    buildManifest(d as typeof d & { video: NonNullable<typeof d.video> }, links, LICENSE),
  );
};

describe('IIIF Ranges of the chapters', () => {
  it('gives one top Range holding a Range per chapter, each a fragment of the Canvas', () => {
    const m = manifest();
    expect(presentation3Problems(m)).toEqual([]);
    expect(m.structures).toHaveLength(1);
    const [top] = m.structures;
    expect(top.label).toEqual({ vi: ['Các chương'], en: ['Chapters'] });
    const canvas = m.items[0].id;
    expect(top.items.map((r: { items: { id: string }[] }) => r.items[0]?.id)).toEqual([
      `${canvas}#t=0,12.5`,
      `${canvas}#t=12.5,64.4`,
    ]);
    // A title not yet written in English is left out, not given as an empty string.
    expect(top.items.map((r: { label: unknown }) => r.label)).toEqual([
      { vi: ['Giới thiệu'], en: ['Introduction'] },
      { vi: ['Thổi khèn'] },
    ]);
  });

  it('has no structures at all when the clip has no chapters', () => {
    expect(manifest([])).not.toHaveProperty('structures');
  });

  // The checker must catch what the specification forbids, or a pass means nothing.
  // biome-ignore lint/suspicious/noExplicitAny: each mutation reaches into the JSON wherever it must
  it.each<[string, (m: any) => void, RegExp]>([
    ['structures that are not an array', (m) => (m.structures = {}), /non-empty array of Ranges/],
    ['a Range of another type', (m) => (m.structures[0].type = 'Canvas'), /must be "Range"/],
    ['a Range with a duration', (m) => (m.structures[0].items[0].duration = 3), /must not have duration/],
    ['a Range without items', (m) => (m.structures[0].items[1].items = []), /at least one Range/],
    [
      'two Ranges with one id',
      (m) => (m.structures[0].items[1].id = m.structures[0].items[0].id),
      /used twice/,
    ],
    [
      'a fragment past the end of the Canvas',
      (m) => (m.structures[0].items[1].items[0].id = `${m.items[0].id}#t=12.5,70`),
      /past the Canvas's duration/,
    ],
    [
      'a fragment that ends before it starts',
      (m) => (m.structures[0].items[1].items[0].id = `${m.items[0].id}#t=20,10`),
      /start before it ends/,
    ],
    [
      'a Canvas that is not in the Manifest',
      (m) => (m.structures[0].items[0].items[0].id = 'https://x/canvas/2#t=0,1'),
      /not a Canvas of this Manifest/,
    ],
  ])('the checker catches %s', (_name, mutate, problem) => {
    const m = manifest();
    mutate(m);
    expect(presentation3Problems(m).join('\n')).toMatch(problem);
  });
});
