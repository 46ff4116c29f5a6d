// Full screen for one element (the player, or classroom mode's whole view). The Fullscreen API needs a user
// gesture: call toggleFullscreen from a click or a key press. Refusals (no gesture, iOS) are left quiet.

export function toggleFullscreen(el: HTMLElement): void {
  if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
  else el.requestFullscreen?.().catch(() => {});
}

/** Tells `on` whether `el` is the element in full screen, at each change; returns the way to stop. */
export function watchFullscreen(el: HTMLElement, on: (full: boolean) => void): () => void {
  const changed = () => on(document.fullscreenElement === el);
  document.addEventListener('fullscreenchange', changed);
  return () => document.removeEventListener('fullscreenchange', changed);
}
