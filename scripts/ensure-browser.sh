#!/usr/bin/env bash
# Makes Chromium available for the browser tests and screenshots (Playwright drives the system's
# browser; it never downloads its own). Uses $CHROMIUM_PATH, else /usr/bin/chromium, installing
# Debian's `chromium` package when that is missing: as root, or through sudo when sudo needs no
# password. Otherwise says what to install, and exits non-zero.
set -euo pipefail

chromium=${CHROMIUM_PATH:-/usr/bin/chromium}

if [ -x "$chromium" ]; then
  echo "Chromium: $("$chromium" --version 2>/dev/null || echo "$chromium")"
  exit 0
fi

if [ -n "${CHROMIUM_PATH:-}" ]; then
  echo "error: CHROMIUM_PATH is $CHROMIUM_PATH, which is not an executable." >&2
  echo "  Point it at a Chromium or Chrome binary, or unset it to use Debian's /usr/bin/chromium." >&2
  exit 1
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
  else
    as_root=(none)
  fi
fi

if [ "${as_root[0]:-}" = none ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "error: Chromium is missing (no $chromium), and it cannot be installed from here." >&2
  echo "  On Debian or Ubuntu, as root: apt-get update && apt-get install -y chromium" >&2
  echo "  Elsewhere, install Chromium or Chrome and set CHROMIUM_PATH to its binary." >&2
  exit 1
fi

echo "==> apt-get update"
"${as_root[@]}" apt-get update -qq
echo "==> apt-get install -y chromium"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null

if [ ! -x "$chromium" ]; then
  echo "error: installed the chromium package, but there is still no $chromium." >&2
  exit 1
fi
echo "Chromium: $("$chromium" --version 2>/dev/null || echo "$chromium")"
