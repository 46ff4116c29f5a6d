// One caption language on the projector. Chromium turns a caption track on by itself (its automatic track
// selection, by the browser's own language) when the player adds the <track> elements, next to the one the player
// chose: two stacked caption blocks over the film while the bar names one. Classroom mode has captions on from
// the start, so it keeps every other language off. (The player's engine is where this belongs for every page.)

const CAPTION_KINDS = ['subtitles', 'captions'];
/** Media events do not bubble, but a listener on an ancestor hears them in the capture phase. */
const EVENTS = ['loadedmetadata', 'playing', 'timeupdate'] as const;

/** Turns off any caption track under `root` that is showing but not the chosen language; returns the undo. */
export function keepOneCaption(root: HTMLElement, chosen: () => string | null): () => void {
  const check = (event: Event) => {
    const lang = chosen();
    // No choice yet (or captions off, which the player does itself): nothing to keep.
    if (!lang || !(event.target instanceof HTMLVideoElement)) return;
    for (const track of Array.from(event.target.textTracks)) {
      if (CAPTION_KINDS.includes(track.kind) && track.mode === 'showing' && track.language !== lang)
        track.mode = 'disabled';
    }
  };
  for (const name of EVENTS) root.addEventListener(name, check, true);
  return () => {
    for (const name of EVENTS) root.removeEventListener(name, check, true);
  };
}
