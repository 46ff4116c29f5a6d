import { describe, expect, it } from 'vitest';
import { decideLang, isRobot, type LangClues } from './first-lang.ts';

const visit = (clues: Partial<LangClues>) =>
  decideLang({ pathname: '/', asked: null, remembered: null, browser: [], robot: false, ...clues });

describe('the first page language', () => {
  it('follows the browser on a first visit to a root page: anything but Vietnamese reads English', () => {
    expect(visit({ browser: ['vi-VN', 'en'] })).toEqual({ lang: 'vi', toEnglishTwin: false });
    expect(visit({ browser: ['vi'] })).toEqual({ lang: 'vi', toEnglishTwin: false });
    expect(visit({ browser: ['en-US'] })).toEqual({ lang: 'en', toEnglishTwin: true });
    expect(visit({ browser: ['fr-FR', 'vi'] })).toEqual({ lang: 'en', toEnglishTwin: true });
    expect(visit({ pathname: '/artifacts/khen-hmong', browser: ['ko'] })).toEqual({
      lang: 'en',
      toEnglishTwin: true,
    });
    // Nothing said: the museum's language.
    expect(visit({ browser: [] })).toEqual({ lang: 'vi', toEnglishTwin: false });
  });

  it('keeps a remembered choice over the browser', () => {
    expect(visit({ browser: ['en-US'], remembered: 'vi' })).toEqual({ lang: 'vi', toEnglishTwin: false });
    expect(visit({ browser: ['vi'], remembered: 'en' })).toEqual({ lang: 'en', toEnglishTwin: true });
    expect(visit({ browser: ['vi'], remembered: 'klingon' })).toEqual({ lang: 'vi', toEnglishTwin: false });
  });

  it('lets the URL decide when it names English, and turns the old ?lang=en into the path', () => {
    expect(visit({ pathname: '/en/groups/e-de', browser: ['vi'], remembered: 'vi' })).toEqual({
      lang: 'en',
      toEnglishTwin: false,
    });
    expect(visit({ asked: 'en', browser: ['vi'], remembered: 'vi' })).toEqual({
      lang: 'en',
      toEnglishTwin: true,
    });
    expect(visit({ asked: 'vi', browser: ['en'], remembered: 'en' })).toEqual({
      lang: 'vi',
      toEnglishTwin: false,
    });
  });

  it('never moves a crawler to the other language', () => {
    expect(visit({ browser: ['en-US'], robot: true })).toEqual({ lang: 'vi', toEnglishTwin: false });
    expect(isRobot('Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)')).toBe(true);
    expect(isRobot('Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)')).toBe(true);
    expect(
      isRobot('Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36'),
    ).toBe(false);
  });

  it('keeps staff pages and the embed in place: ?lang= or the remembered choice', () => {
    expect(visit({ pathname: '/embed/khen-hmong', asked: 'en', browser: ['vi'] })).toEqual({
      lang: 'en',
      toEnglishTwin: false,
    });
    expect(visit({ pathname: '/staff', remembered: 'en', browser: ['vi'] })).toEqual({
      lang: 'en',
      toEnglishTwin: false,
    });
    expect(visit({ pathname: '/staff', browser: ['en'] })).toEqual({ lang: 'vi', toEnglishTwin: false });
  });
});
