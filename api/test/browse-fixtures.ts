import type { MediaManifest } from '@artifact-stories/media-pipeline';
import { afterAll, beforeAll } from 'vitest';
import { attachFakeVideo, fakeManifest, type TestApp } from './helpers.ts';
import { makeReachApp } from './reach-fixtures.ts';

/**
 * The fixture catalogue with six published films of known lengths and captions, one draft with a film
 * (never listed nor counted), and published artifacts without a film (not films either). Publication
 * times are set so "newest" has one right answer.
 */
export const FILMS = [
  // slug, seconds, captions, published (minutes after the epoch)
  ['dan-tinh-tay', 90, true, 6],
  ['khen-hmong', 200, false, 5],
  ['vay-lanh-hmong', 400, true, 4],
  ['tho-cam-thai', 120, false, 3],
  ['trong-dong-dong-son', 300, true, 2],
  ['dan-nhac-ngu-am-khmer', 119.5, false, 1],
] as const;
export const DRAFT_WITH_FILM = 'gui-co-tu';

export function manifest(durationSec: number, captions: boolean): MediaManifest {
  const m = fakeManifest('v1', captions ? {} : { captions: [] });
  m.probe.durationSec = durationSec;
  return m;
}

/** Gives FILMS and DRAFT_WITH_FILM their ready versions, poster files included (the web shows them). */
export function attachFilms(t: TestApp): void {
  for (const [slug, sec, captions, minute] of FILMS) {
    attachFakeVideo(t, slug, manifest(sec, captions));
    t.app.db.prepare('UPDATE artifacts SET published_at = ? WHERE slug = ?').run(minute * 60_000, slug);
  }
  attachFakeVideo(t, DRAFT_WITH_FILM, manifest(30, true));
}

export function useBrowseApp(): { t: TestApp } {
  const holder = {} as { t: TestApp };
  beforeAll(async () => {
    holder.t = await makeReachApp();
    attachFilms(holder.t);
  });
  afterAll(async () => holder.t?.app.close());
  return holder;
}
