type PlayerAction =
  | 'toggle-play'
  | 'back'
  | 'forward'
  | 'volume-up'
  | 'volume-down'
  | 'fullscreen'
  | 'captions'
  | 'mute';

const keys: Record<string, PlayerAction> = {
  ' ': 'toggle-play',
  k: 'toggle-play',
  ArrowLeft: 'back',
  ArrowRight: 'forward',
  ArrowUp: 'volume-up',
  ArrowDown: 'volume-down',
  f: 'fullscreen',
  c: 'captions',
  m: 'mute',
};

type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>;

/**
 * What a key press means in a key map (letters in either case), if anything. Modified keys belong to the
 * browser (Ctrl+R, Alt+←). The player's shortcuts and classroom mode's keys read their maps alike.
 */
export function mappedKey<A>(map: Record<string, A>, event: KeyPress): A | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  return map[event.key.length === 1 ? event.key.toLowerCase() : event.key];
}

/** The player shortcut a key press means, if any. */
export function actionFor(event: KeyPress) {
  return mappedKey(keys, event);
}

const SEEK_STEP_SEC = 5;
const VOLUME_STEP = 0.1;

/** What the player does for its shortcuts. */
export interface PlayerKeyActions {
  togglePlay(): void;
  seekBy(seconds: number): void;
  volumeBy(step: number): void;
  mute(): void;
  captions(): void;
  fullscreen(): void;
}

/** Runs the shortcut a key press means; Space on a focused button is left to press that button. */
export function runPlayerKey(event: KeyboardEvent, on: PlayerKeyActions): void {
  const action = actionFor(event);
  if (!action) return;
  if (action === 'toggle-play' && event.key === ' ' && (event.target as HTMLElement).tagName === 'BUTTON')
    return;
  event.preventDefault();
  if (action === 'toggle-play') on.togglePlay();
  else if (action === 'back') on.seekBy(-SEEK_STEP_SEC);
  else if (action === 'forward') on.seekBy(SEEK_STEP_SEC);
  else if (action === 'volume-up') on.volumeBy(VOLUME_STEP);
  else if (action === 'volume-down') on.volumeBy(-VOLUME_STEP);
  else if (action === 'mute') on.mute();
  else if (action === 'captions') on.captions();
  else if (action === 'fullscreen') on.fullscreen();
}
