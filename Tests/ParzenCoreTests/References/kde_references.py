#!/usr/bin/env python3
"""Reference values for ParzenCore's kernel density tests (kde_references.json).

Run from this folder:
    python3 -m venv /tmp/venv-kde && /tmp/venv-kde/bin/pip install \
        numpy==2.4.6 scipy==1.17.1 scikit-learn==1.9.1 KDEpy==1.1.12
    /tmp/venv-kde/bin/python kde_references.py

Sources of truth, one per quantity:
- log-densities of the six scikit-learn kernels: sklearn.neighbors.KernelDensity with
  atol=0, rtol=0 (exact sums), except cosine in even dimensions, where scikit-learn's
  normalising constant is wrong (its 2-D cosine kernel integrates to 1 - 2/pi; checked
  below with scipy quadrature), so those cases are left out;
- full bandwidth matrices: scipy.stats.gaussian_kde.logpdf with its Scott covariance;
- biweight and triweight (not in scikit-learn): KDEpy's NaiveKDE in 1-D, whose kernels
  are scaled to unit standard deviation, so bw = h * sqrt(kernel variance);
- Scott and Silverman: scipy.stats.gaussian_kde's covariance (Scott, and Silverman in d > 1)
  and Silverman's rule of thumb 0.9 min(sd, IQR/1.34) n^(-1/5) in numpy (1-D);
- Improved Sheather-Jones: a line-by-line numpy reimplementation of Botev's kde.m
  (Botev, Grotowski & Kroese, Ann. Statist. 38(5), 2010), root by scipy's brentq;
- leave-one-out likelihood CV: the exact LOO objective in numpy, maximised by scipy's
  bounded Brent search on log h.
"""
import json
import numpy as np
import scipy
import sklearn
import KDEpy
from scipy import integrate, optimize, stats
from sklearn.neighbors import KernelDensity

rng = np.random.default_rng(20240601)


def mixture(n, rng):
    """0.6 N(-1.5, 0.5^2) + 0.4 N(2, 1), the benchmark's data."""
    first = rng.random(n) < 0.6
    return np.where(first, rng.normal(-1.5, 0.5, n), rng.normal(2.0, 1.0, n))


datasets = {
    "d1": mixture(200, rng).reshape(-1, 1),
    "d2": np.column_stack([mixture(150, rng), 0.5 * rng.normal(size=150) + 3.0]),
    "d3": rng.normal(size=(100, 3)) * np.array([1.0, 0.3, 2.0]),
}
queries = {
    # ordinary points, plus far points whose log-density must stay finite
    "d1": np.array([[-3.0], [-1.5], [0.0], [0.37], [2.0], [4.5], [12.0], [-40.0]]),
    "d2": np.array([[-1.5, 3.0], [0.0, 0.0], [2.0, 3.5], [1.0, 2.5], [9.0, -6.0]]),
    "d3": np.array([[0.0, 0.0, 0.0], [1.0, 0.2, -1.0], [-2.0, 0.1, 3.0], [6.0, 2.0, -9.0]]),
}

# scikit-learn's 2-D cosine kernel does not integrate to one (recorded for the tests' doc).
kd = KernelDensity(kernel="cosine", bandwidth=1.0).fit(np.zeros((1, 2)))
cosine_2d_mass = integrate.quad(
    lambda r: np.exp(kd.score_samples([[r, 0.0]]))[0] * 2 * np.pi * r, 0, 1)[0]

sklearn_cases = []
for name, data in datasets.items():
    d = data.shape[1]
    for kernel in ["gaussian", "tophat", "epanechnikov", "exponential", "linear", "cosine"]:
        if kernel == "cosine" and d % 2 == 0:
            continue
        for h in [0.3, 1.1]:
            kde = KernelDensity(kernel=kernel, bandwidth=h, atol=0, rtol=0).fit(data)
            sklearn_cases.append({
                "dataset": name, "kernel": kernel, "bandwidth": h,
                # JSON has no -Infinity: null marks a zero density (outside a compact support)
                "log_density": [float(v) if np.isfinite(v) else None for v in kde.score_samples(queries[name])],
            })

kdepy_cases = []
variances = {"biweight": 1 / 7, "triweight": 1 / 9}
for kernel, variance in variances.items():
    for h in [0.3, 1.1]:
        grid = queries["d1"][:, 0]
        kde = KDEpy.NaiveKDE(kernel=kernel, bw=h * np.sqrt(variance)).fit(datasets["d1"][:, 0])
        values = kde.evaluate(grid)
        kdepy_cases.append({
            "dataset": "d1", "kernel": kernel, "bandwidth": h,
            # NaiveKDE floors densities at machine epsilon; below 1e-15 means outside the support
            "log_density": [float(np.log(v)) if v > 1e-15 else None for v in values],
        })


def silverman_1d(x):
    sd = np.std(x, ddof=1)
    iqr = np.subtract(*np.percentile(x, [75, 25]))
    return 0.9 * min(sd, iqr / 1.34) * len(x) ** (-0.2)


