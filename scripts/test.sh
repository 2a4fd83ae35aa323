#!/usr/bin/env bash
# The README's second set-up command: install quotes with its test extras
# (PyTorch's CPU build first) and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet torch==2.13.0 -e '.[test]'
python3 -m ruff check quotes cli tests scripts
python3 -m pytest -q "$@"
