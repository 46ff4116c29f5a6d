# Build: install dependencies (native better-sqlite3 compiled here) and build the web.
FROM node:22-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
COPY contracts/package.json contracts/
COPY media-pipeline/package.json media-pipeline/
COPY api/package.json api/
COPY web/package.json web/
RUN npm ci
COPY . .
# The api runs its TypeScript through tsx (no emit step); the types are still checked here, so a broken build
# never becomes an image.
RUN npm run typecheck && npm run build -w web && npm prune --omit=dev --workspaces --include-workspace-root

# The front server: Caddy with the built web and its configuration (front/Caddyfile, rendered by
# `npm run front-config`). Published media come from the app's volumes, mounted read-only (docker-compose.yml).
# Built with `--target front`; the last stage below stays the default image.
FROM caddy:2.8.4-alpine AS front
COPY --from=build /app/web/dist /srv/web
COPY front/Caddyfile /etc/caddy/Caddyfile
ENV SITE_ADDRESS=:80 APP_UPSTREAM=app:3000 PUBLISHED_DIR=/srv/published WEB_DIST=/srv/web
# Mount points for the media and published volumes (read-only there: Caddy only reads them).
RUN mkdir -p /srv/media /srv/published

# Runtime: Node LTS slim + Debian's ffmpeg, as a non-root user.
FROM node:22-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg fonts-dejavu-core tini \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production DATA_DIR=/data PORT=3000 FFMPEG_PATH=/usr/bin/ffmpeg FFPROBE_PATH=/usr/bin/ffprobe
COPY --from=build --chown=node:node /app /app
# Every folder a volume is mounted at exists here, owned by node: Docker initialises a new named volume with the
# image folder's owner, while a folder the image lacks would come up root-owned and unwritable for the app
# (api/test/docker-image.test.ts checks this list against docker-compose.yml's mounts).
RUN mkdir -p /data /data/media /data/uploads /data/published && chown -R node:node /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:3000/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "--import", "tsx", "api/src/server.ts"]
