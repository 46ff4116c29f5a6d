// The end of a linked range (`?t=42,70`): the player pauses there once. A visitor who seeks out of the range
// has left it, and the film then plays on as usual.
import type { Moment } from '@artifact-stories/contracts/moment';

export class RangeStop {
  private range: Required<Moment> | undefined;

  /** Watches for the range's end from the first play on; a single moment has none. */
  arm(moment: Moment | undefined): void {
    this.range = moment?.end === undefined ? undefined : { start: moment.start, end: moment.end };
  }

  /** Whether to pause now (true once). */
  reached(time: number): boolean {
    if (!this.range || time < this.range.end) return false;
    this.range = undefined;
    return true;
  }

  /** Half a second of slack: the engine lands on a frame near the asked start, sometimes just before it. */
  seeked(time: number): void {
    if (this.range && (time >= this.range.end || time < this.range.start - 0.5)) this.range = undefined;
  }
}
