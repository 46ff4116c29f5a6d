import type { PublicVideo } from '@artifact-stories/contracts/schemas';
import { describe, expect, it } from 'vitest';
import { appliedChoice, choicesFor, clipBytes, rememberChoice, rememberedChoice } from './data-saver.ts';

type Clip = Pick<PublicVideo, 'durationSec' | 'renditions' | 'audioOnly'>;

const rung = (height: number, averageBandwidth: number) => ({
  name: `${height}p`,
  width: Math.round((height * 16) / 9),
  height,
  fps: 25,
  bandwidth: Math.round(averageBandwidth * 1.3),
  averageBandwidth,
});

/** 60 s, three rungs (listed highest first, as the master does) and the sound alone at 64 kbit/s. */
const clip: Clip = {
  durationSec: 60,
  renditions: [rung(720, 1_600_000), rung(240, 160_000), rung(480, 800_000)],
  audioOnly: { url: '/media/v/1/audio/index.m3u8', bandwidth: 70_000, averageBandwidth: 64_000 },
};
const silent: Clip = { ...clip, audioOnly: undefined };

function memoryStore(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

describe('what a clip costs at each choice', () => {
  it('is the average rate of what plays times the length: lowest rung, highest rung, the sound alone', () => {
    expect(clipBytes('saver', clip)).toBe(1_200_000); // 160 kbit/s × 60 s
    expect(clipBytes('auto', clip)).toBe(12_000_000); // the most automatic may cost
    expect(clipBytes('audio', clip)).toBe(480_000);
  });

  it('offers the sound alone only where the clip has it, and falls back to the saver where it does not', () => {
    expect(choicesFor(clip)).toEqual(['auto', 'saver', 'audio']);
    expect(choicesFor(silent)).toEqual(['auto', 'saver']);
    expect(appliedChoice('audio', clip)).toBe('audio');
    expect(appliedChoice('audio', silent)).toBe('saver');
    expect(appliedChoice('auto', silent)).toBe('auto');
  });
});

describe('the remembered choice', () => {
  it('is automatic on a first visit, and the saver when the browser asks to save data (saying so)', () => {
    expect(rememberedChoice(memoryStore(), undefined)).toEqual({ choice: 'auto', byBrowser: false });
    expect(rememberedChoice(memoryStore(), true)).toEqual({ choice: 'saver', byBrowser: true });
  });

  it("keeps the visitor's own choice over the browser's setting, across pages", () => {
    const store = memoryStore();
    rememberChoice(store, 'audio');
    expect(rememberedChoice(store, true)).toEqual({ choice: 'audio', byBrowser: false });
    rememberChoice(store, 'auto');
    expect(rememberedChoice(store, true)).toEqual({ choice: 'auto', byBrowser: false });
  });

  it('ignores what it does not know and survives a storage that refuses', () => {
    expect(rememberedChoice(memoryStore({ 'player.data': 'hd' }), false).choice).toBe('auto');
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(rememberedChoice(refusing, true)).toEqual({ choice: 'saver', byBrowser: true });
    expect(() => rememberChoice(refusing, 'audio')).not.toThrow();
  });
});
