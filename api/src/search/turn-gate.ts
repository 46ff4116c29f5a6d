/**
 * Lets at most `perTurn` callers through per turn of the event loop; the others wait for the next turns, in
 * order. Search answers are cheap one by one, but 200 connections searching flat out would fill every turn of
 * the loop with them, and a media segment, which needs a turn for each chunk it streams, would wait behind
 * them all. Between two batches the loop polls its sockets and files, so the films keep flowing.
 */
export class TurnGate {
  private readonly waiting: (() => void)[] = [];
  private used = 0;
  private scheduled = false;

  constructor(private readonly perTurn: number) {}

  /** Resolves when the caller may go on: at once while this turn has room, else in a later turn. */
  wait(): Promise<void> {
    this.nextTurn();
    if (this.used < this.perTurn && this.waiting.length === 0) {
      this.used++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** How many callers are waiting for a later turn. */
  get queued(): number {
    return this.waiting.length;
  }

  // setImmediate runs after the loop has polled I/O; one scheduled from inside it runs on the following turn.
  private nextTurn(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.used = 0;
      while (this.used < this.perTurn && this.waiting.length) {
        this.used++;
        this.waiting.shift()?.();
      }
      if (this.waiting.length || this.used) this.nextTurn();
    });
  }
}
