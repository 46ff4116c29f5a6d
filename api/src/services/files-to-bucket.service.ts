import type { Repositories } from '../repositories/index.ts';

type Deps = Pick<Repositories, 'videos' | 'staffFiles'>;

export interface Moved {
  moved: number;
  /** Files the catalogue names on this disk that are not there (their re-transcode would fail too). */
  missing: string[];
}

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * A museum that adds a bucket to a catalogue that began on one machine has sources and caption files on the app's
 * disk, which a worker on another machine cannot read: each is copied into the bucket once and the catalogue then
 * names the copy. The files on disk are left in place (nothing is lost if the bucket is taken away again).
 *
 * Captions first, before the app takes requests: a caption saved by staff goes to the same key, so copying an old
 * file while staff save a new one could put the old text back.
 */
export async function moveCaptionsToBucket({ videos, staffFiles }: Deps): Promise<Moved> {
  const result: Moved = { moved: 0, missing: [] };
  for (const c of videos.filesOnDisk().captions) {
    let text: string;
    try {
      text = await staffFiles.readCaption(c.path);
    } catch (err) {
      if (!isMissing(err)) throw err;
      result.missing.push(c.path);
      continue;
    }
    videos.moveCaption(c.videoId, c.lang, c.path, await staffFiles.writeCaption(c.videoId, c.lang, text));
    result.moved++;
  }
  return result;
}

/**
 * Sources may be gigabytes: this runs after the app listens. Nobody else writes a video's source key (a new upload
 * is a new video), and the catalogue is moved only if it still names the file copied.
 */
export async function moveSourcesToBucket(
  { videos, staffFiles }: Deps,
  progress: (message: string) => void = () => {},
): Promise<Moved> {
  const result: Moved = { moved: 0, missing: [] };
  const sources = videos.filesOnDisk().sources;
  for (const [i, s] of sources.entries()) {
    progress(`Copying sources into the bucket ${i + 1}/${sources.length}: video ${s.videoId}`);
    try {
      videos.moveSource(s.videoId, s.path, await staffFiles.adoptSource(s.path, s.videoId));
      result.moved++;
    } catch (err) {
      if (!isMissing(err)) throw err;
      result.missing.push(s.path);
    }
  }
  return result;
}
