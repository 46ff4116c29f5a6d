import { describe, expect, it } from 'vitest';
import { formatBytes } from './format.ts';

describe('formatBytes', () => {
  it('names limits exactly, in binary units', () => {
    expect(formatBytes(2 * 1024 ** 3)).toBe('2 GiB');
    expect(formatBytes(1024 ** 2)).toBe('1 MiB');
    expect(formatBytes(2048)).toBe('2 KiB');
    expect(formatBytes(4096 * 1024 ** 4)).toBe('4096 TiB');
  });

  it('keeps one decimal below 100 and none from 100 up', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(250 * 1024 * 1024)).toBe('250 MiB');
    expect(formatBytes(1.25 * 1024 ** 3)).toBe('1.3 GiB');
    expect(formatBytes(250.4 * 1024 ** 2)).toBe('250 MiB');
    expect(formatBytes(700.6)).toBe('701 B');
  });

  it('writes the decimal comma on Vietnamese pages', () => {
    expect(formatBytes(1536, 'vi')).toBe('1,5 KiB');
    expect(formatBytes(92_365, 'vi')).toBe('90,2 KiB');
    expect(formatBytes(1024 ** 2, 'vi')).toBe('1 MiB');
  });
});
