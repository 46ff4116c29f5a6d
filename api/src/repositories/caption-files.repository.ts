import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseVtt, type VttCue } from '@artifact-stories/contracts/vtt';
import type { VideoRecord } from './videos.repository.ts';

/** One caption track of a video version, as its WebVTT file holds it. */
export interface CaptionTrackCues {
  lang: string;
  cues: VttCue[];
}

/**
 * Reads the caption files of a video's current version (media/<videoId>/<version>/, as listed in its
 * manifest), for the search index. Read-only; nothing here writes.
 */
export class CaptionFilesRepository {
  constructor(private readonly mediaDir: string) {}

  /** The version's tracks in manifest order; a file that is gone (a version being replaced) gives none. */
  tracks(video: Pick<VideoRecord, 'id' | 'mediaVersion' | 'manifest'>): CaptionTrackCues[] {
    if (!video.mediaVersion || !video.manifest) return [];
    const folder = resolve(this.mediaDir, video.id, video.mediaVersion);
    const out: CaptionTrackCues[] = [];
    for (const c of video.manifest.captions) {
      const file = resolve(folder, c.vtt);
      // The manifest is written by the pipeline, but a path leaving the version folder is never read.
      if (relative(folder, file).startsWith('..')) continue;
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw err;
      }
      out.push({ lang: c.lang, cues: parseVtt(text) });
    }
    return out;
  }
}
