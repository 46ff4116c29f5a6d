// Print layouts add what only paper needs (a poster instead of the player, a QR code back to the film). It is
// rendered only once the visitor asks to print, so a phone viewing the page never downloads it.

export const printing = $state({ on: false });

/** Marks the parts only paper shows (each hides itself on screen); the button waits for their images. */
export const PRINT_ONLY = 'print-only';

/** Print-only images that have not finished loading (or failing). Lazy images elsewhere are not waited for. */
function pendingImages(): Promise<void>[] {
  return [...document.querySelectorAll<HTMLImageElement>(`.${PRINT_ONLY} img`)]
    .filter((img) => !img.complete)
    .map(
      (img) =>
        new Promise<void>((done) => {
          img.addEventListener('load', () => done(), { once: true });
          img.addEventListener('error', () => done(), { once: true });
        }),
    );
}

/** What print-only parts are still fetching before they can show their images (the storyboard's cue list). */
const preparing = new Set<Promise<unknown>>();

/** A print-only part's fetch (its code, its data): the print button waits for it, then for its images. */
export function printWaitsFor<T>(work: Promise<T>): Promise<T> {
  preparing.add(work);
  const done = () => preparing.delete(work);
  work.then(done, done);
  return work;
}

const nextFrame = () => new Promise((frame) => requestAnimationFrame(frame));

/** The print button: puts the print-only parts in, waits for their images, then opens the print dialog. */
export async function printPage(): Promise<void> {
  printing.on = true;
  // Svelte renders the print-only parts on the next microtask; their images then load.
  await Promise.resolve();
  await nextFrame();
  // A part's code may arrive first, then start its own fetch: wait until nothing is pending.
  while (preparing.size) {
    await Promise.allSettled([...preparing]);
    await nextFrame();
  }
  await Promise.all(pendingImages());
  window.print();
}

/**
 * Ctrl+P without the button: the print-only parts go in as the dialog opens. Their images appear when the
 * browser already has them (the poster usually); the button waits for all of them.
 */
export function watchPrinting(): () => void {
  const on = () => {
    printing.on = true;
  };
  window.addEventListener('beforeprint', on);
  return () => window.removeEventListener('beforeprint', on);
}
