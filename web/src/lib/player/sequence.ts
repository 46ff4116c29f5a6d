// Play-all: a list of items (a film, or an excerpt of it) played one after the other, each to its end. Plain
// data and functions, so the exhibition page drives it now and a classroom or presenter mode can drive it
// with its own keys later; the page keeps the state, the player plays one item at a time.
import type { Moment } from '@artifact-stories/contracts/moment';
import type { ArtifactSummary, PublicVideo } from '@artifact-stories/contracts/schemas';

export interface SequenceItem {
  startSec: number;
  /** Null: to the end of the film. */
  endSec: number | null;
}

/** An item as the play-all player takes it: exhibition items are these; lesson items map to them (lessons/items.ts). */
export interface PlayItem extends SequenceItem {
  artifact: Pick<ArtifactSummary, 'title' | 'slug'>;
  video: PublicVideo;
}

export interface SequenceState {
  /** The item on show. */
  index: number;
  /** Play-all is running: each item's end starts the next one. */
  auto: boolean;
  /** Counts starts, so that asking for the same item again gives a fresh player. */
  run: number;
}

export const initialSequence: SequenceState = { index: 0, auto: false, run: 0 };

/** The range the player plays for an item; a whole film from its start has none (it plays to its end). */
export function itemMoment(item: SequenceItem): Moment | undefined {
  if (item.startSec === 0 && item.endSec === null) return undefined;
  return item.endSec === null ? { start: item.startSec } : { start: item.startSec, end: item.endSec };
}

const clamp = (index: number, count: number) => Math.min(Math.max(0, index), Math.max(0, count - 1));

/** Play-all from `index`, waiting for the visitor's first play (classroom mode opening on an item). */
export function readyAll(count: number, index = 0): SequenceState {
  return { index: clamp(index, count), auto: true, run: 0 };
}

/** Starts play-all from `index` (the first item by default). */
export function playAll(state: SequenceState, count: number, index = 0): SequenceState {
  return { index: clamp(index, count), auto: true, run: state.run + 1 };
}

/** One item alone, as the visitor chose it: it plays and stops at its end. */
export function playOne(state: SequenceState, count: number, index: number): SequenceState {
  return { index: clamp(index, count), auto: false, run: state.run + 1 };
}

/** Next or previous (+1 / -1), keeping play-all on or off; undefined past either end. */
export function step(state: SequenceState, count: number, by: 1 | -1): SequenceState | undefined {
  const index = state.index + by;
  if (index < 0 || index >= count) return undefined;
  return { index, auto: state.auto, run: state.run + 1 };
}

/** The item on show reached its end: the next one under play-all, else the sequence stops where it is. */
export function itemEnded(state: SequenceState, count: number): SequenceState {
  if (state.auto && state.index + 1 < count)
    return { index: state.index + 1, auto: true, run: state.run + 1 };
  return { ...state, auto: false };
}

/**
 * Whether the item on show starts by itself: under play-all, once the visitor has started something (run > 0).
 * A page that opens on a play-all (classroom mode) waits for its first play: no sound before anyone asked.
 */
export function autostarts(state: SequenceState): boolean {
  return state.auto && state.run > 0;
}

/** Whether the end of the item on show was the end of the whole sequence under play-all. */
export function finishedAll(before: SequenceState, after: SequenceState): boolean {
  return before.auto && !after.auto && before.index === after.index;
}
