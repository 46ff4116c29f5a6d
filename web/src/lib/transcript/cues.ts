// Caption cues as the transcript shows them: times in seconds and plain text. Lenient, as players are: a
// block it cannot read is skipped, never an error (the pipeline already validated the file at upload).

export interface TextCue {
  start: number;
  end: number;
  text: string;
}

const TIMESTAMP = /^(?:(\d+):)?(\d{1,2}):(\d{1,2})[.,](\d{1,3})$/;

function seconds(stamp: string): number | undefined {
  const m = TIMESTAMP.exec(stamp.trim());
  if (!m) return undefined;
  const [, h = '0', min = '0', sec = '0', frac = '0'] = m;
  return (Number(h) * 60 + Number(min)) * 60 + Number(sec) + Number(frac.padEnd(3, '0')) / 1000;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', lrm: '', rlm: '' };

/** The words of a cue: tags (<v Speaker>, <i>, <c.x>, timestamps) gone, entities decoded, lines joined. */
function plain(lines: string[]): string {
  return lines
    .join(' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|nbsp|lrm|rlm);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The cues of a WebVTT file in order of start time; NOTE, STYLE and REGION blocks are not cues. */
export function parseCues(vtt: string): TextCue[] {
  const cues: TextCue[] = [];
  for (const block of vtt
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)) {
    const lines = block.split('\n');
    const timing = lines.findIndex((l) => l.includes('-->'));
    if (timing < 0 || timing > 1) continue;
    const [from = '', rest = ''] = (lines[timing] as string).split('-->');
    const start = seconds(from);
    const end = seconds(rest.trim().split(/\s+/)[0] ?? '');
    const text = plain(lines.slice(timing + 1));
    if (start === undefined || end === undefined || end <= start || !text) continue;
    cues.push({ start, end, text });
  }
  return cues.sort((a, b) => a.start - b.start);
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
