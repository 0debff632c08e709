#!/bin/sh
# Large-N KDE fits: a Gaussian KDE with Scott's bandwidth and its training NLL at N = 1e5 and
# 1e6 (1-D) and 1e5 (2-D), Parzen next to scikit-learn's KernelDensity.score_samples
# (rtol = 1e-8) and KDEpy's FFTKDE + interpolation on the same points, in the same run.
# Usage: bench/largefit.sh [--with-sklearn-1e6]  (scikit-learn at N = 1e6 takes many minutes)
set -eu
cd "$(dirname "$0")/.."
venv="${PARZEN_BENCH_VENV:-.build/bench-venv}"
data="${PARZEN_BENCH_DATA:-.build/bench-largefit}"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c "import numpy, scipy, sklearn, KDEpy" 2>/dev/null ||
    "$venv/bin/pip" install --quiet numpy==2.4.6 scipy==1.17.1 KDEpy==1.1.12 scikit-learn==1.9.1
swift build -c release --static-swift-stdlib --product parzen-bench
"$(swift build -c release --static-swift-stdlib --show-bin-path)/parzen-bench" largefit --data "$data"
"$venv/bin/python" bench/reference_largefit.py "$data" "$@"
