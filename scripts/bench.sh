#!/usr/bin/env bash
# `npm run bench`: extraction speed and memory on the corpus, beside poppler's pdftotext.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
# Without pdftotext the PDF ratios are left out; the rest of the figures still stand.
bash scripts/ensure-pdftotext.sh || true
npx tsc -p bench/tsconfig.json
exec node dist/bench/bench/extract.bench.js
