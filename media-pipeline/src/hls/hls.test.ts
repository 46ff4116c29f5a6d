import { describe, expect, it } from 'vitest';
import { planAudioOnly, planLadder } from '../ladder/ladder.ts';
import type { ProbeResult } from '../types.ts';
import { buildHlsArgs, filterGraph, fpsRational } from './args.ts';
import { buildMaster } from './master.ts';
import { avcCodecString, parseMediaPlaylist } from './playlist.ts';

const probe = (fps: number, audio: boolean): ProbeResult => ({
  durationSec: 10,
  sizeBytes: 1,
  formatName: 'mov',
  video: {
    codec: 'h264',
    width: 1920,
    height: 1080,
    displayWidth: 1920,
    displayHeight: 1080,
    rotation: 0,
    sar: [1, 1],
    fps,
    frameCount: null,
    pixFmt: 'yuv420p',
    bitRate: null,
  },
  audio: audio ? { codec: 'aac', channels: 6, sampleRate: 44100, bitRate: null } : null,
});

const valueAfter = (args: string[], flag: string) => args[args.indexOf(flag) + 1];

describe('buildHlsArgs', () => {
  const p = probe(60, true);
  const rungs = planLadder(p);
  const args = buildHlsArgs({ input: 'in.mov', probe: p, rungs, outDir: '/out', segmentSec: 4 });

  it('decodes once and scales in a cascade into one square-pixel 4:2:0 output per rung', () => {
    expect(args.filter((a) => a === '-i')).toHaveLength(1);
    expect(valueAfter(args, '-filter_complex')).toBe(
      '[0:v:0]fps=30,scale=1920:1080:flags=bicubic,setsar=1,format=yuv420p,split=2[v0][t0];' +
        '[t0]scale=1280:720:flags=bicubic,setsar=1,split=2[v1][t1];' +
        '[t1]scale=854:480:flags=bicubic,setsar=1,split=2[v2][t2];' +
        '[t2]scale=640:360:flags=bicubic,setsar=1,split=2[v3][t3];' +
        '[t3]scale=426:240:flags=bicubic,setsar=1[v4]',
    );
    for (const i of [0, 1, 2, 3, 4]) expect(args[args.indexOf(`[v${i}]`) - 1]).toBe('-map');
  });

  it('aligns keyframes: one fixed GOP of segment × fps, no scene cuts, forced IDR per segment', () => {
    expect(valueAfter(args, '-g')).toBe('120');
    expect(valueAfter(args, '-keyint_min')).toBe('120');
    expect(valueAfter(args, '-sc_threshold')).toBe('0');
    expect(valueAfter(args, '-force_key_frames')).toBe('expr:gte(t,n_forced*4)');
  });

  it('sets each rung’s capped CRF and profile, and stereo 48 kHz AAC per rung', () => {
    expect(args.some((a) => a.startsWith('-b:v'))).toBe(false);
    expect(valueAfter(args, '-crf:v:0')).toBe('23');
    expect(valueAfter(args, '-maxrate:v:0')).toBe('5000k');
    expect(valueAfter(args, '-bufsize:v:0')).toBe('10000k');
    expect(valueAfter(args, '-crf:v:4')).toBe('23');
    expect(valueAfter(args, '-maxrate:v:4')).toBe('150k');
    expect(valueAfter(args, '-bufsize:v:4')).toBe('300k');
    expect(valueAfter(args, '-profile:v:0')).toBe('high');
    expect(valueAfter(args, '-profile:v:3')).toBe('main');
    expect(valueAfter(args, '-b:a:4')).toBe('64k');
    expect(valueAfter(args, '-ac')).toBe('2');
    expect(valueAfter(args, '-ar')).toBe('48000');
    expect(valueAfter(args, '-b:a:0')).toBe('128k');
    expect(args.filter((a) => a === '0:a:0')).toHaveLength(5);
  });

  it('writes CMAF fMP4 VOD HLS with a stream map naming every rung', () => {
    expect(valueAfter(args, '-hls_segment_type')).toBe('fmp4');
    expect(valueAfter(args, '-hls_time')).toBe('4');
    expect(valueAfter(args, '-hls_playlist_type')).toBe('vod');
    expect(valueAfter(args, '-hls_flags')).toBe('independent_segments');
    expect(valueAfter(args, '-var_stream_map')).toBe(
      'v:0,a:0,name:1080p v:1,a:1,name:720p v:2,a:2,name:480p v:3,a:3,name:360p v:4,a:4,name:240p',
    );
    expect(args.at(-1)).toBe('/out/%v/index.m3u8');
  });

  it('leaves audio out when the source has none, and the fps filter when no capping is needed', () => {
    const silent = probe(25, false);
    const a = buildHlsArgs({
      input: 'x',
      probe: silent,
      rungs: planLadder(silent),
      outDir: '/o',
      segmentSec: 4,
    });
    expect(a).not.toContain('-c:a');
    expect(a).not.toContain('0:a:0');
    expect(valueAfter(a, '-var_stream_map')).toBe(
      'v:0,name:1080p v:1,name:720p v:2,name:480p v:3,name:360p v:4,name:240p',
    );
    expect(filterGraph(silent, planLadder(silent))).not.toContain('fps=');
    expect(valueAfter(a, '-g')).toBe('100');
  });

  it('adds the audio-only variant to the same process: one more AAC stream, its own playlist folder', () => {
    const withAudio = buildHlsArgs({
      input: 'in.mov',
      probe: p,
      rungs,
      audioOnly: planAudioOnly(p),
      outDir: '/out',
      segmentSec: 4,
    });
    expect(withAudio.filter((a) => a === '-i')).toHaveLength(1);
    expect(withAudio.filter((a) => a === '0:a:0')).toHaveLength(6);
    expect(valueAfter(withAudio, '-b:a:5')).toBe('64k');
    expect(valueAfter(withAudio, '-var_stream_map')).toMatch(/ v:4,a:4,name:240p a:5,name:audio$/);
    // A silent source has no sound track to offer on its own.
    const silent = probe(25, false);
    const none = buildHlsArgs({
      input: 'x',
      probe: silent,
      rungs: planLadder(silent),
      audioOnly: { name: 'audio', audioBitrate: 64_000 },
      outDir: '/o',
      segmentSec: 4,
    });
    expect(valueAfter(none, '-var_stream_map')).not.toContain('audio');
    expect(none).not.toContain('0:a:0');
  });

  it('deinterlaces interlaced sources once, before the first scale', () => {
    const tape = { ...probe(25, true), video: { ...probe(25, true).video, interlaced: true } };
    expect(filterGraph(tape, planLadder(tape))).toMatch(
      /^\[0:v:0\]bwdif=mode=send_frame:deint=interlaced,scale=1920:1080/,
    );
    expect(filterGraph(probe(25, true), planLadder(probe(25, true)))).not.toContain('bwdif');
  });

  it('tone-maps an HDR source once, on the top rung before the cascade; SDR gets no colour filter', () => {
    const hlg = { ...probe(25, true), video: { ...probe(25, true).video, color: 'hlg' as const } };
    const graph = filterGraph(hlg, planLadder(hlg));
    expect(graph).toMatch(
      /^\[0:v:0\]scale=1920:1080:flags=bicubic,setsar=1,zscale=tin=arib-std-b67:[^;]*tonemap=mobius[^;]*,format=yuv420p,split=2\[v0\]\[t0\];/,
    );
    expect(graph.match(/tonemap/g)).toHaveLength(1);
    const sdr = filterGraph(probe(25, true), planLadder(probe(25, true)));
    expect(sdr).not.toMatch(/zscale|tonemap/);
  });

  it('tags every output BT.709, HDR source or not', () => {
    expect(valueAfter(args, '-color_primaries')).toBe('bt709');
    expect(valueAfter(args, '-color_trc')).toBe('bt709');
    expect(valueAfter(args, '-colorspace')).toBe('bt709');
  });

  it('writes NTSC rates as exact rationals', () => {
    expect(fpsRational(29.97)).toBe('30000/1001');
    expect(fpsRational(23.976)).toBe('24000/1001');
    expect(fpsRational(25)).toBe('25');
    expect(fpsRational(30)).toBe('30');
  });
});

