import type { Chapter, Lang } from '@artifact-stories/contracts/schemas';
import { vttTimestamp } from '@artifact-stories/contracts/vtt';

/** A chapter's time (seconds, as stored) as a WebVTT timestamp, rounded to the millisecond. */
export function vttTime(sec: number): string {
  return vttTimestamp(Math.round(sec * 1000));
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
