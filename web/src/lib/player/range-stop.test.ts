import { describe, expect, it } from 'vitest';
import { RangeStop } from './range-stop.ts';

describe('RangeStop', () => {
  it('pauses once at the end of the range', () => {
    const stop = new RangeStop();
    stop.arm({ start: 42, end: 70 });
    expect(stop.reached(42)).toBe(false);
    expect(stop.reached(69.9)).toBe(false);
    expect(stop.reached(70.1)).toBe(true);
    expect(stop.reached(71)).toBe(false);
  });

  it('never pauses for a single moment or before it is armed', () => {
    const stop = new RangeStop();
    expect(stop.reached(100)).toBe(false);
    stop.arm({ start: 42 });
    expect(stop.reached(100)).toBe(false);
  });

  it('lets go when the visitor seeks out of the range, not when the start lands a frame early', () => {
    const stop = new RangeStop();
    stop.arm({ start: 42, end: 70 });
    stop.seeked(41.8);
    expect(stop.reached(70)).toBe(true);
    stop.arm({ start: 42, end: 70 });
    stop.seeked(10);
    expect(stop.reached(70)).toBe(false);
    stop.arm({ start: 42, end: 70 });
    stop.seeked(80);
    expect(stop.reached(81)).toBe(false);
  });
});
