import { describe, expect, it } from 'vitest';
import { rememberBandwidth, rememberedBandwidth } from './link.ts';
import { chooseStartRung, DEFAULT_ESTIMATE_BPS, estimateBps, type StartRung } from './start-rung.ts';

// A landscape ladder in the engine's order, deliberately not sorted: the code must not assume an order or a
// fixed list (the ladder grows rungs near 150 kbit/s and an audio-only rendition).
const AUDIO: StartRung = { bitrate: 64_000, width: 0, height: 0 };
const R234: StartRung = { bitrate: 150_000, width: 416, height: 234 };
const R360: StartRung = { bitrate: 900_000, width: 640, height: 360 };
const R480: StartRung = { bitrate: 1_500_000, width: 854, height: 480 };
const R720: StartRung = { bitrate: 3_100_000, width: 1280, height: 720 };
const LADDER = [R480, R720, R360, R234, AUDIO];
const at = (rung: StartRung) => LADDER.indexOf(rung);

describe('start rung', () => {
  it('starts low when nothing is known of the link', () => {
    expect(estimateBps({})).toBe(DEFAULT_ESTIMATE_BPS);
    expect(chooseStartRung(LADDER, {})).toBe(at(R234));
  });

  it('follows the Network Information API: a slow connection starts on the bottom rung', () => {
    expect(chooseStartRung(LADDER, { downlinkMbps: 0.4, effectiveType: '3g' })).toBe(at(R234));
    // 3g caps the estimate at 700 kbit/s whatever downlink claims: 360p (0.9 Mbit/s) does not fit.
    expect(chooseStartRung(LADDER, { downlinkMbps: 5, effectiveType: '3g' })).toBe(at(R234));
    expect(chooseStartRung(LADDER, { downlinkMbps: 4, effectiveType: '4g' })).toBe(at(R360));
    expect(chooseStartRung(LADDER, { downlinkMbps: 10, effectiveType: '4g' })).toBe(at(R480));
  });

  it('starts on the lowest picture when the visitor saves data, however fast the link', () => {
    expect(chooseStartRung(LADDER, { downlinkMbps: 10, saveData: true, rememberedBps: 20e6 })).toBe(at(R234));
  });

  it('uses the bandwidth measured on an earlier page, but never above what the browser says now', () => {
    expect(chooseStartRung(LADDER, { rememberedBps: 6_000_000 })).toBe(at(R480));
    expect(chooseStartRung(LADDER, { rememberedBps: 4_000_000 })).toBe(at(R360));
    expect(chooseStartRung(LADDER, { rememberedBps: 6_000_000, downlinkMbps: 0.5 })).toBe(at(R234));
  });

  it('leaves room: a rung must fit in 70 % of the estimate, not all of it', () => {
    // With 1 s segments the first-segment rule allows the whole estimate: the 70 % is what binds.
    expect(chooseStartRung(LADDER, { rememberedBps: 1_000_000 }, undefined, 1)).toBe(at(R234));
    expect(chooseStartRung(LADDER, { rememberedBps: 1_300_000 }, undefined, 1)).toBe(at(R360));
  });

  it('starts on a rung whose first segment arrives within a second at the estimate', () => {
    // 2 Mbit/s: a 4 s segment of the 0.9 Mbit/s rung would take 1.8 s; of the 150 kbit/s one, 0.3 s.
    expect(chooseStartRung(LADDER, { downlinkMbps: 2 })).toBe(at(R234));
    // Shorter segments let the same link start higher: 2 s of 0.9 Mbit/s is 0.9 s.
    expect(chooseStartRung(LADDER, { downlinkMbps: 2 }, undefined, 2)).toBe(at(R360));
    // ...but never above 70 % of the link (1.5 Mbit/s > 1.4).
    expect(chooseStartRung(LADDER, { downlinkMbps: 2 }, undefined, 0.5)).toBe(at(R360));
  });

  it('never starts above what the player shows', () => {
    const fast = { rememberedBps: 20_000_000 };
    // A 360×203 phone player at 2× needs 720 device pixels on its longer side: 854×480 covers it.
    expect(chooseStartRung(LADDER, fast, { width: 360, height: 203, pixelRatio: 2 })).toBe(at(R480));
    expect(chooseStartRung(LADDER, fast, { width: 500, height: 281, pixelRatio: 1 })).toBe(at(R360));
    // Larger than every rung: the top one.
    expect(chooseStartRung(LADDER, fast, { width: 1920, height: 1080, pixelRatio: 1 })).toBe(at(R720));
  });

  it('takes the lowest picture when even that does not fit, and never starts on audio alone', () => {
    expect(chooseStartRung(LADDER, { effectiveType: 'slow-2g' })).toBe(at(R234));
    expect(chooseStartRung([R720, R480], { downlinkMbps: 0.3 })).toBe(1);
    expect(chooseStartRung([AUDIO], {})).toBe(0);
    expect(chooseStartRung([], {})).toBe(-1);
  });

  it('picks portrait rungs by bitrate too', () => {
    const tall = [
      { bitrate: 3_100_000, width: 720, height: 1280 },
      { bitrate: 150_000, width: 234, height: 416 },
      { bitrate: 900_000, width: 360, height: 640 },
    ];
    expect(chooseStartRung(tall, {})).toBe(1);
    expect(chooseStartRung(tall, { rememberedBps: 4_000_000 })).toBe(2);
  });
});

describe('remembered bandwidth', () => {
  const store = () => {
    const map = new Map<string, string>();
    return {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
    };
  };
  const DAY = 24 * 3600 * 1000;

  it('keeps the last measurement for a few days', () => {
    const s = store();
    rememberBandwidth(s, 2_345_678.9, 1000);
    expect(rememberedBandwidth(s, 1000 + DAY)).toBe(2_345_679);
    expect(rememberedBandwidth(s, 1000 + 4 * DAY)).toBeUndefined();
  });

  it('ignores what is missing, broken or absurd, and caps loopback speeds', () => {
    const s = store();
    expect(rememberedBandwidth(s, 0)).toBeUndefined();
    expect(rememberedBandwidth(undefined, 0)).toBeUndefined();
    s.setItem('player.bandwidth', '{not json');
    expect(rememberedBandwidth(s, 0)).toBeUndefined();
    rememberBandwidth(s, Number.NaN, 0);
    expect(rememberedBandwidth(s, 0)).toBeUndefined();
    rememberBandwidth(s, 3e9, 0);
    expect(rememberedBandwidth(s, 0)).toBe(50_000_000);
  });
});
