// The cues of a stored caption file, for the staff editor: listed with their times, and one cue's words
// replaced with its timing and everything else left as it was. Works on the WebVTT toWebVtt writes.

import { vttSeconds } from '@artifact-stories/contracts/vtt';

export interface CueText {
  /** 0-based position among the file's cues: how the editor names the cue it fixes. */
  index: number;
  startSec: number;
  endSec: number;
  text: string;
}

const TIMING = /^((?:\d+:)?\d{2}:\d{2}\.\d{3}) --> ((?:\d+:)?\d{2}:\d{2}\.\d{3})/;

function blocks(vtt: string): string[][] {
  return vtt
    .replace(/\r\n?/g, '\n')
    .replace(/\n+$/, '')
    .split(/\n{2,}/)
    .map((b) => b.split('\n'));
}

const timingLine = (block: string[]): number => block.findIndex((line) => TIMING.test(line));

export function listCues(vtt: string): CueText[] {
  const cues: CueText[] = [];
  for (const block of blocks(vtt)) {
    const at = timingLine(block);
    const m = at >= 0 ? TIMING.exec(block[at] as string) : null;
    if (!m) continue;
    cues.push({
      index: cues.length,
      // TIMING only matches timestamps vttSeconds reads.
      startSec: vttSeconds(m[1] as string) as number,
      endSec: vttSeconds(m[2] as string) as number,
      text: block.slice(at + 1).join('\n'),
    });
  }
  return cues;
}

/** The file with cue `index`'s text replaced; null when there is no such cue. `text` must have no blank line. */
export function replaceCueText(vtt: string, index: number, text: string): string | null {
  let seen = -1;
  let replaced = false;
  const out = blocks(vtt).map((block) => {
    const at = timingLine(block);
    if (at < 0 || ++seen !== index) return block;
    replaced = true;
    return [...block.slice(0, at + 1), ...text.split('\n')];
  });
  return replaced ? `${out.map((b) => b.join('\n')).join('\n\n')}\n` : null;
}
