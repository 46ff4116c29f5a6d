// One suite for every MediaStore: storage-local.test.ts runs it on a folder, storage-s3.test.ts on a real S3
// server over HTTP. What a store must do is said once, here.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import type { MediaStore } from '../src/storage/store.ts';
import { makeTempFolder } from '../src/version-folder.ts';

/** A version folder as the pipeline leaves it, built in the store's scratch folder for the video. */
async function buildVersion(store: MediaStore, videoId: string, files: Record<string, Buffer | string>) {
  const dir = await makeTempFolder(store.scratchDir(videoId), 'v');
  for (const [name, body] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), body);
  }
  return dir;
}

async function readAll(store: MediaStore, key: string, range?: { start: number; end: number }) {
  const object = await store.read(key, range);
  if (!object) throw new Error(`${key} is missing`);
  return { bytes: await buffer(object.body), size: object.size };
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export function storageContract(name: string, open: () => MediaStore) {
  describe(`MediaStore contract: ${name}`, () => {
    const segment = randomBytes(300_000);

    it('publishes a whole version folder: every file readable, listed with its size, the scratch folder gone', async () => {
      const store = open();
      const dir = await buildVersion(store, 'vid-a', {
        'master.m3u8': '#EXTM3U\n',
        '360p/seg_00001.m4s': segment,
        'manifest.json': '{"version":"v1"}',
      });
      await store.publishVersion({ dir, videoId: 'vid-a', version: 'v1' }, 'manifest.json');
      expect(existsSync(dir)).toBe(false);
      const listed = (await store.list('vid-a/')).map(({ key, size }) => ({ key, size }));
      expect(listed).toEqual([
        { key: 'vid-a/v1/360p/seg_00001.m4s', size: segment.length },
        { key: 'vid-a/v1/manifest.json', size: 16 },
        { key: 'vid-a/v1/master.m3u8', size: 8 },
      ]);
      expect((await readAll(store, 'vid-a/v1/master.m3u8')).bytes.toString()).toBe('#EXTM3U\n');
      expect(await store.stat('vid-a/v1/360p/seg_00001.m4s')).toMatchObject({ size: segment.length });
    });

    it('reads a byte range exactly, and tells the whole size', async () => {
      const store = open();
      const dir = await buildVersion(store, 'vid-r', { 'seg.m4s': segment, 'manifest.json': '{}' });
      await store.publishVersion({ dir, videoId: 'vid-r', version: 'v1' }, 'manifest.json');
      const { bytes, size } = await readAll(store, 'vid-r/v1/seg.m4s', { start: 1000, end: 1999 });
      expect(size).toBe(segment.length);
      expect(bytes.equals(segment.subarray(1000, 2000))).toBe(true);
      const last = await readAll(store, 'vid-r/v1/seg.m4s', {
        start: segment.length - 1,
        end: segment.length - 1,
      });
      expect(last.bytes.equals(segment.subarray(-1))).toBe(true);
    });

    it('answers undefined for what is not there, and lists nothing under an unknown prefix', async () => {
      const store = open();
      expect(await store.read('nothing/v1/master.m3u8')).toBeUndefined();
      expect(await store.stat('nothing/v1/master.m3u8')).toBeUndefined();
      expect(await store.list('nothing/')).toEqual([]);
    });

    it('carries a file larger than one multipart part (12 MiB) intact, and ranges inside it', async () => {
      const store = open();
      const big = randomBytes(12 * 1024 * 1024);
      const dir = await buildVersion(store, 'vid-big', { '720p.mp4': big, 'manifest.json': '{}' });
      await store.publishVersion({ dir, videoId: 'vid-big', version: 'v1' }, 'manifest.json');
      expect(sha((await readAll(store, 'vid-big/v1/720p.mp4')).bytes)).toBe(sha(big));
      const start = 5 * 1024 * 1024 - 10;
      const part = await readAll(store, 'vid-big/v1/720p.mp4', { start, end: start + 19 });
      expect(part.bytes.equals(big.subarray(start, start + 20))).toBe(true);
    });

    it('publishes a new version that reuses files of the previous one, which stays as it was', async () => {
      const store = open();
      const first = await buildVersion(store, 'vid-c', {
        '360p/seg_00001.m4s': segment,
        'captions/vi.vtt': 'WEBVTT\n\nold',
        'manifest.json': '{"v":1}',
      });
      await store.publishVersion({ dir: first, videoId: 'vid-c', version: 'v1' }, 'manifest.json');
      const second = await buildVersion(store, 'vid-c', {
        'captions/vi.vtt': 'WEBVTT\n\nnew',
        'manifest.json': '{"v":2}',
      });
      const result = await store.publishVersion(
        {
          dir: second,
          videoId: 'vid-c',
          version: 'v2',
          reuse: { fromVersion: 'v1', files: ['360p/seg_00001.m4s'] },
        },
        'manifest.json',
      );
      expect(result.linked + result.copied).toBe(1);
      expect((await readAll(store, 'vid-c/v2/360p/seg_00001.m4s')).bytes.equals(segment)).toBe(true);
      expect((await readAll(store, 'vid-c/v2/captions/vi.vtt')).bytes.toString()).toContain('new');
      expect((await readAll(store, 'vid-c/v1/captions/vi.vtt')).bytes.toString()).toContain('old');
    });

    it('removes one version or a whole video, and nothing else', async () => {
      const store = open();
      for (const [video, version] of [
        ['vid-d', 'v1'],
        ['vid-d', 'v2'],
        ['vid-e', 'v1'],
      ] as const) {
        const dir = await buildVersion(store, video, { 'a.m4s': 'a', 'b/c.m4s': 'c', 'manifest.json': '{}' });
        await store.publishVersion({ dir, videoId: video, version }, 'manifest.json');
      }
      expect(await store.removePrefix('vid-d/v1/')).toBe(3);
      expect((await store.list('vid-d/')).map((e) => e.key)).toEqual([
        'vid-d/v2/a.m4s',
        'vid-d/v2/b/c.m4s',
        'vid-d/v2/manifest.json',
      ]);
      expect(await store.removePrefix('vid-d/')).toBe(3);
      expect(await store.list('vid-d/')).toEqual([]);
      expect(await store.list('vid-e/')).toHaveLength(3);
      expect(await store.removePrefix('vid-none/')).toBe(0);
    });

    it('refuses keys that could climb out, and refuses to remove everything', async () => {
      const store = open();
      for (const key of ['../etc/passwd', 'vid/../../x', 'vid//x', '.tmp-v1/x', 'vid/v1/%2e%2e']) {
        await expect(store.read(key), key).rejects.toThrow(/unsafe/);
      }
      await expect(store.removePrefix('')).rejects.toThrow(/every stored object/);
      await expect(store.list('vid')).rejects.toThrow(/prefix/);
    });

    it('passes its own check: it can write, read back and remove an object', async () => {
      const store = open();
      await expect(store.check()).resolves.toBeUndefined();
      expect(await store.list('')).not.toContainEqual(
        expect.objectContaining({ key: expect.stringMatching(/doctor/) }),
      );
    });
  });
}

/** A fresh, empty temp folder for one store. */
export const freshDir = (label: string) => mkdtemp(join(tmpdir(), `${label}-`));
