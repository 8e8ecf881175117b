#!/usr/bin/env bash
# `npm run demo`: builds everything, migrates a demo database, starts the worker in the
# background and the API in the foreground. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-3000}
DEMO_DATABASE=followthrough_demo
export NODE_ENV=development
export PORT
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/${DEMO_DATABASE}"
export REDIS_URL="redis://127.0.0.1:6379"
export QUEUE_PREFIX=followthrough_demo

bash scripts/ensure-deps.sh
bash scripts/ensure-services.sh

if curl -s -o /dev/null "http://127.0.0.1:${PORT}/"; then
  echo "error: something already answers on port ${PORT}; stop it or run: PORT=3001 npm run demo" >&2
  exit 1
fi

echo "==> Building"
npm run build --silent

if [ "$(psql -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '${DEMO_DATABASE}'")" != "1" ]; then
  echo "==> Creating database ${DEMO_DATABASE}"
  psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE ${DEMO_DATABASE}"
fi

echo "==> Migrating ${DEMO_DATABASE}"
node dist/apps/cli/apps/cli/src/main.js migration:run

mkdir -p .demo
echo "==> Starting the worker (logs: .demo/worker.log)"
node dist/apps/worker/apps/worker/src/main.js >.demo/worker.log 2>&1 &
worker_pid=$!
api_pid=
cleanup() {
  trap - EXIT INT TERM
  # SIGTERM lets both apps finish running work and close their connections.
  for pid in $api_pid $worker_pid; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "==> Starting the API on port ${PORT}"
node dist/apps/api/apps/api/src/main.js &
api_pid=$!

for _ in $(seq 1 120); do
  if curl -sf -o /dev/null "http://127.0.0.1:${PORT}/health"; then
    break
  fi
  if ! kill -0 "$api_pid" 2>/dev/null; then
    echo "error: the API exited during start-up (see its output above)" >&2
    exit 1
  fi
  sleep 0.5
done
if ! curl -sf -o /dev/null "http://127.0.0.1:${PORT}/health"; then
  echo "error: /health did not answer 200 within 60 s" >&2
  exit 1
fi

# A sample report (fictional, from the test fixtures) through the running API, so a newcomer
# sees what extraction gives before reading any code.
sample=test/fixtures/reports/harrowfield-safeguarding-lac-2012.txt
echo "==> Extracting the sample report ${sample} through POST /extract"
curl -sf -F "file=@${sample}" "http://127.0.0.1:${PORT}/extract" >.demo/sample-extraction.json
node -e '
  const r = JSON.parse(require("fs").readFileSync(".demo/sample-extraction.json", "utf8"));
  const d = r.document;
  console.log(`    ${d.title} (${d.authority}, published ${d.publishedOn}): ${r.recommendations.length} recommendations`);
  for (const x of r.recommendations.slice(0, 3)) {
    console.log(`    ${x.ref} due ${x.dueOn ?? "-"}, ${x.responsible.join(" and ")}: ${x.text.slice(0, 70)}...`);
  }
  console.log("    Full result: .demo/sample-extraction.json");
'

cat <<EOM

  followthrough is running
    Health:   http://localhost:${PORT}/health
    API docs: http://localhost:${PORT}/docs   (OpenAPI JSON: /docs-json)
    Extract:  curl -F file=@report.pdf http://localhost:${PORT}/extract
    Worker:   pid ${worker_pid}, logs in .demo/worker.log
  Press Ctrl-C to stop.

EOM

# If either app dies, stop: the trap takes the other one down.
wait -n "$api_pid" "$worker_pid" || true
