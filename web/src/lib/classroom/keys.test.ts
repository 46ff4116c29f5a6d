import { describe, expect, it } from 'vitest';
import { classroomAction } from './keys.ts';

const press = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('classroom keys', () => {
  it('walk the items with a presenter remote’s page keys and with the arrows', () => {
    for (const key of ['PageDown', 'ArrowRight', 'ArrowDown'])
      expect(classroomAction(press(key), 'other'), key).toBe('next');
    for (const key of ['PageUp', 'ArrowLeft', 'ArrowUp'])
      expect(classroomAction(press(key), 'other'), key).toBe('previous');
    expect(classroomAction(press('Home'), 'other')).toBe('first');
    expect(classroomAction(press('End'), 'other')).toBe('last');
  });

  it('blank the screen with B or ".", toggle play with Space or K, size captions with + and −', () => {
    expect(classroomAction(press('b'), 'other')).toBe('blank');
    expect(classroomAction(press('B'), 'other')).toBe('blank');
    expect(classroomAction(press('.'), 'other')).toBe('blank');
    expect(classroomAction(press(' '), 'other')).toBe('toggle-play');
    expect(classroomAction(press('K'), 'other')).toBe('toggle-play');
    expect(classroomAction(press('+'), 'other')).toBe('bigger');
    expect(classroomAction(press('='), 'other')).toBe('bigger');
    expect(classroomAction(press('-'), 'other')).toBe('smaller');
    expect(classroomAction(press('f'), 'other')).toBe('fullscreen');
    expect(classroomAction(press('Escape'), 'other')).toBe('escape');
  });

  it('leave a focused field its keys, a focused button its Space, and the browser its shortcuts', () => {
    expect(classroomAction(press('ArrowRight'), 'field')).toBeUndefined();
    expect(classroomAction(press('PageDown'), 'field')).toBeUndefined();
    expect(classroomAction(press(' '), 'button')).toBeUndefined();
    expect(classroomAction(press('PageDown'), 'button')).toBe('next');
    expect(classroomAction(press('ArrowLeft', { altKey: true }), 'other')).toBeUndefined();
    expect(classroomAction(press('r', { ctrlKey: true }), 'other')).toBeUndefined();
    expect(classroomAction(press('F5'), 'other')).toBeUndefined();
    expect(classroomAction(press('m'), 'other')).toBeUndefined();
  });
});
