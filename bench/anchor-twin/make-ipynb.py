#!/usr/bin/env python3
"""Writes anchor-twin.ipynb, the Jupyter side of bench/anchor-twin.sh: the computations of
anchor-twin.md done the way a NumPy/SciPy/matplotlib notebook would do them (500 seeded draws
of a two-Gaussian mixture, the first 400 for training, a Gaussian MLE, KDEs with h = 0.05,
0.3 and 1.5, a 40-bandwidth leave-one-out scan and a refit at its best h, two figures, a
train/held-out NLL table and KL to the true density from 20,000 Monte Carlo draws).

The draws come from scripts/parzen_stream.py (Parzen's published stream) so that the NLL table
and the best h can be checked against Parzen's to 1e-9; the Monte Carlo draws are NumPy's, so
the KL values agree only within their standard errors. The 40 bandwidths are read from
anchor-twin.md so the two cannot drift apart. The last cell prints one line
`ANCHOR-TWIN-VALUES {json}` that the bench script reads from the executed HTML.

Usage: python3 bench/anchor-twin/make-ipynb.py   (standard library only; rewrites the .ipynb)
"""
import json
import pathlib
import re

HERE = pathlib.Path(__file__).resolve().parent
BETAS = re.search(r"^betas: \[(.*)\]$", (HERE / "anchor-twin.md").read_text(), re.M).group(1)

CELLS = [
    ("markdown", """# Anchor twin (Jupyter)

The same routine as `anchor-twin.md`: sample, split, fit, scan, plot, score."""),
    ("code", """import json, math, sys
import numpy as np
import matplotlib.pyplot as plt
from scipy import special, stats

sys.path.insert(0, "../../scripts")
from parzen_stream import sample_mixture_1d"""),
    ("markdown", "## The sample: 500 draws, the last 100 held out"),
    ("code", """WEIGHTS, MEANS, SDS = np.array([0.5, 0.5]), np.array([-1.0, 1.5]), np.array([0.5, 1.0])
x = sample_mixture_1d(list(WEIGHTS), list(MEANS), list(SDS), 500, 3)
train, test = x[:400], x[400:]
print(len(train), len(test), x.mean(), x.std(ddof=1))"""),
    ("markdown", "## Models: a Gaussian by maximum likelihood and three KDEs"),
    ("code", """def true_logpdf(at):
    comps = np.log(WEIGHTS)[:, None] + stats.norm.logpdf(at[None, :], MEANS[:, None], SDS[:, None])
    return special.logsumexp(comps, axis=0)

def kde(beta):
    \"\"\"log-density of the Gaussian KDE of the training draws, kernel variance beta.\"\"\"
    h = math.sqrt(beta)
    def logpdf(at, chunk=4096):
        out = np.empty(len(at))
        for s in range(0, len(at), chunk):
            k = stats.norm.logpdf(at[s:s + chunk, None], train[None, :], h)
            out[s:s + chunk] = special.logsumexp(k, axis=1) - math.log(len(train))
        return out
    return logpdf

mu, sigma = train.mean(), train.std()
models = {
    "true": true_logpdf,
    "gauss": lambda at: stats.norm.logpdf(at, mu, sigma),
    "kde_narrow": kde(0.05 ** 2),
    "kde_middle": kde(0.3 ** 2),
    "kde_wide": kde(1.5 ** 2),
}
print(f"Gaussian MLE: mean {mu:.6f}, variance {sigma**2:.6f}")"""),
    ("markdown", "## Bandwidth scan: 40 values of h, leave-one-out NLL on the training draws"),
    ("code", f"""betas = np.array([{BETAS}])
d2 = (train[:, None] - train[None, :]) ** 2
def loo_nll(beta):
    k = -0.5 * d2 / beta - 0.5 * math.log(2 * math.pi * beta)
    np.fill_diagonal(k, -np.inf)
    return -np.mean(special.logsumexp(k, axis=1) - math.log(len(train) - 1))
loo = np.array([loo_nll(b) for b in betas])
heldout = np.array([-kde(b)(test).mean() for b in betas])
best = int(np.argmin(loo))
beta_best = betas[best]
models["kde_best"] = kde(beta_best)
print(f"best h = {{math.sqrt(beta_best):.6f}} (beta = {{beta_best}}), LOO NLL {{loo[best]:.6f}}")

fig, ax = plt.subplots(figsize=(6, 3.5))
ax.plot(np.sqrt(betas), loo, label="leave-one-out")
ax.plot(np.sqrt(betas), heldout, label="held-out")
ax.set_xscale("log"); ax.set_xlabel("h"); ax.set_ylabel("NLL (nats per point)"); ax.legend()
plt.show()"""),
    ("markdown", "## The fits"),
    ("code", """grid = np.linspace(x.min() - 1, x.max() + 1, 400)
fig, ax = plt.subplots(figsize=(6, 3.5))
ax.hist(train, bins=40, density=True, color="0.85")
for name, logpdf in models.items():
    ax.plot(grid, np.exp(logpdf(grid)), label=name)
ax.set_xlabel("x"); ax.set_ylabel("density"); ax.legend()
plt.show()"""),
    ("markdown", "## Scores: NLL on the training and held-out draws, KL from 20,000 draws"),
    ("code", """rng = np.random.default_rng(5)
component = rng.random(20000) < WEIGHTS[0]
mc = np.where(component, rng.normal(MEANS[0], SDS[0], 20000), rng.normal(MEANS[1], SDS[1], 20000))
log_true = true_logpdf(mc)
values = {"beta_loo_best": float(beta_best), "nll_loo_best": float(loo[best]),
          "beta_heldout_best": float(betas[int(np.argmin(heldout))])}
print(f"{'model':<12}{'train NLL':>12}{'held-out NLL':>14}{'KL':>10}{'KL se':>9}")
for name, logpdf in models.items():
    terms = log_true - logpdf(mc)
    row = {"nll_train": -logpdf(train).mean(), "nll_heldout": -logpdf(test).mean(),
           "kl": terms.mean(), "kl_se": terms.std(ddof=1) / math.sqrt(len(terms))}
    values.update({f"{key}_{name}": float(v) for key, v in row.items()})
    print(f"{name:<12}{row['nll_train']:12.6f}{row['nll_heldout']:14.6f}{row['kl']:10.5f}{row['kl_se']:9.5f}")
print("ANCHOR-TWIN-VALUES " + json.dumps(values))"""),
]


def cell(kind, text):
    lines = text.splitlines(keepends=True)
    if kind == "markdown":
        return {"cell_type": "markdown", "metadata": {}, "source": lines}
    return {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": lines}


notebook = {
    "cells": [cell(kind, text) for kind, text in CELLS],
    "metadata": {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    },
    "nbformat": 4,
    "nbformat_minor": 5,
}
for index, entry in enumerate(notebook["cells"]):
    entry["id"] = f"cell-{index}"
(HERE / "anchor-twin.ipynb").write_text(json.dumps(notebook, indent=1) + "\n")
