// Which language a caption upload is in, checked against the table in contracts: a tag staff typed by hand
// ('VN', 'en_gb') is either put right or refused with words saying what to send instead.
import {
  type CaptionKind,
  captionLanguage,
  captionLanguageName,
  likelyMeant,
  normaliseLanguageTag,
} from '@artifact-stories/contracts/languages';
import { StaffError } from './staff-error.ts';

/** The canonical tag ('en-GB'), or a 400 naming the tag that was sent and a likely fix. */
export function checkCaptionTag(sent: string): string {
  const tag = normaliseLanguageTag(sent);
  if (captionLanguage(tag)) return tag;
  const guess = likelyMeant(tag);
  throw new StaffError(
    {
      en:
        `'${sent}' is not a language the catalogue knows. ` +
        (guess ? `Did you mean '${guess}' (${captionLanguageName(guess, 'en')})? ` : '') +
        "Use a BCP 47 tag such as 'vi', 'en', 'tyz' (Tày) or 'blt' (Tai Dam); the upload form lists them all.",
      vi:
        `'${sent}' không phải là ngôn ngữ có trong danh mục. ` +
        (guess ? `Có phải ý bạn là '${guess}' (${captionLanguageName(guess, 'vi')})? ` : '') +
        "Hãy dùng mã BCP 47 như 'vi', 'en', 'tyz' (tiếng Tày) hoặc 'blt' (tiếng Thái Đen); biểu mẫu tải lên có đủ danh sách.",
    },
    400,
    { code: 'invalid_language' },
  );
}

/** What a track is when the upload does not say: Vietnamese is the narration, English its translation. */
export function defaultKind(tag: string): CaptionKind {
  return tag === 'en' || tag.startsWith('en-') ? 'translation' : 'transcription';
}

/** The master's NAME: English by its English name, every other language by its Vietnamese one. */
export function captionLabel(tag: string): string {
  return captionLanguageName(tag, tag === 'en' || tag.startsWith('en-') ? 'en' : 'vi');
}
