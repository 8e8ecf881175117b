#!/usr/bin/env bash
# `npm run demo`: builds everything, migrates a demo database, loads a demo council (an admin,
# a manager and two staff), starts the API in the foreground (with a local SMTP sink: the emails
# the worker sends are at /dev/mail) and the worker in the background,
# imports a sample inspection report (test/fixtures/demo/, fictional) through POST /inspections
# and assigns some of its actions so GET /api/dashboard has something to show. Ctrl-C stops both.
#
# Safe to run again: the council, the people and the import are found and reused. Secrets stay
# in .demo/ (git-ignored): jwt-secret, queue-board-password, and credentials (the demo passwords,
# made on first run).
# To start from scratch: psql -h 127.0.0.1 -U postgres -c 'DROP DATABASE followthrough_demo'
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-3000}
DEMO_DATABASE=followthrough_demo
DEMO_COUNCIL="Brackwater Borough Council"
DEMO_REPORT=test/fixtures/demo/brackwater-ilacs-2026.txt
export NODE_ENV=development
export PORT
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/${DEMO_DATABASE}"
export REDIS_URL="redis://127.0.0.1:6379"
export QUEUE_PREFIX=followthrough_demo
# Reminder emails go to a sink inside the API (development only), readable at /dev/mail.
MAIL_SINK_PORT=${MAIL_SINK_PORT:-1025}
export DEV_MAIL_SINK_PORT=$MAIL_SINK_PORT
export SMTP_URL="smtp://127.0.0.1:${MAIL_SINK_PORT}"
export APP_URL="http://localhost:${PORT}"
# So a newcomer sees reminders at once, whatever the day and hour: every hour is a send hour
# and every day a working day, and the worker sweeps every 30 seconds.
export SEND_HOUR=0
export WORKING_DAYS_ONLY=false
export REMINDER_SWEEP_EVERY=30s
API="http://127.0.0.1:${PORT}"
CLI=(node dist/apps/cli/apps/cli/src/main.js)

# The demo cast: key, role, email, name, team, line manager's email.
PEOPLE=(
  "admin|admin|amara.okafor@brackwater.example.gov.uk|Amara Okafor||"
  "manager|manager|dan.whitlock@brackwater.example.gov.uk|Dan Whitlock|Quality assurance|"
  "staff1|staff|priya.nair@brackwater.example.gov.uk|Priya Nair|Assessment|dan.whitlock@brackwater.example.gov.uk"
  "staff2|staff|tom.eastwood@brackwater.example.gov.uk|Tom Eastwood|Care leavers|dan.whitlock@brackwater.example.gov.uk"
)

bash scripts/ensure-deps.sh
bash scripts/ensure-services.sh

if curl -s -o /dev/null "${API}/"; then
  echo "error: something already answers on port ${PORT}; stop it or run: PORT=3001 npm run demo" >&2
  exit 1
fi
if (exec 3<>"/dev/tcp/127.0.0.1/${MAIL_SINK_PORT}") 2>/dev/null; then
  echo "error: port ${MAIL_SINK_PORT} (the demo's mail sink) is taken; run: MAIL_SINK_PORT=2525 npm run demo" >&2
  exit 1
fi

echo "==> Building"
npm run build --silent

sql() {
  psql -h 127.0.0.1 -U postgres -d "$1" -v ON_ERROR_STOP=1 -tAc "$2"
}
database_exists() {
  [ "$(sql postgres "SELECT 1 FROM pg_database WHERE datname = '${DEMO_DATABASE}'")" = "1" ]
}

mkdir -p .demo
chmod 700 .demo
# Passwords are only known when first made: a demo database whose credentials file has gone
# cannot be logged into, so it is rebuilt.
if database_exists && [ ! -s .demo/credentials ] &&
  [ -n "$(sql "$DEMO_DATABASE" "SELECT 1 FROM information_schema.tables WHERE table_name = 'users'")" ] &&
  [ -n "$(sql "$DEMO_DATABASE" "SELECT 1 FROM users LIMIT 1")" ]; then
  echo "==> ${DEMO_DATABASE} has users but .demo/credentials is gone: recreating the database"
  sql postgres "DROP DATABASE ${DEMO_DATABASE} WITH (FORCE)" >/dev/null
fi
if ! database_exists; then
  echo "==> Creating database ${DEMO_DATABASE}"
  sql postgres "CREATE DATABASE ${DEMO_DATABASE}" >/dev/null
  # A new database gets a new signing key: tokens from an earlier demo must not work on it.
  rm -f .demo/jwt-secret .demo/credentials
