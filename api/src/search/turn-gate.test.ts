import { describe, expect, it } from 'vitest';
import { TurnGate } from './turn-gate.ts';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('TurnGate', () => {
  it('lets a few callers through per turn of the event loop, the rest in order on the next turns', async () => {
    const gate = new TurnGate(3);
    const through: number[] = [];
    const all = Array.from({ length: 7 }, (_, i) => gate.wait().then(() => through.push(i)));
    await Promise.resolve();
    expect(through).toEqual([0, 1, 2]);
    expect(gate.queued).toBe(4);
    await nextTurn();
    expect(through).toEqual([0, 1, 2, 3, 4, 5]);
    await nextTurn();
    expect(through).toEqual([0, 1, 2, 3, 4, 5, 6]);
    await Promise.all(all);
    // Once the loop is quiet again, the next caller goes through at once.
    await nextTurn();
    await nextTurn();
    let late = false;
    const last = gate.wait().then(() => {
      late = true;
    });
    await Promise.resolve();
    expect(late).toBe(true);
    await last;
  });
});
