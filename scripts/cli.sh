#!/usr/bin/env bash
# `npm run --silent cli -- <command>`: the built CLI. Builds it first when dist/ is missing or
# older than the sources, sending everything but the command's own output to stderr so stdout
# stays machine-readable.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
main="$root/dist/apps/cli/apps/cli/src/main.js"
if [ ! -f "$main" ] || [ -n "$(find "$root/apps" "$root/libs" "$root/config" -name '*.ts' -newer "$main" -print -quit)" ]; then
  (cd "$root" && bash scripts/ensure-deps.sh && npx nest build cli) >&2
fi
exec node "$main" "$@"