fi
if [ ! -s .demo/jwt-secret ]; then
  (umask 077 && openssl rand -base64 48 | tr -d '\n' >.demo/jwt-secret)
fi
JWT_SECRET=$(cat .demo/jwt-secret)
export JWT_SECRET
# The queue board is for whoever runs the service (here, you): HTTP Basic, user "operator".
if [ ! -s .demo/queue-board-password ]; then
  (umask 077 && openssl rand -hex 16 | tr -d '\n' >.demo/queue-board-password)
fi
QUEUE_BOARD_PASSWORD=$(cat .demo/queue-board-password)
export QUEUE_BOARD_PASSWORD

echo "==> Migrating ${DEMO_DATABASE}"
"${CLI[@]}" migration:run

echo "==> Demo council and people"
council_id=$(sql "$DEMO_DATABASE" "SELECT id FROM councils WHERE lower(name) = lower('${DEMO_COUNCIL}')")
if [ -z "$council_id" ]; then
  council_id=$("${CLI[@]}" council:create --name "$DEMO_COUNCIL" --code BRK |
    node -e 'process.stdin.on("data", (d) => process.stdout.write(JSON.parse(d).id))')
  echo "    created ${DEMO_COUNCIL} (${council_id})"
else
  echo "    ${DEMO_COUNCIL} already exists (${council_id})"
fi
touch .demo/credentials
chmod 600 .demo/credentials
password_of() {
  awk -F'\t' -v key="$1" '$1 == key { print $2 }' .demo/credentials
}
for person in "${PEOPLE[@]}"; do
  IFS='|' read -r key role email name team line_manager <<<"$person"
  if [ -z "$(password_of "$email")" ]; then
    printf '%s\t%s\n' "$email" "$(openssl rand -base64 18)" >>.demo/credentials
  fi
  if [ -n "$(sql "$DEMO_DATABASE" "SELECT 1 FROM users WHERE email = '${email}'")" ]; then
    echo "    ${email} already exists"
    continue
  fi
  args=(user:create --council "$council_id" --email "$email" --name "$name" --role "$role" --password-stdin)
  [ -n "$team" ] && args+=(--team "$team")
  [ -n "$line_manager" ] && args+=(--line-manager "$line_manager")
  password_of "$email" | "${CLI[@]}" "${args[@]}" >/dev/null
  echo "    created ${role} ${email}"
done
email_of() {
  for person in "${PEOPLE[@]}"; do
    IFS='|' read -r key _ email _ <<<"$person"
    if [ "$key" = "$1" ]; then echo "$email"; fi
  done
}
user_id() {
  sql "$DEMO_DATABASE" "SELECT id FROM users WHERE email = '$(email_of "$1")'"
}

api_pid=
worker_pid=
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

echo "==> Starting the API on port ${PORT} (logs: .demo/api.log)"
# Logs to a file, like the worker's, so the steps below and the sign-in details stay readable.
node dist/apps/api/apps/api/src/main.js >.demo/api.log 2>&1 &
api_pid=$!

for _ in $(seq 1 120); do
  if curl -sf -o /dev/null "${API}/health"; then
    break
  fi
  if ! kill -0 "$api_pid" 2>/dev/null; then
    echo "error: the API exited during start-up:" >&2
    tail -n 20 .demo/api.log >&2
    exit 1
  fi
  sleep 0.5
done
if ! curl -sf -o /dev/null "${API}/health"; then
  echo "error: /health did not answer 200 within 60 s" >&2
  exit 1
fi

# After the API: the mail sink the worker sends to lives in the API process.
echo "==> Starting the worker (logs: .demo/worker.log)"
node dist/apps/worker/apps/worker/src/main.js >.demo/worker.log 2>&1 &
worker_pid=$!

# `json FILE EXPR`: EXPR evaluated on the JSON in FILE as `d`, printed (objects as JSON).
json() {
  node -e '
    const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const v = eval(process.argv[2]);
    process.stdout.write(typeof v === "string" ? v : JSON.stringify(v));
  ' "$1" "$2"
}
# `call METHOD PATH TOKEN [curl args...]`: the body goes to .demo/response.json, the status
# to stdout.
call() {
  local method=$1 path=$2 token=$3
  shift 3
  curl -s -o .demo/response.json -w '%{http_code}' -X "$method" \
    -H "Authorization: Bearer ${token}" "$@" "${API}/api${path}"
}
fail_call() {
  echo "error: $1 (under /api) answered $2: $(cat .demo/response.json)" >&2
  exit 1
}
login() {
  local email
  email=$(email_of "$1")
  curl -sf -o .demo/login.json -H 'content-type: application/json' \
    -d "{\"email\":\"${email}\",\"password\":\"$(password_of "$email")\"}" "${API}/api/auth/login" ||
    {
      echo "error: could not log in as ${email}" >&2
      exit 1
    }
  json .demo/login.json 'd.accessToken'
}

