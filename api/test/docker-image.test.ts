import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

describe('the Docker image', () => {
  it('installs every workspace: each package.json is copied before `npm ci`', () => {
    const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      workspaces: string[];
    };
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    const install = dockerfile.indexOf('RUN npm ci');
    expect(install).toBeGreaterThan(0);
    for (const ws of workspaces) {
      const copy = dockerfile.indexOf(`COPY ${ws}/package.json ${ws}/`);
      expect(copy, `Dockerfile copies ${ws}/package.json`).toBeGreaterThan(0);
      expect(copy, `${ws}/package.json is copied before npm ci`).toBeLessThan(install);
    }
  });
});
