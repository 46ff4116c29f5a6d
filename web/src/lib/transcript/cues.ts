// Caption cues as the transcript shows them: times in seconds and plain text. Lenient, as players are: a
// block it cannot read is skipped, never an error (the pipeline already validated the file at upload).

import { parseVtt, type VttCue } from '@artifact-stories/contracts/vtt';

export type TextCue = VttCue;

/** The cues of a WebVTT file in order of start time (the one reader the search index uses too). */
export function parseCues(vtt: string): TextCue[] {
  return parseVtt(vtt)
    .filter((c) => c.end > c.start)
    .sort((a, b) => a.start - b.start);
}

/**
 * The cue on screen at `time`: the last one started by then, while it lasts. -1 between cues and before
 * the first. Binary search: timeupdate fires four times a second on a long transcript.
 */
export function activeCue(cues: readonly TextCue[], time: number): number {
  let lo = 0;
  let hi = cues.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((cues[mid] as TextCue).start <= time) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && time < (cues[found] as TextCue).end ? found : -1;
}

/** "1:02" or "1:02:03": how the transcript shows a cue's start. */
export function clock(total: number): string {
  const s = Math.floor(total);
  const pad = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  const m = Math.floor(s / 60) % 60;
  return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

const loaded = new Map<string, Promise<TextCue[]>>();

/** A caption file's cues, fetched once per page; a failure is forgotten, so choosing it again retries. */
export function loadCues(url: string): Promise<TextCue[]> {
  let cues = loaded.get(url);
  if (!cues) {
    cues = fetch(url).then((r) =>
      r.ok ? r.text().then(parseCues) : Promise.reject(new Error(`${r.status}`)),
    );
    cues.catch(() => loaded.delete(url));
    loaded.set(url, cues);
  }
  return cues;
}
