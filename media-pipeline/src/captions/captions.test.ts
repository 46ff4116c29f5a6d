import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CaptionError, toWebVtt } from './captions.ts';
import { decodeCaptionBytes, writeCaptionRenditions } from './renditions.ts';

const tmp = mkdtempSync(join(tmpdir(), 'captions-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function errorOf(text: string): CaptionError {
  try {
    toWebVtt(text);
  } catch (err) {
    if (err instanceof CaptionError) return err;
    throw err;
  }
  throw new Error('expected a CaptionError');
}

describe('toWebVtt', () => {
  it('converts SRT exactly: BOM, CRLF, cue numbers, comma decimals, tags, entities, order', () => {
    const srt = [
      '\uFEFF1',
      '00:00:01,000 --> 00:00:04,500',
      '<i>Chiếc khèn</i> của người <font color="#ff0">H’Mông</font>',
      '',
      '3',
      '00:00:09,5 --> 00:00:12,000 X1:40 X2:600 Y1:20 Y2:50',
      '{\\an8}Tom & Jerry <3',
      '',
      '2',
      '0:00:05,000-->0:00:08,250',
      'Line one',
      '<B>Line two</B>',
      '',
      '',
    ].join('\r\n');
    const vtt = toWebVtt(srt);
    expect(toWebVtt(vtt)).toBe(vtt); // converting again changes nothing (the api stores converted files)
    expect(vtt).toBe(
      [
        'WEBVTT',
        '',
        '00:00:01.000 --> 00:00:04.500',
        '<i>Chiếc khèn</i> của người H’Mông',
        '',
        '00:00:05.000 --> 00:00:08.250',
        'Line one',
        '<b>Line two</b>',
        '',
        '00:00:09.500 --> 00:00:12.000',
        'Tom &amp; Jerry &lt;3',
        '',
      ].join('\n'),
    );
  });

  it('normalises WebVTT: short times, identifiers and settings kept, notes and unknown settings dropped', () => {
    const vtt = [
      'WEBVTT - Khăn piêu',
      'Kind: captions',
      '',
      'NOTE made by the museum',
      '',
      'STYLE',
      '::cue { color: yellow }',
      '',
      'intro',
      '00:01.000 --> 00:03.000 align:start line:10% wobble:yes',
      'Xin chào &amp; welcome',
      '',
      '01:00:00.000 --> 01:00:02.000',
      'An hour in',
    ].join('\n');
    expect(toWebVtt(vtt)).toBe(
      [
        'WEBVTT',
        '',
        'STYLE',
        '::cue { color: yellow }',
        '',
        'intro',
        '00:00:01.000 --> 00:00:03.000 align:start line:10%',
        'Xin chào &amp; welcome',
        '',
        '01:00:00.000 --> 01:00:02.000',
        'An hour in',
        '',
      ].join('\n'),
    );
  });

  it('gives each kind of broken input its own message naming the line and the fix', () => {
    const cases: [string, number | undefined, RegExp][] = [
      ['', undefined, /neither WebVTT .* nor SRT.*the file is empty/],
      [
        'Hello, this is my essay\nabout khèn',
        1,
        /neither WebVTT.*found 'Hello, this is my essay'.*\.srt or \.vtt/,
      ],
      ['webvtt\n\n00:01.000 --> 00:02.000\nx', 1, /first line must be exactly 'WEBVTT'/],
      ['1\n00:00:01,000 --> 00:00:0x,000\nHi', 2, /'00:00:0x,000' is not a valid end time.*00:01:02,500/],
      ['1\n00:00:01,000 -->\nHi', 2, /no end time/],
      ['WEBVTT\n\n00:61.000 --> 00:62.000\nHi', 3, /'00:61.000'.*below 60/],
      [
        '1\n00:00:05,000 --> 00:00:02,000\nHi',
        2,
        /ends at 00:00:02.000, which is not after its start 00:00:05.000/,
      ],
      [
        '1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:03,000 --> 00:00:04,000\nok',
        2,
        /has no text.*delete the cue/,
      ],
      ['1\n00:00:01,000 --> 00:00:02,000\nHi\n2\n00:00:03,000 --> 00:00:04,000\nok', 5, /empty line between/],
      [
        '1\n00:00:01,000 --> 00:00:02,000\nHi\n\nSecond line lost\n\n2\n00:00:03,000 --> 00:00:04,000\nok',
        5,
        /cue number.*found 'Second line lost' alone.*empty line has slipped/,
      ],
      ['WEBVTT\n\nNOTE nothing else', undefined, /no cues/],
      [
        'WEBVTT\n\n00:01.000 --> 00:02.000\nok\x00\x01\x02',
        undefined,
        /not plain UTF-8 text.*the first on line 4/,
      ],
      [
        `1\n00:00:01,000 --> 00:00:02,000\n${'x'.repeat(1024 ** 2 + 1)}`,
        undefined,
        /1\.0 MiB; the limit is 1 MiB/,
      ],
    ];
    const messages = new Set<string>();
    const messagesVi = new Set<string>();
    for (const [input, line, pattern] of cases) {
      const err = errorOf(input);
      expect(err.message, JSON.stringify(input.slice(0, 40))).toMatch(pattern);
      expect(err.messages.en).toBe(err.message);
      expect(err.line).toBe(line);
      if (line !== undefined) {
        expect(err.message.startsWith(`Line ${line}: `)).toBe(true);
        expect(err.messages.vi.startsWith(`Dòng ${line}: `)).toBe(true);
      }
      // The Vietnamese text is its own (not the English one), with its diacritics, and says what to do.
      expect(err.messages.vi).not.toBe(err.message);
      expect(err.messages.vi).toMatch(/[ăâđêôơưạảấầẩậắằẳặẹẻẽếềểễệỉịọỏốồổộớờởợụủứừửữựỳỷỹ]/);
      messages.add(err.detail.en.replace(/'[^']*'/g, "''"));
      messagesVi.add(err.detail.vi.replace(/'[^']*'/g, "''"));
    }
    expect(messages.size).toBeGreaterThanOrEqual(cases.length - 2); // near-duplicates only for the same fault
    expect(messagesVi.size).toBe(messages.size);
  });

  it('says the same faults in Vietnamese, naming the line', () => {
    expect(errorOf('1\n00:00:03,000 --> 00:00:02,000\nngược\n').messages.vi).toBe(
      'Dòng 2: câu phụ đề kết thúc lúc 00:00:02.000, không sau thời điểm bắt đầu 00:00:03.000. ' +
        'Hãy sửa lại thời gian để mỗi câu kết thúc sau khi bắt đầu.',
    );
    expect(errorOf('1\n00:00:01,000 --> 00:01:75,000\nx\n').messages.vi).toMatch(
      /^Dòng 2: '00:01:75,000' không phải là thời điểm kết thúc hợp lệ: số phút và số giây phải nhỏ hơn 60\. Hãy viết/,
    );
    expect(errorOf('Hello there').messages.vi).toMatch(
      /^Dòng 1: tệp này không phải WebVTT .* Hãy xuất phụ đề dưới dạng \.srt hoặc \.vtt/,
    );
    expect(errorOf(`1\n00:00:01,000 --> 00:00:02,000\n${'x'.repeat(1.5 * 1024 ** 2)}`).messages.vi).toMatch(
      /^Tệp phụ đề có dung lượng 1,5 MiB; giới hạn là 1 MiB\./,
    );
  });
});

describe('caption files', () => {
  it('decodes UTF-8 with a BOM and UTF-16, and refuses legacy encodings and binary data', () => {
    const text = '1\n00:00:01,000 --> 00:00:02,000\nNhà rông\n';
    expect(toWebVtt(decodeCaptionBytes(Buffer.from(`\uFEFF${text}`)))).toContain('Nhà rông');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(toWebVtt(decodeCaptionBytes(utf16))).toContain('Nhà rông');
    const latin = Buffer.from('1\n00:00:01,000 --> 00:00:02,000\nCaf\xe9\n', 'latin1');
    expect(() => decodeCaptionBytes(latin)).toThrow(/not UTF-8 text.*save it with the encoding UTF-8/);
    expect(() => decodeCaptionBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]))).toThrow(
      /binary, not text/,
    );
  });

  it('writes a WebVTT file and a one-segment HLS subtitle playlist per language', async () => {
    const srt = join(tmp, 'vi.srt');
    writeFileSync(srt, '1\r\n00:00:00,500 --> 00:00:02,000\r\nXin chào\r\n');
    const vtt = join(tmp, 'en.vtt');
    writeFileSync(vtt, 'WEBVTT\n\n00:01.000 --> 00:03.000\nHello\n');
    const out = join(tmp, 'out1');
    const entries = await writeCaptionRenditions(
      [
        { lang: 'vi', label: 'Tiếng Việt', path: srt },
        { lang: 'en', label: 'English', path: vtt },
      ],
      12.48,
      out,
    );
    expect(entries).toEqual([
      { lang: 'vi', label: 'Tiếng Việt', vtt: 'captions/vi.vtt', playlist: 'captions/vi.m3u8' },
      { lang: 'en', label: 'English', vtt: 'captions/en.vtt', playlist: 'captions/en.m3u8' },
    ]);
    expect(readFileSync(join(out, 'captions/vi.vtt'), 'utf8')).toBe(
      'WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:0,LOCAL:00:00:00.000\n\n00:00:00.500 --> 00:00:02.000\nXin chào\n',
    );
    expect(readFileSync(join(out, 'captions/en.m3u8'), 'utf8')).toBe(
      [
        '#EXTM3U',
        '#EXT-X-VERSION:3',
        '#EXT-X-TARGETDURATION:13',
        '#EXT-X-MEDIA-SEQUENCE:0',
        '#EXT-X-PLAYLIST-TYPE:VOD',
        '#EXTINF:12.480,',
        'en.vtt',
        '#EXT-X-ENDLIST',
        '',
      ].join('\n'),
    );
  });

  it('writes nothing when one file is bad, and names the file, the line and the fault', async () => {
    const good = join(tmp, 'good.srt');
    writeFileSync(good, '1\n00:00:01,000 --> 00:00:02,000\nok\n');
    const bad = join(tmp, 'bad.srt');
    writeFileSync(bad, '1\n00:00:03,000 --> 00:00:02,000\nbackwards\n');
    const out = join(tmp, 'out2');
    await expect(
      writeCaptionRenditions(
        [
          { lang: 'vi', label: 'Tiếng Việt', path: good },
          { lang: 'en', label: 'English', path: bad },
        ],
        10,
        out,
      ),
    ).rejects.toThrow(/^Captions 'English' \(en\): Line 2: the cue ends at 00:00:02.000/);
    const err = await writeCaptionRenditions([{ lang: 'en', label: 'English', path: bad }], 10, out).catch(
      (e: unknown) => e,
    );
    expect((err as CaptionError).messages.vi).toMatch(
      /^Phụ đề 'English' \(en\): Dòng 2: câu phụ đề kết thúc lúc 00:00:02\.000/,
    );
    expect(existsSync(join(out, 'captions'))).toBe(false);
  });

  it('refuses unsafe or duplicate language codes and captions for another clip', async () => {
    const good = join(tmp, 'good2.srt');
    writeFileSync(good, '1\n00:01:00,000 --> 00:01:02,000\nlate\n');
    const out = join(tmp, 'out3');
    const caption = (lang: string) => ({ lang, label: 'x', path: good });
    await expect(writeCaptionRenditions([caption('../../etc')], 100, out)).rejects.toThrow(
      /not a language code/,
    );
    await expect(writeCaptionRenditions([caption('vi'), caption('vi')], 100, out)).rejects.toThrow(
      /one file per language/,
    );
    await expect(writeCaptionRenditions([caption('vi')], 30, out)).rejects.toThrow(/belong to another clip/);
    expect(existsSync(out)).toBe(false);
  });
});
