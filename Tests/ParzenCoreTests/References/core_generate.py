#!/usr/bin/env python3
"""Reference values for ParzenCore's Gaussian, mixture, pPCA and criteria tests.

Pinned versions (install into a throwaway venv, never into the system Python):

    python3 -m venv /tmp/venv-core && /tmp/venv-core/bin/pip install \
        numpy==2.2.6 scipy==1.15.3 scikit-learn==1.6.1
    /tmp/venv-core/bin/python core_generate.py      # run inside this folder

Writes core_gaussian.json, core_ppca.json, core_gmm.json and core_criteria.json next to
itself. Data sets are drawn here with numpy's PCG64 at fixed seeds and stored in the JSON,
so the Swift tests read the very same points. Floats are written with repr, which
round-trips exactly. Every value comes from scipy / scikit-learn or from a closed form
evaluated with numpy; nothing here is Parzen's output.
"""
import json
import os

import numpy as np
import scipy
import scipy.integrate
import scipy.special
import scipy.stats
import sklearn
from scipy.spatial import cKDTree
from scipy.spatial.distance import cdist, pdist
from sklearn.decomposition import PCA
from sklearn.mixture import GaussianMixture

assert np.__version__ == "2.2.6", np.__version__
assert scipy.__version__ == "1.15.3", scipy.__version__
assert sklearn.__version__ == "1.6.1", sklearn.__version__

HERE = os.path.dirname(os.path.abspath(__file__))
VERSIONS = {"numpy": np.__version__, "scipy": scipy.__version__, "scikit-learn": sklearn.__version__}


def write(name, payload):
    payload = {"generator": "core_generate.py", "versions": VERSIONS, **payload}
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(payload, f, indent=1)
        f.write("\n")


def rows(a):
    return np.asarray(a, dtype=float).tolist()


def gaussian_kl(m0, s0, m1, s1):
    """KL(N(m0, s0) || N(m1, s1)) by the closed form, with numpy's LU-based solve/slogdet."""
    d = len(m0)
    diff = m1 - m0
    return 0.5 * (np.trace(np.linalg.solve(s1, s0)) + diff @ np.linalg.solve(s1, diff) - d
                  + np.linalg.slogdet(s1)[1] - np.linalg.slogdet(s0)[1])


def gaussian_refs():
    rng = np.random.default_rng(20261127)
    x1 = rng.normal(1.5, 0.7, size=50)
    at1 = np.array([-3.0, 0.0, 1.5, 2.25, 40.0])
    mu1, var1, var1u = x1.mean(), x1.var(ddof=0), x1.var(ddof=1)

    a = np.array([[1.0, 0.0, 0.0], [0.8, 0.6, 0.0], [-0.3, 0.5, 0.4]])
    x3 = rng.normal(size=(40, 3)) @ a.T + np.array([0.5, -1.0, 2.0])
    at3 = np.array([[0.0, 0.0, 0.0], [0.5, -1.0, 2.0], [3.0, 1.0, -2.0], [-1.5, 0.25, 1.0]])
    mu3 = x3.mean(axis=0)
    cov3 = np.cov(x3, rowvar=False, bias=True)
    cov3u = np.cov(x3, rowvar=False, ddof=1)

    # Two fixed Gaussians for entropy and KL.
    mp, sp = np.array([0.0, 1.0, -0.5]), np.array([[2.0, 0.3, 0.1], [0.3, 1.0, -0.2], [0.1, -0.2, 0.5]])
    mq, sq = np.array([0.5, 0.0, 0.0]), np.array([[1.0, 0.0, 0.2], [0.0, 3.0, 0.4], [0.2, 0.4, 1.5]])

    # 1-D KL by quadrature of p log(p/q), an independent check of the closed form.
    p1, q1 = scipy.stats.norm(0.3, 1.2), scipy.stats.norm(-0.4, 0.8)
    kl1_quad = scipy.integrate.quad(lambda t: p1.pdf(t) * (p1.logpdf(t) - q1.logpdf(t)), -40, 40,
                                    epsabs=1e-14, epsrel=1e-13, limit=200)[0]

    write("core_gaussian.json", {
        "oneD": {
            "data": rows(x1), "at": rows(at1),
            "mean": mu1, "variance": var1, "unbiasedVariance": var1u,
            "logDensity": rows(scipy.stats.norm(mu1, np.sqrt(var1)).logpdf(at1)),
            "unbiasedLogDensity": rows(scipy.stats.norm(mu1, np.sqrt(var1u)).logpdf(at1)),
            "entropy": float(scipy.stats.norm(mu1, np.sqrt(var1)).entropy()),
        },
        "threeD": {
            "data": rows(x3), "at": rows(at3),
            "mean": rows(mu3), "covariance": rows(cov3), "unbiasedCovariance": rows(cov3u),
            "logDensity": rows(scipy.stats.multivariate_normal(mu3, cov3).logpdf(at3)),
            "unbiasedLogDensity": rows(scipy.stats.multivariate_normal(mu3, cov3u).logpdf(at3)),
            "entropy": float(scipy.stats.multivariate_normal(mu3, cov3).entropy()),
        },
        "pair": {
            "p": {"mean": rows(mp), "covariance": rows(sp),
                  "entropy": float(scipy.stats.multivariate_normal(mp, sp).entropy())},
            "q": {"mean": rows(mq), "covariance": rows(sq),
                  "entropy": float(scipy.stats.multivariate_normal(mq, sq).entropy())},
            "klPQ": float(gaussian_kl(mp, sp, mq, sq)),
            "klQP": float(gaussian_kl(mq, sq, mp, sp)),
        },
        "oneDPair": {"p": [0.3, 1.2], "q": [-0.4, 0.8], "klQuadrature": kl1_quad},
    })


