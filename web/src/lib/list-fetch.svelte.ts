/**
 * The fetch behind a list page whose URL is its state (films, search): `loading` while a request runs,
 * `error` of the last one that failed, cleared by the next answer. Call `run` inside an $effect and return
 * what it returns: a new query aborts the request before it, so a slow answer never lands over a newer one.
 */
export class ListFetch {
  loading = $state(false);
  error = $state<unknown>(null);

  run<T>(request: (signal: AbortSignal) => Promise<T>, done: (answer: T) => void): () => void {
    const controller = new AbortController();
    this.loading = true;
    request(controller.signal).then(
      (answer) => {
        done(answer);
        this.error = null;
        this.loading = false;
      },
      (e: Error) => {
        // Aborted by the next query, which now owns loading and error.
        if (e.name === 'AbortError') return;
        this.error = e;
        this.loading = false;
      },
    );
    return () => controller.abort();
  }
}
