#!/usr/bin/env bash
# `npm test`: unit tests, then end-to-end tests against real PostgreSQL and Redis, then browser
# tests (headless Chromium through Playwright, with axe accessibility checks).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-deps.sh
bash scripts/ensure-services.sh

echo
echo "==> Unit tests"
npx jest --config jest.config.ts

echo
echo "==> End-to-end tests (each file on its own database and queue prefix)"
# Files are independent, so both cores can run them.
npx jest --config test/jest-e2e.config.ts --maxWorkers=2

echo
echo "==> Browser tests (headless Chromium, one file at a time)"
bash scripts/ensure-browser.sh
npx jest --config test/jest-browser.config.ts --runInBand
