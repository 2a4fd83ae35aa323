#!/usr/bin/env bash
# Set-up for the README's test command: install quotes with its test extras
# (PyTorch's CPU build first) and start a local PostgreSQL for the store tests
# (installed from Debian's packages when missing; needs root or sudo, else
# those tests are skipped). Prints only shell code for `eval`; `false` when
# the set-up fails:
#
#   eval "$(bash scripts/test_setup.sh)" && python3 -m ruff check quotes cli tests scripts && python3 -m pytest -q
set -euo pipefail
trap 'echo false' ERR  # a failed set-up makes the eval fail, so the tests do not run
cd "$(dirname "$0")/.."
python3 -m pip install --quiet torch==2.13.0 -e '.[test,postgres]' >&2
if url="$(bash scripts/ci_postgres.sh)"; then
    echo "export QUOTES_TEST_POSTGRES_URL='$url'"
else
    echo "test_setup.sh: no PostgreSQL here; its store tests will be skipped" >&2
fi
