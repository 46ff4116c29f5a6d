#!/usr/bin/env bash
# Installs the system packages the app and its tests need, only when they are missing.
#   scripts/system-deps.sh            ffmpeg (the app)
#   scripts/system-deps.sh --browser  ffmpeg and chromium (the tests)
#   scripts/system-deps.sh --bench    ffmpeg and wrk (`npm run bench -- http`)
#   scripts/system-deps.sh --servers  ffmpeg and the production engines the tests run for real: nginx, Caddy,
#                                     Redis (the front server and the distributed queue); flags combine
set -euo pipefail
need=()
command -v ffmpeg >/dev/null && command -v ffprobe >/dev/null || need+=(ffmpeg)
for flag in "$@"; do
  case "$flag" in
    --browser) [ -x /usr/bin/chromium ] || need+=(chromium fonts-dejavu-core) ;;
    # A load generator in its own process, in C: the server is what gets measured, not the client.
    --bench) command -v wrk >/dev/null || need+=(wrk) ;;
    --servers)
      command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx)
      command -v caddy >/dev/null || need+=(caddy)
      command -v redis-server >/dev/null || need+=(redis-server)
      ;;
    *) echo "Unknown option $flag: use --browser, --bench and/or --servers." >&2; exit 2 ;;
  esac
done
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
echo "Installing system packages: ${need[*]}"
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
if ! command -v apt-get >/dev/null; then
  echo "No apt-get here: install ${need[*]} with your system's package manager, then run this again." >&2
  exit 1
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
