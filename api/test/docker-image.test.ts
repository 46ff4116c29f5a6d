import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '../..');
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');

interface Service {
  build?: string | { target?: string };
  image?: string;
  volumes?: string[];
}
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};

/** The stages of the Dockerfile by name (the last, unnamed one is the default image: the app). */
function stages(): Map<string, string> {
  const parts = dockerfile.split(/^FROM /m).slice(1);
  return new Map(
    parts.map((p, i) => [
      / AS (\S+)/i.exec(p.split('\n')[0] ?? '')?.[1] ?? (i === parts.length - 1 ? 'app' : `#${i}`),
      p,
    ]),
  );
}

/** Folders a stage's RUN lines create with `mkdir -p`, and those its `chown -R <owner>` covers. */
function folders(stage: string): { made: string[]; chowned: { owner: string; path: string }[] } {
  const runs = [...stage.matchAll(/^RUN (.+(?:\\\n.+)*)/gm)].map((m) => m[1]?.replace(/\\\n/g, ' ') ?? '');
  const made = runs.flatMap((r) =>
    [...r.matchAll(/mkdir -p ((?:\/\S+ ?)+)/g)].flatMap((m) => m[1]?.trim().split(/\s+/) ?? []),
  );
  const chowned = runs.flatMap((r) =>
    [...r.matchAll(/chown -R (\S+) (\/\S+)/g)].map((m) => ({ owner: m[1] as string, path: m[2] as string })),
  );
  return { made, chowned };
}

/** Where a service mounts a named volume (not a file from the repository). */
function volumeTargets(service: Service): string[] {
  return (service.volumes ?? [])
    .map((v) => v.split(':'))
    .filter(([source]) => source !== undefined && source in compose.volumes)
    .map(([, target]) => target as string);
}

const servicesOfImage = (target: 'app' | 'front') =>
  Object.entries(compose.services).filter(([, s]) =>
    target === 'front'
      ? typeof s.build === 'object' && s.build.target === 'front'
      : s.image === 'artifact-stories:latest',
  );

describe('the Docker image', () => {
  it('installs every workspace: each package.json is copied before `npm ci`', () => {
    const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      workspaces: string[];
    };
    const install = dockerfile.indexOf('RUN npm ci');
    expect(install).toBeGreaterThan(0);
    for (const ws of workspaces) {
      const copy = dockerfile.indexOf(`COPY ${ws}/package.json ${ws}/`);
      expect(copy, `Dockerfile copies ${ws}/package.json`).toBeGreaterThan(0);
      expect(copy, `${ws}/package.json is copied before npm ci`).toBeLessThan(install);
    }
  });

  it('creates every folder the app and its workers mount a volume at, owned by the user it runs as', () => {
    const app = stages().get('app') as string;
    const user = /^USER (\S+)/m.exec(app)?.[1];
    expect(user).toBe('node');
    const { made, chowned } = folders(app);
    const services = servicesOfImage('app');
    expect(services.map(([name]) => name).sort()).toEqual(['app', 'worker']);
    for (const [name, service] of services) {
      const targets = volumeTargets(service);
      expect(targets.length, name).toBeGreaterThan(0);
      for (const target of targets) {
        // A folder the image lacks becomes a root-owned volume: the app could not write it.
        expect(made, `${name} mounts ${target}: the image must create it`).toContain(target);
        const owner = chowned.find((c) => c.path === target || target.startsWith(`${c.path}/`));
        expect(owner?.owner, `${target} is chowned to ${user}`).toMatch(new RegExp(`^${user}(:${user})?$`));
      }
    }
  });

  it('gives the front server the folders it mounts, with the published links resolving beside the media', () => {
    const front = stages().get('front');
    expect(front).toBeDefined();
    const { made } = folders(front as string);
    const [[, service] = []] = servicesOfImage('front');
    const mounts = Object.fromEntries(
      (service?.volumes ?? []).map((v) => v.split(':')).map(([source, target]) => [source, target]),
    );
    const app = Object.fromEntries(
      (compose.services.app?.volumes ?? [])
        .map((v) => v.split(':'))
        .map(([source, target]) => [source, target]),
    );
    for (const volume of ['media', 'published']) {
      expect(made, `front mounts ${mounts[volume]}`).toContain(mounts[volume]);
      expect((service?.volumes ?? []).find((v) => v.startsWith(`${volume}:`))).toMatch(/:ro$/);
    }
    // published/<video>/<version> -> ../../media/<video>/<version>, in the app and in the front server alike.
    for (const m of [mounts, app]) {
      expect(posix.join(m.published as string, 'v', '../../media')).toBe(m.media);
    }
  });
});
