#!/usr/bin/env bash
# Checks the extractor against the public corpus in ../shared/corpus (see its README).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
exec npx jest --config test/jest-corpus.config.ts "$@"
