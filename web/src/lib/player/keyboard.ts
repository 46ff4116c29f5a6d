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

/** The player shortcut a key press means, if any. Modified keys belong to the browser. */
export function actionFor(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>) {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  return keys[event.key.length === 1 ? event.key.toLowerCase() : event.key];
}

export const SEEK_STEP_SEC = 5;
export const VOLUME_STEP = 0.1;
