#!/usr/bin/env bash
# Runs every benchmark in bench/ (each prints Parzen's figures next to a reference tool's,
# measured in the same run on the same input, and their ratio).
set -euo pipefail
cd "$(dirname "$0")/.."
for script in bench/*.sh; do
    echo "== $script"
    "$script"
done