echo "==> Logging in as the manager, $(email_of manager)"
token=$(login manager)

echo "==> Importing ${DEMO_REPORT} through POST /api/inspections"
status=$(call POST /inspections "$token" -F "file=@${DEMO_REPORT};type=text/plain")
case "$status" in
  201)
    inspection_id=$(json .demo/response.json 'd.id')
    echo "    imported $(json .demo/response.json 'd.reference'): $(json .demo/response.json 'd.actionsCreated') draft actions"
    ;;
  409)
    inspection_id=$(json .demo/response.json 'd.details.inspectionId')
    echo "    already imported ($(json .demo/response.json 'd.message'))"
    ;;
  *) fail_call "POST /inspections" "$status" ;;
esac

echo "==> Assigning actions (only those still in draft, so a second run changes nothing)"
status=$(call GET "/actions?inspectionId=${inspection_id}&sort=reference&pageSize=100" "$token")
[ "$status" = 200 ] || fail_call "GET /actions" "$status"
cp .demo/response.json .demo/actions.json
day() { date -d "$1 days" +%F; }
# Recommendation ref, owner, due in N days (negative: already overdue), final status.
PLAN=(
  "R1|staff1|-12|open"
  "R2|staff1|5|in_progress"
  "R3|manager|21|open"
  "R4|staff2|-3|in_progress"
  "R5|staff2|-20|completed"
)
for step in "${PLAN[@]}"; do
  IFS='|' read -r ref owner days final <<<"$step"
  action=$(json .demo/actions.json "d.items.find((a) => a.recommendation.ref === '${ref}') ?? null")
  if [ "$action" = null ]; then
    echo "    no action for ${ref}; skipped"
    continue
  fi
  id=$(node -e 'process.stdout.write(JSON.parse(process.argv[1]).id)' "$action")
  current=$(node -e 'process.stdout.write(JSON.parse(process.argv[1]).status)' "$action")
  reference=$(node -e 'process.stdout.write(JSON.parse(process.argv[1]).reference)' "$action")
  if [ "$current" != draft ]; then
    echo "    ${reference} is already ${current}"
    continue
  fi
  body=$(printf '{"ownerId":"%s","dueOn":"%s","successMeasure":"%s","status":"open"}' \
    "$(user_id "$owner")" "$(day "$days")" \
    "Monthly audit of 20 cases shows at least 80% rated good or better for three months running")
  status=$(call PATCH "/actions/${id}" "$token" -H 'content-type: application/json' -d "$body")
  [ "$status" = 200 ] || fail_call "PATCH /actions/${id}" "$status"
  if [ "$final" != open ]; then
    status=$(call PATCH "/actions/${id}" "$token" -H 'content-type: application/json' \
      -d "{\"status\":\"${final}\"}")
    [ "$status" = 200 ] || fail_call "PATCH /actions/${id} (${final})" "$status"
  fi
  echo "    ${reference}: $(email_of "$owner"), due $(day "$days"), ${final}"
done

echo "==> A partner agency: the integrated care board the report makes responsible for R6"
PARTNER_EMAIL=grace.mensah@brackwater-icb.example.nhs.uk
if [ -z "$(password_of "$PARTNER_EMAIL")" ]; then
  printf '%s\t%s\n' "$PARTNER_EMAIL" "$(openssl rand -base64 18)" >>.demo/credentials
fi
admin_token=$(login admin)
status=$(call GET /organisations "$admin_token")
[ "$status" = 200 ] || fail_call "GET /organisations" "$status"
icb_id=$(json .demo/response.json "(d.find((o) => o.kind === 'health') ?? {}).id ?? ''")
if [ -z "$icb_id" ]; then
  status=$(call POST /organisations "$admin_token" -H 'content-type: application/json' \
    -d "{\"name\":\"NHS Brackwater Integrated Care Board\",\"kind\":\"health\",\"councilLeadId\":\"$(user_id manager)\"}")
  [ "$status" = 201 ] || fail_call "POST /organisations" "$status"
  icb_id=$(json .demo/response.json 'd.id')
