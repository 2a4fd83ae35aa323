#!/usr/bin/env bash
# The README's first set-up command: install quotes (PyTorch's CPU build
# first, so pip does not pull a multi-GB CUDA build) and run the main job on
# the bundled sample article.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet torch==2.13.0 -e .
quotes nlp data/samples/kreml-gespraeche.txt
