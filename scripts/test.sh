#!/usr/bin/env bash
# The README's second set-up command: install quotes with its test extras
# (PyTorch's CPU build first), start a local PostgreSQL for the store tests
# (installed from Debian's packages when missing; needs root or sudo, else
# those tests are skipped), then ruff and the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet torch==2.13.0 -e '.[test,postgres]'
if [ -z "${QUOTES_TEST_POSTGRES_URL:-}" ]; then
    if QUOTES_TEST_POSTGRES_URL="$(bash scripts/ci_postgres.sh)"; then
        export QUOTES_TEST_POSTGRES_URL
    else
        echo "test.sh: no PostgreSQL here; its store tests will be skipped" >&2
        unset QUOTES_TEST_POSTGRES_URL
    fi
fi
python3 -m ruff check quotes cli tests scripts
python3 -m pytest -q "$@"
