#!/usr/bin/env bash
# Makes poppler's pdftotext available, installing poppler-utils when run as root on Debian.
# Exits non-zero, saying what to install, when it cannot.
set -euo pipefail
command -v pdftotext >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "==> Installing poppler-utils (pdftotext)"
  apt-get install -y -qq poppler-utils >/dev/null 2>&1 ||
    (apt-get update -qq && apt-get install -y -qq poppler-utils >/dev/null)
  exit 0
fi
echo "pdftotext is missing: install poppler-utils (Debian: sudo apt-get install poppler-utils)." >&2
exit 1
