#!/usr/bin/env bash
# Checks the extractor against the public corpus in ../shared/corpus and ../shared/corpus-next
# (see their READMEs); CORPUS_DIR, folders separated by ":", checks others instead.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
# The corpus PDFs are also checked as pdftotext copies.
bash scripts/ensure-pdftotext.sh
exec npx jest --config test/jest-corpus.config.ts "$@"
