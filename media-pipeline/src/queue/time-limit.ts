// Each job's time limit: a floor, raised in proportion to the media's length once the handler knows it.
// A transcode that runs far longer than its clip is stuck or far too costly; it must not hold the worker forever.
import type { Texts } from '../texts.ts';
import { viDecimal } from '../texts.ts';

export interface TimeLimitOptions {
  /** Every job may run this long, and this long only until its handler reports the media's duration. */
  minMs?: number;
  /** Milliseconds allowed per second of media, once reported (10 s per second: 5 h for the longest clip). */
  perMediaSecondMs?: number;
}

const DEFAULT_TIME_LIMIT: Required<TimeLimitOptions> = { minMs: 5 * 60_000, perMediaSecondMs: 10_000 };

const fmtSec = (sec: number): string => (sec >= 120 ? `${Math.round(sec / 60)} min` : `${sec.toFixed(1)} s`);
const fmtSecVi = (sec: number): string =>
  sec >= 120 ? `${Math.round(sec / 60)} phút` : `${viDecimal(sec.toFixed(1))} giây`;

/** The job failed because it ran out of time: no retry (the same input would take as long again). */
export class JobTimeLimitError extends Error {
  readonly messages: Texts;
  constructor(
    readonly limitMs: number,
    readonly mediaSec: number | null,
  ) {
    const limit = limitMs / 1000;
    const messages: Texts = {
      en:
        `The transcode was stopped after ${fmtSec(limit)}, its time limit` +
        `${mediaSec === null ? '' : ` for a clip lasting ${fmtSec(mediaSec)}`}: the server was too busy or the clip ` +
        'too heavy to convert. Retry when the server is less busy, or upload a lighter export (1080p, 30 frames ' +
        'per second).',
      vi:
        `Quá trình chuyển mã đã bị dừng sau ${fmtSecVi(limit)}, hết thời hạn cho phép` +
        `${mediaSec === null ? '' : ` với đoạn phim dài ${fmtSecVi(mediaSec)}`}: máy chủ quá bận hoặc đoạn phim ` +
        'quá nặng để chuyển đổi. Hãy chạy lại khi máy chủ bớt bận, hoặc tải lên bản xuất nhẹ hơn (1080p, 30 ' +
        'khung hình/giây).',
    };
    super(messages.en);
    this.name = 'JobTimeLimitError';
    this.messages = messages;
  }
}

/** One job's clock: calls onExpire once when the limit passes; cleared when the job ends. */
export class JobDeadline {
  private readonly started = Date.now();
  private readonly opts: Required<TimeLimitOptions>;
  private timer: NodeJS.Timeout | undefined;
  private mediaSec: number | null = null;
  private limitMs: number;

  constructor(
    options: TimeLimitOptions | undefined,
    private readonly onExpire: () => void,
  ) {
    this.opts = { ...DEFAULT_TIME_LIMIT, ...options };
    this.limitMs = this.opts.minMs;
    this.arm();
  }

  /** The media lasts sec seconds: the limit becomes max(minMs, perMediaSecondMs × sec), from the job's start. */
  setMediaDuration(sec: number): void {
    if (!Number.isFinite(sec) || sec <= 0 || this.timer === undefined) return;
    this.mediaSec = sec;
    this.limitMs = Math.max(this.opts.minMs, this.opts.perMediaSecondMs * sec);
    this.arm();
  }

  error(): JobTimeLimitError {
    return new JobTimeLimitError(this.limitMs, this.mediaSec);
  }

  clear(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.onExpire();
      },
      Math.max(0, this.started + this.limitMs - Date.now()),
    );
  }
}
