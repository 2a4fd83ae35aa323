#!/usr/bin/env bash
# Install PostgreSQL from Debian's packages (if missing), start a local
# cluster, create a test role and database, and print its URL on stdout:
#
#   export QUOTES_TEST_POSTGRES_URL="$(bash scripts/ci_postgres.sh)"
#
# Runs as root (CI) or with passwordless sudo; everything else goes to stderr.
# Safe to run again: an existing cluster, role or database is reused.
set -euo pipefail

ROLE=${QUOTES_PG_ROLE:-quotes}
PASSWORD=${QUOTES_PG_PASSWORD:-quotes}
DATABASE=${QUOTES_PG_DATABASE:-quotes_test}

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
    SUDO=(sudo -n)
fi

log() { echo "ci_postgres: $*" >&2; }

if ! command -v pg_lsclusters >/dev/null 2>&1; then
    log "installing postgresql from Debian's packages"
    "${SUDO[@]}" apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq postgresql >&2
fi

if [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    log "creating cluster $version/main"
    "${SUDO[@]}" pg_createcluster "$version" main >&2
fi
read -r version cluster port status _ < <(pg_lsclusters -h | head -n 1)
if [ "$status" != "online" ]; then
    log "starting cluster $version/$cluster on port $port"
    "${SUDO[@]}" pg_ctlcluster "$version" "$cluster" start >&2
fi

as_postgres() { "${SUDO[@]}" runuser -u postgres -- "$@"; }
psql_admin() { as_postgres psql --port "$port" -v ON_ERROR_STOP=1 -qtA "$@"; }

if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != "1" ]; then
    psql_admin -c "CREATE ROLE \"$ROLE\" LOGIN PASSWORD '$PASSWORD'" >&2
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" != "1" ]; then
    psql_admin -c "CREATE DATABASE \"$DATABASE\" OWNER \"$ROLE\"" >&2
fi
log "PostgreSQL $version ready: database $DATABASE on port $port"
echo "postgresql://$ROLE:$PASSWORD@localhost:$port/$DATABASE"
