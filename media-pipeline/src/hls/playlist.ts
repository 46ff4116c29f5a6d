// Reading what ffmpeg wrote: media playlists, measured bitrates, and the codec string from the init segment.
import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface MediaPlaylist {
  version: number | null;
  targetDuration: number;
  independentSegments: boolean;
  endList: boolean;
  map: string | null;
  segments: { uri: string; duration: number }[];
}

/** A small reader for the VOD media playlists our own ffmpeg writes (not a general HLS parser). */
export function parseMediaPlaylist(text: string): MediaPlaylist {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  if (lines[0] !== '#EXTM3U') throw new Error('not an HLS playlist: missing #EXTM3U');
  const out: MediaPlaylist = {
    version: null,
    targetDuration: 0,
    independentSegments: false,
    endList: false,
    map: null,
    segments: [],
  };
  let pending: number | null = null;
  for (const line of lines.slice(1)) {
    if (!line) continue;
    if (line.startsWith('#EXT-X-VERSION:')) out.version = Number(line.slice(15));
    else if (line.startsWith('#EXT-X-TARGETDURATION:')) out.targetDuration = Number(line.slice(22));
    else if (line === '#EXT-X-INDEPENDENT-SEGMENTS') out.independentSegments = true;
    else if (line === '#EXT-X-ENDLIST') out.endList = true;
    else if (line.startsWith('#EXT-X-MAP:')) out.map = /URI="([^"]+)"/.exec(line)?.[1] ?? null;
    else if (line.startsWith('#EXTINF:')) pending = Number.parseFloat(line.slice(8));
    else if (!line.startsWith('#')) {
      if (pending === null || !Number.isFinite(pending)) throw new Error(`segment ${line} has no #EXTINF`);
      out.segments.push({ uri: line, duration: pending });
      pending = null;
    }
  }
  return out;
}

export interface MeasuredRendition {
  playlist: MediaPlaylist;
  /** Peak over segments of bytes×8 / EXTINF: what HLS means by BANDWIDTH. */
  peakBps: number;
  averageBps: number;
  totalBytes: number;
  durationSec: number;
  codecs: string;
}

/** AAC-LC, what ffmpeg's own aac encoder writes by default. */
const AAC_LC = 'mp4a.40.2';

export async function measureRendition(
  playlistPath: string,
  tracks: { video: boolean; audio: boolean },
): Promise<MeasuredRendition> {
  const dir = dirname(playlistPath);
  const playlist = parseMediaPlaylist(await readFile(playlistPath, 'utf8'));
  let peakBps = 0;
  let segmentBytes = 0;
  let durationSec = 0;
  for (const seg of playlist.segments) {
    const { size } = await stat(join(dir, seg.uri));
    segmentBytes += size;
    durationSec += seg.duration;
    if (seg.duration > 0) peakBps = Math.max(peakBps, (size * 8) / seg.duration);
  }
  const initBytes = playlist.map ? (await stat(join(dir, playlist.map))).size : 0;
  let video: string | null = null;
  if (tracks.video)
    video = playlist.map ? avcCodecString(await readFile(join(dir, playlist.map))) : 'avc1.640028';
  return {
    playlist,
    peakBps: Math.ceil(peakBps),
    averageBps: durationSec > 0 ? Math.ceil((segmentBytes * 8) / durationSec) : 0,
    totalBytes: segmentBytes + initBytes,
    durationSec,
    codecs: [video, tracks.audio ? AAC_LC : null].filter(Boolean).join(','),
  };
}

/**
 * avc1.PPCCLL from the avcC box the encoder actually wrote (profile, constraint flags, level), so the
 * master names exactly what the player will meet.
 */
export function avcCodecString(init: Buffer): string {
  const at = init.indexOf('avcC');
  if (at < 0 || at + 8 > init.length) throw new Error('init segment has no avcC box (not H.264?)');
  return `avc1.${init.subarray(at + 5, at + 8).toString('hex')}`;
}
