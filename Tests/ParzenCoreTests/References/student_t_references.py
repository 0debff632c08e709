#!/usr/bin/env python3
"""Reference values for ParzenCore's Student-t tests (student_t.json).

Pinned versions (install into a throwaway venv, never into the system Python):

    python3 -m venv .build/venv && .build/venv/bin/pip install \
        numpy==2.2.6 scipy==1.15.3 statsmodels==0.15.0
    .build/venv/bin/python Tests/ParzenCoreTests/References/student_t_references.py

Data sets, stored in the JSON so the Swift tests read the very same points:
- "generated": 500 draws of 5 + 2·t₃ from numpy's PCG64 at seed 20261201;
- "gdpGrowth": the 202 quarterly growth rates of US real GDP, 1959Q2–2009Q3, in percent
  (100·Δlog realgdp) from statsmodels' `macrodata` (U.S. Bureau of Economic Analysis via
  the Federal Reserve Bank of St. Louis, public domain; `statsmodels.api.datasets.macrodata`);
- "bivariate": 400 draws of a 2-D multivariate t (ν = 5) from scipy at seed 7.

1-D fits: `scipy.stats.t.fit(x)` (df, loc, scale) as scipy returns it, whose Nelder–Mead
stops at xtol = 1e-4 (on the generated data it stops at ν = 8.5, far from the maximum at
ν ≈ 3), then `scipy.stats.t.fit` again with its optimizer tightened (fmin, xtol = 1e-12), then
the same maximum located to full precision by solving the three
score equations ∂ℓ/∂(df, loc, scale) = 0 by Newton's method started from scipy's fit (the
score is written out with `scipy.special.digamma`; |score| < 1e-13 at the stored values). Both are stored; the tests ask
Parzen to match the polished maximum to 1e-8 and to reach at least scipy's likelihood.

2-D fit: scipy has no `multivariate_t.fit`; the maximum of Σ log `multivariate_t.pdf` is
found by BFGS over (μ, log-Cholesky of Σ, log ν) with gtol = 1e-10 and a finite-difference
gradient, good to ~1e-7 (the tests ask 1e-6).
"""
import json
import os

import numpy as np
import scipy
import scipy.optimize
import scipy.special
import scipy.stats
import statsmodels
import statsmodels.api as sm

assert np.__version__ == "2.2.6", np.__version__
assert scipy.__version__ == "1.15.3", scipy.__version__
assert statsmodels.__version__ == "0.15.0", statsmodels.__version__

HERE = os.path.dirname(os.path.abspath(__file__))


def score(theta, x):
    """∂/∂(ν, μ, σ) of Σ log t(x; ν, μ, σ), the mean over points."""
    nu, mu, sigma = theta
    z = (x - mu) / sigma
    delta = z * z
    w = (nu + 1) / (nu + delta)
    d_nu = 0.5 * (scipy.special.digamma((nu + 1) / 2) - scipy.special.digamma(nu / 2) - 1 / nu
                  - np.log1p(delta / nu) + (nu + 1) * delta / (nu * (nu + delta)))
    d_mu = w * z / sigma
    d_sigma = (w * delta - 1) / sigma
    return np.array([d_nu.mean(), d_mu.mean(), d_sigma.mean()])


def newton(theta, x):
    """Newton's method on the score, its Jacobian by central differences (the root is the
    analytic score's, whatever the Jacobian's small error)."""
    for _ in range(50):
        g = score(theta, x)
        if np.max(np.abs(g)) < 1e-13:
            return theta
        jacobian = np.empty((3, 3))
        for j in range(3):
            step = np.zeros(3)
            step[j] = 1e-6 * abs(theta[j])
            jacobian[:, j] = (score(theta + step, x) - score(theta - step, x)) / (2 * step[j])
        theta = theta - np.linalg.solve(jacobian, g)
    raise RuntimeError(f"Newton did not converge: score {score(theta, x)}")


