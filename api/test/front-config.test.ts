import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderCaddyfile } from '../src/front/caddyfile.ts';
import { IMMUTABLE, NAMES_A_FILM } from '../src/services/reach/caching.ts';
import { MEDIA_CONTENT_TYPES } from '../src/services/reach/media-files.ts';
import { CADDYFILE } from './front-process.ts';

describe('front/Caddyfile', () => {
  const file = readFileSync(CADDYFILE, 'utf8');

  it('is what api/src/front/caddyfile.ts renders (run `npm run front-config` after changing it)', () => {
    expect(file).toBe(renderCaddyfile());
  });

  it("carries the app's own cache policies and media types, and proxies everything it does not serve", () => {
    expect(file).toContain(`Cache-Control "${IMMUTABLE}"`);
    expect(file).toContain(`Cache-Control "${NAMES_A_FILM}"`);
    for (const type of Object.values(MEDIA_CONTENT_TYPES)) expect(file).toContain(`Content-Type "${type}"`);
    expect(file.match(/reverse_proxy \{\$APP_UPSTREAM\}/g)).toHaveLength(2);
    // Media leave as stored (sendfile); only the web and the app's answers are compressed.
    const media = file.slice(file.indexOf('handle @shown'), file.indexOf('handle /assets/*'));
    expect(media).not.toContain('encode');
  });
});
