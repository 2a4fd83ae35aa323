#!/usr/bin/env bash
# The README's first set-up command: install quotes (PyTorch's CPU build
# first, so pip does not pull a multi-GB CUDA build) and run the main job on
# the bundled sample article: store it and its attributed quotes in the
# default SQLite database, then show who is quoted and one speaker's quotes.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet torch==2.13.0 -e .
quotes ingest data/samples/kreml-gespraeche.txt --outlet Tagesblatt --date 2025-03-04
quotes speakers list --quoted
quotes search --speaker Peskow
