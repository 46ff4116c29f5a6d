// The player's state as the control bar shows it, shared by Player.svelte (which binds it to the <video>) and
// Controls.svelte (which shows it), with the small decisions about volume and captions that both ask for.
import type { PublicVideo } from '@artifact-stories/contracts/schemas';
import { locale, t } from '../i18n/i18n.svelte.ts';
import { rememberCaptions, rememberedCaptions, startingCaptions } from './caption-choice.ts';
import { browserStore } from './link.ts';
import type { StoryboardCue } from './storyboard.ts';

export class PlayerState {
  paused = $state(true);
  currentTime = $state(0);
  duration = $state(0);
  volume = $state(1);
  muted = $state(false);
  /** -1 = automatic. */
  quality = $state(-1);
  /** The rung now playing (its short side), when the engine knows it. */
  levelHeight = $state<number | null>(null);
  captions = $state<string | null>(null);
  fullscreen = $state(false);
  cues = $state<StoryboardCue[]>([]);
  /** What a screen reader hears after a change it cannot see (volume by key, captions). */
  announcement = $state('');
  private lastCaptions: string | null = null;

  /** A getter: the player's `video` prop, read when needed. */
  constructor(private readonly clip: () => PublicVideo) {}

  private get video(): PublicVideo {
    return this.clip();
  }

  /** The clip's length: the element's once it knows it, the api's before. */
  get total(): number {
    return this.duration || this.video.durationSec;
  }

  /** Raising the volume (key or slider) unmutes; lowering it with ↓ leaves a muted player silent. */
  setVolume(value: number, keepMuted = false): void {
    this.volume = Math.round(Math.min(1, Math.max(0, value)) * 100) / 100;
    this.muted = this.volume === 0 || (keepMuted && this.muted);
    this.announcement = t('player.volumeAt', { percent: Math.round(this.volume * 100) });
  }

  /**
   * The visitor's caption choice (menu, C key), off included: remembered for the next clip as the data choice
   * is (caption-choice.ts). The caller shows it through the engine.
   */
  chooseCaptions(lang: string | null): void {
    rememberCaptions(browserStore(), lang);
    this.showCaptions(lang);
  }

  /**
   * The captions a clip starts with. The classroom's are announced (the class sees them come) but, not being
   * this visitor's choice, not remembered; else the remembered choice or the page's language, quietly: nothing
   * to announce on a page load.
   */
  startCaptions(classroom: boolean): void {
    if (classroom) {
      this.showCaptions(this.captionsToToggle());
      return;
    }
    const lang = startingCaptions(this.video.captions, locale.lang, rememberedCaptions(browserStore()));
    this.captions = lang;
    if (lang) this.lastCaptions = lang;
  }

  private showCaptions(lang: string | null): void {
    this.captions = lang;
    if (lang) this.lastCaptions = lang;
    this.announcement = lang
      ? t('player.captionsOn', { lang: this.video.captions.find((c) => c.lang === lang)?.label ?? lang })
      : t('player.captionsOff');
  }

  /** The C key: off when on; when off, the language used last, else the page's, else the first there is. */
  captionsToToggle(): string | null {
    if (this.captions) return null;
    const langs = this.video.captions.map((c) => c.lang);
    return [this.lastCaptions, locale.lang, langs[0]].find((l) => l && langs.includes(l)) ?? null;
  }
}
