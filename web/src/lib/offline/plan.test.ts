import type { ArtifactDetail } from '@artifact-stories/contracts/schemas';
import { describe, expect, it } from 'vitest';
import { canSaveFilm, filmFiles, knownBytes, offlinePlan } from './plan.ts';

const image = (url: string, width: number) => ({ url, width, height: Math.round((width * 9) / 16) });

function film(slug: string, options: { mp4?: boolean; chapters?: boolean } = {}): ArtifactDetail {
  const base = `/media/v-${slug}/1`;
  return {
    slug,
    video: {
      poster: {
        jpeg: [image(`${base}/poster/320.jpg`, 320)],
        webp: [image(`${base}/poster/320.webp`, 320), image(`${base}/poster/640.webp`, 640)],
      },
      captions: [{ lang: 'vi', label: 'Tiếng Việt', url: `${base}/captions/vi.vtt` }],
      progressive:
        options.mp4 === false
          ? undefined
          : { url: `${base}/480p.mp4`, width: 854, height: 480, bytes: 3_000_000, bandwidth: 600_000 },
      chaptersVtt: options.chapters ? `/api/artifacts/${slug}/chapters.vtt` : undefined,
    },
  } as unknown as ArtifactDetail;
}

const assets = {
  files: [
    { url: '/assets/index-1.js', bytes: 60_000 },
    { url: '/assets/index-1.css', bytes: 15_000 },
  ],
};

describe('filmFiles', () => {
  it('lists the page, the data, the MP4 with its size, the captions, the WebP posters and both chapter languages', () => {
    const files = filmFiles(film('khen', { chapters: true }), ['/artifacts/khen']);
    expect(files.map((f) => f.url)).toEqual([
      '/artifacts/khen',
      '/api/artifacts/khen',
      '/media/v-khen/1/480p.mp4',
      '/media/v-khen/1/captions/vi.vtt',
      '/media/v-khen/1/poster/320.webp',
      '/media/v-khen/1/poster/640.webp',
      '/api/artifacts/khen/chapters.vtt?lang=vi',
      '/api/artifacts/khen/chapters.vtt?lang=en',
    ]);
    expect(files.find((f) => f.url.endsWith('.mp4'))?.bytes).toBe(3_000_000);
  });

  it('offers nothing for a film without its MP4 (made before the file existed)', () => {
    expect(canSaveFilm(film('old', { mp4: false }))).toBe(false);
    expect(filmFiles(film('old', { mp4: false }), ['/artifacts/old'])).toEqual([]);
  });
});

describe('offlinePlan', () => {
  it('adds the shell and the code once for several films, and counts what is known ahead', () => {
    const plan = offlinePlan(
      [filmFiles(film('a'), ['/artifacts/a']), filmFiles(film('b'), ['/artifacts/b'])],
      assets,
    );
    const urls = plan.map((f) => f.url);
    expect(urls.slice(0, 4)).toEqual(['/', '/favicon.svg', '/assets/index-1.js', '/assets/index-1.css']);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls.filter((u) => u.endsWith('.mp4'))).toHaveLength(2);
    expect(knownBytes(plan)).toBe(2 * 3_000_000 + 75_000);
  });
});
