import type { ErrorMeta, Texts } from '../errors/localized.ts';

/** What a visitor would find on the page if it were published now. */
export interface PublishState {
  /** A ready film visitors can play (the public page's player). */
  hasFilm: boolean;
  /** A story in at least one language. */
  hasStory: boolean;
}

/** The explicit, visible choice to publish a page that lacks something (a checkbox in the editor). */
export interface PublishChoice {
  withoutFilm?: boolean;
  withoutStory?: boolean;
}

export interface PublishRefusal extends Required<Pick<ErrorMeta, 'code'>> {
  messages: Texts;
  field?: string;
}

/**
 * A page goes public with a ready film and a story, or with what it lacks chosen knowingly: without that
 * rule a page promised a film "being prepared" forever. Returns why it may not be published, or nothing.
 */
export function publishRefusal(state: PublishState, choice: PublishChoice = {}): PublishRefusal | undefined {
  const noFilm = !state.hasFilm && !choice.withoutFilm;
  const noStory = !state.hasStory && !choice.withoutStory;
  if (!noFilm && !noStory) return undefined;
  const alsoStory = noFilm && noStory;
  if (noFilm) {
    return {
      code: 'film_not_ready',
      messages: {
        en:
          `This artifact has no ready film${alsoStory ? ' and no story in either language' : ''}, so visitors ` +
          `would see a page without a player${alsoStory ? ' and without a story' : ''}. Wait until its film is ` +
          `ready (or upload one)${alsoStory ? ' and write the story' : ''}, or choose explicitly to publish ` +
          'without.',
        vi:
          `Hiện vật này chưa có phim sẵn sàng${alsoStory ? ' và chưa có câu chuyện bằng ngôn ngữ nào' : ''} ` +
          `nên khách tham quan sẽ thấy một trang không có trình phát${alsoStory ? ' và không có câu chuyện' : ''}. ` +
          `Hãy đợi phim xử lý xong (hoặc tải phim lên)${alsoStory ? ' và viết câu chuyện' : ''}, hoặc chọn rõ ` +
          'là vẫn công bố khi còn thiếu.',
      },
    };
  }
  return {
    code: 'story_missing',
    field: 'story',
    messages: {
      en:
        'This artifact has no story in either language, so visitors would see only its title and film. ' +
        'Write the story in Vietnamese or English, or choose explicitly to publish without it.',
      vi:
        'Hiện vật này chưa có câu chuyện bằng tiếng Việt hay tiếng Anh nên khách tham quan chỉ thấy tên và phim. ' +
        'Hãy viết câu chuyện bằng một trong hai thứ tiếng, hoặc chọn rõ là vẫn công bố khi chưa có câu chuyện.',
    },
  };
}
