import type { VideoStatus } from '@artifact-stories/contracts/states';
import { describe, expect, it } from 'vitest';
import type { Texts } from '../errors/localized.ts';
import type { VideoRecord } from '../repositories/videos.repository.ts';
import { sourceExtension, UploadRefusal, UploadsService } from './uploads.service.ts';

class Refused extends Error {
  readonly messages: Texts;
  constructor(messages: Texts) {
    super(messages.en);
    this.messages = messages;
  }
}

const STILL = { en: 'This is a still image, not a video.', vi: 'Tệp này là ảnh tĩnh, không phải video.' };

/** In-memory stand-ins for the repositories and the probe: the decisions are what is under test here. */
function setup(probe: (path: string) => Promise<unknown> = async () => ({})) {
  const files = new Map<string, number>([['/tus/u1', 1234]]);
  const removedUploads: string[] = [];
  const videos: (Pick<VideoRecord, 'id' | 'artifactId' | 'sourcePath' | 'sourceName' | 'sourceSize'> & {
    status: VideoStatus;
    error: Texts | string | null;
  })[] = [];
  const queued: string[] = [];
  let ids = 0;
  const service = new UploadsService({
    artifacts: { byId: (id: number) => (id === 7 ? { id } : undefined) },
    videos: {
      create: (v) => {
        const video = { id: v.id ?? `auto-${++ids}`, ...v, status: 'uploaded' as VideoStatus, error: null };
        videos.push(video);
        return video;
      },
      setStatus: (id, status, fields = {}) => {
        const v = videos.find((x) => x.id === id);
        if (v) Object.assign(v, { status, error: fields.error ?? null });
      },
    },
    files: {
      localUpload: async (id) => `/tus/${id}`,
      size: async (path) => files.get(path) ?? 0,
      moveToSources: async (from, videoId, ext) => {
        const to = `/sources/${videoId}.${ext}`;
        files.set(to, files.get(from) ?? 0);
        files.delete(from);
        return to;
      },
      removeUpload: async (id) => {
        removedUploads.push(id);
        files.delete(`/tus/${id}`);
      },
      removeFile: async (path) => {
        files.delete(path);
      },
    },
    probe,
    isRefusal: (err): err is Refused => err instanceof Refused,
    enqueueTranscode: (videoId) => {
      queued.push(videoId);
      return { id: 99 };
    },
    newId: () => `new-${++ids}`,
  });
  return { service, files, removedUploads, videos, queued };
}

const meta = { artifactId: '7', filename: 'Khèn Mông.MOV' };

describe('UploadsService.checkCreate', () => {
  it('needs an existing artifact id and a file name, and says which is missing', () => {
    const { service } = setup();
    expect(service.checkCreate(meta)).toEqual({ artifactId: 7, filename: 'Khèn Mông.MOV' });
    const cases: [Record<string, string | null> | undefined, number, RegExp][] = [
      [undefined, 400, /artifactId/],
      [{ filename: 'a.mp4' }, 400, /artifactId/],
      [{ artifactId: '7; DROP', filename: 'a.mp4' }, 400, /artifactId/],
      [{ artifactId: '7', filename: '  ' }, 400, /filename/],
      [{ artifactId: '7', filename: 'x'.repeat(300) }, 400, /too long/],
      [{ artifactId: '8', filename: 'a.mp4' }, 404, /no artifact with id 8/],
    ];
    for (const [m, status, message] of cases) {
      try {
        service.checkCreate(m);
        throw new Error(`accepted ${JSON.stringify(m)}`);
      } catch (err) {
        expect(err).toBeInstanceOf(UploadRefusal);
        expect((err as UploadRefusal).statusCode).toBe(status);
        expect((err as UploadRefusal).message).toMatch(message);
        const { vi, en } = (err as UploadRefusal).messages;
        expect(en).toBe((err as UploadRefusal).message);
        expect(vi).not.toBe(en);
        expect(vi).toMatch(/phải có|quá dài|Không có hiện vật/);
      }
    }
  });
});

describe('UploadsService.finish', () => {
  it('accepted: the file becomes sources/<videoId>.<ext>, a video row points at it, a transcode is queued', async () => {
    const { service, files, videos, queued, removedUploads } = setup();
    const outcome = await service.finish({ id: 'u1', metadata: meta });
    expect(outcome).toEqual({ accepted: true, videoId: 'new-1', jobId: 99 });
    expect(files.get('/sources/new-1.mov')).toBe(1234);
    expect(files.has('/tus/u1')).toBe(false);
    expect(videos).toEqual([
      {
        id: 'new-1',
        artifactId: 7,
        sourcePath: '/sources/new-1.mov',
        sourceName: 'Khèn Mông.MOV',
        sourceSize: 1234,
        status: 'uploaded',
        error: null,
      },
    ]);
    expect(queued).toEqual(['new-1']);
    expect(removedUploads).toEqual(['u1']);
  });

  it('refused by content: the file is removed and a failed video carries the probe message', async () => {
    const { service, files, videos, queued } = setup(async () => {
      throw new Refused(STILL);
    });
    const outcome = await service.finish({ id: 'u1', metadata: meta });
    expect(outcome).toMatchObject({ accepted: false, messages: STILL });
    expect(files.size).toBe(0);
    expect(videos).toHaveLength(1);
    expect(videos[0]).toMatchObject({ status: 'failed', error: STILL, sourcePath: null });
    expect(queued).toEqual([]);
  });

  it('an unexpected probe error still refuses the file, with advice instead of internals', async () => {
    const { service, files, videos } = setup(async () => {
      throw new Error('spawn ffprobe ENOENT at /usr/lib/...');
    });
    const outcome = await service.finish({ id: 'u1', metadata: meta });
    expect(outcome.accepted).toBe(false);
    const error = videos[0]?.error as Texts;
    expect(error.en).toMatch(/could not be read as a video/);
    expect(error.vi).toMatch(/^Không đọc được tệp này như một video\. Hãy xuất lại/);
    expect(`${error.en} ${error.vi}`).not.toMatch(/ENOENT/);
    expect(files.size).toBe(0);
  });

  it('the artifact was deleted mid-upload: 410 and nothing left behind', async () => {
    const { service, files, videos } = setup();
    await expect(service.finish({ id: 'u1', metadata: { ...meta, artifactId: '8' } })).rejects.toMatchObject({
      statusCode: 410,
    });
    expect(files.size).toBe(0);
    expect(videos).toEqual([]);
  });
});

describe('sourceExtension', () => {
  it('keeps a plain extension in lower case and ignores anything odd', () => {
    expect(sourceExtension('clip.MP4')).toBe('mp4');
    expect(sourceExtension('clip')).toBe('video');
    expect(sourceExtension('a.b/../../etc')).toBe('video');
    expect(sourceExtension('x.mp4 ')).toBe('video');
  });
});