describe('buildMaster', () => {
  const rendition = (name: string, height: number, bandwidth: number) => ({
    name,
    width: Math.round((height * 16) / 9 / 2) * 2,
    height,
    fps: 25,
    bandwidth,
    averageBandwidth: Math.round(bandwidth * 0.8),
    codecs: 'avc1.64001f,mp4a.40.2',
    playlist: `${name}/index.m3u8`,
  });
  const renditions = [
    rendition('1080p', 1080, 6_000_000),
    rendition('720p', 720, 3_500_000),
    rendition('480p', 480, 1_600_000),
  ];
  const captions = [
    { lang: 'vi', label: 'Tiếng Việt', vtt: 'captions/vi.vtt', playlist: 'captions/vi.m3u8' },
  ];

  it('lists every rendition with the required attributes and the subtitle group', () => {
    const text = buildMaster(renditions, captions);
    const lines = text.trim().split('\n');
    expect(lines.slice(0, 3)).toEqual(['#EXTM3U', '#EXT-X-VERSION:7', '#EXT-X-INDEPENDENT-SEGMENTS']);
    expect(text).toContain(
      '#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="Tiếng Việt",LANGUAGE="vi",DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,URI="captions/vi.m3u8"',
    );
    const infs = lines.filter((l) => l.startsWith('#EXT-X-STREAM-INF:'));
    expect(infs).toHaveLength(3);
    for (const inf of infs) {
      expect(inf).toMatch(
        /BANDWIDTH=\d+,AVERAGE-BANDWIDTH=\d+,CODECS="avc1\.64001f,mp4a\.40\.2",RESOLUTION=\d+x\d+,FRAME-RATE=25\.000,SUBTITLES="subs"$/,
      );
    }
    // Every variant line is followed by its playlist.
    for (const r of renditions)
      expect(lines[lines.indexOf(r.playlist) - 1]).toContain(`BANDWIDTH=${r.bandwidth},`);
  });

  const order = (list: typeof renditions) =>
    buildMaster(list, [])
      .split('\n')
      .filter((l) => l.endsWith('.m3u8'));

  it('lists the best rendition a slow link carries first (under 0.8 Mb/s), then highest to lowest', () => {
    const r240 = rendition('240p', 240, 230_000);
    const ladder = [...renditions, rendition('360p', 360, 1_050_000), r240];
    expect(order(ladder)).toEqual([
      '240p/index.m3u8',
      '1080p/index.m3u8',
      '720p/index.m3u8',
      '480p/index.m3u8',
      '360p/index.m3u8',
    ]);
    // A 360p rung that stays under the line starts instead of 240p: the best one that fits.
    expect(order([...renditions, rendition('360p', 360, 700_000), r240])[0]).toBe('360p/index.m3u8');
    expect(buildMaster(renditions, [])).not.toContain('SUBTITLES');
  });

  it('starts with the lowest rendition when none is under the line', () => {
    expect(order(renditions)).toEqual(['480p/index.m3u8', '1080p/index.m3u8', '720p/index.m3u8']);
  });
});

