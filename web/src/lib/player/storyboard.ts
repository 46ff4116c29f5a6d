import { parseVtt } from '@artifact-stories/contracts/vtt';

/** One tile of the seek-preview sprite: shown for times in [start, end). */
export interface StoryboardCue {
  start: number;
  end: number;
  url: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Parses a storyboard WebVTT (cues whose text is `sprite.jpg#xywh=x,y,w,h`) with the one WebVTT reader. Image
 * URLs are resolved against the VTT's own URL, as the format says.
 */
export function parseStoryboard(vtt: string, vttUrl: string): StoryboardCue[] {
  const base = new URL(vttUrl, 'http://x.invalid/');
  return parseVtt(vtt).flatMap(({ start, end, text }) => {
    const match = /^(.*)#xywh=(\d+),(\d+),(\d+),(\d+)$/.exec(text);
    if (!match) return [];
    const [, file = '', x, y, w, h] = match;
    const url = new URL(file, base).href.replace(/^http:\/\/x\.invalid/, '');
    return [{ start, end, url, x: Number(x), y: Number(y), w: Number(w), h: Number(h) }];
  });
}

export function cueAt(cues: StoryboardCue[], time: number): StoryboardCue | undefined {
  return cues.find((c) => time >= c.start && time < c.end) ?? cues.at(-1);
}

export async function loadStoryboard(vttUrl: string): Promise<StoryboardCue[]> {
  const response = await fetch(vttUrl);
  if (!response.ok) return [];
  return parseStoryboard(await response.text(), vttUrl);
}
