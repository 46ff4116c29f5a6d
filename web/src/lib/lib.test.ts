import { stripLang } from '@artifact-stories/contracts/lang-path';
import { describe, expect, it } from 'vitest';
import { contentIn, contentLang } from './i18n/fallback.ts';
import { formatClock } from './i18n/format.ts';
import { fillMessage, longDate } from './i18n/message.ts';
import { actionFor } from './player/keyboard.ts';
import { cueAt, parseStoryboard } from './player/storyboard.ts';
import { captionsInOrder, rungOf } from './player/tracks.ts';
import { matchRoute } from './router/routes.ts';
import { chosenInOrder, matchesFilter } from './staff/labels.ts';
import { RateMeter } from './staff/rate.ts';

describe('routes', () => {
  it.each([
    ['/', { name: 'home' }],
    ['/search', { name: 'search' }],
    ['/artifacts/khen-hmong', { name: 'artifact', slug: 'khen-hmong' }],
    ['/artifacts/khen-hmong/', { name: 'artifact', slug: 'khen-hmong' }],
    ['/groups/e-de', { name: 'group', slug: 'e-de' }],
    ['/embed/khen-hmong', { name: 'embed', slug: 'khen-hmong' }],
    ['/staff', { name: 'staff-dashboard' }],
    ['/staff/login', { name: 'staff-login' }],
    ['/staff/artifacts/new', { name: 'staff-new' }],
    ['/staff/labels', { name: 'staff-labels' }],
    ['/staff/playback', { name: 'staff-playback' }],
    ['/staff/artifacts/12', { name: 'staff-edit', id: 12 }],
    ['/staff/lessons', { name: 'staff-lessons' }],
    ['/join', { name: 'join' }],
    ['/l/BCD234', { name: 'lesson', code: 'BCD234' }],
    ['/l/bcd-234/print', { name: 'lesson-print', code: 'bcd-234' }],
    ['/l/BCD234/present', { name: 'lesson-present', code: 'BCD234' }],
    ['/exhibitions/song-cung-cay-lua/present', { name: 'exhibition-present', slug: 'song-cung-cay-lua' }],
    ['/lessons/new', { name: 'lesson-new' }],
    ['/lessons/BCD234/edit', { name: 'lesson-edit', code: 'BCD234' }],
    ['/exhibitions/song-cung-cay-lua', { name: 'exhibition', slug: 'song-cung-cay-lua' }],
    ['/staff/exhibitions', { name: 'staff-exhibitions' }],
    ['/staff/exhibitions/new', { name: 'staff-exhibition', id: null }],
    ['/staff/exhibitions/3', { name: 'staff-exhibition', id: 3 }],
  ])('%s', (path, route) => expect(matchRoute(path)).toEqual(route));

  it('matches English pages once the router has taken their prefix off', () => {
    expect(matchRoute(stripLang('/en/artifacts/khen-hmong'))).toEqual({
      name: 'artifact',
      slug: 'khen-hmong',
    });
    expect(matchRoute(stripLang('/en/'))).toEqual({ name: 'home' });
    expect(matchRoute(stripLang('/en/groups/e-de/'))).toEqual({ name: 'group', slug: 'e-de' });
  });

  it.each([
    '/l/<x>',
    '/l/',
    '/lessons/BCD234',
    '/artifacts/Bad_Slug',
    '/artifacts/',
    '/staff/artifacts/0',
    '/staff/artifacts/x',
    '/nowhere',
  ])('%s is not a page', (path) => expect(matchRoute(path)).toEqual({ name: 'not-found' }));
});

