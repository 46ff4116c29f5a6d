import type { PublicVideo } from '@artifact-stories/contracts/schemas';
import { describe, expect, it } from 'vitest';
import { exhibitionPlan, fingerprint, lessonPlan } from './collection.ts';

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
  return { artifact: { slug, title: { vi: slug, en: slug } }, video };
}

const urls = (films: { url: string }[][]) => films.flat().map((f) => f.url);

describe('lessonPlan', () => {
  it('keeps the lesson page in both languages and its data under each spelling of the code, then each film with its artifact page', () => {
    const plan = lessonPlan(['bcd-234', 'BCD234'], [item('khen'), item('cong')]);
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
    const old = item('old', false);
    const plan = lessonPlan(['BCD234'], [item('khen'), old]);
    expect(plan.missing).toEqual([old]);
    expect(urls(plan.films).filter((u) => u.endsWith('.mp4'))).toEqual(['/media/v-khen/1/480p.mp4']);
    expect(urls(plan.films).some((u) => u.includes('/old'))).toBe(false);
  });

  it('offers nothing to save when no film can be', () => {
    expect(lessonPlan(['BCD234'], [item('old', false)]).films).toEqual([]);
  });
});

describe('exhibitionPlan', () => {
  it('keeps the exhibition page in both languages and its data', () => {
    const plan = exhibitionPlan('song-cung-lua', [item('khen')]);
    expect(plan.films[0]?.map((f) => f.url)).toEqual([
      '/exhibitions/song-cung-lua',
      '/en/exhibitions/song-cung-lua',
      '/api/exhibitions/song-cung-lua',
    ]);
  });
});

describe('fingerprint', () => {
  it('changes when what is shown changes, and only then', () => {
    const a = fingerprint(['Bài 1', [{ note: 'Hỏi gì?' }]]);
    expect(fingerprint(['Bài 1', [{ note: 'Hỏi gì?' }]])).toBe(a);
    expect(fingerprint(['Bài 1', [{ note: 'Hỏi gì khác?' }]])).not.toBe(a);
  });
});
