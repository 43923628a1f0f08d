#!/usr/bin/env bash
# Installs PostgreSQL from Debian and starts a local cluster listening on 127.0.0.1 only, with the role the
# tests sign in as (processengine / processengine, allowed to create their own databases and roles). Idempotent: a
# second run finds everything in place and returns in about a second. The multi-node tests and the
# PostgreSQL store tests need it; `scripts/test.sh` runs it through install-deps.sh.
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { as_root runuser -u postgres -- "$@"; }

if ! command -v pg_ctlcluster >/dev/null || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql
fi

version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
cluster=main
if ! pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { found = 1 } END { exit !found }'; then
  as_root pg_createcluster "$version" "$cluster"
fi

# A conf.d drop-in is read after postgresql.conf, so these settings hold whatever the main file says.
dropin="/etc/postgresql/$version/$cluster/conf.d/processengine.conf"
wanted="$(cat <<'CONF'
# Written by ProcessEngine's scripts/postgres.sh: local tests only.
listen_addresses = '127.0.0.1'
port = 5432
max_connections = 400
CONF
)"
if [ ! -f "$dropin" ] || [ "$(cat "$dropin")" != "$wanted" ]; then
  echo "$wanted" | as_root tee "$dropin" >/dev/null
  as_root pg_ctlcluster "$version" "$cluster" stop >/dev/null 2>&1 || true
fi

status="$(pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { print $4 }')"
[ "$status" = "online" ] || as_root pg_ctlcluster "$version" "$cluster" start

for _ in $(seq 1 60); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 0.5
done
pg_isready -q -h 127.0.0.1 -p 5432 || { echo "PostgreSQL did not start on 127.0.0.1:5432" >&2; exit 1; }

as_postgres psql -q -v ON_ERROR_STOP=1 -p 5432 -d postgres <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'processengine') THEN
    CREATE ROLE processengine LOGIN PASSWORD 'processengine' CREATEDB;
  END IF;
  -- A test drops its database WITH (FORCE); an autovacuum worker busy in it belongs to no role the test
  -- role is a member of, and without pg_signal_backend the drop fails instead of ending that worker.
  IF NOT pg_has_role('processengine', 'pg_signal_backend', 'MEMBER') THEN
    GRANT pg_signal_backend TO processengine;
  END IF;
  -- The test of README's "Who may write the table" runs the host under a login role of its own that owns
  -- nothing, made and dropped by the test.
  IF NOT (SELECT rolcreaterole FROM pg_roles WHERE rolname = 'processengine') THEN
    ALTER ROLE processengine CREATEROLE;
  END IF;
END
$$;
SQL
