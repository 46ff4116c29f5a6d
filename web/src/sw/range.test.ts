import { describe, expect, it } from 'vitest';
import { parseRange, partialResponse } from './range.ts';

describe('parseRange', () => {
  it('reads the forms a <video> sends', () => {
    expect(parseRange('bytes=0-', 1000)).toEqual({ start: 0, end: 999 });
    expect(parseRange('bytes=100-199', 1000)).toEqual({ start: 100, end: 199 });
    expect(parseRange('bytes=900-5000', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
  });

  it('refuses what cannot be met', () => {
    expect(parseRange('bytes=1000-', 1000)).toBeNull();
    expect(parseRange('bytes=50-10', 1000)).toBeNull();
    expect(parseRange('bytes=-', 1000)).toBeNull();
    expect(parseRange('items=0-1', 1000)).toBeNull();
    expect(parseRange('bytes=0-1,5-6', 1000)).toBeNull();
  });
});

describe('partialResponse', () => {
  const whole = () => new Response('0123456789', { headers: { 'Content-Type': 'video/mp4' } });

  it('answers 206 with the asked bytes and their place in the file', async () => {
    const part = await partialResponse('bytes=2-5', whole());
    expect(part.status).toBe(206);
    expect(part.headers.get('Content-Range')).toBe('bytes 2-5/10');
    expect(part.headers.get('Content-Length')).toBe('4');
    expect(part.headers.get('Content-Type')).toBe('video/mp4');
    expect(await part.text()).toBe('2345');
  });

  it('answers 416 with the size when the range is past the end', async () => {
    const part = await partialResponse('bytes=20-', whole());
    expect(part.status).toBe(416);
    expect(part.headers.get('Content-Range')).toBe('bytes */10');
  });
});
