// Colour as data: which sources are not BT.709 SDR, and the one filter chain that brings them there.
// The encode, the poster and the storyboard all take their chain from here, so they agree.
import type { SourceColor } from '../types.ts';

/** The colour tags ffprobe reports on a video stream (absent or 'unknown' when the file has none). */
export interface ColorTags {
  color_transfer?: string;
  color_primaries?: string;
}

export function sourceColorOf(tags: ColorTags): SourceColor | undefined {
  if (tags.color_transfer === 'smpte2084') return 'pq';
  if (tags.color_transfer === 'arib-std-b67') return 'hlg';
  if (tags.color_primaries === 'bt2020') return 'bt2020';
  return undefined;
}

/** zscale's names for the source transfer: PQ, HLG, and BT.2020's SDR curve (the same as BT.709's). */
const TRANSFER_IN: Record<SourceColor, string> = {
  pq: 'smpte2084',
  hlg: 'arib-std-b67',
  bt2020: 'bt709',
};

/**
 * The chain that turns one of these sources into 8-bit 4:2:0 BT.709 SDR (TV range), or null for a source
 * that needs nothing. Input tags are stated, not trusted from the frames (a scaled frame can arrive with
 * them dropped). HDR is linearised with 100 nits as 1.0, the gamut converted in linear light, then Möbius
 * keeps everything up to SDR white nearly as graded and rolls only the highlights above it off; desat=0
 * keeps bright colours from being washed towards white. Measured on a picture graded at BT.2408's 203-nit
 * white (PQ and HLG): saturation 0.98× and 1.00× of the SDR original, luma range 1.02× and 1.03×. Hable,
 * the usual choice, gave 0.76× saturation and 0.82× range, and a darker picture (its toe darkens mid-tones);
 * no tone mapping at all, today's path, gave 0.26× saturation and 0.54× range for PQ.
 */
export function toSdrFilter(color: SourceColor | undefined): string | null {
  if (!color) return null;
  const from = `zscale=tin=${TRANSFER_IN[color]}:pin=bt2020:min=bt2020nc:rin=tv`;
  if (color === 'bt2020') return `${from}:t=bt709:p=bt709:m=bt709:r=tv,format=yuv420p`;
  return [
    `${from}:t=linear:npl=100`,
    'format=gbrpf32le',
    'zscale=p=bt709',
    'tonemap=mobius:desat=0',
    'zscale=t=bt709:m=bt709:r=tv',
    'format=yuv420p',
  ].join(',');
}

/** Every encoded rung says BT.709 SDR, so players never guess (an untagged 1080p is guessed right, a 480p not). */
export const BT709_TAGS = ['-color_primaries', 'bt709', '-color_trc', 'bt709', '-colorspace', 'bt709'];
