// Classroom mode's keys: a presenter remote sends PageDown/PageUp (some also "b" or "." to blank the screen,
// Escape and F5), a laptop's keyboard arrows, Home/End and Space. Pure, so the map is tested without a browser;
// Classroom.svelte listens before the player does, so one key never means two things.

import { mappedKey } from '../player/keyboard.ts';

export type ClassroomAction =
  | 'next'
  | 'previous'
  | 'first'
  | 'last'
  | 'toggle-play'
  | 'blank'
  | 'fullscreen'
  | 'escape'
  | 'bigger'
  | 'smaller';

const keys: Record<string, ClassroomAction> = {
  ArrowRight: 'next',
  ArrowDown: 'next',
  PageDown: 'next',
  ArrowLeft: 'previous',
  ArrowUp: 'previous',
  PageUp: 'previous',
  Home: 'first',
  End: 'last',
  ' ': 'toggle-play',
  k: 'toggle-play',
  b: 'blank',
  '.': 'blank',
  f: 'fullscreen',
  Escape: 'escape',
  '+': 'bigger',
  '=': 'bigger',
  '-': 'smaller',
  _: 'smaller',
};

/** What has focus, as far as keys go: a field owns every key, a button owns Space and Enter. */
export type FocusKind = 'field' | 'button' | 'other';

export function focusKind(el: Element | null): FocusKind {
  if (!el) return 'other';
  if (
    el.matches('input, select, textarea, [contenteditable], [role="slider"], [role^="menu"], [role="option"]')
  )
    return 'field';
  return el.matches('button, [role="button"], summary') ? 'button' : 'other';
}

/**
 * The classroom action a key press means, if any (modified keys belong to the browser, see mappedKey); a focused
 * field keeps all its keys (a slider's arrows, a menu's); a focused button keeps Space, which presses it.
 */
export function classroomAction(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>,
  focus: FocusKind,
): ClassroomAction | undefined {
  if (focus === 'field') return undefined;
  if (focus === 'button' && event.key === ' ') return undefined;
  return mappedKey(keys, event);
}
