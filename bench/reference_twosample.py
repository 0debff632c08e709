#!/usr/bin/env python3
"""A NumPy implementation of Parzen's two-sample tests, timed on the points `parzen-bench
twosample` wrote, printed next to Parzen's medians with the ratio and the statistics.

The statistics are the same (unbiased MMD² with a Gaussian kernel at the median-heuristic
length scale; the energy distance V-statistic); the permutations come from NumPy's generator,
so p-values agree only in distribution. Each permutation is a quadratic form of the pooled
matrix with the label vector, evaluated for 50 permutations at a time as one matrix product
(BLAS, all cores): the fast way to write it in NumPy.

Usage: reference_twosample.py DIR      Pinned: numpy 2.4.6, scipy 1.17.1.
"""
import json
import sys
import time

import numpy as np
from scipy.spatial.distance import pdist, squareform


def statistic(matrix, labels, n, m, mmd):
    """Statistics of a batch of labellings (rows of 0/1), from the block sums."""
    xx = np.einsum("bi,ij,bj->b", labels, matrix, labels, optimize=True)
    total_x = labels @ matrix.sum(axis=1)
    total = matrix.sum()
    yy = total - 2 * total_x + xx
    xy = total_x - xx
    if mmd:  # the diagonal (k = 1) is excluded from the within-sample sums
        return (xx - n) / (n * (n - 1)) + (yy - m) / (m * (m - 1)) - 2 * xy / (n * m)
    return 2 * xy / (n * m) - xx / n**2 - yy / m**2


def test(x, y, mmd, permutations=1000, seed=1):
    n, m = len(x), len(y)
    pooled = np.concatenate([x, y])
    distances = pdist(pooled)
    if mmd:
        ell = np.median(distances)
        matrix = squareform(np.exp(-distances**2 / (2 * ell**2)))
        np.fill_diagonal(matrix, 1.0)
    else:
        matrix = squareform(distances)
    labels = np.zeros((1, n + m))
    labels[0, :n] = 1
    observed = statistic(matrix, labels, n, m, mmd)[0]
    rng = np.random.default_rng(seed)
    count = 0
    for start in range(0, permutations, 50):
        batch = np.array([rng.permutation(labels[0]) for _ in range(min(50, permutations - start))])
        count += int(np.sum(statistic(matrix, batch, n, m, mmd) >= observed))
    return observed, (1 + count) / (1 + permutations)


def main():
    directory = sys.argv[1]
    parzen = json.load(open(f"{directory}/parzen_results.json"))
    print(f"{'case':17} {'Parzen':>9} {'CPU':>7} {'NumPy':>10} {'ratio':>7}"
          "  statistic Parzen / NumPy, p Parzen / NumPy")
    for d, tag in [(1, ""), (2, ""), (1, "alike"), (2, "alike")]:
        x = np.fromfile(f"{directory}/twosample{d}d{tag}_x.f64", dtype="<f8").reshape(-1, d)
        y = np.fromfile(f"{directory}/twosample{d}d{tag}_y.f64", dtype="<f8").reshape(-1, d)
        for name, mmd in [("mmd", True), ("energy", False)]:
            key = f"{name}{d}d{tag}"
            times = []
            for _ in range(3):
                start = time.perf_counter()
                value, p = test(x, y, mmd)
                times.append(time.perf_counter() - start)
            theirs, ours = float(np.median(times)), parzen[f"{key}_seconds"]
            print(f"{key:17} {1e3 * ours:7.1f}ms {1e3 * parzen[f'{key}_cpu_seconds']:5.0f}ms {1e3 * theirs:8.1f}ms"
                  f" {theirs / ours:6.1f}×  {parzen[f'{key}_value']:.10e} / {value:.10e}"
                  f" (rel. diff {abs(parzen[f'{key}_value'] / value - 1):.1e}), p {parzen[f'{key}_p']:.4f} / {p:.4f}")
    print("ratio = NumPy time / Parzen time (> 1: Parzen is faster); 2000 + 2000 points, 1000 permutations;"
          " 'alike': no shift")


if __name__ == "__main__":
    main()