def ppca_refs():
    rng = np.random.default_rng(7)
    n, d, k = 200, 5, 2
    w_true = rng.normal(size=(d, k)) * np.array([2.0, 1.0])
    x = rng.normal(size=(n, k)) @ w_true.T + 0.3 * rng.normal(size=(n, d)) + np.arange(d)
    at = rng.normal(size=(4, d)) * 2

    # Tipping & Bishop's closed-form MLE, with the 1/N sample covariance.
    mu = x.mean(axis=0)
    s = np.cov(x, rowvar=False, bias=True)
    lam, u = np.linalg.eigh(s)
    lam, u = lam[::-1], u[:, ::-1]
    sigma2 = lam[k:].mean()
    w = u[:, :k] * np.sqrt(lam[:k] - sigma2)
    c = w @ w.T + sigma2 * np.eye(d)
    mvn = scipy.stats.multivariate_normal(mu, c)

    # scikit-learn's PCA scores the same model but from the 1/(N−1) covariance.
    pca = PCA(n_components=k, svd_solver="full").fit(x)
    write("core_ppca.json", {
        "latentDimension": k, "data": rows(x), "at": rows(at),
        "mle": {
            "mean": rows(mu), "eigenvalues": rows(lam), "noiseVariance": float(sigma2),
            "marginalCovariance": rows(c),
            "logDensityData": rows(mvn.logpdf(x)), "logDensityAt": rows(mvn.logpdf(at)),
            "meanLogLikelihood": float(mvn.logpdf(x).mean()),
        },
        "sklearn": {
            "noiseVariance": float(pca.noise_variance_),
            "marginalCovariance": rows(pca.get_covariance()),
            "logDensityData": rows(pca.score_samples(x)), "logDensityAt": rows(pca.score_samples(at)),
            "meanLogLikelihood": float(pca.score(x)),
        },
    })


