import type { StaffVideo } from '@artifact-stories/contracts/schemas';

/**
 * Whether the latest upload says something beyond the film on show: it is another video (refused, failed,
 * still processing, or ready and about to replace it), or the one on show being made again (new captions).
 */
export function lastUploadNews(
  video: Pick<StaffVideo, 'id' | 'status'>,
  onShow: Pick<StaffVideo, 'id'> | null,
): boolean {
  return video.id !== onShow?.id || video.status !== 'ready';
}