fi
partner_id=$(sql "$DEMO_DATABASE" "SELECT id FROM users WHERE email = '${PARTNER_EMAIL}'")
if [ -z "$partner_id" ]; then
  body=$(printf '{"email":"%s","name":"Grace Mensah","role":"partner","organisationId":"%s","password":"%s"}' \
    "$PARTNER_EMAIL" "$icb_id" "$(password_of "$PARTNER_EMAIL")")
  status=$(call POST /users "$admin_token" -H 'content-type: application/json' -d "$body")
  [ "$status" = 201 ] || fail_call "POST /users (partner)" "$status"
  partner_id=$(json .demo/response.json 'd.id')
  status=$(call PATCH "/organisations/${icb_id}" "$admin_token" -H 'content-type: application/json' \
    -d "{\"leadId\":\"${partner_id}\"}")
  [ "$status" = 200 ] || fail_call "PATCH /organisations/${icb_id}" "$status"
fi
status=$(call GET "/inspections/${inspection_id}" "$token")
[ "$status" = 200 ] || fail_call "GET /inspections/${inspection_id}" "$status"
suggested=$(json .demo/response.json "(d.recommendations.find((r) => r.ref === 'R6') ?? {}).suggestedOrganisationId ?? ''")
action=$(json .demo/actions.json "d.items.find((a) => a.recommendation.ref === 'R6') ?? null")
if [ "$action" != null ] && [ "$(node -e 'process.stdout.write(JSON.parse(process.argv[1]).status)' "$action")" = draft ]; then
  id=$(node -e 'process.stdout.write(JSON.parse(process.argv[1]).id)' "$action")
  # The import suggested the organisation from the report's wording; the manager confirms it.
  body=$(printf '{"ownerId":"%s","organisationId":"%s","dueOn":"%s","successMeasure":"%s","status":"open"}' \
    "$partner_id" "${suggested:-$icb_id}" "$(day -2)" \
    "95% of initial health assessments completed within 20 working days for three months running")
  status=$(call PATCH "/actions/${id}" "$token" -H 'content-type: application/json' -d "$body")
  [ "$status" = 200 ] || fail_call "PATCH /actions/${id} (partner)" "$status"
fi
echo "    NHS Brackwater Integrated Care Board: ${PARTNER_EMAIL} owns R6 (suggested from the report: ${suggested:+yes})"

echo "==> Measures with targets and monthly readings (only on actions that have none yet)"
# Recommendation ref, measure name, unit, direction, baseline, target, then the monthly readings.
MEASURES=(
  "R2|Plans audited as good or better|percentage|higher|42|80|45 51 58 63 67"
  "R4|Average days from referral to assessment|days|lower|38|20|37 36 36 35 34"
)
for step in "${MEASURES[@]}"; do
  IFS='|' read -r ref name unit direction baseline target readings <<<"$step"
  id=$(json .demo/actions.json "(d.items.find((a) => a.recommendation.ref === '${ref}') ?? {}).id ?? ''")
  [ -n "$id" ] || continue
  status=$(call GET "/actions/${id}/measures" "$token")
  [ "$status" = 200 ] || fail_call "GET /actions/${id}/measures" "$status"
  if [ "$(json .demo/response.json 'd.length')" != 0 ]; then
    echo "    ${ref} already has measures"
    continue
  fi
  body=$(printf '{"name":"%s","unit":"%s","direction":"%s","baselineValue":%s,"baselineOn":"%s","targetValue":%s,"targetOn":"%s"}' \
    "$name" "$unit" "$direction" "$baseline" "$(day -150)" "$target" "$(day 150)")
  status=$(call POST "/actions/${id}/measures" "$token" -H 'content-type: application/json' -d "$body")
  [ "$status" = 201 ] || fail_call "POST /actions/${id}/measures" "$status"
  measure_id=$(json .demo/response.json 'd.id')
  month=-120
  for value in $readings; do
    body=$(printf '{"value":%s,"observedOn":"%s","source":"Monthly performance report"}' "$value" "$(day "$month")")
    status=$(call POST "/actions/${id}/measures/${measure_id}/readings" "$token" \
      -H 'content-type: application/json' -d "$body")
    [ "$status" = 201 ] || fail_call "POST readings of ${measure_id}" "$status"
    month=$((month + 30))
  done
  status=$(call GET "/actions/${id}/measures" "$token")
  echo "    ${ref}: ${name}, RAG $(json .demo/response.json 'd[0].trajectory.rag')"
done

echo "==> A manager's RAG override, with its reason (only when the action has none)"
id=$(json .demo/actions.json "(d.items.find((a) => a.recommendation.ref === 'R1') ?? {}).id ?? ''")
if [ -n "$id" ]; then
  status=$(call GET "/actions/${id}/rag" "$token")
  [ "$status" = 200 ] || fail_call "GET /actions/${id}/rag" "$status"
  if [ "$(json .demo/response.json 'd.override === null')" = true ]; then
    status=$(call PUT "/actions/${id}/rag/override" "$token" -H 'content-type: application/json' \
      -d '{"rag":"amber","reason":"New deadline agreed at the improvement board; the first audits are booked"}')
    [ "$status" = 200 ] || fail_call "PUT /actions/${id}/rag/override" "$status"
  fi
  echo "    R1: RAG $(json .demo/response.json 'd.rag') (computed $(json .demo/response.json 'd.computed.rag'))"
