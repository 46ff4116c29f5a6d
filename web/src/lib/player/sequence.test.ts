import { describe, expect, it } from 'vitest';
import {
  autostarts,
  finishedAll,
  initialSequence,
  itemEnded,
  itemMoment,
  playAll,
  playOne,
  readyAll,
  step,
} from './sequence.ts';

describe('play-all sequence', () => {
  it('plays each item to its end, then the next, and stops after the last', () => {
    let s = playAll(initialSequence, 3);
    expect(s).toMatchObject({ index: 0, auto: true });
    s = itemEnded(s, 3);
    expect(s).toMatchObject({ index: 1, auto: true });
    s = itemEnded(s, 3);
    const last = s;
    s = itemEnded(s, 3);
    expect(s).toMatchObject({ index: 2, auto: false });
    expect(finishedAll(last, s)).toBe(true);
  });

  it('plays one chosen item alone; its end starts nothing', () => {
    const s = playOne(initialSequence, 3, 1);
    expect(itemEnded(s, 3)).toMatchObject({ index: 1, auto: false });
    expect(finishedAll(s, itemEnded(s, 3))).toBe(false);
  });

  it('steps within the list, each step a fresh start; nothing past either end', () => {
    const s = playAll(initialSequence, 2);
    const next = step(s, 2, 1);
    expect(next).toMatchObject({ index: 1, auto: true });
    expect(next?.run).toBeGreaterThan(s.run);
    expect(step(s, 2, -1)).toBeUndefined();
    expect(next && step(next, 2, 1)).toBeUndefined();
  });

  it('gives the player a range for an excerpt and nothing for a whole film', () => {
    expect(itemMoment({ startSec: 2, endSec: 6 })).toEqual({ start: 2, end: 6 });
    expect(itemMoment({ startSec: 4, endSec: null })).toEqual({ start: 4 });
    expect(itemMoment({ startSec: 0, endSec: null })).toBeUndefined();
  });

  it('opened ready on an item (classroom mode), waits for the first play, then each next item starts itself', () => {
    const ready = readyAll(5, 3);
    expect(ready).toMatchObject({ index: 3, auto: true });
    expect(autostarts(ready)).toBe(false);
    expect(autostarts(itemEnded(ready, 5))).toBe(true);
    expect(autostarts(step(ready, 5, -1) as typeof ready)).toBe(true);
    expect(autostarts(playOne(ready, 5, 1))).toBe(false);
    expect(readyAll(2, 9).index).toBe(1);
  });
});
