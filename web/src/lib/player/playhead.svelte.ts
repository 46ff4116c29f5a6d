// What the page around the player may know of it and ask of it: the time, whether it plays, the caption
// language chosen, and "play from here"; and what the page's link says (?t=). The transcript reads it;
// Player.svelte keeps it up to date.
import type { Moment } from '@artifact-stories/contracts/moment';
import { RangeStop } from './range-stop.ts';

/** What the player lets the page around it ask: play from a time (or the linked moment), play/pause, pause. */
export interface PlayerRemote {
  playFrom(seconds?: number): void;
  toggle(): void;
  pause(): void;
}

export class Playhead {
  time = $state(0);
  paused = $state(true);
  captions = $state<string | null>(null);
  private player: PlayerRemote | undefined;
  private readonly range = new RangeStop();

  /** A getter: the moment the page's link names, read at the first play. */
  constructor(private readonly linked: () => Moment | undefined = () => undefined) {}

  /** Where the first play starts: the line chosen (`from`), else the linked moment, whose range end is armed. */
  firstStart(from?: number): number | undefined {
    const moment = this.linked();
    this.range.arm(from === undefined ? moment : undefined);
    return from ?? moment?.start;
  }

  /** Whether to pause now: the end of a linked range (once). */
  reachedEnd(time: number): boolean {
    return this.range.reached(time);
  }

  seeked(time: number): void {
    this.range.seeked(time);
  }

  /** Plays from `seconds`, starting the film first if the visitor has not yet. */
  playFrom(seconds: number): void {
    this.player?.playFrom(seconds);
  }

  /** Starts the linked moment as the play button does, its range end armed: a play-all's next item. */
  playLinked(): void {
    this.player?.playFrom();
  }

  /** Play or pause, as the play button does: a presenter's key in classroom mode. */
  toggle(): void {
    this.player?.toggle();
  }

  pause(): void {
    this.player?.pause();
  }

  /** The film played to its very end. Nothing on the artifact page; a play-all moves on (sequence.ts). */
  filmEnded(): void {}

  /** Called by the player as it mounts; the returned function, as it unmounts. */
  connect(player: PlayerRemote): () => void {
    this.player = player;
    return () => (this.player = undefined);
  }

  follow(time: number, paused: boolean, captions: string | null): void {
    this.time = time;
    this.paused = paused;
    this.captions = captions;
  }
}
