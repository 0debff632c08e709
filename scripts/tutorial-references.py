#!/usr/bin/env python3
"""Reference values for the tutorial notebooks (notebooks/what-is-a-generative-model.md and
notebooks/a-linear-model.md), computed from the raw data with NumPy, SciPy and scikit-learn —
never from Parzen's output. Tests/ParzenReportTests/TutorialNotebookTests.swift compares the
rendered notebooks' results with the values this script prints.

Usage (NumPy ≥ 2, SciPy ≥ 1.13, scikit-learn ≥ 1.5; the committed values were made with
NumPy 2.4.6, SciPy 1.17.1, scikit-learn 1.9.1; about two minutes):

    python3 scripts/tutorial-references.py

and paste the printed block into `TutorialReferences` in the test file.

What is reproduced, and how:
- The seeded train/held-out splits and the generated data sets. Parzen documents its random
  stream exactly (Sources/ParzenCore/Foundation/Xoshiro256StarStar.swift: xoshiro256** seeded
  by SplitMix64, uniforms from the top 53 bits, normals by Marsaglia's polar method with the
  second value kept, bounded integers by Lemire's method; DataSplit.swift: Fisher–Yates from
  the top; GaussianMixture.sample: one uniform picks the component by cumulative weights;
  Gaussian.sample: x = μ + L z with L the lower Cholesky factor; `generate: {gaussian: …}` is a
  one-component mixture). The generator is
  re-implemented below from the published algorithm (Blackman & Vigna, <https://prng.di.unimi.it/>);
  its first outputs are checked against the authors' reference values for SplitMix64.
- Every fitted quantity is then recomputed with NumPy/SciPy/scikit-learn on those points:
  Gaussian MLE, Scott's bandwidth from scipy.stats.gaussian_kde (β = σ̂² N^(−2/5) in 1-D,
  H = N^(−2/(d+4)) Σ̂ in d dimensions, divisor N − 1), KDE log-densities by scipy.special.logsumexp, probabilistic PCA by the
  closed form of Tipping & Bishop (1999) from numpy.linalg.eigh, the Gaussian mixture by
  sklearn.mixture.GaussianMixture, KL divergences by quadrature (1-D) or in closed form
  (Gaussians), the leave-one-out NLL curve by the exact leave-one-out sum.
"""
import math

import numpy as np
from scipy import integrate, optimize, special, stats
from sklearn.mixture import GaussianMixture

from parzen_stream import sample_gaussian, sample_mixture_1d, split

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent


def load_faithful(columns):
    data = np.genfromtxt(ROOT / "notebooks" / "data" / "old-faithful.csv", delimiter=",", names=True)
    return np.column_stack([data[c] for c in columns])


def gaussian_nll(x, mean, cov):
    return -stats.multivariate_normal(mean, cov).logpdf(x).mean()


def kde_log_density(at, data, beta):
    """log (1/N) Σ N(at | o_i, β I), any dimension."""
    at, data = np.atleast_2d(at.T).T, np.atleast_2d(data.T).T
    d = data.shape[1]
    sq = ((at[:, None, :] - data[None, :, :]) ** 2).sum(axis=2)
    return special.logsumexp(-sq / (2 * beta), axis=1) - math.log(len(data)) - d / 2 * math.log(2 * math.pi * beta)


def scott_beta(train):
    """β of Scott's rule in 1-D, as SciPy computes it: (factor · σ̂)², σ̂ with divisor N − 1."""
    kde = stats.gaussian_kde(train, bw_method="scott")
    return float(kde.covariance[0, 0])


def loo_nll(train, beta):
    x = train.ravel()
    n = len(x)
    sq = (x[:, None] - x[None, :]) ** 2
    logk = -sq / (2 * beta) - 0.5 * math.log(2 * math.pi * beta)
    np.fill_diagonal(logk, -np.inf)
    return -(special.logsumexp(logk, axis=1) - math.log(n - 1)).mean()


def ppca(train, k):
    mean = train.mean(axis=0)
    s = np.cov(train.T, bias=True)
    eigenvalues, vectors = np.linalg.eigh(s)
    eigenvalues, vectors = eigenvalues[::-1], vectors[:, ::-1]
    d = train.shape[1]
    noise = eigenvalues[k:].mean()
    w = vectors[:, :k] * np.sqrt(eigenvalues[:k] - noise)
    return mean, w @ w.T + noise * np.eye(d), noise


def gaussian_kl(m0, c0, m1, c1):
    """KL(N(m0, c0) ‖ N(m1, c1)) in closed form."""
    d = len(m0)
    c1inv = np.linalg.inv(c1)
    diff = m1 - m0
    return 0.5 * (np.trace(c1inv @ c0) + diff @ c1inv @ diff - d + np.linalg.slogdet(c1)[1] - np.linalg.slogdet(c0)[1])


values = {}


def put(key, value):
    values[key] = float(value)


# --- what-is-a-generative-model.md ------------------------------------------------------
eruptions = load_faithful(["eruptions"]).ravel()
train_i, held_i = split(len(eruptions), 0.2, 1 + 1)  # {data} faithful: seed 1, split seed 2
train, held = eruptions[train_i], eruptions[held_i]
put("faithful.n_train", len(train))
mu, var = train.mean(), train.var()
put("gauss.mean", mu)
put("gauss.variance", var)
put("gauss.nll_train", -stats.norm(mu, math.sqrt(var)).logpdf(train).mean())
put("gauss.nll_heldout", -stats.norm(mu, math.sqrt(var)).logpdf(held).mean())
beta = scott_beta(train)
put("kde.beta", beta)
put("kde.nll_train", -kde_log_density(train, train, beta).mean())
put("kde.nll_heldout", -kde_log_density(held, train, beta).mean())

