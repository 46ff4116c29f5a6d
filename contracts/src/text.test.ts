import { describe, expect, it } from 'vitest';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from './slugs.ts';
import { fold, slugify } from './text.ts';

describe('fold', () => {
  it('removes Vietnamese diacritics and lower-cases', () => {
    expect(fold('Cồng chiêng ĐÀN TÍNH Ê Đê')).toBe('cong chieng dan tinh e de');
    expect(fold('Mường Sơn La Hà Giang')).toBe('muong son la ha giang');
    expect(fold('Người Việt')).toBe('nguoi viet');
    expect(fold("H'Mông Ê Đê Cồng chiêng")).toBe("h'mong e de cong chieng");
    expect(fold('ẮẰẲẴẶ ỨỪỬỮỰ')).toBe('aaaaa uuuuu');
  });

  it('turns đ, Đ, ð and Ð (which Unicode does not decompose) into d', () => {
    expect(fold('Ê Đê')).toBe('e de');
    expect(fold('đàn đá')).toBe('dan da');
    expect(fold('ðÐ')).toBe('dd');
  });

  it('keeps apostrophes: joining the parts of a name is the tokenizer’s decision', () => {
    expect(fold("H'Mông")).toBe("h'mong");
    expect(fold("H'Mông").replace(/'/g, '')).toBe('hmong');
    expect(fold('K’Ho')).toBe('k’ho');
  });

  it('drops combining marks outside the Latin block, and precomposed and decomposed text fold alike', () => {
    expect(fold('a\u0323\u0302')).toBe('a'); // ậ written as a + dot below + circumflex
    expect(fold('e\u1dc4')).toBe('e'); // a mark from the Combining Diacritical Marks Supplement
    expect(fold('Ô'.normalize('NFD'))).toBe(fold('Ô'.normalize('NFC')));
  });
});

describe('slugify', () => {
  it('proposes from a title a slug the pattern accepts', () => {
    for (const [title, slug] of [
      ["Khèn H'Mông", 'khen-hmong'],
      ['Khèn H’Mông — của nghệ nhân', 'khen-hmong-cua-nghe-nhan'],
      ['Váy Hʼmông', 'vay-hmong'],
      ["'Mông' ở bản", 'mong-o-ban'],
      ['  Đàn tính!  ', 'dan-tinh'],
      ['Nhà rông Ba Na — mái cao', 'nha-rong-ba-na-mai-cao'],
      ['Ê Đê', 'e-de'],
      ['!!!', ''],
    ] as const) {
      expect(slugify(title)).toBe(slug);
      if (slug) expect(SLUG_PATTERN.test(slug)).toBe(true);
    }
  });

  it('cuts a long title within the limit, never ending on a hyphen', () => {
    expect(slugify('a'.repeat(100))).toHaveLength(SLUG_MAX_LENGTH);
    const slug = slugify(`${'a'.repeat(SLUG_MAX_LENGTH - 1)} b c`);
    expect(slug).toBe('a'.repeat(SLUG_MAX_LENGTH - 1));
    expect(SLUG_PATTERN.test(slug)).toBe(true);
  });
});