def botev_isj(x, n=2 ** 14):
    """Botev's kde.m, line by line (histc binning on the mesh, his dct1d, his root())."""
    x = np.asarray(x, dtype=float)
    lo, hi = x.min(), x.max()
    span = hi - lo
    xmin, xmax = lo - span / 10, hi + span / 10
    r = xmax - xmin
    dx = r / (n - 1)
    n_unique = len(np.unique(x))
    counts = np.bincount(np.minimum(np.floor((x - xmin) / dx).astype(int), n - 1), minlength=n)
    initial = counts / n_unique
    initial = initial / initial.sum()
    # dct1d: weights [1, 2 exp(-i k pi / (2n))], data reordered even indices then odd reversed
    weight = np.concatenate([[1.0], 2 * np.exp(-1j * np.arange(1, n) * np.pi / (2 * n))])
    reordered = np.concatenate([initial[0::2], initial[::-1][0::2]])
    a = np.real(weight * np.fft.fft(reordered))
    i_sq = np.arange(1, n, dtype=float) ** 2
    a2 = (a[1:] / 2) ** 2

    def fixed_point(t):
        ell = 7
        f = 2 * np.pi ** (2 * ell) * np.sum(i_sq ** ell * a2 * np.exp(-i_sq * np.pi ** 2 * t))
        for s in range(ell - 1, 1, -1):
            k0 = np.prod(np.arange(1, 2 * s, 2)) / np.sqrt(2 * np.pi)
            const = (1 + (1 / 2) ** (s + 1 / 2)) / 3
            time = (2 * const * k0 / n_unique / f) ** (2 / (3 + 2 * s))
            f = 2 * np.pi ** (2 * s) * np.sum(i_sq ** s * a2 * np.exp(-i_sq * np.pi ** 2 * time))
        return t - (2 * n_unique * np.sqrt(np.pi) * f) ** (-2 / 5)

    big_n = min(max(n_unique, 50), 1050)
    tol = 1e-12 + 0.01 * (big_n - 50) / 1000
    while True:
        if fixed_point(0) * fixed_point(tol) < 0:
            t_star = optimize.brentq(fixed_point, 0, tol, xtol=1e-300, rtol=4 * np.finfo(float).eps)
            break
        tol = min(tol * 2, 0.1)
        if tol == 0.1:
            t_star = optimize.fminbound(lambda t: abs(fixed_point(t)), 0, 0.1, xtol=1e-15)
            break
    return float(np.sqrt(t_star) * r)


def loo_objective(x, h):
    """Mean log p_{-i}(x_i) for the Gaussian kernel, exactly (N^2 terms, log-sum-exp)."""
    n = len(x)
    total = 0.0
    for start in range(0, n, 500):
        block = x[start:start + 500, None]
        z = -0.5 * ((block - x[None, :]) / h) ** 2
        z[np.arange(len(block)), np.arange(start, start + len(block))] = -np.inf
        total += np.sum(scipy.special.logsumexp(z, axis=1))
    return total / n - np.log((n - 1) * h * np.sqrt(2 * np.pi))


loo_data = mixture(2000, rng)
loo = optimize.minimize_scalar(lambda lh: -loo_objective(loo_data, np.exp(lh)),
                               bounds=(np.log(0.01), np.log(2.0)), method="bounded",
                               options={"xatol": 1e-10})
loo_h = float(np.exp(loo.x))

x1 = datasets["d1"][:, 0]
rules = {
    "d1": {
        "scott": float(np.sqrt(stats.gaussian_kde(x1, "scott").covariance[0, 0])),
        "silverman": silverman_1d(x1),
        "isj": botev_isj(x1),
        "isj_kdepy": float(KDEpy.bw_selection.improved_sheather_jones(x1.reshape(-1, 1))),
    },
    "d2": {
        "scott": stats.gaussian_kde(datasets["d2"].T, "scott").covariance.ravel().tolist(),
        "silverman": stats.gaussian_kde(datasets["d2"].T, "silverman").covariance.ravel().tolist(),
    },
    # in 2-D scipy's Scott and Silverman factors coincide; 3-D tells them apart
    "d3": {
        "scott": stats.gaussian_kde(datasets["d3"].T, "scott").covariance.ravel().tolist(),
        "silverman": stats.gaussian_kde(datasets["d3"].T, "silverman").covariance.ravel().tolist(),
    },
}
isj_large = mixture(10000, rng)

# Full bandwidth matrix: scipy's gaussian_kde is N(x | o_i, H) with H = its covariance.
matrix_cases = []
for name in ["d2", "d3"]:
    kde = stats.gaussian_kde(datasets[name].T, "scott")
    matrix_cases.append({"dataset": name, "matrix": kde.covariance.ravel().tolist(),
                         "log_density": kde.logpdf(queries[name].T).tolist()})

out = {
    "versions": {"numpy": np.__version__, "scipy": scipy.__version__,
                 "scikit-learn": sklearn.__version__, "KDEpy": KDEpy.__version__},
    "cosine_2d_mass_sklearn": cosine_2d_mass,
    "datasets": {k: {"dimension": v.shape[1], "points": v.ravel().tolist()} for k, v in datasets.items()},
    "queries": {k: v.ravel().tolist() for k, v in queries.items()},
    "sklearn": sklearn_cases,
    "kdepy": kdepy_cases,
    "scipy_matrix": matrix_cases,
    "rules": rules,
    "isj_large": {"points": isj_large.tolist(), "isj": botev_isj(isj_large),
                  "isj_kdepy": float(KDEpy.bw_selection.improved_sheather_jones(isj_large.reshape(-1, 1)))},
    "loo": {"points": loo_data.tolist(), "h": loo_h, "objective": float(loo_objective(loo_data, loo_h))},
}
with open("kde_references.json", "w") as f:
    json.dump(out, f, indent=1)
print("wrote kde_references.json; ISJ", rules["d1"]["isj"], "KDEpy", rules["d1"]["isj_kdepy"],
      "LOO h", loo_h, "sklearn 2-D cosine mass", cosine_2d_mass)
