/**
 * The uploads each staff member has in progress, so that one person (or one stolen session) cannot hold
 * many at once. An upload counts from its creation until it finishes or is abandoned (DELETE); one that
 * has not received a byte for `idleMs` stops counting, so a laptop closed mid-upload does not lock its
 * owner out until tus expires it a day later. The upload itself stays resumable: resuming it counts it
 * again.
 *
 * Held in memory: after a restart the slate is clean, which errs on the side of letting staff work.
 */
export class UploadSlots {
  private readonly uploads = new Map<string, { staffId: number; lastActive: number; sending: number }>();
  private readonly now: () => number;

  constructor(private readonly opts: { perStaff: number; idleMs: number; now?: () => number }) {
    this.now = opts.now ?? Date.now;
  }

  get perStaff(): number {
    return this.opts.perStaff;
  }

  /** Uploads of this staff member that still count: sending now, or sent to within idleMs. */
  inProgress(staffId: number): number {
    const since = this.now() - this.opts.idleMs;
    let n = 0;
    for (const [id, u] of this.uploads) {
      if (u.sending === 0 && u.lastActive < since) this.uploads.delete(id);
      else if (u.staffId === staffId) n++;
    }
    return n;
  }

  /** Whether staffId may start one more upload now. */
  hasRoom(staffId: number): boolean {
    return this.inProgress(staffId) < this.opts.perStaff;
  }

  /** A new upload of staffId, counted from now. */
  claim(staffId: number, uploadId: string): void {
    this.uploads.set(uploadId, { staffId, lastActive: this.now(), sending: 0 });
  }

  /**
   * Bytes are arriving for an upload (a PATCH began); call the returned function when the request ends.
   * An upload this process did not see created (before a restart, or no upload at all) is not tracked.
   */
  sending(uploadId: string): () => void {
    const upload = this.uploads.get(uploadId);
    if (!upload) return () => {};
    upload.sending++;
    upload.lastActive = this.now();
    return () => {
      upload.sending = Math.max(0, upload.sending - 1);
      upload.lastActive = this.now();
    };
  }

  /** The upload finished or was abandoned: its slot is free. */
  release(uploadId: string): void {
    this.uploads.delete(uploadId);
  }
}
