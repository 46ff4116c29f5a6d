/**
 * Upload speed over a sliding window (the last few seconds), so the estimate follows the network as it is
 * now rather than averaging in a stall from a minute ago.
 */
export class RateMeter {
  private samples: { at: number; bytes: number }[] = [];

  constructor(private readonly windowMs = 5000) {}

  add(bytes: number, at: number = performance.now()): void {
    this.samples.push({ at, bytes });
    while (this.samples.length > 2 && at - (this.samples[0] as { at: number }).at > this.windowMs) {
      this.samples.shift();
    }
  }

  /** Bytes per second, or null before there is enough to say. */
  bytesPerSecond(): number | null {
    const first = this.samples[0];
    const last = this.samples.at(-1);
    if (!first || !last || last.at - first.at < 250) return null;
    return ((last.bytes - first.bytes) * 1000) / (last.at - first.at);
  }

  /** Seconds left for `total` bytes, or null when the speed is unknown. */
  secondsLeft(total: number): number | null {
    const rate = this.bytesPerSecond();
    const last = this.samples.at(-1);
    if (!rate || !last) return null;
    return Math.max(0, (total - last.bytes) / rate);
  }

  reset(): void {
    this.samples = [];
  }
}
