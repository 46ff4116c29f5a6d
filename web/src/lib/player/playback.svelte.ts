// Asking for the film, as one player holds it: the first play (from a linked moment or a transcript line), a
// new engine when the data choice changes, when the poster may go, and what is fetched once the film plays.
// Player.svelte draws it; this decides.
import type { PublicVideo } from '@artifact-stories/contracts/schemas';
import { t } from '../i18n/i18n.svelte.ts';
import type { DataChoiceState } from './data-choice.svelte.ts';
import type { DataChoice } from './data-saver.ts';
import type { Engine } from './engine.ts';
import { EngineSlot } from './engine-slot.svelte.ts';
import type { PlayerState } from './player-state.svelte.ts';
import type { Playhead } from './playhead.svelte.ts';
import { loadStoryboard } from './storyboard.ts';

/** The end screen is its own chunk, fetched once the film plays: none of the first page's budget goes to it. */
export const endScreen = () => import('./EndScreen.svelte');

export class Playback {
  /** The visitor asked for the film (tap, play button, key). */
  started = $state(false);
  /** The film's first frame is on screen: the poster may go. */
  framed = $state(false);
  /** Asked to play and waiting for data: before the first frame, and during stalls. */
  buffering = $state(false);
  failure = $state<string | null>(null);
  readonly slot: EngineSlot;
  private extrasAsked = false;

  constructor(
    private readonly el: () => HTMLVideoElement,
    private readonly video: () => PublicVideo,
    private readonly ui: PlayerState,
    private readonly saver: DataChoiceState,
    private readonly playhead: () => Playhead | undefined,
  ) {
    this.slot = new EngineSlot(el, video, () => saver.applied, {
      onLevel: (rung) => (ui.levelHeight = rung),
      onFatal: () => (this.failure = t('player.failed')),
    });
  }

  get engine(): Engine | null {
    return this.slot.engine;
  }

  private loadAndPlay = (e: Engine) => {
    this.slot.load(e);
    this.el()
      .play()
      .catch(() => (this.buffering = false));
  };

  /** Every way of asking for the film comes here: the cover, the play button, the keyboard, the transcript. */
  play(from?: number): void {
    const el = this.el();
    // A linked moment starts the first play (not the page load: no autoplay); a transcript line overrides it.
    const at = this.started ? undefined : this.playhead()?.firstStart(from);
    if (at) this.slot.startFrom(at);
    this.started = true;
    this.buffering = true;
    // The poster stays until a frame is really on screen; without requestVideoFrameCallback, ontimeupdate.
    if (!this.framed && 'requestVideoFrameCallback' in el)
      el.requestVideoFrameCallback(() => (this.framed = true));
    // With the engine ready (the usual case), play() runs within the tap, as Safari wants.
    if (this.engine) this.loadAndPlay(this.engine);
    else this.slot.prepare().then(this.loadAndPlay, () => (this.buffering = false));
  }

  /** A new data choice takes a new engine; a clip under way resumes where it was, playing if it played. */
  chooseData(choice: DataChoice): void {
    if (!this.saver.choose(choice) || this.slot.isClosed) return;
    const el = this.el();
    const playing = !el.paused;
    const attached = this.slot.attached;
    this.framed = false;
    this.ui.quality = -1;
    this.ui.levelHeight = null;
    this.slot.replace(this.started ? el.currentTime : undefined);
    if (playing) this.play();
    else if (attached) this.slot.prepare().catch(() => {});
  }

  /** The <video>'s timeupdate: a linked range's end, and the poster's end where frames cannot be watched. */
  timeUpdate(): void {
    const el = this.el();
    if (this.playhead()?.reachedEnd(el.currentTime)) el.pause();
    if (!this.framed && !el.paused && el.currentTime > 0 && !('requestVideoFrameCallback' in el))
      this.framed = true;
  }

  /**
   * The <video>'s playing. The storyboard serves seeking and the end screen the clip's end, both after playing:
   * fetched once the film plays (its first frame, or the sound alone), so that at the tap the link and the main
   * thread go to the film alone (issue 9). A visitor who only reads never fetches them.
   */
  playing(): void {
    this.buffering = false;
    if (this.extrasAsked) return;
    this.extrasAsked = true;
    const storyboard = this.video().storyboard;
    if (storyboard)
      loadStoryboard(storyboard.vtt).then(
        (cues) => (this.ui.cues = cues),
        () => {},
      );
    endScreen().catch(() => {});
  }
}
