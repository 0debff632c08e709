#!/bin/sh
# Two-sample tests: MMD² (Gaussian kernel, median heuristic) and energy distance with 1,000
# permutations on 2,000 + 2,000 points (1-D and 2-D; shifted by 0.1, and 'alike', not shifted),
# Parzen next to a NumPy implementation of the same statistics (pooled matrix once, permutations
# as quadratic forms, batched), in the same run. Usage: bench/twosample.sh
set -eu
cd "$(dirname "$0")/.."
venv="${PARZEN_BENCH_VENV:-.build/bench-venv}"
data="${PARZEN_BENCH_DATA:-.build/bench-twosample}"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c "import numpy, scipy" 2>/dev/null || "$venv/bin/pip" install --quiet numpy==2.4.6 scipy==1.17.1
swift build -c release --static-swift-stdlib --product parzen-bench
"$(swift build -c release --static-swift-stdlib --show-bin-path)/parzen-bench" twosample --data "$data"
"$venv/bin/python" bench/reference_twosample.py "$data"