# fig-curve: the 41-point grid around the chosen β, as documented for kind: bandwidth.
grid = [beta * 10 ** (-3 + 4 * j / 40) for j in range(41)]
loo = [loo_nll(train, b) for b in grid]
heldout_curve = [-kde_log_density(held, train, b).mean() for b in grid]
put("fig-curve.beta_loo_best", grid[int(np.argmin(loo))])
put("fig-curve.nll_loo_best", min(loo))
put("fig-curve.beta_heldout_best", grid[int(np.argmin(heldout_curve))])

weights, means, sds = [0.7, 0.3], [40.0, 48.0], [2.0, 4.0]
cycles = sample_mixture_1d(weights, means, sds, 1000, 2)  # {data} cycles: seed 2
train_i, held_i = split(len(cycles), 0.5, 2 + 1)
ctrain, cheld = cycles[train_i], cycles[held_i]
put("cycles.mean", cycles.mean())
put("cycles.sd", cycles.std())


def true_pdf(x):
    return sum(w * stats.norm(m, s).pdf(x) for w, m, s in zip(weights, means, sds))


xs = np.linspace(0, 90, 900_001)  # ≥ 9 sd beyond both components; spacing 1e-4 s
log_true = np.log(true_pdf(xs))
entropy = -integrate.trapezoid(true_pdf(xs) * log_true, xs)
put("kl.entropy_data", entropy)
for label, b in [("narrow", 0.01), ("wide", 2.0)]:
    put(f"{label}.nll_train", -kde_log_density(ctrain, ctrain, b).mean())
    put(f"{label}.nll_heldout", -kde_log_density(cheld, ctrain, b).mean())
    log_model = np.concatenate([kde_log_density(chunk, ctrain, b) for chunk in np.array_split(xs, 300)])
    put(f"kl.kl_{label}", integrate.trapezoid(true_pdf(xs) * (log_true - log_model), xs))
put("kl.nll_difference", values["narrow.nll_heldout"] - values["wide.nll_heldout"])


def cv_objective(log_beta):
    return loo_nll(ctrain, math.exp(log_beta))


best = optimize.minimize_scalar(cv_objective, bounds=(math.log(1e-3), math.log(50)), method="bounded",
                                options={"xatol": 1e-10})
put("cv.beta", math.exp(best.x))

geyser = load_faithful(["eruptions", "waiting"])
gtrain_i, gheld_i = split(len(geyser), 0.2, 1 + 1)
gtrain, gheld = geyser[gtrain_i], geyser[gheld_i]
gmean, gcov, gnoise = ppca(gtrain, 1)
put("linear_decoder.nll_train_exact", gaussian_nll(gtrain, gmean, gcov))

# --- a-linear-model.md ------------------------------------------------------------------
put("geyser_ppca.noise_variance", gnoise)
put("geyser_ppca.nll_train", gaussian_nll(gtrain, gmean, gcov))
put("geyser_ppca.nll_heldout", gaussian_nll(gheld, gmean, gcov))
put("geyser_gauss.nll_train", gaussian_nll(gtrain, gtrain.mean(axis=0), np.cov(gtrain.T, bias=True)))
mixture = GaussianMixture(n_components=2, covariance_type="full", tol=1e-10, max_iter=10_000, n_init=20,
                          reg_covar=0.0, random_state=0).fit(gtrain)
put("geyser_mixture.nll_train", -mixture.score(gtrain))
put("geyser_mixture.nll_heldout", -mixture.score(gheld))

sensors_cov = np.array([
    [1.25, 0.9, 0.8, 0.2, -0.3, 0.5],
    [0.9, 1.15, 0.6, 0.48, -0.03, 0.6],
    [0.8, 0.6, 1.05, -0.24, -0.56, 0.2],
    [0.2, 0.48, -0.24, 1.29, 0.74, 0.6],
    [-0.3, -0.03, -0.56, 0.74, 0.98, 0.25],
    [0.5, 0.6, 0.2, 0.6, 0.25, 0.75],
])
sensors = sample_gaussian([0.0] * 6, sensors_cov, 400, 5)  # {data} sensors: seed 5
strain_i, sheld_i = split(len(sensors), 0.5, 5 + 1)
strain, sheld = sensors[strain_i], sensors[sheld_i]
for k in (1, 2, 3):
    m, c, noise = ppca(strain, k)
    put(f"sensors_k{k}.noise_variance", noise)
    put(f"sensors_k{k}.nll_heldout", gaussian_nll(sheld, m, c))
    put(f"sensors_models.kl_sensors_k{k}", gaussian_kl(np.zeros(6), sensors_cov, m, c))
smean, scov = strain.mean(axis=0), np.cov(strain.T, bias=True)
put("sensors_gauss.nll_heldout", gaussian_nll(sheld, smean, scov))
put("sensors_models.kl_sensors_gauss", gaussian_kl(np.zeros(6), sensors_cov, smean, scov))
# In d ≥ 2 Scott's rule gives the bandwidth matrix H = N^(−2/(d+4)) Σ̂ (divisor N − 1): SciPy's rule.
put("sensors_kde.nll_heldout", -stats.gaussian_kde(strain.T, bw_method="scott").logpdf(sheld.T).mean())
put("sensors_models.entropy_data", 0.5 * np.linalg.slogdet(2 * math.pi * math.e * sensors_cov)[1])

print("// Generated by scripts/tutorial-references.py; do not edit by hand.")
print("static let values: [String: Double] = [")
for key, value in values.items():
    print(f'    "{key}": {value!r},')
print("]")
