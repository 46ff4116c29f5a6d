import type { ExhibitionDetail, PublicLesson, PublicVideo } from '@artifact-stories/contracts/schemas';
import { describe, expect, it } from 'vitest';
import { exhibitionOffline, lessonOffline } from './collection.ts';

function item(slug: string, mp4 = true) {
  const base = `/media/v-${slug}/1`;
  const video = {
    poster: { jpeg: [], webp: [{ url: `${base}/poster/320.webp`, width: 320, height: 180 }] },
    captions: [],
    chapters: [],
    progressive: mp4
      ? { url: `${base}/480p.mp4`, width: 854, height: 480, bytes: 1_000_000, bandwidth: 1 }
      : undefined,
  } as unknown as PublicVideo;
  return { artifact: { slug, title: { vi: `Phim ${slug}`, en: `Film ${slug}` } }, video, note: '' };
}

const lesson = (items: ReturnType<typeof item>[], title = 'Bài 1') =>
  ({ code: 'BCD234', title, teacherName: 'Cô Lan', items }) as unknown as PublicLesson;

const urls = (films: { url: string }[][]) => films.flat().map((f) => f.url);

describe('lessonOffline', () => {
  it('keeps the lesson page in both languages and its data under each spelling of the code, then each film with its artifact page', () => {
    const plan = lessonOffline('bcd-234', lesson([item('khen'), item('cong')]));
    expect(plan.key).toBe('lesson:BCD234');
    expect(plan.films[0]?.map((f) => f.url)).toEqual([
      '/l/bcd-234',
      '/en/l/bcd-234',
      '/api/lessons/bcd-234',
      '/l/BCD234',
      '/en/l/BCD234',
      '/api/lessons/BCD234',
    ]);
    expect(plan.films).toHaveLength(3);
    expect(urls(plan.films)).toEqual(
      expect.arrayContaining([
        '/artifacts/khen',
        '/en/artifacts/khen',
        '/api/artifacts/khen',
        '/media/v-khen/1/480p.mp4',
        '/media/v-cong/1/poster/320.webp',
      ]),
    );
    expect(plan.missing).toEqual([]);
  });

  it('names the items whose film has no MP4 and saves the others', () => {
    const plan = lessonOffline('BCD234', lesson([item('khen'), item('old', false)]));
    expect(plan.missing).toEqual([{ vi: 'Phim old', en: 'Film old' }]);
    expect(urls(plan.films).filter((u) => u.endsWith('.mp4'))).toEqual(['/media/v-khen/1/480p.mp4']);
    expect(urls(plan.films).some((u) => u.includes('/old'))).toBe(false);
  });

  it('offers nothing to save when no film can be', () => {
    expect(lessonOffline('BCD234', lesson([item('old', false)])).films).toEqual([]);
  });

  it('has a version that changes when the teacher changes what the lesson shows, and only then', () => {
    const version = lessonOffline('BCD234', lesson([item('khen')])).version;
    expect(lessonOffline('BCD234', lesson([item('khen')])).version).toBe(version);
    expect(lessonOffline('BCD234', lesson([item('khen')], 'Bài 2')).version).not.toBe(version);
    expect(lessonOffline('BCD234', lesson([{ ...item('khen'), note: 'Hỏi?' }])).version).not.toBe(version);
  });
});

describe('exhibitionOffline', () => {
  it('keeps the exhibition page in both languages and its data', () => {
    const exhibition = { slug: 'song-cung-lua', items: [item('khen')] } as unknown as ExhibitionDetail;
    const plan = exhibitionOffline(exhibition);
    expect(plan.key).toBe('exhibition:song-cung-lua');
    expect(plan.films[0]?.map((f) => f.url)).toEqual([
      '/exhibitions/song-cung-lua',
      '/en/exhibitions/song-cung-lua',
      '/api/exhibitions/song-cung-lua',
    ]);
  });
});