def tight_fmin(func, x0, args=(), disp=0):
    return scipy.optimize.fmin(func, x0, args=args, xtol=1e-12, ftol=1e-14, maxiter=100_000, maxfun=100_000,
                               disp=disp)


def univariate(x):
    raw = scipy.stats.t.fit(x)
    tight = scipy.stats.t.fit(x, optimizer=tight_fmin)
    theta = newton(np.array(tight, dtype=float), x)
    nu, mu, sigma = theta
    at = np.array([mu - 10 * sigma, mu - sigma, mu, mu + 0.5 * sigma, mu + 100 * sigma])
    return {
        "points": x.tolist(),
        "scipyFit": {"df": raw[0], "loc": raw[1], "scale": raw[2],
                     "meanLogLikelihood": float(scipy.stats.t.logpdf(x, *raw).mean())},
        "scipyTightFit": {"df": tight[0], "loc": tight[1], "scale": tight[2],
                          "meanLogLikelihood": float(scipy.stats.t.logpdf(x, *tight).mean())},
        "df": nu, "loc": mu, "scale": sigma,
        "meanLogLikelihood": float(scipy.stats.t.logpdf(x, nu, mu, sigma).mean()),
        "at": at.tolist(),
        "logDensity": scipy.stats.t.logpdf(at, nu, mu, sigma).tolist(),
    }


def bivariate():
    truth_shape = np.array([[2.0, 0.6], [0.6, 1.0]])
    x = scipy.stats.multivariate_t(loc=[1.0, -2.0], shape=truth_shape, df=5).rvs(size=400, random_state=7)

    def unpack(p):
        l = np.array([[np.exp(p[2]), 0.0], [p[3], np.exp(p[4])]])
        return p[:2], l @ l.T, np.exp(p[5])

    def nll(p):
        mu, shape, nu = unpack(p)
        return -scipy.stats.multivariate_t(loc=mu, shape=shape, df=nu).logpdf(x).mean()

    c = np.linalg.cholesky(np.cov(x, rowvar=False))
    start = np.array([*x.mean(axis=0), np.log(c[0, 0]), c[1, 0], np.log(c[1, 1]), np.log(10.0)])
    best = scipy.optimize.minimize(nll, start, method="BFGS", options={"gtol": 1e-10, "maxiter": 10000})
    mu, shape, nu = unpack(best.x)
    at = np.array([[0.0, 0.0], [1.0, -2.0], [10.0, 5.0]])
    fixed = scipy.stats.multivariate_t(loc=[0.5, 0.25], shape=[[1.5, -0.4], [-0.4, 0.8]], df=3.5)
    return {
        "points": x.tolist(),
        "df": float(nu), "loc": mu.tolist(), "shape": shape.tolist(),
        "meanLogLikelihood": float(-best.fun),
        "fixed": {"df": 3.5, "loc": [0.5, 0.25], "shape": [[1.5, -0.4], [-0.4, 0.8]],
                  "at": at.tolist(), "logDensity": fixed.logpdf(at).tolist()},
    }


def main():
    rng = np.random.default_rng(20261201)
    generated = 5 + 2 * rng.standard_t(3, size=500)
    macro = sm.datasets.macrodata.load_pandas().data
    gdp = 100 * np.diff(np.log(macro["realgdp"].to_numpy()))
    payload = {
        "generator": "student_t_references.py",
        "versions": {"numpy": np.__version__, "scipy": scipy.__version__, "statsmodels": statsmodels.__version__},
        "generated": univariate(generated),
        "gdpGrowth": univariate(gdp),
        "bivariate": bivariate(),
    }
    with open(os.path.join(HERE, "student_t.json"), "w") as f:
        json.dump(payload, f, indent=1)
        f.write("\n")
    for key in ("generated", "gdpGrowth"):
        r = payload[key]
        print(key, "polished", r["df"], r["loc"], r["scale"], "scipy", r["scipyFit"])
    print("bivariate", payload["bivariate"]["df"], payload["bivariate"]["loc"])


if __name__ == "__main__":
    main()