def gmm_refs():
    rng = np.random.default_rng(11)
    centres = np.array([[-2.0, 0.0], [2.0, 1.0], [0.0, 3.5]])
    scales = [np.array([[0.6, 0.2], [0.2, 0.4]]), np.array([[0.5, -0.3], [-0.3, 0.9]]), np.eye(2) * 0.3]
    counts = [120, 100, 80]
    x = np.vstack([rng.multivariate_normal(centres[j], scales[j], size=counts[j]) for j in range(3)])
    rng.shuffle(x)
    # A deliberately rough start: three data points as means, equal weights, unit covariances.
    means0 = x[[0, 1, 2]]
    weights0 = np.full(3, 1 / 3)
    out = {"data": rows(x), "initialMeans": rows(means0), "initialWeights": rows(weights0),
           "initialCovariance": rows(np.eye(2)), "regularization": 1e-6, "tolerance": 1e-6,
           "maxIterations": 1000}
    for kind in ("full", "diag"):
        precisions0 = np.array([np.eye(2)] * 3) if kind == "full" else np.ones((3, 2))
        g = GaussianMixture(n_components=3, covariance_type=kind, tol=1e-6, reg_covar=1e-6,
                            max_iter=1000, means_init=means0, weights_init=weights0,
                            precisions_init=precisions0).fit(x)
        covs = g.covariances_ if kind == "full" else np.array([np.diag(v) for v in g.covariances_])
        out[kind] = {
            "meanLogLikelihood": float(g.score(x)), "iterations": int(g.n_iter_),
            "converged": bool(g.converged_), "bic": float(g.bic(x)),
            "weights": rows(g.weights_), "means": rows(g.means_), "covariances": rows(covs),
            "logDensity": rows(g.score_samples(x[:10])),
        }
    write("core_gmm.json", out)


def criteria_refs():
    rng = np.random.default_rng(3)
    # Skewed data for the moment report: exponential and a correlated second column.
    e = rng.exponential(1.0, size=100)
    m = np.column_stack([e, 0.5 * e + rng.normal(size=100)])
    moments = {
        "data": rows(m), "mean": rows(m.mean(axis=0)),
        "covariance": rows(np.cov(m, rowvar=False, bias=True)),
        "skewness": rows(scipy.stats.skew(m, axis=0, bias=True)),
        "excessKurtosis": rows(scipy.stats.kurtosis(m, axis=0, fisher=True, bias=True)),
    }

    # Two samples for MMD² and the energy distance.
    xs = rng.normal(size=(60, 2))
    ys = rng.normal(size=(50, 2)) * np.array([1.3, 0.8]) + np.array([0.4, 0.0])
    pooled = np.vstack([xs, ys])
    ell = float(np.median(pdist(pooled)))

    def gram(a, b):
        return np.exp(-cdist(a, b, "sqeuclidean") / (2 * ell**2))

    kxx, kyy, kxy = gram(xs, xs), gram(ys, ys), gram(xs, ys)
    n, m_ = len(xs), len(ys)
    mmd2 = ((kxx.sum() - np.trace(kxx)) / (n * (n - 1)) + (kyy.sum() - np.trace(kyy)) / (m_ * (m_ - 1))
            - 2 * kxy.mean())
    energy = 2 * cdist(xs, ys).mean() - cdist(xs, xs).mean() - cdist(ys, ys).mean()
    x1, y1 = xs[:, 0], ys[:, 0]
    two_sample = {
        "x": rows(xs), "y": rows(ys), "medianBandwidth": ell, "mmd2": float(mmd2),
        "energy": float(energy),
        # scipy's 1-D energy distance is √(2E|X−Y| − E|X−X'| − E|Y−Y'|) for empirical laws.
        "energy1DSquared": float(scipy.stats.energy_distance(x1, y1) ** 2),
    }

    # Kozachenko–Leonenko entropy with k = 3 neighbours, via a k-d tree and scipy's digamma.
    z = rng.normal(size=(400, 2)) @ np.array([[1.0, 0.0], [0.6, 0.8]]).T
    kk, nz, dz = 3, len(z), 2
    dist, _ = cKDTree(z).query(z, k=kk + 1)
    log_unit_ball = (dz / 2) * np.log(np.pi) - scipy.special.gammaln(dz / 2 + 1)
    kl_entropy = (scipy.special.digamma(nz) - scipy.special.digamma(kk) + log_unit_ball
                  + dz * np.log(dist[:, kk]).mean())
    entropy = {"data": rows(z), "neighbours": kk, "kozachenkoLeonenko": float(kl_entropy),
               "digamma": {str(v): float(scipy.special.digamma(v)) for v in (1, 2, 3, 10, 400, 12345)}}

    write("core_criteria.json", {"moments": moments, "twoSample": two_sample, "entropy": entropy})


if __name__ == "__main__":
    gaussian_refs()
    ppca_refs()
    gmm_refs()
    criteria_refs()
