import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PublishedTreeRepository } from '../src/repositories/published-tree.repository.ts';
import { attachFakeVideo, makeTestApp } from './helpers.ts';
import { artifactInput } from './staff-helpers.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tree() {
  const dataDir = mkdtempSync(join(tmpdir(), 'published-tree-'));
  dirs.push(dataDir);
  const mediaDir = join(dataDir, 'media');
  const publishedDir = join(dataDir, 'published');
  mkdirSync(join(mediaDir, 'vid1', 'v2'), { recursive: true });
  writeFileSync(join(mediaDir, 'vid1', 'v2', 'master.m3u8'), '#EXTM3U\n');
  return { repo: new PublishedTreeRepository({ mediaDir, publishedDir }), mediaDir, publishedDir };
}

describe('PublishedTreeRepository (real folders)', () => {
  it('links a version with a relative link that reaches its media folder', () => {
    const { repo, publishedDir } = tree();
    repo.add({ videoId: 'vid1', version: 'v2' });
    expect(readlinkSync(join(publishedDir, 'vid1', 'v2'))).toBe('../../media/vid1/v2');
    expect(readFileSync(join(publishedDir, 'vid1', 'v2', 'master.m3u8'), 'utf8')).toBe('#EXTM3U\n');
    expect(repo.list()).toEqual([{ videoId: 'vid1', version: 'v2' }]);
    // Adding again replaces the link in one rename: no temp link is left.
    repo.add({ videoId: 'vid1', version: 'v2' });
    expect(readdirSync(join(publishedDir, 'vid1'))).toEqual(['v2']);
  });

  it('removes a link and its emptied video folder, and forgets temp links of an interrupted add', () => {
    const { repo, publishedDir } = tree();
    repo.add({ videoId: 'vid1', version: 'v2' });
    symlinkSync('../../media/vid1/v1', join(publishedDir, 'vid1', '.v1.dead'));
    expect(repo.list()).toEqual([{ videoId: 'vid1', version: 'v2' }]);
    expect(readdirSync(join(publishedDir, 'vid1'))).toEqual(['v2']);
    repo.remove({ videoId: 'vid1', version: 'v2' });
    expect(readdirSync(publishedDir)).toEqual([]);
    repo.remove({ videoId: 'vid1', version: 'v2' }); // gone already: fine
  });

  it('refuses names that could climb out of the tree', () => {
    const { repo } = tree();
    expect(() => repo.add({ videoId: '..', version: 'v1' })).toThrow();
    expect(() => repo.add({ videoId: 'vid1', version: '../../etc' })).toThrow();
  });
});

describe('the published tree against the database', () => {
  it('holds the current version of each published film, and no draft', async () => {
    const { app, config, dataDir } = await makeTestApp({ catalogue: true });
    const shown = app.repos.artifacts.list({ status: 'published', limit: 1, offset: 0 }).items[0];
    const shownId = attachFakeVideo({ app, config, dataDir }, shown?.slug as string);
    const draft = app.repos.artifacts.create(artifactInput(), 'draft');
    attachFakeVideo({ app, config, dataDir }, draft.slug);
    expect(app.publishedTree.sync()).toEqual({ added: 1, removed: 0 });
    expect(readdirSync(config.publishedDir)).toEqual([shownId]);
    expect(readFileSync(join(config.publishedDir, shownId, 'v1', 'master.m3u8'), 'utf8')).toMatch(/^#EXTM3U/);

    app.repos.artifacts.setStatus(shown?.id as number, 'draft');
    expect(app.publishedTree.sync()).toEqual({ added: 0, removed: 1 });
    expect(readdirSync(config.publishedDir)).toEqual([]);
    await app.close();
  });
});
