#!/usr/bin/env python3
"""Times scikit-learn and KDEpy on the data `parzen-bench largefit` wrote and prints their
medians next to Parzen's, with each tool's NLL and its relative difference from Parzen's
(whose own error bound, computed, is printed by parzen-bench; at N = 1e5 in 1-D it is also
checked against the exact sum there).

Usage: reference_largefit.py DIR [--with-sklearn-1e6]
Pinned versions: numpy 2.4.6, scipy 1.17.1, scikit-learn 1.9.1, KDEpy 1.1.12.

Both tools get Parzen's bandwidth. In 2-D Parzen's Scott bandwidth is a full matrix H = LLᵀ,
which neither tool takes, so they run on the whitened points L⁻¹x with unit bandwidth and
the log-density is shifted by −log|L| (the same estimate).
"""
import json
import sys
import time

import numpy as np
from KDEpy import FFTKDE
from scipy.interpolate import RegularGridInterpolator
from sklearn.neighbors import KernelDensity


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def load(directory, name):
    return np.fromfile(f"{directory}/{name}.f64", dtype="<f8")


def sklearn_nll(x, bw, shift):
    kde = KernelDensity(bandwidth=bw, rtol=1e-8).fit(x)
    return -np.mean(kde.score_samples(x) - shift)


def kdepy_nll(x, bw, shift):
    """FFTKDE on its own grid (2^16 points in 1-D, 512² in 2-D), linearly interpolated."""
    if x.shape[1] == 1:
        grid, density = FFTKDE(bw=bw).fit(x[:, 0]).evaluate(2 ** 16)
        return -np.mean(np.log(np.interp(x[:, 0], grid, density)) - shift)
    grid, density = FFTKDE(bw=bw).fit(x).evaluate((512, 512))
    gx, gy = np.unique(grid[:, 0]), np.unique(grid[:, 1])
    values = RegularGridInterpolator((gx, gy), density.reshape(len(gx), len(gy)))(x)
    return -np.mean(np.log(values) - shift)


def main():
    directory = sys.argv[1]
    with_1e6 = "--with-sklearn-1e6" in sys.argv
    parzen = json.load(open(f"{directory}/parzen_results.json"))
    print(f"{'case':12} {'Parzen':>9} {'CPU':>7} {'tool':>22} {'time':>10} {'ratio':>8}  accuracy")
    for name, d in [("fit1d_1e5", 1), ("fit1d_1e6", 1), ("fit2d_1e5", 2)]:
        x = load(directory, f"{name}_data").reshape(-1, d)
        h = load(directory, f"{name}_bandwidth").reshape(d, d)
        ours, nll = parzen[f"{name}_seconds"], parzen[f"{name}_nll"]
        L = np.linalg.cholesky(h)
        shift = np.log(np.diag(L)).sum()
        white = np.linalg.solve(L, x.T).T
        tools = [("KDEpy FFTKDE+interp", lambda: kdepy_nll(white, 1.0, shift))]
        if name != "fit1d_1e6" or with_1e6:
            tools.insert(0, ("sklearn rtol=1e-8", lambda: sklearn_nll(white, 1.0, shift)))
        print(f"{name:12} {1e3 * ours:7.1f}ms {1e3 * parzen[f'{name}_cpu_seconds']:5.0f}ms"
              f" {'':>22} {'':>10} {'':>8}  NLL {nll:.12f}, bound {parzen[f'{name}_bound']:.1e} relative"
              + (f", vs exact {parzen[f'{name}_error']:.1e}" if f"{name}_error" in parzen else ""))
        for tool, fn in tools:
            seconds, value = timed(fn)
            print(f"{'':12} {'':>9} {'':>7} {tool:>22} {1e3 * seconds:8.1f}ms {seconds / ours:7.1f}×"
                  f"  NLL {value:.12f} ({abs(value / nll - 1):.1e} from Parzen)")
        if name == "fit1d_1e6" and not with_1e6:
            print(f"{'':12} {'':>9} {'':>7} {'sklearn rtol=1e-8':>22} {'—':>10} {'—':>8}  skipped (--with-sklearn-1e6)")
    print("ratio = reference time / Parzen time (> 1: Parzen is faster); Parzen times include the bandwidth rule and fit")


if __name__ == "__main__":
    main()
