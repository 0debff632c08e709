#!/usr/bin/env python3
"""Reference values for ParzenCore's Monte Carlo KL tests (monte_carlo_kl.json).

Pinned versions (install into a throwaway venv, never into the system Python):

    python3 -m venv .build/venv && .build/venv/bin/pip install numpy==2.4.6 scipy==1.17.1
    .build/venv/bin/python Tests/ParzenCoreTests/References/monte_carlo_kl_references.py

Data and draws from numpy's PCG64 at seed 20261202, stored in the JSON (the tests evaluate
at these very draws, so they do not depend on Parzen's generator):
- "d1": 500 training points and 10,000 Monte Carlo draws of the 1-D mixture
  0.5·N(−1, 0.5²) + 0.5·N(1.5, 1²) (the anchor twin's truth); KDEs with h = 0.05, 0.3, 1.5;
- "d2": 400 training points and 2,000 draws of the 2-D mixture
  0.6·N((−1, 0), diag(0.5², 0.8²)) + 0.4·N((1.5, 1), [[1, 0.3], [0.3, 0.5]]); a KDE with
  the bandwidth matrix H = [[0.09, 0.03], [0.03, 0.16]] (so few draws that the exact sum is
  cheaper than a 2-D grid: Parzen must not bin).
Each case stores its mixture (weights, means, covariances), from which the tests compute
log p at the draws themselves.

Points and draws are rounded to 6 decimals (a smaller file) before anything is computed from
them. For every KDE q, over the draws: the KL estimate mean(log p − log q) and the
cross-entropy mean(−log q), each with its standard error s/√M (ddof = 1); log q exactly, by
scipy.special.logsumexp of the Gaussian kernel log-densities written out; log p by
scipy.stats.norm / multivariate_normal and logsumexp over the components.
"""
import json
import os

import numpy as np
import scipy
import scipy.special
import scipy.stats

assert np.__version__ == "2.4.6", np.__version__
assert scipy.__version__ == "1.17.1", scipy.__version__

rng = np.random.Generator(np.random.PCG64(20261202))


def mixture_1d(n):
    pick = rng.random(n) < 0.5
    return np.where(pick, rng.normal(-1, 0.5, n), rng.normal(1.5, 1, n))


def log_mixture_1d(x):
    return scipy.special.logsumexp(
        [np.log(0.5) + scipy.stats.norm.logpdf(x, -1, 0.5), np.log(0.5) + scipy.stats.norm.logpdf(x, 1.5, 1)], axis=0)


means_2d = [np.array([-1.0, 0.0]), np.array([1.5, 1.0])]
covariances_2d = [np.diag([0.25, 0.64]), np.array([[1.0, 0.3], [0.3, 0.5]])]
weights_2d = [0.6, 0.4]


def mixture_2d(n):
    pick = rng.random(n) < weights_2d[0]
    a = rng.multivariate_normal(means_2d[0], covariances_2d[0], n)
    b = rng.multivariate_normal(means_2d[1], covariances_2d[1], n)
    return np.where(pick[:, None], a, b)


def log_mixture_2d(x):
    return scipy.special.logsumexp(
        [np.log(w) + scipy.stats.multivariate_normal.logpdf(x, m, c)
         for w, m, c in zip(weights_2d, means_2d, covariances_2d)], axis=0)


def log_kde(data, queries, matrix):
    """log (1/N) Σᵢ N(q | oᵢ, H), by logsumexp over i of the Gaussian log-density written out."""
    d = data.shape[1]
    inverse = np.linalg.inv(matrix)
    _, logdet = np.linalg.slogdet(matrix)
    out = np.empty(len(queries))
    for j, q in enumerate(queries):
        u = q - data
        r2 = np.einsum("ij,jk,ik->i", u, inverse, u)
        terms = -0.5 * r2 - 0.5 * d * np.log(2 * np.pi) - 0.5 * logdet
        out[j] = scipy.special.logsumexp(terms) - np.log(len(data))
    return out


def estimate(terms):
    return {"value": float(np.mean(terms)), "standard_error": float(np.std(terms, ddof=1) / np.sqrt(len(terms)))}


def case(data, draws, log_p, matrix, label):
    log_q = log_kde(data, draws, matrix)
    return {"label": label, "matrix": matrix.ravel().tolist(), "kl": estimate(log_p - log_q),
            "cross_entropy": estimate(-log_q)}


d1_data, d1_draws = np.round(mixture_1d(500), 6), np.round(mixture_1d(10000), 6)
d1_log_p = log_mixture_1d(d1_draws)
d2_data, d2_draws = np.round(mixture_2d(400), 6), np.round(mixture_2d(2000), 6)
d2_log_p = log_mixture_2d(d2_draws)
out = {
    "versions": {"numpy": np.__version__, "scipy": scipy.__version__},
    "d1": {"dimension": 1, "data": d1_data.tolist(), "draws": d1_draws.tolist(),
           "mixture": {"weights": [0.5, 0.5], "means": [[-1.0], [1.5]], "covariances": [[0.25], [1.0]]},
           "kdes": [case(d1_data[:, None], d1_draws[:, None], d1_log_p, np.array([[h * h]]), f"h={h}")
                    for h in [0.05, 0.3, 1.5]]},
    "d2": {"dimension": 2, "data": d2_data.ravel().tolist(), "draws": d2_draws.ravel().tolist(),
           "mixture": {"weights": weights_2d, "means": [m.tolist() for m in means_2d],
                       "covariances": [c.ravel().tolist() for c in covariances_2d]},
           "kdes": [case(d2_data, d2_draws, d2_log_p, np.array([[0.09, 0.03], [0.03, 0.16]]), "H")]},
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "monte_carlo_kl.json")
with open(path, "w") as f:
    json.dump(out, f, separators=(",", ":"))
    f.write("\n")
print(f"wrote {path}")
for name in ["d1", "d2"]:
    for c in out[name]["kdes"]:
        print(name, c["label"], c["kl"], c["cross_entropy"])
