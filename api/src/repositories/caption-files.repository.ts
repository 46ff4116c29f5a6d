import { text } from 'node:stream/consumers';
import { parseVtt, type VttCue } from '@artifact-stories/contracts/vtt';
import type { MediaStore } from '@artifact-stories/media-pipeline';
import type { VideoRecord } from './videos.repository.ts';

/** One caption track of a video version, as its WebVTT file holds it. */
export interface CaptionTrackCues {
  lang: string;
  cues: VttCue[];
}

/** A caption path in a manifest: plain names under the version folder, never a way out of it. */
const CAPTION_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

/**
 * Reads the caption files of a video's current version (<videoId>/<version>/ in the media store, folder or
 * bucket, as listed in its manifest), for the search index. Read-only; nothing here writes.
 */
export class CaptionFilesRepository {
  constructor(private readonly store: Pick<MediaStore, 'read'>) {}

  /** The version's tracks in manifest order; a file that is gone (a version being replaced) gives none. */
  async tracks(video: Pick<VideoRecord, 'id' | 'mediaVersion' | 'manifest'>): Promise<CaptionTrackCues[]> {
    if (!video.mediaVersion || !video.manifest) return [];
    const out: CaptionTrackCues[] = [];
    for (const c of video.manifest.captions) {
      // The manifest is written by the pipeline, but a path leaving the version folder is never read.
      if (!CAPTION_FILE.test(c.vtt) || c.vtt.includes('..')) continue;
      const object = await this.store.read(`${video.id}/${video.mediaVersion}/${c.vtt}`);
      if (!object) continue;
      out.push({ lang: c.lang, cues: parseVtt(await text(object.body)) });
    }
    return out;
  }
}
