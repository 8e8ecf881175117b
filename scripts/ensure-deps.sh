#!/usr/bin/env bash
# Installs node_modules from package-lock.json.
#   bash scripts/ensure-deps.sh          install only when node_modules is missing or older than
#                                        package-lock.json (npm writes node_modules/.package-lock.json
#                                        on every install, so its age is the install's age)
#   bash scripts/ensure-deps.sh --clean  always install from scratch with npm ci (CI, fresh clones)
set -euo pipefail
cd "$(dirname "$0")/.."

clean=false
[ "${1:-}" = "--clean" ] && clean=true

if [ "$clean" = true ]; then
  reason="clean install requested"
elif [ ! -f node_modules/.package-lock.json ]; then
  reason="node_modules is missing"
elif [ package-lock.json -nt node_modules/.package-lock.json ]; then
  reason="package-lock.json changed since the last install"
else
  exit 0
fi

# Playwright here is playwright-core driving the system's Chromium (scripts/ensure-browser.sh):
# no Playwright package may download a browser of its own during the install.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
echo "==> Installing dependencies ($reason): npm ci"
npm ci --no-audit --no-fund
