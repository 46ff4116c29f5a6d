import type { ProbeResult } from '../types.ts';

/** What the probe would say of a plain h264 source of this display size (no audio), for ladder decisions. */
export function probeOf(
  displayWidth: number,
  displayHeight: number,
  fps = 25,
  bitRate: number | null = null,
): ProbeResult {
  return {
    durationSec: 10,
    sizeBytes: 1,
    formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
    video: {
      codec: 'h264',
      width: displayWidth,
      height: displayHeight,
      displayWidth,
      displayHeight,
      rotation: 0,
      sar: [1, 1],
      fps,
      frameCount: null,
      pixFmt: 'yuv420p',
      bitRate,
    },
    audio: null,
  };
}
