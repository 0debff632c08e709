#!/usr/bin/env python3
"""Reference optima for ParzenCore's Gaussian-mixture restarts (gmm_optima.json).

Pinned versions (install into a throwaway venv, never into the system Python):

    python3 -m venv .build/venv && .build/venv/bin/pip install \
        numpy==2.2.6 scipy==1.15.3 scikit-learn==1.6.1 statsmodels==0.15.0
    .build/venv/bin/python Tests/ParzenCoreTests/References/gmm_optima_references.py

For every data set and covariance type, scikit-learn's `GaussianMixture` with 20 starts from
k-means (`n_init=20` and its default `init_params="kmeans"`: k-means++ seeding, then Lloyd's
iterations, as Parzen does), run to a standstill (`tol=1e-12` on the
change of the mean log-likelihood, `max_iter=100000`) with scikit-learn's default
regulariser `reg_covar=1e-6`; the best of the 20 is stored as the mean negative
log-likelihood −(1/N) Σ log p(xᵢ) (`-score(X)`), with its weights and means.

(Not `init_params="k-means++"`, which starts EM from the seeding alone: with tied
covariances on Old Faithful all 20 such starts stop after 3 iterations at a stationary point
with both means at the data's mean, NLL 4.74190 instead of the maximum 4.19186.)

Data sets (stored in the JSON, and as CSV in data/ for readers):
- "iris": petal length and width (cm) of the 150 irises of R. A. Fisher (1936), as shipped
  by scikit-learn (`sklearn.datasets.load_iris`), k = 3; data/iris-petals.csv.
- "faithful": eruption time and waiting time of the 272 Old Faithful eruptions in
  notebooks/data/old-faithful.csv (see notebooks/data/README.md), k = 2.
- "generated": 600 points of a 3-component 2-D Gaussian mixture drawn with numpy's PCG64
  at seed 20261201 (overlapping components, weights 0.5/0.3/0.2), k = 3.
- "sunspots": the 309 yearly mean sunspot numbers 1700–2008 (SIDC / WDC-SILSO, Royal
  Observatory of Belgium) as shipped by statsmodels (`statsmodels.api.datasets.sunspots`),
  1-D, k = 3; data/sunspots.csv. Issue 13 quotes scikit-learn's optimum NLL 4.89281 here.
"""
import csv
import json
import os

import numpy as np
import scipy
import sklearn
import statsmodels
import statsmodels.api as sm
from sklearn.datasets import load_iris
from sklearn.mixture import GaussianMixture

assert np.__version__ == "2.2.6", np.__version__
assert scipy.__version__ == "1.15.3", scipy.__version__
assert sklearn.__version__ == "1.6.1", sklearn.__version__
assert statsmodels.__version__ == "0.15.0", statsmodels.__version__

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
TYPES = {"full": "full", "diagonal": "diag", "spherical": "spherical", "tied": "tied"}


def write_csv(name, header, rows, note):
    os.makedirs(os.path.join(HERE, "data"), exist_ok=True)
    with open(os.path.join(HERE, "data", name), "w", newline="") as f:
        f.write(f"# {note}\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def data_sets():
    iris = load_iris().data[:, 2:4]
    write_csv("iris-petals.csv", ["petal_length", "petal_width"], iris.tolist(),
              "Fisher's iris petals (cm), from scikit-learn 1.6.1 sklearn.datasets.load_iris; public domain")
    faithful = np.loadtxt(os.path.join(ROOT, "notebooks", "data", "old-faithful.csv"), delimiter=",", skiprows=1)
    rng = np.random.default_rng(20261201)
    means = np.array([[0.0, 0.0], [2.5, 1.0], [-1.0, 3.0]])
    covs = np.array([[[1.0, 0.3], [0.3, 0.6]], [[0.5, -0.2], [-0.2, 0.8]], [[0.7, 0.0], [0.0, 0.3]]])
    labels = rng.choice(3, size=600, p=[0.5, 0.3, 0.2])
    generated = np.array([rng.multivariate_normal(means[j], covs[j]) for j in labels])
    sun = sm.datasets.sunspots.load_pandas().data
    write_csv("sunspots.csv", ["year", "sunactivity"], sun[["YEAR", "SUNACTIVITY"]].to_numpy().tolist(),
              "yearly mean sunspot numbers (SIDC), from statsmodels 0.15.0 statsmodels.api.datasets.sunspots")
    return {
        "iris": (iris, 3),
        "faithful": (faithful, 2),
        "generated": (generated, 3),
        "sunspots": (sun["SUNACTIVITY"].to_numpy().reshape(-1, 1), 3),
    }


def optimum(x, k, covariance_type):
    gm = GaussianMixture(n_components=k, covariance_type=covariance_type, n_init=20, init_params="kmeans",
                         tol=1e-12, max_iter=100_000, reg_covar=1e-6, random_state=0).fit(x)
    assert gm.converged_, (k, covariance_type)
    order = np.argsort(gm.means_[:, 0])
    return {"nll": float(-gm.score(x)), "iterations": int(gm.n_iter_),
            "weights": gm.weights_[order].tolist(), "means": gm.means_[order].tolist()}


def main():
    payload = {"generator": "gmm_optima_references.py",
               "versions": {"numpy": np.__version__, "scipy": scipy.__version__,
                            "scikit-learn": sklearn.__version__, "statsmodels": statsmodels.__version__},
               "restarts": 20, "tolerance": 1e-12, "regularization": 1e-6}
    for name, (x, k) in data_sets().items():
        entry = {"points": x.tolist(), "components": k}
        for ours, theirs in TYPES.items():
            entry[ours] = optimum(x, k, theirs)
            print(name, ours, entry[ours]["nll"], entry[ours]["iterations"])
        payload[name] = entry
    with open(os.path.join(HERE, "gmm_optima.json"), "w") as f:
        json.dump(payload, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
