// Phone footage in HDR: PQ and HLG sources come out as SDR BT.709 that looks like the picture it was graded
// from, in the rungs, the poster and the storyboard. Real ffmpeg throughout.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFfmpeg } from '../src/ffmpeg/run.ts';
import { probeMedia } from '../src/probe/probe.ts';
import { transcode } from '../src/transcode.ts';
import type { TranscodeResult } from '../src/types.ts';
import { ffprobeJson, type PictureStats, pictureStats, tempDir } from './helpers.ts';

const work = tempDir('hdr');
afterAll(() => rmSync(work, { recursive: true, force: true }));
const at = (name: string) => join(work, name);

/** Colour bars and moving shapes, saturated like a lit costume: the SDR picture every HDR clip is graded from. */
async function makeSdr(file: string): Promise<string> {
  await runFfmpeg([
    ...['-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25:duration=3', '-vf', 'hue=s=0.8'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', file],
  ]);
  return file;
}

/**
 * The SDR picture as a phone's 10-bit HDR clip: BT.2020 primaries, PQ or HLG, with SDR white at 203 nits
 * (BT.2408's reference white, where phones and graders put diffuse white), tagged as phones tag it.
 */
async function makeHdr(sdr: string, transfer: 'smpte2084' | 'arib-std-b67', file: string): Promise<string> {
  const vf = `zscale=tin=bt709:pin=bt709:min=bt709:rin=tv:t=${transfer}:p=bt2020:m=bt2020nc:r=tv:npl=203`;
  await runFfmpeg([
    ...['-i', sdr, '-vf', `${vf},format=yuv420p10le`, '-c:v', 'libx264', '-preset', 'ultrafast'],
    ...['-pix_fmt', 'yuv420p10le', '-color_primaries', 'bt2020', '-color_trc', transfer],
    ...['-colorspace', 'bt2020nc', file],
  ]);
  return file;
}

let sdr: string;
let original: PictureStats;
const results = new Map<string, TranscodeResult>();

beforeAll(async () => {
  sdr = await makeSdr(at('sdr.mp4'));
  original = await pictureStats(sdr);
  await makeHdr(sdr, 'smpte2084', at('pq.mp4'));
  await makeHdr(sdr, 'arib-std-b67', at('hlg.mp4'));
  for (const name of ['sdr', 'pq', 'hlg']) {
    results.set(name, await transcode({ input: at(`${name}.mp4`), videoDir: at(`out-${name}`) }));
  }
}, 120_000);

const range = (s: PictureStats) => s.ymax - s.ymin;
const topRung = (name: string) => {
  const r = results.get(name);
  if (!r) throw new Error(`no transcode of ${name}`);
  return join(r.dir, r.manifest.renditions[0]?.playlist ?? '');
};

describe('HDR sources', () => {
  it('are recognised by the probe from their transfer tags; an SDR clip is not', async () => {
    expect((await probeMedia(at('pq.mp4'))).video.color).toBe('pq');
    expect((await probeMedia(at('hlg.mp4'))).video.color).toBe('hlg');
    expect((await probeMedia(sdr)).video.color).toBeUndefined();
  });

  // Without tone mapping the PQ rung measured 0.26× the saturation and 0.54× the luma range of the original.
  it.each(['pq', 'hlg'])(
    '%s: the top rung keeps the original’s saturation and brightness (within 15 percent)',
    async (name) => {
      const out = await pictureStats(topRung(name));
      expect(out.satavg / original.satavg).toBeGreaterThan(0.85);
      expect(out.satavg / original.satavg).toBeLessThan(1.15);
      expect(range(out) / range(original)).toBeGreaterThan(0.85);
      expect(range(out) / range(original)).toBeLessThan(1.15);
      expect(out.yavg / original.yavg).toBeGreaterThan(0.85);
      expect(out.yavg / original.yavg).toBeLessThan(1.15);
    },
  );

  it.each(['pq', 'hlg'])('%s: the poster and the storyboard are tone-mapped too', async (name) => {
    const r = results.get(name);
    const plain = results.get('sdr');
    if (!r?.manifest.storyboard || !plain?.manifest.storyboard) throw new Error('no storyboard');
    const sprite = await pictureStats(join(r.dir, r.manifest.storyboard.sprite));
    const plainSprite = await pictureStats(join(plain.dir, plain.manifest.storyboard.sprite));
    expect(sprite.satavg / plainSprite.satavg).toBeGreaterThan(0.85);
    expect(sprite.satavg / plainSprite.satavg).toBeLessThan(1.15);
    const poster = r.manifest.poster.jpeg[0]?.file ?? '';
    const hdrPoster = await pictureStats(join(r.dir, poster));
    const plainPoster = await pictureStats(join(plain.dir, poster));
    expect(hdrPoster.satavg / plainPoster.satavg).toBeGreaterThan(0.85);
    expect(hdrPoster.satavg / plainPoster.satavg).toBeLessThan(1.15);
  });
});

describe('every rung says BT.709 SDR', () => {
  it.each(['sdr', 'pq', 'hlg'])(
    '%s source: 8-bit 4:2:0, bt709 primaries, transfer and matrix',
    async (name) => {
      const r = results.get(name);
      for (const rendition of r?.manifest.renditions ?? []) {
        const json = await ffprobeJson([
          '-show_streams',
          '-select_streams',
          'v:0',
          join(r?.dir ?? '', rendition.playlist),
        ]);
        expect(json.streams?.[0], `${name} ${rendition.name}`).toMatchObject({
          pix_fmt: 'yuv420p',
          color_primaries: 'bt709',
          color_transfer: 'bt709',
          color_space: 'bt709',
        });
      }
    },
  );

  it('an SDR source comes out as it went in (no colour conversion on the way)', async () => {
    const out = await pictureStats(topRung('sdr'));
    expect(Math.abs(out.satavg - original.satavg)).toBeLessThan(3);
    expect(Math.abs(out.yavg - original.yavg)).toBeLessThan(3);
  });
});
