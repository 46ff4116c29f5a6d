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

function seconds(stamp: string): number {
  const parts = stamp.trim().split(':').map(Number);
  return parts.reduce((acc, p) => acc * 60 + p, 0);
}

/**
 * Parses a storyboard WebVTT (cues whose text is `sprite.jpg#xywh=x,y,w,h`). Image URLs are resolved
 * against the VTT's own URL, as the format says.
 */
export function parseStoryboard(vtt: string, vttUrl: string): StoryboardCue[] {
  const cues: StoryboardCue[] = [];
  const blocks = vtt.replace(/\r\n?/g, '\n').split(/\n{2,}/);
  for (const block of blocks) {
    const lines = block.split('\n').filter(Boolean);
    const timing = lines.findIndex((l) => l.includes('-->'));
    const text = timing >= 0 ? lines[timing + 1] : undefined;
    if (timing < 0 || !text) continue;
    const [from, to] = (lines[timing] as string).split('-->') as [string, string];
    const match = text.trim().match(/^(.*)#xywh=(\d+),(\d+),(\d+),(\d+)$/);
    if (!match) continue;
    const [, file, x, y, w, h] = match as unknown as [string, string, string, string, string, string];
    cues.push({
      start: seconds(from),
      end: seconds(to.trim().split(/\s+/)[0] as string),
      url: new URL(file, new URL(vttUrl, 'http://x.invalid/')).href.replace(/^http:\/\/x\.invalid/, ''),
      x: Number(x),
      y: Number(y),
      w: Number(w),
      h: Number(h),
    });
  }
  return cues;
}

export function cueAt(cues: StoryboardCue[], time: number): StoryboardCue | undefined {
  return cues.find((c) => time >= c.start && time < c.end) ?? cues.at(-1);
}

export async function loadStoryboard(vttUrl: string): Promise<StoryboardCue[]> {
  const response = await fetch(vttUrl);
  if (!response.ok) return [];
  return parseStoryboard(await response.text(), vttUrl);
}
