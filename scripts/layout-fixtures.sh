#!/usr/bin/env bash
# Regenerates the HTML, Chromium-printed PDF and pasted-text forms of the layout fixtures in
# test/fixtures/layouts from their specs (all of them, or the names given). See
# scripts/layout-fixtures.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/ensure-browser.sh
# The page-break check reads the PDFs' text with pdftotext.
bash scripts/ensure-pdftotext.sh
exec npx ts-node --transpile-only scripts/layout-fixtures.ts "$@"
