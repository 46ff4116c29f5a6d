import { describe, expect, it } from 'vitest';
import { buildMaster } from './hls/master.ts';
import { planRelink } from './recaption.ts';
import { newVersion } from './version-folder.ts';

describe('planRelink', () => {
  it('shares the media and rewrites only the master, the manifest and the captions', () => {
    const media = [
      '360p/index.m3u8',
      '360p/init.mp4',
      '360p/seg_00000.m4s',
      'audio/index.m3u8',
      '480p.mp4',
      'poster/poster-640.webp',
      'storyboard/storyboard.vtt',
    ];
    const rewritten = ['master.m3u8', 'manifest.json', 'captions/vi.vtt', 'captions/vi.m3u8'];
    expect(planRelink([...rewritten.slice(0, 2), ...media, ...rewritten.slice(2)])).toEqual(media);
  });
});

describe('newVersion', () => {
  it('sorts after the version it replaces even within the same millisecond', () => {
    const from = newVersion(1_700_000_000_000);
    expect(newVersion(1_700_000_000_000, from)).toBe(newVersion(1_700_000_000_001));
    expect(newVersion(1_700_000_000_000, from) > from).toBe(true);
    expect(newVersion(1_800_000_000_000, from)).toBe(newVersion(1_800_000_000_000));
  });
});

describe('buildMaster captions', () => {
  const rendition = {
    name: '360p',
    width: 640,
    height: 360,
    fps: 25,
    bandwidth: 600_000,
    averageBandwidth: 500_000,
    codecs: 'avc1.64001e,mp4a.40.2',
    playlist: '360p/index.m3u8',
  };
  it('marks a transcription as the spoken dialogue and a translation as a plain subtitle', () => {
    const master = buildMaster(
      [rendition],
      [
        {
          lang: 'tyz',
          label: 'Tiếng Tày',
          vtt: 'captions/tyz.vtt',
          playlist: 'captions/tyz.m3u8',
          kind: 'transcription',
        },
        {
          lang: 'en',
          label: 'English',
          vtt: 'captions/en.vtt',
          playlist: 'captions/en.m3u8',
          kind: 'translation',
        },
      ],
    );
    const media = master.split('\n').filter((l) => l.startsWith('#EXT-X-MEDIA'));
    expect(media[0]).toContain('NAME="Tiếng Tày",LANGUAGE="tyz"');
    expect(media[0]).toContain('CHARACTERISTICS="public.accessibility.transcribes-spoken-dialog"');
    expect(media[1]).toContain('NAME="English",LANGUAGE="en"');
    expect(media[1]).not.toContain('CHARACTERISTICS');
  });
});
