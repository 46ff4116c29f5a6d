// Our master playlist, written from measured files rather than trusting ffmpeg's: HLS v7, fMP4, subtitles.
import type { MediaManifest } from '../types.ts';

export type MasterRendition = MediaManifest['renditions'][number];
export type MasterCaption = MediaManifest['captions'][number];

const TRANSCRIBES_DIALOG = 'public.accessibility.transcribes-spoken-dialog';

const quoted = (text: string): string => `"${text.replace(/["\r\n]/g, "'")}"`;

/**
 * Peak rate of the rendition listed first. Safari, native HLS in embeds and hls.js without a start level
 * begin with the first variant; a 480p/1.5 Mbit/s start took 19 s to its first frame on slow 3G. Under
 * 0.8 Mbit/s the start is the 240p rung (~0.2 Mbit/s with audio: a 4 s segment in ~2 s at 0.4 Mbit/s),
 * and players step up after one segment on a fast link. Our web player picks its own start from the link.
 */
const START_MAX_BPS = 800_000;

/** The rendition a player should try first: the best one a slow link carries, else the lowest. */
function startIndex(renditions: readonly MasterRendition[]): number {
  const i = renditions.findIndex((r) => r.bandwidth <= START_MAX_BPS);
  return i < 0 ? renditions.length - 1 : i;
}

export function buildMaster(
  renditions: readonly MasterRendition[],
  captions: readonly MasterCaption[],
): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:7', '#EXT-X-INDEPENDENT-SEGMENTS', ''];
  for (const c of captions) {
    // A transcription carries the words as spoken: Apple's tag lets players offer it to viewers who ask for
    // captions of the dialogue. A translation (or a track of unknown kind) is a plain subtitle.
    const characteristics =
      c.kind === 'transcription' ? `CHARACTERISTICS=${quoted(TRANSCRIBES_DIALOG)},` : '';
    lines.push(
      `#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME=${quoted(c.label)},LANGUAGE=${quoted(c.lang)},` +
        `DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,${characteristics}URI=${quoted(c.playlist)}`,
    );
  }
  if (captions.length) lines.push('');
  // Highest first, except that the start rendition leads: Safari and hls.js begin with the first listed.
  const sorted = [...renditions].sort((a, b) => b.bandwidth - a.bandwidth);
  const first = startIndex(sorted);
  const ordered = [sorted[first], ...sorted.filter((_, i) => i !== first)] as MasterRendition[];
  for (const r of ordered) {
    const attrs = [
      `BANDWIDTH=${r.bandwidth}`,
      `AVERAGE-BANDWIDTH=${r.averageBandwidth}`,
      `CODECS="${r.codecs}"`,
      `RESOLUTION=${r.width}x${r.height}`,
      `FRAME-RATE=${r.fps.toFixed(3)}`,
    ];
    if (captions.length) attrs.push('SUBTITLES="subs"');
    lines.push(`#EXT-X-STREAM-INF:${attrs.join(',')}`, r.playlist);
  }
  return `${lines.join('\n')}\n`;
}
