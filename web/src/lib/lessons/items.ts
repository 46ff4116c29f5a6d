import { type ExcerptProblem, excerptProblem } from '@artifact-stories/contracts/excerpt';
import { momentParam, parseTime } from '@artifact-stories/contracts/moment';
import type { ArtifactSummary, LessonItem, LessonItemInput } from '@artifact-stories/contracts/schemas';
import type { PlayItem } from '../player/sequence.ts';

/**
 * Where an item plays: the artifact page at its excerpt (`?t=42,70` plays 42→70 and pauses). A lesson's items
 * played in order are these links in order.
 */
export function itemHref(item: Pick<LessonItem, 'artifact' | 'start' | 'end'>): string {
  const base = `/artifacts/${encodeURIComponent(item.artifact.slug)}`;
  if (item.start === null && item.end === null) return base;
  const start = item.start ?? 0;
  return `${base}?t=${momentParam(item.end === null ? { start } : { start, end: item.end })}`;
}

/** An item as the play-all player takes it (an exhibition item's shape): a missing start is the film's start. */
export function toPlayItem(item: LessonItem): PlayItem {
  return { artifact: item.artifact, video: item.video, startSec: item.start ?? 0, endSec: item.end };
}

/** An item as the builder holds it: times as typed, so nothing a teacher writes is lost on a bad value. */
export interface DraftItem {
  artifact: ArtifactSummary;
  start: string;
  end: string;
  note: string;
}

export type DraftProblem =
  | { kind: 'bad-time'; field: 'start' | 'end'; value: string }
  | { kind: 'excerpt'; field: 'start' | 'end'; problem: ExcerptProblem };

/** What is wrong with a draft item's times, checked with the api's own excerpt rule; undefined when fine. */
export function draftProblem(item: DraftItem): DraftProblem | undefined {
  const times: Partial<Record<'start' | 'end', number>> = {};
  for (const field of ['start', 'end'] as const) {
    const typed = item[field].trim();
    if (!typed) continue;
    const seconds = parseTime(typed);
    if (seconds === undefined) return { kind: 'bad-time', field, value: typed };
    times[field] = seconds;
  }
  const duration = item.artifact.durationSec ?? 0;
  const problem = excerptProblem(times, duration);
  return problem ? { kind: 'excerpt', field: faultOf(problem, times, duration), problem } : undefined;
}

/** The time a teacher has to change: the one the focus goes to and the message is read with. */
function faultOf(
  problem: ExcerptProblem,
  times: Partial<Record<'start' | 'end', number>>,
  duration: number,
): 'start' | 'end' {
  const start = times.start ?? 0;
  if (problem === 'negative') return start < 0 ? 'start' : 'end';
  if (problem === 'beyond-end') return start >= duration ? 'start' : 'end';
  // An end before the start, or too close to it: the end is what the teacher was last choosing.
  return times.end === undefined ? 'start' : 'end';
}

/** The item as the api takes it (call after draftProblem found nothing). */
export function toInput(item: DraftItem): LessonItemInput {
  const time = (typed: string) => (typed.trim() ? (parseTime(typed) ?? null) : null);
  return { artifact: item.artifact.slug, start: time(item.start), end: time(item.end), note: item.note };
}

/** A stored item back into the builder's form. */
export function toDraft(item: LessonItem): DraftItem {
  const typed = (sec: number | null) => (sec === null ? '' : String(Math.round(sec)));
  return { artifact: item.artifact, start: typed(item.start), end: typed(item.end), note: item.note };
}

/** The edit token from the edit link's fragment (`#token=…`): never sent to the server in a URL. */
export function tokenFromHash(hash: string): string | undefined {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? undefined;
}
