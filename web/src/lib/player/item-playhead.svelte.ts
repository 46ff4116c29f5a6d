// The playhead of one item of a play-all (sequence.ts): its range is the linked moment, its end (the range's,
// or the film's) is reported once, and under play-all it starts itself as soon as its player is there.
import type { Moment } from '@artifact-stories/contracts/moment';
import { type PlayerRemote, Playhead } from './playhead.svelte.ts';

export class ItemPlayhead extends Playhead {
  private done = false;

  constructor(
    moment: Moment | undefined,
    private readonly onEnd: () => void,
    private readonly autostart: boolean,
  ) {
    super(() => moment);
  }

  override reachedEnd(time: number): boolean {
    const reached = super.reachedEnd(time);
    if (reached) this.end();
    return reached;
  }

  override filmEnded(): void {
    this.end();
  }

  override connect(player: PlayerRemote): () => void {
    const disconnect = super.connect(player);
    // After the player's own mount work: the visitor's tap on "play all" still counts for the browser.
    if (this.autostart) queueMicrotask(() => this.playLinked());
    return disconnect;
  }

  private end(): void {
    if (this.done) return;
    this.done = true;
    this.onEnd();
  }
}
