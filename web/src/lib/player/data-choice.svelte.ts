// The data choice as one player holds it: remembered across clips, applied to this one, told on the poster.
import type { PublicVideo } from '@artifact-stories/contracts/schemas';
import { formatMegabytes } from '../i18n/format.ts';
import { locale, t } from '../i18n/i18n.svelte.ts';
import {
  appliedChoice,
  clipBytes,
  type DataChoice,
  rememberChoice,
  rememberedChoice,
  SHORT_LABELS,
} from './data-saver.ts';
import { browserStore, linkHints } from './link.ts';

export class DataChoiceState {
  data = $state(rememberedChoice(browserStore(), linkHints().saveData));

  /** A getter: the player's `video` prop, read when needed. */
  constructor(private readonly clip: () => PublicVideo) {}

  /** What the choice means for this clip. */
  get applied(): DataChoice {
    return appliedChoice(this.data.choice, this.clip());
  }

  /** Remembers the visitor's choice; true when it changes what this clip plays (a new engine is needed). */
  choose(choice: DataChoice): boolean {
    const before = this.applied;
    rememberChoice(browserStore(), choice);
    this.data = { choice, byBrowser: false };
    return this.applied !== before;
  }

  /** On the poster: the cost before the tap when saving data, what plays while listening; nothing on Auto. */
  note(started: boolean): string | undefined {
    const applied = this.applied;
    if (applied === 'auto') return undefined;
    if (started) return applied === 'audio' ? t('player.listening') : undefined;
    const size = formatMegabytes(clipBytes(applied, this.clip()), locale.lang);
    return t('player.cost', { choice: t(SHORT_LABELS[applied]), size });
  }
}
