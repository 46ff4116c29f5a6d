#!/usr/bin/env bash
# Installs the system packages the app and its tests need, only when they are missing.
#   scripts/system-deps.sh            ffmpeg (the app)
#   scripts/system-deps.sh --browser  ffmpeg and chromium (the tests)
#   scripts/system-deps.sh --bench    ffmpeg and wrk (`npm run bench -- http`); flags combine
set -euo pipefail
need=()
command -v ffmpeg >/dev/null && command -v ffprobe >/dev/null || need+=(ffmpeg)
for flag in "$@"; do
  case "$flag" in
    --browser) [ -x /usr/bin/chromium ] || need+=(chromium fonts-dejavu-core) ;;
    # A load generator in its own process, in C: the server is what gets measured, not the client.
    --bench) command -v wrk >/dev/null || need+=(wrk) ;;
    *) echo "Unknown option $flag: use --browser and/or --bench." >&2; exit 2 ;;
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
