import type { Chapter, Lang } from '@artifact-stories/contracts/schemas';

/** WebVTT's timestamp: hh:mm:ss.ttt, always with hours so every player reads it the same way. */
export function vttTime(sec: number): string {
  const ms = Math.round(sec * 1000);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

/**
 * Cue text is not markup here: `&` and `<` would start an escape or a tag, and a `-->` or a line break inside
 * a title would end the cue early, so they are escaped or folded to a space.
 */
function cueText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A WebVTT chapters track (<track kind="chapters">): one cue per chapter, from its start to the next. An
 * English title not written yet falls back to the Vietnamese one rather than a nameless chapter.
 */
export function chaptersVtt(chapters: readonly Chapter[], lang: Lang): string {
  const cues = chapters.map((c, i) => {
    const title = (lang === 'en' && c.title.en.trim()) || c.title.vi;
    return `${i + 1}\n${vttTime(c.startSec)} --> ${vttTime(c.endSec)}\n${cueText(title)}\n`;
  });
  return ['WEBVTT\n', ...cues].join('\n');
}
