import { IMMUTABLE, NAMES_A_FILM, VERSIONED_BYTES } from '../services/reach/caching.ts';
import { MEDIA_CONTENT_TYPES, MEDIA_CORS_HEADERS, MEDIA_SEGMENT } from '../services/reach/media-files.ts';

/**
 * The front server's configuration (Caddy), rendered from the app's own rules: which media paths are well
 * formed, how each file is typed, how long caches keep it. `npm run front-config` writes it to
 * front/Caddyfile, which compose mounts and the front-server test runs; a test checks the file is this
 * rendering. What differs between a museum's host and a test (address, ports, folders, upstream) is read by
 * Caddy from the environment ({$NAME}), so both run the very same file:
 *
 * - SITE_ADDRESS: `stories.example.org` (Caddy gets and renews the certificate itself, serves HTTP/2 and
 *   HTTP/3, and redirects http), `:80` (plain HTTP, TLS ended before it), or `http://127.0.0.1:8080`.
 * - APP_UPSTREAM: the app, `app:3000`.
 * - PUBLISHED_DIR: the tree of published versions (DATA_DIR/published). Its links are relative
 *   (../../media/<video>/<version>), so the media folder is mounted beside it, named media, as in DATA_DIR.
 * - WEB_DIST: the built web (web/dist).
 * - CADDY_ADMIN: Caddy's admin endpoint (`localhost:2019` for `caddy reload`), or `off`.
 * - HTTP_PORT, HTTPS_PORT: the ports Caddy redirects from and serves TLS on (80 and 443).
 */
export function renderCaddyfile(): string {
  const seg = MEDIA_SEGMENT;
  const flags = VERSIONED_BYTES.flags.includes('i') ? '(?i)' : '';
  const types = Object.entries(MEDIA_CONTENT_TYPES).map(
    ([ext, type]) => `\t\t\t@type_${ext} path *.${ext}\n\t\t\theader @type_${ext} Content-Type "${type}"`,
  );
  const cors = Object.entries(MEDIA_CORS_HEADERS).map(([name, value]) => `\t\t\theader ${name} "${value}"`);
  return `# Rendered by \`npm run front-config\` from api/src/front/caddyfile.ts: change that file, not this one.
# The front server: TLS, HTTP/2 and HTTP/3, published media and the built web straight from disk (sendfile),
# everything else to the app. Settings come from the environment: see api/src/front/caddyfile.ts.
{
\tadmin {$CADDY_ADMIN:localhost:2019}
\thttp_port {$HTTP_PORT:80}
\thttps_port {$HTTPS_PORT:443}
\t# Caddy's own CA (used only for localhost or an IP address) never goes into the system's trust store.
\tskip_install_trust
}

{$SITE_ADDRESS} {
\t# Media of a version on show is a file under PUBLISHED_DIR (a link the app keeps: published/<video>/<version>).
\t# Anything else under /media (a draft staff preview, a version just replaced, a malformed path) goes to the
\t# app, which refuses it to everyone but signed-in staff.
\t@media path_regexp media ^/media/(${seg}/${seg}(?:/${seg})+)$
\thandle @media {
\t\t@shown file {
\t\t\troot {$PUBLISHED_DIR}
\t\t\ttry_files /{re.media.1}
\t\t}
\t\thandle @shown {
\t\t\troot * {$PUBLISHED_DIR}
\t\t\trewrite * /{re.media.1}
${types.join('\n')}
${cors.join('\n')}
\t\t\theader X-Content-Type-Options nosniff
\t\t\t# Segments of a version never change; what names the film (playlists, captions, posters) lives a minute
\t\t\t# so a takedown reaches caches (api/src/services/reach/caching.ts).
\t\t\t@versioned path_regexp ${flags}${VERSIONED_BYTES.source}
\t\t\theader @versioned Cache-Control "${IMMUTABLE}"
\t\t\t@names_film not path_regexp ${flags}${VERSIONED_BYTES.source}
\t\t\theader @names_film Cache-Control "${NAMES_A_FILM}"
\t\t\t# Stored compressed already (video, images): sent as stored, so the file goes out with sendfile.
\t\t\tfile_server
\t\t}
\t\thandle {
\t\t\treverse_proxy {$APP_UPSTREAM}
\t\t}
\t}

\t# The built web's hashed assets, from disk, kept for good; scripts and styles as the build compressed them
\t# (their .br and .gz twins, web/precompress.ts), the rest compressed here.
\thandle /assets/* {
\t\troot * {$WEB_DIST}
\t\theader Cache-Control "${IMMUTABLE}"
\t\tencode zstd gzip
\t\tfile_server {
\t\t\tprecompressed br gzip
\t\t}
\t}

\t# Pages (their <head> carries each page's own title and link preview), the api, IIIF, the sitemap: the app.
\thandle {
\t\tencode zstd gzip
\t\treverse_proxy {$APP_UPSTREAM}
\t}
}
`;
}