fi

status=$(call GET "/reports/committee?since=$(day -60)" "$token")
[ "$status" = 200 ] || fail_call "GET /reports/committee" "$status"
echo "==> The committee report: overall RAG $(json .demo/response.json 'd.rag.rag'), $(json .demo/response.json 'd.changes.length') changes in the last 60 days (/reports/committee)"

status=$(call GET /dashboard "$token")
[ "$status" = 200 ] || fail_call "GET /dashboard" "$status"
cp .demo/response.json .demo/dashboard.json
node -e '
  const d = JSON.parse(require("fs").readFileSync(".demo/dashboard.json", "utf8"));
  const statuses = Object.entries(d.byStatus).filter(([, n]) => n > 0).map(([s, n]) => `${s} ${n}`);
  console.log(`==> GET /api/dashboard (${d.today}): ${statuses.join(", ")}`);
  console.log(`    overdue ${d.overdue.total}: ` + d.overdue.byOwner.map((o) => `${o.owner ? o.owner.name : "unassigned"} ${o.count}`).join(", "));
  console.log(`    due in 7 days ${d.dueSoon.next7Days}, in 30 days ${d.dueSoon.next30Days}`);
  for (const i of d.inspections) {
    console.log(`    ${i.reference}: ${i.progress.percentComplete}% complete, RAG ${i.progress.rag}`);
  }
'

# The extraction preview, as before: POST /extract needs a token now too.
sample=test/fixtures/reports/harrowfield-safeguarding-lac-2012.txt
status=$(call POST /extract "$token" -F "file=@${sample}")
[ "$status" = 200 ] || [ "$status" = 201 ] || fail_call "POST /extract" "$status"
cp .demo/response.json .demo/sample-extraction.json
echo "==> POST /api/extract on ${sample}: $(json .demo/sample-extraction.json 'd.recommendations.length') recommendations (.demo/sample-extraction.json)"

# Assignment emails go as soon as the worker sees them; give it a moment.
for _ in $(seq 1 40); do
  curl -s -o .demo/mail.json "${API}/dev/mail"
  if [ "$(json .demo/mail.json 'd.total')" -gt 0 ]; then
    sleep 2
    break
  fi
  sleep 0.5
done
curl -s -o .demo/mail.json "${API}/dev/mail"
echo "==> GET /dev/mail: $(json .demo/mail.json 'd.total') emails caught by the local sink"
json .demo/mail.json 'd.items.slice(0, 8).map((m) => `    ${m.to.join(", ")}: ${m.subject}`).join("\n")'
echo

cat <<EOM

  followthrough is running
    Sign in:   ${API/127.0.0.1/localhost}/sign-in   (web pages; a staff member lands on My actions)
    Health:    ${API/127.0.0.1/localhost}/health
    API docs:  ${API/127.0.0.1/localhost}/api/docs   (OpenAPI JSON: /api/docs-json)
    Dashboard: curl -H "Authorization: Bearer \$TOKEN" ${API/127.0.0.1/localhost}/api/dashboard
    Log in:    curl -H 'content-type: application/json' -d '{"email":"…","password":"…"}' ${API/127.0.0.1/localhost}/api/auth/login
    API:       pid ${api_pid}, logs in .demo/api.log
    Worker:    pid ${worker_pid}, logs in .demo/worker.log
    Emails:    ${API/127.0.0.1/localhost}/dev/mail   (one: /dev/mail/<id>, its HTML: /dev/mail/<id>/html)
    Queues:    ${API/127.0.0.1/localhost}/admin/queues   (operators only: user operator, password ${QUEUE_BOARD_PASSWORD}; read-only)

  ${DEMO_COUNCIL} (demo passwords, also in .demo/credentials):
EOM
for person in "${PEOPLE[@]}"; do
  IFS='|' read -r _ role email _ <<<"$person"
  printf '    %-8s %-42s %s\n' "$role" "$email" "$(password_of "$email")"
done
printf '    %-8s %-42s %s\n' partner "$PARTNER_EMAIL" "$(password_of "$PARTNER_EMAIL")"
printf '\n  Press Ctrl-C to stop.\n\n'

# If either app dies, stop: the trap takes the other one down.
wait -n "$api_pid" "$worker_pid" || true