describe('storyboard', () => {
  const vtt = `WEBVTT

00:00:00.000 --> 00:00:02.000
sprite.jpg#xywh=0,0,160,90

00:00:02.000 --> 00:00:04.000
sprite.jpg#xywh=160,0,160,90

01:00.000 --> 01:02.500
sub/sprite.jpg#xywh=0,90,160,90
`;
  const cues = parseStoryboard(vtt, '/media/v1/abc/storyboard/storyboard.vtt');

  it('reads every cue with its tile, resolving the image next to the VTT', () => {
    expect(cues).toHaveLength(3);
    expect(cues[1]).toEqual({
      start: 2,
      end: 4,
      url: '/media/v1/abc/storyboard/sprite.jpg',
      x: 160,
      y: 0,
      w: 160,
      h: 90,
    });
    expect(cues[2]?.start).toBe(60);
    expect(cues[2]?.end).toBe(62.5);
    expect(cues[2]?.url).toBe('/media/v1/abc/storyboard/sub/sprite.jpg');
  });

  it('keeps absolute URLs as they are and skips cues without a tile', () => {
    const list = parseStoryboard(
      'WEBVTT\n\n00:00.000 --> 00:01.000\nhttps://cdn.example/s.jpg#xywh=1,2,3,4\n\n00:01.000 --> 00:02.000\nno tile here\n',
      'https://site.example/media/a.vtt',
    );
    expect(list.map((c) => c.url)).toEqual(['https://cdn.example/s.jpg']);
  });

  it('finds the tile for a time', () => {
    expect(cueAt(cues, 2.5)?.x).toBe(160);
    expect(cueAt(cues, 0)?.x).toBe(0);
    // Past the last cue (rounding at the end of the clip): the last tile.
    expect(cueAt(cues, 500)?.y).toBe(90);
  });
});

describe('keyboard', () => {
  const key = (k: string, mods: Partial<KeyboardEvent> = {}) =>
    actionFor({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });
  it('maps the player keys', () => {
    expect(key(' ')).toBe('toggle-play');
    expect(key('ArrowLeft')).toBe('back');
    expect(key('ArrowRight')).toBe('forward');
    expect(key('ArrowUp')).toBe('volume-up');
    expect(key('ArrowDown')).toBe('volume-down');
    expect(key('F')).toBe('fullscreen');
    expect(key('c')).toBe('captions');
    expect(key('m')).toBe('mute');
  });
  it('leaves other keys and browser shortcuts alone', () => {
    expect(key('x')).toBeUndefined();
    expect(key('Tab')).toBeUndefined();
    expect(key('f', { ctrlKey: true })).toBeUndefined();
  });
});

describe('choosing gallery labels', () => {
  const artifact = (slug: string, vi: string, en: string, accessionNumber: string) => ({
    id: slug.length,
    slug,
    accessionNumber,
    title: { vi, en },
    status: 'published' as const,
    ethnicGroups: [],
    category: 'musical-instrument',
    video: null,
    onShow: null,
    updatedAt: '2026-01-01T00:00:00.000Z',
  });
  const khen = artifact('khen-hmong', "Khèn H'Mông", 'Hmong khèn', 'BTDT-2019-0142');
  const dan = artifact('dan-tinh-tay', 'Đàn tính Tày', 'Tày lute', 'BTDT-2016-0088');

  it('matches titles in either language without diacritics, accession numbers and slugs', () => {
    expect(matchesFilter(khen, '  ')).toBe(true);
    expect(matchesFilter(khen, 'KHEN h')).toBe(true);
    expect(matchesFilter(dan, 'dan tinh')).toBe(true);
    expect(matchesFilter(dan, 'lute')).toBe(true);
    expect(matchesFilter(dan, 'btdt-2016')).toBe(true);
    expect(matchesFilter(dan, 'tinh-tay')).toBe(true);
    expect(matchesFilter(dan, 'khen')).toBe(false);
  });

  it('lists the chosen slugs in the order shown, ignoring ones no longer listed', () => {
    expect(chosenInOrder([khen, dan], new Set(['dan-tinh-tay', 'gone', 'khen-hmong']))).toEqual([
      'khen-hmong',
      'dan-tinh-tay',
    ]);
    expect(chosenInOrder([khen, dan], new Set())).toEqual([]);
  });
});

