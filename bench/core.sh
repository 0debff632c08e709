#!/bin/sh
# Core benchmarks: ParzenCore's density estimation next to KDEpy, scipy and statsmodels on
# the same data, in the same run, with ratios. Usage: bench/core.sh [--with-statsmodels]
# Needs python3 (venv) and network access to PyPI on first use; the venv is cached in
# .build/bench-venv. Machine load matters: both sides are timed back to back.
set -eu
cd "$(dirname "$0")/.."
venv="${PARZEN_BENCH_VENV:-.build/bench-venv}"
data="${PARZEN_BENCH_DATA:-.build/bench-core}"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet numpy==2.4.6 scipy==1.17.1 KDEpy==1.1.12 statsmodels==0.15.0
fi
swift build -c release --static-swift-stdlib --product parzen-bench
"$(swift build -c release --static-swift-stdlib --show-bin-path)/parzen-bench" core --data "$data"
"$venv/bin/python" bench/reference_core.py "$data" "$@"
