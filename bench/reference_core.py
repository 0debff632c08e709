#!/usr/bin/env python3
"""Runs the Python tools on the data `parzen-bench core` wrote, in the same run, and prints
their medians next to Parzen's with the ratios.

Usage: reference_core.py DIR [--with-statsmodels]
  DIR holds *.f64 arrays (little-endian float64) and parzen_results.json from parzen-bench.
  --with-statsmodels also times statsmodels' LOO likelihood CV at N = 1e4 (~20-70 s).

Pinned versions (bench/core.sh installs them in a throwaway venv):
numpy 2.4.6, scipy 1.17.1, KDEpy 1.1.12, statsmodels 0.15.0.
"""
import json
import sys
import time

import numpy as np
from KDEpy import FFTKDE
from scipy import stats


def timings(fn, runs):
    """The median and the fastest wall-clock time of `runs` calls (the fastest is the least
    disturbed by other processes on a shared machine)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return float(np.median(times)), float(np.min(times))


def median_time(fn, runs):
    return timings(fn, runs)[0]


def load(directory, name):
    return np.fromfile(f"{directory}/{name}.f64", dtype="<f8")


def main():
    directory = sys.argv[1]
    with_statsmodels = "--with-statsmodels" in sys.argv
    parzen = json.load(open(f"{directory}/parzen_results.json"))
    rows = []

    # 1-D: KDEpy FFTKDE on the same 2048-point grid and bandwidth; its error against the
    # exact sum Parzen computed on that grid.
    x1 = load(directory, "grid1d_data")
    nodes = load(directory, "grid1d_nodes")
    exact = load(directory, "grid1d_exact")
    h1 = parzen["grid1d_h"]
    values = FFTKDE(bw=h1).fit(x1).evaluate(nodes)
    cpu_start = time.process_time()
    t, fastest = timings(lambda: FFTKDE(bw=h1).fit(x1).evaluate(nodes), 7)
    cpu = (time.process_time() - cpu_start) / 7
    kdepy_error = float(np.max(np.abs(values - exact) / exact))
    rows.append(("grid1d N=1e6 → 2048", parzen["grid1d_seconds"], "KDEpy FFTKDE", t,
                 f"max rel. error: Parzen {parzen['grid1d_max_relative_error']:.1e}, KDEpy {kdepy_error:.1e}; "
                 f"CPU time {1e3 * parzen['grid1d_cpu_seconds']:.1f} / {1e3 * cpu:.1f} ms "
                 f"(ratio {cpu / parzen['grid1d_cpu_seconds']:.1f}×); "
                 f"fastest runs {1e3 * parzen['grid1d_min_seconds']:.1f} / {1e3 * fastest:.1f} ms: "
                 f"ratio {fastest / parzen['grid1d_min_seconds']:.1f}× (target ≥ 2.5×)"))

    # 2-D: KDEpy FFTKDE on the same 256×256 grid (first coordinate varying slowest).
    xy = load(directory, "grid2d_data").reshape(-1, 2)
    h2 = parzen["grid2d_h"]
    gx = np.linspace(parzen["grid2d_x0"], parzen["grid2d_x1"], 256)
    gy = np.linspace(parzen["grid2d_y0"], parzen["grid2d_y1"], 256)
    grid = np.stack(np.meshgrid(gx, gy, indexing="ij"), axis=-1).reshape(-1, 2)
    t, fastest = timings(lambda: FFTKDE(bw=h2).fit(xy).evaluate(grid), 7)
    # Its error at the nodes where Parzen computed the exact sum (every 5th along each axis).
    values = FFTKDE(bw=h2).fit(xy).evaluate(grid).reshape(256, 256)  # [i along x][j along y]
    sampled = np.arange(0, 256, 5)
    kdepy = values[np.ix_(sampled, sampled)].T.reshape(-1)  # Parzen's order: j slowest
    exact2 = load(directory, "grid2d_sampled_exact")
    error = np.abs(kdepy - exact2) / exact2
    body, tails = exact2 >= 1e-3 * exact2.max(), exact2 >= 1e-10 * exact2.max()
    rows.append(("grid2d N=1e5 → 256×256", parzen["grid2d_seconds"], "KDEpy FFTKDE", t,
                 f"max rel. error where p ≥ 1e-3 / 1e-10 of peak: Parzen {parzen['grid2d_body_relative_error']:.1e} / "
                 f"{parzen['grid2d_tail_relative_error']:.1e}, KDEpy {error[body].max():.1e} / {error[tails].max():.1e}; "
                 f"fastest runs {1e3 * parzen['grid2d_min_seconds']:.1f} / {1e3 * fastest:.1f} ms: "
                 f"ratio {fastest / parzen['grid2d_min_seconds']:.1f}× (target ≥ 3×)"))

    # Exact Gaussian log-density, N = M = 1e4: scipy's gaussian_kde with the same h.
    data = load(directory, "exact_data")
    queries = load(directory, "exact_queries")
    h3 = parzen["exact_h"]
    kde = stats.gaussian_kde(data, bw_method=h3 / np.std(data, ddof=1))
    cpu_start = time.process_time()
    t = median_time(lambda: kde.logpdf(queries), 3)
    cpu = (time.process_time() - cpu_start) / 3
    rows.append(("exact N=M=1e4", parzen["exact_seconds"], "scipy gaussian_kde", t,
                 f"CPU time: Parzen {1e3 * parzen['exact_cpu_seconds']:.0f} ms, scipy {1e3 * cpu:.0f} ms "
                 f"(ratio {cpu / parzen['exact_cpu_seconds']:.1f}×); 1e8 exp calls (one core) "
                 f"{1e3 * parzen['exp_1e8_seconds']:.0f} ms: ratio {parzen['exact_seconds'] / parzen['exp_1e8_seconds']:.2f} (target ≤ 1.5)"))

    # LOO likelihood CV, N = 1e4.
    note = (f"h {parzen['cv_h']:.7f} vs exact optimum {parzen['cv_exact_h']:.7f} "
            f"({abs(parzen['cv_h'] / parzen['cv_exact_h'] - 1):.1e} relative; target ≤ 1e-3)")
    if with_statsmodels:
        from statsmodels.nonparametric.kernel_density import KDEMultivariate
        cv_data = load(directory, "cv_data")
        start = time.perf_counter()
        sm = KDEMultivariate(cv_data, var_type="c", bw="cv_ml")
        t = time.perf_counter() - start
        rows.append(("cv N=1e4", parzen["cv_seconds"], "statsmodels cv_ml", t,
                     note + f"; statsmodels h {sm.bw[0]:.7f}"))
    else:
        rows.append(("cv N=1e4", parzen["cv_seconds"], "statsmodels cv_ml", None, note + "; statsmodels skipped (--with-statsmodels)"))

    print(f"{'case':26} {'Parzen':>10} {'reference':>22} {'time':>10} {'ratio':>8}")
    for case, ours, tool, theirs, remark in rows:
        ratio = f"{theirs / ours:7.1f}×" if theirs else "      —"
        their_time = f"{1e3 * theirs:8.1f}ms" if theirs else "         —"
        print(f"{case:26} {1e3 * ours:8.1f}ms {tool:>22} {their_time} {ratio}  {remark}")
    print("ratio = reference time / Parzen time (> 1: Parzen is faster)")


if __name__ == "__main__":
    main()
