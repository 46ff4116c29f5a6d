/**
 * WebVTT times and a small cue reader, pure and dependency-free (api search index and chapters track, web
 * transcript, the pipeline's caption and storyboard writers): one way to read a timestamp, one way to write
 * one, and the cues' times and their text as plain lines. Not a validator: the media pipeline checks caption
 * files on upload; a block that is not a cue (NOTE, STYLE, REGION, a broken timing line) is skipped.
 */

export interface VttCue {
  /** Seconds from the start of the clip. */
  start: number;
  end: number;
  /** The cue's lines joined by a space, tags (<v Name>, <i>, <00:01.000>) removed, entities decoded. */
  text: string;
}

/** "hh:mm:ss.ttt" or "mm:ss.ttt" (a comma is accepted too, as SRT writes it). */
const TIME = /^(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{3})$/;
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  lrm: '',
  rlm: '',
};

/** Seconds of a cue timestamp ("01:02:03.450", "02:03.450"); undefined when it is not one. */
export function vttSeconds(stamp: string): number | undefined {
  const m = TIME.exec(stamp);
  if (!m) return undefined;
  const [, h = '0', min = '0', s = '0', ms = '0'] = m;
  // Whole milliseconds first, divided once: the nearest number to the written time, as Number('3.45') is.
  return (((Number(h) * 60 + Number(min)) * 60 + Number(s)) * 1000 + Number(ms)) / 1000;
}

/** A cue timestamp from whole milliseconds: hh:mm:ss.ttt, always with hours so every player reads it alike. */
export function vttTimestamp(ms: number): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

/** Cue text as a reader sees it: tags dropped, character references decoded, whitespace collapsed. */
function plain(lines: string[]): string {
  return lines
    .join(' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
      if (ref[0] !== '#') return ENTITIES[ref.toLowerCase()] ?? whole;
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** The cues of a WebVTT file, in file order; cues with no text are left out. */
export function parseVtt(text: string): VttCue[] {
  const blocks = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/);
  const cues: VttCue[] = [];
  for (const block of blocks) {
    const lines = block.split('\n');
    // An optional identifier line comes before the timing line.
    const at = lines.findIndex((l) => l.includes('-->'));
    if (at < 0 || at > 1) continue;
    const [from = '', rest = ''] = (lines[at] as string).split('-->');
    const start = vttSeconds(from.trim());
    const end = vttSeconds(rest.trim().split(/\s+/)[0] ?? '');
    if (start === undefined || end === undefined) continue;
    const body = plain(lines.slice(at + 1));
    if (body) cues.push({ start, end, text: body });
  }
  return cues;
}
