// The visitor's choice of how much data a clip may cost: automatic quality, the lowest picture rung, or the
// sound alone. Made once, kept in localStorage (no cookie), applied to every clip.
import type { PublicVideo } from '@artifact-stories/contracts/schemas';
import type { MessageKey } from '../i18n/i18n.svelte.ts';

export type DataChoice = 'auto' | 'saver' | 'audio';

const KEY = 'player.data';
const CHOICES: readonly DataChoice[] = ['auto', 'saver', 'audio'];

/** The choice in a word: the menu button's badge, the note on the poster. */
export const SHORT_LABELS: Record<DataChoice, MessageKey> = {
  auto: 'player.auto',
  saver: 'player.saverShort',
  audio: 'player.audioShort',
};

type Store = Pick<Storage, 'getItem' | 'setItem'>;

export interface RememberedChoice {
  choice: DataChoice;
  /** Data saver because the browser asks to save data (Save-Data), not because the visitor chose it here. */
  byBrowser: boolean;
}

/** The visitor's own choice if they made one; else data saver where the browser saves data, else automatic. */
export function rememberedChoice(store: Store | undefined, saveData: boolean | undefined): RememberedChoice {
  let saved: string | null = null;
  try {
    saved = store?.getItem(KEY) ?? null;
  } catch {
    // Storage refused (private mode, sandboxed iframe): as on a first visit.
  }
  const own = CHOICES.find((c) => c === saved);
  if (own) return { choice: own, byBrowser: false };
  return saveData ? { choice: 'saver', byBrowser: true } : { choice: 'auto', byBrowser: false };
}

export function rememberChoice(store: Store | undefined, choice: DataChoice): void {
  try {
    store?.setItem(KEY, choice);
  } catch {
    // Not remembered: the choice still applies to this clip.
  }
}

type Clip = Pick<PublicVideo, 'durationSec' | 'renditions' | 'audioOnly'>;

/** The choices a clip offers: the sound alone only where the clip has it. */
export function choicesFor(clip: Clip): DataChoice[] {
  return clip.audioOnly ? [...CHOICES] : ['auto', 'saver'];
}

/**
 * What a remembered choice does to this clip: "audio only" on a clip without the sound alone (a silent clip,
 * an older version) is the nearest thing it has, the lowest picture rung.
 */
export function appliedChoice(choice: DataChoice, clip: Clip): DataChoice {
  return choice === 'audio' && !clip.audioOnly ? 'saver' : choice;
}

/**
 * What the whole clip costs at a choice, in bytes: the average rate of what plays (its AVERAGE-BANDWIDTH,
 * sound included) times the length. Automatic is the most it may cost, the highest rung throughout; the
 * player's size and the link usually keep it lower.
 */
export function clipBytes(choice: DataChoice, clip: Clip): number {
  const rates = clip.renditions.map((r) => r.averageBandwidth).sort((a, b) => a - b);
  const bps =
    choice === 'audio' && clip.audioOnly
      ? clip.audioOnly.averageBandwidth
      : ((choice === 'auto' ? rates.at(-1) : rates[0]) ?? 0);
  return Math.round((bps * clip.durationSec) / 8);
}
