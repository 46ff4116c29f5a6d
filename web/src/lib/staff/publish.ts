import type { PublishBody, StaffArtifactDetail } from '@artifact-stories/contracts/schemas';

/** What the public page would lack: no film visitors can play, no story in either language. */
export function missingForPublish(detail: StaffArtifactDetail): { film: boolean; story: boolean } {
  return {
    film: detail.preview.video === null,
    story: !detail.story.vi.trim() && !detail.story.en.trim(),
  };
}

/** The publish request's choice: only what is missing, and only when staff ticked "publish anyway". */
export function publishChoice(detail: StaffArtifactDetail, anyway: boolean): PublishBody {
  const missing = missingForPublish(detail);
  return anyway ? { withoutFilm: missing.film, withoutStory: missing.story } : {};
}
