#!/usr/bin/env bash
# Makes sure PostgreSQL (127.0.0.1:5432, user postgres, no password) and Redis (127.0.0.1:6379)
# answer, starting or installing them (Debian packages) when this runs as root. Without root it
# says what is missing and how to fix it, and exits non-zero.
set -euo pipefail

is_root() { [ "$(id -u)" -eq 0 ]; }

postgres_up() { command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1 -p 5432; }
redis_up() { command -v redis-cli >/dev/null 2>&1 && [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = "PONG" ]; }
postgres_installed() { command -v pg_ctlcluster >/dev/null 2>&1 && [ -n "$(ls /etc/postgresql 2>/dev/null)" ]; }
redis_installed() { command -v redis-server >/dev/null 2>&1; }

apt_updated=false
apt_install() {
  if [ "$apt_updated" = false ]; then
    echo "==> apt-get update"
    apt-get update -qq
    apt_updated=true
  fi
  echo "==> apt-get install -y $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

wait_for() {
  local what=$1 check=$2
  for _ in $(seq 1 60); do
    if "$check"; then return 0; fi
    sleep 0.5
  done
  echo "error: $what did not come up within 30 s" >&2
  exit 1
}

problems=()

# --- PostgreSQL ---------------------------------------------------------------------------
if postgres_up; then
  echo "PostgreSQL: up on 127.0.0.1:5432"
elif is_root; then
  if ! postgres_installed; then
    apt_install postgresql
    # Our tests and the demo connect as postgres without a password, as on the standard
    # development machine. Only done for a server this script installed itself.
    hba="/etc/postgresql/$(ls /etc/postgresql)/main/pg_hba.conf"
    sed -i '1i host all all 127.0.0.1/32 trust' "$hba"
  fi
  version=$(ls /etc/postgresql)
  echo "==> Starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
  wait_for "PostgreSQL" postgres_up
  echo "PostgreSQL: up on 127.0.0.1:5432"
elif postgres_installed; then
  problems+=("PostgreSQL is installed but not running. Start it (as root):
    pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start")
else
  problems+=("PostgreSQL is not installed. Install and start it (as root):
    apt-get update && apt-get install -y postgresql
    pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start
  and allow local connections without a password for user postgres on 127.0.0.1 (pg_hba.conf: trust).")
fi

# --- Redis --------------------------------------------------------------------------------
start_redis() { redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null; }

if redis_up; then
  echo "Redis: up on 127.0.0.1:6379"
elif is_root; then
  if ! redis_installed; then
    apt_install redis-server
  fi
  echo "==> Starting Redis"
  start_redis
  wait_for "Redis" redis_up
  echo "Redis: up on 127.0.0.1:6379"
elif redis_installed; then
  problems+=("Redis is installed but not running. Start it:
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save \"\" --appendonly no")
else
  problems+=("Redis is not installed. Install and start it (as root):
    apt-get update && apt-get install -y redis-server
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save \"\" --appendonly no")
fi

if [ "${#problems[@]}" -gt 0 ]; then
  echo >&2
  echo "Missing services (not running as root, so nothing was installed or started):" >&2
  for problem in "${problems[@]}"; do
    echo "  - $problem" >&2
  done
  exit 1
fi