describe('parseMediaPlaylist and avcCodecString', () => {
  it('reads segments, durations and the init map', () => {
    const p = parseMediaPlaylist(
      '#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:4\n#EXT-X-INDEPENDENT-SEGMENTS\n' +
        '#EXT-X-MAP:URI="init_0.mp4"\n#EXTINF:4.000000,\nseg-000.m4s\n#EXTINF:1.5,\nseg-001.m4s\n#EXT-X-ENDLIST\n',
    );
    expect(p).toMatchObject({
      version: 7,
      targetDuration: 4,
      independentSegments: true,
      endList: true,
      map: 'init_0.mp4',
    });
    expect(p.segments).toEqual([
      { uri: 'seg-000.m4s', duration: 4 },
      { uri: 'seg-001.m4s', duration: 1.5 },
    ]);
    expect(() => parseMediaPlaylist('hello')).toThrow(/EXTM3U/);
  });

  it('builds avc1.PPCCLL from the avcC box', () => {
    const box = Buffer.concat([Buffer.from('....avcC'), Buffer.from([1, 0x64, 0x00, 0x28, 0xff])]);
    expect(avcCodecString(box)).toBe('avc1.640028');
    expect(() => avcCodecString(Buffer.from('no box here'))).toThrow(/avcC/);
  });
});
