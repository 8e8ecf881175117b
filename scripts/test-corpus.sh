#!/usr/bin/env bash
# Checks the extractor against the public corpus in ../shared/corpus (see its README).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
# The text-copy checks need poppler's pdftotext.
if ! command -v pdftotext >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing poppler-utils (pdftotext) for the corpus text checks..."
    apt-get install -y -qq poppler-utils >/dev/null 2>&1 ||
      (apt-get update -qq && apt-get install -y -qq poppler-utils >/dev/null)
  else
    echo "pdftotext is missing: install poppler-utils (Debian: sudo apt-get install poppler-utils)." >&2
    exit 1
  fi
fi
exec npx jest --config test/jest-corpus.config.ts "$@"
