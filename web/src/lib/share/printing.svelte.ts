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

/** The print button: puts the print-only parts in, waits for their images, then opens the print dialog. */
export async function printPage(): Promise<void> {
  printing.on = true;
  // Svelte renders the print-only parts on the next microtask; their images then load.
  await Promise.resolve();
  await new Promise((frame) => requestAnimationFrame(frame));
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
