import { describe, expect, it } from 'vitest';
import { sourceColorOf, toSdrFilter } from './color.ts';

describe('sourceColorOf', () => {
  it('finds PQ and HLG by transfer, wide gamut by primaries, and leaves BT.709 and untagged alone', () => {
    expect(sourceColorOf({ color_transfer: 'smpte2084', color_primaries: 'bt2020' })).toBe('pq');
    expect(sourceColorOf({ color_transfer: 'arib-std-b67', color_primaries: 'bt2020' })).toBe('hlg');
    expect(sourceColorOf({ color_transfer: 'bt2020-10', color_primaries: 'bt2020' })).toBe('bt2020');
    expect(sourceColorOf({ color_transfer: 'bt709', color_primaries: 'bt709' })).toBeUndefined();
    expect(sourceColorOf({})).toBeUndefined();
  });
});

describe('toSdrFilter', () => {
  it('linearises PQ and HLG by their own curve, converts the gamut, tone-maps, and ends in 8-bit BT.709', () => {
    for (const [color, curve] of [
      ['pq', 'smpte2084'],
      ['hlg', 'arib-std-b67'],
    ] as const) {
      const chain = toSdrFilter(color) ?? '';
      expect(chain.startsWith(`zscale=tin=${curve}:pin=bt2020:min=bt2020nc:rin=tv:t=linear:npl=100,`)).toBe(
        true,
      );
      expect(chain).toContain('zscale=p=bt709,tonemap=mobius:desat=0,zscale=t=bt709:m=bt709:r=tv');
      expect(chain.endsWith('format=yuv420p')).toBe(true);
    }
  });

  it('only re-gamuts wide-gamut SDR (no tone mapping), and adds nothing for SDR', () => {
    expect(toSdrFilter('bt2020')).not.toContain('tonemap');
    expect(toSdrFilter('bt2020')).toContain('p=bt709');
    expect(toSdrFilter(undefined)).toBeNull();
  });
});
