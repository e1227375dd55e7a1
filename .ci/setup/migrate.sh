#!/usr/bin/env bash
# The migrate stage's tests start throwaway PostgreSQL and MariaDB servers, use the pg_dump/mysqldump
# clients and the sqlite3 shell, and drive knex (npm), alembic (PyPI) and goose (Go module proxy).
# npm run bench compares shipkit with golang-migrate (Go module proxy) on the same migration files.
set -euo pipefail

need_apt=()
for bin in initdb:postgresql pg_dump:postgresql-client mariadbd:mariadb-server mysqldump:mariadb-client sqlite3:sqlite3; do
  name=${bin%%:*}
  pkg=${bin##*:}
  if ! command -v "$name" >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/"$name" >/dev/null 2>&1; then need_apt+=("$pkg"); fi
done
if ((${#need_apt[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  flock /tmp/apt.lock apt-get update -qq
  # The packages' own service start is refused in containers (policy-rc.d); the tests start their own servers.
  flock /tmp/apt.lock apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
fi

if ! python3 -c 'import alembic, sqlalchemy, psycopg2' >/dev/null 2>&1; then
  python3 -m pip install --quiet --disable-pip-version-check 'alembic>=1.13,<2' 'sqlalchemy>=2,<3' 'psycopg2-binary>=2.9,<3'
fi

if ! command -v goose >/dev/null 2>&1; then
  if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then export PATH="$PATH:/usr/local/go/bin"; fi
  if ! command -v go >/dev/null 2>&1; then
    flock /tmp/apt.lock apt-get install -y -qq --no-install-recommends golang-go
  fi
  GOBIN=/usr/local/bin go install github.com/pressly/goose/v3/cmd/goose@v3.26.0
fi

if ! command -v migrate >/dev/null 2>&1; then
  if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then export PATH="$PATH:/usr/local/go/bin"; fi
  if ! command -v go >/dev/null 2>&1; then
    flock /tmp/apt.lock apt-get install -y -qq --no-install-recommends golang-go
  fi
  GOBIN=/usr/local/bin go install -tags 'postgres' github.com/golang-migrate/migrate/v4/cmd/migrate@v4.20.1
fi
