import { describe, expect, it } from 'vitest';
import { toWebVtt } from './captions.ts';
import { listCues, replaceCueText } from './cues.ts';

const VTT = toWebVtt(
  '1\n00:00:00,500 --> 00:00:02,000\nTiếng khèn gọi bạn\n\n2\n00:00:02,500 --> 00:01:04,250\nvề bản\nhai dòng\n',
);

describe('caption cues', () => {
  it('lists each cue with its times in seconds and its text', () => {
    expect(listCues(VTT)).toEqual([
      { index: 0, startSec: 0.5, endSec: 2, text: 'Tiếng khèn gọi bạn' },
      { index: 1, startSec: 2.5, endSec: 64.25, text: 'về bản\nhai dòng' },
    ]);
  });

  it('replaces one cue’s words and keeps every timing', () => {
    const fixed = replaceCueText(VTT, 1, 'về làng') as string;
    expect(listCues(fixed).map((c) => c.text)).toEqual(['Tiếng khèn gọi bạn', 'về làng']);
    expect(listCues(fixed).map((c) => [c.startSec, c.endSec])).toEqual(
      listCues(VTT).map((c) => [c.startSec, c.endSec]),
    );
    expect(toWebVtt(fixed)).toBe(fixed); // still what the validator writes
    expect(replaceCueText(VTT, 2, 'x')).toBeNull();
  });
});
