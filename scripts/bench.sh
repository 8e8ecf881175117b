#!/usr/bin/env bash
# `npm run bench`: every benchmark, one after the other. `npm run bench -- parser`,
# `npm run bench -- api` or `npm run bench -- reminders` runs one.
#   parser: extraction speed and memory on the corpus, beside poppler's pdftotext.
#   api:    GET /actions?overdue=true and GET /dashboard under HTTP load (autocannon) on
#           1,000,000 actions in the followthrough_bench database (loaded on first run; set
#           BENCH_RELOAD=1 to rebuild it), beside a bare node:http + pg baseline running the
#           same SQL. BENCH_DURATION (s, default 10), BENCH_WARMUP (default 2) and
#           BENCH_CONNECTIONS (default 10) tune the runs; see bench/api.bench.ts.
#   reminders: the reminder sweep on 1,000,000 actions in followthrough_bench_reminders (brought
#           to steady state on first run; BENCH_RELOAD=1 rebuilds it), emails per second through
#           one in-process worker to an SMTP sink in a child process, and Redis memory per pending
#           email job on a private redis-server; see bench/reminders.bench.ts.
#   pages:  the web pages My actions, an action and the overdue review under HTTP load on the
#           api benchmark's 1,000,000 actions; see bench/pages.bench.ts.
#   floods: hostile bodies against the built API (four unauthenticated 600 MB form floods, a
#           20 MB JSON body), with its peak memory read from the kernel; see bench/floods.bench.ts.
#   extract-pool: report reading under hostile input through the built API: a 10,000-page PDF,
#           two reports just under the page limit and a deflate bomb from one council, and how
#           long another council's small report waits meanwhile. BENCH_COMPARE_API_MAIN=<a
#           built main.js> runs the same against another build first, with before/after
#           ratios; see bench/extract-pool.bench.ts.
#   report: the committee report's renderers from the model: the Word document and the workbook
#           for 50 actions, and the workbook streamed for 20,000 (bench/committee-report.bench.ts);
#           then end to end through the built API on its own database (followthrough_bench_report):
#           JSON, page, .docx and .xlsx for one inspection, and a 20,000-action council's workbook
#           with the API's peak memory (bench/committee-report-http.bench.ts).
#   repeats: repeat-finding matching, 40 new recommendations against 2,000 earlier ones (target
#           under 200 ms, bench/repeats.bench.ts), then its precision and recall on the labelled
#           corpus pairs (bench/repeats-eval.ts, also `npm run eval:repeats`).
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-all}
case "$which" in
  all | parser | api | reminders | pages | floods | extract-pool | report | repeats) ;;
  *)
    echo "usage: npm run bench [-- parser|api|reminders|pages|floods|extract-pool|report|repeats]" >&2
    exit 2
    ;;
esac

bash scripts/ensure-deps.sh
npx tsc -p bench/tsconfig.json

if [ "$which" = all ] || [ "$which" = parser ]; then
  # Without pdftotext the PDF ratios are left out; the rest of the figures still stand.
  bash scripts/ensure-pdftotext.sh || true
  node dist/bench/bench/extract.bench.js
fi

if [ "$which" = all ] || [ "$which" = repeats ]; then
  # The matcher alone needs no services; propose() through Postgres does (BENCH_DB=0 skips it).
  # The evaluation reads the corpus beside the repository.
  if [ "${BENCH_DB:-1}" != 0 ]; then bash scripts/ensure-services.sh; fi
  node dist/bench/bench/repeats.bench.js
  node dist/bench/bench/repeats-eval.js
fi

if [ "$which" = all ] || [ "$which" = report ]; then
  # No services: the renderers run on a model built in memory.
  node dist/bench/bench/committee-report.bench.js
fi

if [ "$which" = all ] || [ "$which" = api ] || [ "$which" = pages ] || [ "$which" = floods ] ||
  [ "$which" = extract-pool ] || [ "$which" = report ]; then
  bash scripts/ensure-services.sh
  # The API is measured as built for production; rebuild when any source is newer.
  api_main=dist/apps/api/apps/api/src/main.js
  if [ ! -f "$api_main" ] ||
    [ -n "$(find apps libs config migrations \( -name '*.ts' -o -name '*.njk' \) -newer "$api_main" -print -quit)" ]; then
    echo "==> Building the apps"
    npm run build --silent
  fi
  if [ "$which" = all ] || [ "$which" = api ]; then node dist/bench/bench/api.bench.js; fi
  if [ "$which" = all ] || [ "$which" = pages ]; then node dist/bench/bench/pages.bench.js; fi
  if [ "$which" = all ] || [ "$which" = report ]; then
    node dist/bench/bench/committee-report-http.bench.js
  fi
  if [ "$which" = all ] || [ "$which" = floods ]; then node dist/bench/bench/floods.bench.js; fi
  if [ "$which" = all ] || [ "$which" = extract-pool ]; then
    node dist/bench/bench/extract-pool.bench.js
  fi
fi

if [ "$which" = all ] || [ "$which" = reminders ]; then
  bash scripts/ensure-services.sh
  # In process from dist/bench (compiled above): the sweeper and the worker as the tests run them.
  node dist/bench/bench/reminders.bench.js
fi
