// A lesson's class code: what a pupil types on a phone after hearing it read aloud or seeing it on a projector.

/**
 * Digits 2–9 and consonants without I, L, O: nothing two characters could be mistaken for (0/O, 1/I/L), and
 * no vowels, so no code spells a word in Vietnamese or English.
 */
export const LESSON_CODE_ALPHABET = '23456789BCDFGHJKMNPQRSTVWXZ';
export const LESSON_CODE_LENGTH = 6;

/**
 * The code as stored, from what someone typed: case ignored, spaces and dashes dropped ("bcd-234" → "BCD234").
 * Undefined when it cannot be a code (wrong length or a character outside the alphabet).
 */
export function normalizeLessonCode(typed: string): string | undefined {
  const code = typed.replace(/[\s\-‐-―]/g, '').toUpperCase();
  if (code.length !== LESSON_CODE_LENGTH) return undefined;
  for (const ch of code) if (!LESSON_CODE_ALPHABET.includes(ch)) return undefined;
  return code;
}

/** The code as shown and read aloud: two halves of three ("BCD-234"). */
export function formatLessonCode(code: string): string {
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}