describe('format', () => {
  it('shows clock times', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(75.9)).toBe('1:15');
    expect(formatClock(3725)).toBe('1:02:05');
    expect(formatClock(Number.NaN)).toBe('0:00');
  });
});

describe('upload rate', () => {
  it('measures speed over the recent window and estimates the time left', () => {
    const meter = new RateMeter(5000);
    expect(meter.bytesPerSecond()).toBeNull();
    meter.add(0, 0);
    meter.add(1_000_000, 1000);
    meter.add(2_000_000, 2000);
    expect(meter.bytesPerSecond()).toBe(1_000_000);
    expect(meter.secondsLeft(10_000_000)).toBe(8);
  });
  it('forgets a stall once it is older than the window', () => {
    const meter = new RateMeter(5000);
    meter.add(0, 0);
    meter.add(0, 20_000); // 20 s without progress
    for (let t = 21_000; t <= 30_000; t += 1000) meter.add((t - 20_000) * 2000, t);
    expect(meter.bytesPerSecond()).toBe(2_000_000);
  });
});

describe('content language fallback', () => {
  it('shows the wanted language when it is there', () => {
    expect(contentIn({ vi: 'Khèn', en: 'Khen pipes' }, 'en')).toBe('Khen pipes');
    expect(contentLang({ vi: 'Khèn', en: 'Khen pipes' }, 'vi')).toBe('vi');
  });
  it('falls back to the other language when the field is empty or blank', () => {
    expect(contentIn({ vi: 'Khèn', en: '  ' }, 'en')).toBe('Khèn');
    expect(contentLang({ vi: 'Khèn', en: '' }, 'en')).toBe('vi');
    expect(contentIn({ vi: '', en: 'Gongs' }, 'vi')).toBe('Gongs');
  });
  it('gives nothing when both are empty', () => {
    expect(contentIn({ vi: '', en: '' }, 'vi')).toBe('');
    expect(contentIn(null, 'vi')).toBe('');
  });
});

describe('messages', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fillMessage('{count} kết quả cho “{q}”', { count: 3, q: 'khèn' }, 'vi')).toBe(
      '3 kết quả cho “khèn”',
    );
    expect(fillMessage('Hi {name}', {}, 'en')).toBe('Hi {name}');
  });

  it('picks the English plural by count, formatted or not', () => {
    const text = '{count} {count|film|films}';
    expect(fillMessage(text, { count: 1 }, 'en')).toBe('1 film');
    expect(fillMessage(text, { count: 0 }, 'en')).toBe('0 films');
    expect(fillMessage(text, { count: 2 }, 'en')).toBe('2 films');
    expect(fillMessage(text, { count: '1,001' }, 'en')).toBe('1,001 films');
  });

  it('does not read placeholders inside the values it fills in', () => {
    expect(fillMessage('“{q}”', { q: '{q|a|b}' }, 'en')).toBe('“{q|a|b}”');
  });

  it('writes long dates as each language does', () => {
    const iso = new Date(2026, 10, 26, 12).toISOString();
    expect(longDate(iso, 'vi')).toBe('26 tháng 11 năm 2026');
    expect(longDate(iso, 'en')).toBe('26 November 2026');
  });
});

describe('player tracks', () => {
  it('names rungs by the short side, portrait or landscape', () => {
    expect(rungOf(1280, 720)).toBe(720);
    expect(rungOf(720, 1280)).toBe(720);
    expect(rungOf(undefined, 480)).toBe(480);
  });

  it("lists the page language's captions first", () => {
    const tracks = [{ lang: 'en' }, { lang: 'vi' }];
    expect(captionsInOrder(tracks, 'vi').map((c) => c.lang)).toEqual(['vi', 'en']);
    expect(captionsInOrder(tracks, 'en').map((c) => c.lang)).toEqual(['en', 'vi']);
  });
});
