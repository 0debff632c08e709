#!/usr/bin/env python3
"""Reference values for ParzenCore's reflected (bounded) KDE tests (reflection.json).

Pinned versions (install into a throwaway venv, never into the system Python):

    python3 -m venv .build/venv && .build/venv/bin/pip install numpy==2.2.6 scipy==1.15.3
    .build/venv/bin/python Tests/ParzenCoreTests/References/reflection_references.py

Data drawn with numpy's PCG64 at seed 20261201 and stored in the JSON:
- "exponential": 200 draws of Exp(1), boundary lower 0;
- "beta": 150 draws of Beta(2, 5), boundary [0, 1];
- "upper": 100 draws of 3 − Exp(0.5), boundary upper 3.

The reflected density is summed here image by image from `scipy.stats.norm.pdf` (Gaussian
kernel, scale h) and from the Epanechnikov kernel ¾(1 − u²)/h written out, over the
mirror images o, 2a − o (and their shifts by 2m(b − a), |m| ≤ 60, far more than any kernel
reaches), independently of Parzen's image bookkeeping. Each density's integral over the
support by `scipy.integrate.quad`, piecewise between the Epanechnikov's kinks, is stored
too (it must be 1).
"""
import json
import os

import numpy as np
import scipy
import scipy.integrate
import scipy.stats

assert np.__version__ == "2.2.6", np.__version__
assert scipy.__version__ == "1.15.3", scipy.__version__

HERE = os.path.dirname(os.path.abspath(__file__))


def images(data, lower, upper):
    if lower is not None and upper is not None:
        period = 2 * (upper - lower)
        base = np.concatenate([data, 2 * lower - data])
        return np.concatenate([base + m * period for m in range(-60, 61)])
    if lower is not None:
        return np.concatenate([data, 2 * lower - data])
    return np.concatenate([data, 2 * upper - data])


def density(x, data, h, kernel, lower, upper):
    at = np.atleast_1d(np.asarray(x, dtype=float))
    centres = images(data, lower, upper)
    u = (at[:, None] - centres[None, :]) / h
    if kernel == "gaussian":
        k = scipy.stats.norm.pdf(u) / h
    else:
        k = np.where(np.abs(u) < 1, 0.75 * (1 - u * u), 0.0) / h
    p = k.sum(axis=1) / len(data)
    inside = np.ones_like(at, dtype=bool)
    if lower is not None:
        inside &= at >= lower
    if upper is not None:
        inside &= at <= upper
    return np.where(inside, p, 0.0)


def case(data, lower, upper, at, bandwidths):
    out = {"points": data.tolist(), "lower": lower, "upper": upper, "at": at, "kernels": {}}
    for kernel, h in bandwidths.items():
        lo = lower if lower is not None else float(data.min()) - 40 * h
        hi = upper if upper is not None else float(data.max()) + 40 * h
        # Between consecutive kinks (image ± h) the Epanechnikov density is a quadratic, so
        # quad is exact piece by piece; the Gaussian is smooth and needs no breaks.
        centres = images(data, lower, upper)
        kinks = np.concatenate([centres - h, centres + h]) if kernel == "epanechnikov" else np.array([])
        breaks = np.unique(np.concatenate([[lo, hi], kinks[(kinks > lo) & (kinks < hi)]]))
        mass = sum(scipy.integrate.quad(lambda t: density(t, data, h, kernel, lower, upper)[0], s, e,
                                        epsabs=1e-15, epsrel=1e-13, limit=200)[0]
                   for s, e in zip(breaks[:-1], breaks[1:]))
        out["kernels"][kernel] = {"bandwidth": h, "density": density(at, data, h, kernel, lower, upper).tolist(),
                                  "mass": mass}
    return out


def main():
    rng = np.random.default_rng(20261201)
    expo = rng.exponential(1.0, size=200)
    beta = rng.beta(2, 5, size=150)
    upper = 3 - rng.exponential(0.5, size=100)
    payload = {
        "generator": "reflection_references.py",
        "versions": {"numpy": np.__version__, "scipy": scipy.__version__},
        "exponential": case(expo, 0.0, None, [-0.5, 0.0, 0.01, 0.3, 1.0, 4.0, 30.0],
                            {"gaussian": 0.3, "epanechnikov": 0.5}),
        "beta": case(beta, 0.0, 1.0, [-0.1, 0.0, 0.02, 0.25, 0.5, 0.99, 1.0, 1.2],
                     {"gaussian": 0.08, "epanechnikov": 0.15}),
        "wideBeta": case(beta, 0.0, 1.0, [0.0, 0.5, 1.0], {"gaussian": 2.5}),
        "upper": case(upper, None, 3.0, [-3.0, 1.0, 2.9, 3.0, 3.1], {"gaussian": 0.2}),
    }
    with open(os.path.join(HERE, "reflection.json"), "w") as f:
        json.dump(payload, f, indent=1)
        f.write("\n")
    for key in ("exponential", "beta", "wideBeta", "upper"):
        print(key, {k: v["mass"] for k, v in payload[key]["kernels"].items()})


if __name__ == "__main__":
    main()
