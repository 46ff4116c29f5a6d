// The player's engine over its life: attached while the visitor reads, loaded at the tap, replaced when the
// data choice changes (the sound alone is another playlist; the saver another lock), released on unmount.
import type { PublicVideo } from '@artifact-stories/contracts/schemas';
import type { DataChoice } from './data-saver.ts';
import { attachEngine, type Engine, type EngineEvents } from './engine.ts';

export class EngineSlot {
  /** The engine once attached; null before, and while a replacement attaches. */
  engine = $state<Engine | null>(null);
  private preparing: Promise<Engine> | undefined;
  private loaded = false;
  /** Where the next load starts (the choice changed mid-clip). */
  private resumeAt: number | undefined;
  private closed = false;
  /** Resolves once the engine replaced last has let go of the <video>: only then may the next attach. */
  private released: Promise<void> = Promise.resolve();

  constructor(
    private readonly el: () => HTMLVideoElement,
    private readonly video: () => PublicVideo,
    private readonly choice: () => DataChoice,
    private readonly events: EngineEvents,
  ) {}

  /** hls.js's code and the master playlist, nothing of the film itself; the same promise until replaced. */
  prepare(): Promise<Engine> {
    if (this.preparing) return this.preparing;
    const choice = this.choice();
    const attaching: Promise<Engine> = this.released
      .then(() => attachEngine(this.el(), this.video(), this.events, choice))
      .then((e) => {
        if (this.closed) {
          e.destroy();
          throw new Error('unmounted');
        }
        // A replaced attachment is handed back only to be destroyed (see replace).
        if (this.preparing === attaching) this.engine = e;
        return e;
      });
    this.preparing = attaching;
    attaching.catch((err: unknown) => {
      if (!this.closed && this.preparing === attaching) this.events.onFatal(String(err));
    });
    return attaching;
  }

  /** Starts fetching the film, once per engine. */
  load(e: Engine): void {
    if (this.loaded) return;
    this.loaded = true;
    e.load(this.resumeAt);
    this.resumeAt = undefined;
  }

  /**
   * Lets the current engine go, once it has finished attaching: two engines must never hold the <video> at
   * once, so the next prepare() waits for it. `resumeAt`: where the next engine starts loading.
   */
  replace(resumeAt: number | undefined): void {
    const old = this.preparing;
    this.preparing = undefined;
    this.engine = null;
    this.loaded = false;
    this.resumeAt = resumeAt;
    if (old)
      this.released = old.then(
        (e) => e.destroy(),
        () => {},
      );
  }

  /** Where the first load starts (a linked moment, a transcript line); too late once loaded. */
  startFrom(seconds: number): void {
    if (!this.loaded) this.resumeAt = seconds;
  }

  /** Whether an engine is attached or attaching. */
  get attached(): boolean {
    return this.preparing !== undefined;
  }

  close(): void {
    this.closed = true;
    this.engine?.destroy();
  }

  get isClosed(): boolean {
    return this.closed;
  }
}
