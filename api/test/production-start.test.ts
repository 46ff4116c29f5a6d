import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  ArtifactDetail,
  Category,
  EthnicGroupList,
  StaffArtifactDetail,
} from '@artifact-stories/contracts/schemas';
import { makeClip } from '@artifact-stories/media-pipeline/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { asImageUser, listeningUrl, prepareVolumes, root, spawnServer } from './server-process.ts';
import { tusUpload } from './tus-upload.ts';
import { waitFor } from './wait.ts';

/**
 * The way a museum goes live: the real server (`tsx api/src/server.ts`, as the Docker image runs it, as its
 * unprivileged user) on empty data folders prepared as Docker prepares the image's volumes, with SEED=none,
 * the first admin from the CLI, then everything over HTTP, down to the transcoded film.
 */
const PUBLIC_URL = 'http://museum.test';
const PASSWORD = 'Nhà rông Ba Na giữa làng 2026';
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

/** Starts the server and resolves with its base URL once it prints the address it listens on. */
function startServer(dataDir: string): Promise<string> {
  const child = spawnServer(dataDir, { PUBLIC_URL }, { imageUser: true });
  children.push(child);
  return listeningUrl(child);
}

/** `npm run staff -- add …` as the operator runs it (the script itself, password piped on stdin). */
function addAdmin(dataDir: string, email: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(root, 'api/src/scripts/staff.ts'), 'add', email, '--role', 'admin'],
      {
        cwd: root,
        env: { ...process.env, DATA_DIR: dataDir },
        stdio: ['pipe', 'pipe', 'pipe'],
        ...asImageUser(),
      },
    );
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
    child.stdin.end(`${PASSWORD}\n`);
  });
}

describe('production start (empty DATA_DIR, SEED=none)', () => {
  it('item 0: reference data is there at once; an admin from the CLI creates, uploads, publishes, and the public sees it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'production-start-'));
    prepareVolumes(dataDir);
    const base = await startServer(dataDir);

    // Reference data comes with the schema, not with the sample catalogue.
    const groups = (await (await fetch(`${base}/api/ethnic-groups`)).json()) as EthnicGroupList;
    expect(groups.groups).toHaveLength(54);
    expect(groups.families).toHaveLength(8);
    const categories = (await (await fetch(`${base}/api/categories`)).json()) as Category[];
    expect(categories.length).toBeGreaterThan(0);
    const page = (await (await fetch(`${base}/api/artifacts/`)).json()) as { total: number };
    expect(page.total).toBe(0); // no sample artifact slipped in

    const added = await addAdmin(dataDir, 'giamdoc@museum.vn');
    expect(added.output).toContain('Added admin giamdoc@museum.vn');
    expect(added.code).toBe(0);

    const login = await fetch(`${base}/api/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: PUBLIC_URL },
      body: JSON.stringify({ email: 'giamdoc@museum.vn', password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    expect(cookie).toMatch(/^sid=/);
    const write = { cookie, origin: PUBLIC_URL, 'content-type': 'application/json' };

    const created = await fetch(`${base}/api/staff/artifacts/`, {
      method: 'POST',
      headers: write,
      body: JSON.stringify({
        slug: 'nha-rong-ba-na',
        accessionNumber: 'BTDT-2026-001',
        title: { vi: 'Nhà rông Ba Na', en: 'Ba Na communal house' },
        story: { vi: 'Ngôi nhà chung của làng.', en: 'The village’s common house.' },
        category: (categories[0] as Category).slug,
        material: { vi: 'Gỗ, tranh', en: 'Wood, thatch' },
        region: { vi: 'Kon Tum', en: 'Kon Tum' },
        featured: false,
        ethnicGroups: ['ba-na'],
      }),
    });
    expect(created.status).toBe(201);
    const artifact = (await created.json()) as StaffArtifactDetail;

    const clip = readFileSync(
      await makeClip(
        { durationSec: 2, width: 320, height: 240, fps: 15, audio: true },
        join(dataDir, 'clip.mp4'),
        'Ba Na',
      ),
    );
    await tusUpload(base, cookie, clip, { artifactId: String(artifact.id), filename: 'nha-rong.mp4' });

    await waitFor(
      'the film to be ready',
      async () => {
        const res = await fetch(`${base}/api/staff/artifacts/${artifact.id}`, { headers: { cookie } });
        const detail = (await res.json()) as StaffArtifactDetail;
        if (detail.video?.status === 'failed') throw new Error(`transcode failed: ${detail.video.error}`);
        return detail.video?.status === 'ready';
      },
      120_000,
    );

    const published = await fetch(`${base}/api/staff/artifacts/${artifact.id}/publish`, {
      method: 'POST',
      headers: { cookie, origin: PUBLIC_URL },
    });
    expect(published.status).toBe(200);

    const pub = await fetch(`${base}/api/artifacts/nha-rong-ba-na`);
    expect(pub.status).toBe(200);
    const detail = (await pub.json()) as ArtifactDetail;
    expect(detail.ethnicGroups.map((g) => g.name.vi)).toEqual(['Ba Na']);
    expect(detail.video?.hls).toMatch(/^\/media\/.+\/master\.m3u8$/);
    const master = await fetch(`${base}${detail.video?.hls}`);
    expect(master.status).toBe(200);
    expect(await master.text()).toMatch(/^#EXTM3U[\s\S]*#EXT-X-STREAM-INF/);
    // Written by the image's user into the volume Docker gave it.
    const [videoId] = readdirSync(join(dataDir, 'media'));
    expect(statSync(join(dataDir, 'media', videoId as string)).uid).toBe(
      asImageUser().uid ?? process.getuid?.(),
    );
    // Published: linked for the front server to serve from disk.
    expect(readdirSync(join(dataDir, 'published'))).toEqual([videoId]);
  });

  it('item 0: the Docker image ships the reference files the server loads at start', () => {
    // The image is `COPY . .` minus .dockerignore: fixtures/ (the reference files) must not be ignored.
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    for (const pattern of ignored) expect(pattern).not.toMatch(/^(\*\*\/)?fixtures(\/|$)/);
    expect(readFileSync(join(root, 'Dockerfile'), 'utf8')).toMatch(/^COPY \. \.$/m);
  });
});
