#!/usr/bin/env bash
# `npm run bench`: extraction speed and memory on the corpus, beside poppler's pdftotext.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
if ! command -v pdftotext >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing poppler-utils for the pdftotext comparison..."
    (apt-get install -y -qq poppler-utils >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq poppler-utils >/dev/null))
  else
    echo "pdftotext is missing (Debian: apt-get install poppler-utils); PDF ratios will be skipped." >&2
  fi
fi
npx tsc -p bench/tsconfig.json
exec node dist/bench/bench/extract.bench.js
