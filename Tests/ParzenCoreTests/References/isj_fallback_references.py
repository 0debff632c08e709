#!/usr/bin/env python3
"""Reference values for ParzenCore's ISJ fallback test (isj_fallback.json).

Pinned versions (install into a throwaway venv, never into the system Python):

    python3 -m venv .build/venv && .build/venv/bin/pip install numpy==2.2.6 scipy==1.15.3
    .build/venv/bin/python Tests/ParzenCoreTests/References/isj_fallback_references.py

For data where Botev's fixed-point equation has no root in (0, 0.1] — 10 standard normal
draws (numpy PCG64, seed 20261201) and 85 values with heavy ties — this script runs the
line-by-line transcription of Botev's kde.m that kde_references.py defines (`botev_isj`,
loaded from that file's syntax tree, not copied) and records that it reached kde.m's
no-root branch (the `fminbound` call); it stores Silverman's rule,
0.9·min(σ̂, IQR/1.34)·n^(−1/5) with numpy's `std(ddof=1)` and `percentile`, which Parzen
falls back to. A 50-point sample where the equation has a root is the control.
"""
import ast
import json
import os

import numpy as np
import scipy
from scipy import optimize

assert np.__version__ == "2.2.6", np.__version__
assert scipy.__version__ == "1.15.3", scipy.__version__

HERE = os.path.dirname(os.path.abspath(__file__))


def load_botev():
    """`botev_isj` from kde_references.py, with `optimize.fminbound` watched."""
    with open(os.path.join(HERE, "kde_references.py")) as f:
        tree = ast.parse(f.read())
    node = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "botev_isj")
    calls = []

    class Watched:
        brentq = staticmethod(optimize.brentq)

        @staticmethod
        def fminbound(*args, **kwargs):
            calls.append("fminbound")
            return optimize.fminbound(*args, **kwargs)

    namespace = {"np": np, "optimize": Watched}
    exec(compile(ast.Module(body=[node], type_ignores=[]), "kde_references.py", "exec"), namespace)
    return namespace["botev_isj"], calls


def silverman(x):
    sd = np.std(x, ddof=1)
    iqr = np.subtract(*np.percentile(x, [75, 25]))
    return float(0.9 * min(sd, iqr / 1.34) * len(x) ** (-0.2))


def main():
    botev, calls = load_botev()
    rng = np.random.default_rng(20261201)
    cases = {"small": rng.normal(size=10), "ties": np.array([1.0] * 40 + [2.0] * 40 + [3.0] * 5),
             "control": rng.normal(size=50)}
    payload = {"generator": "isj_fallback_references.py",
               "versions": {"numpy": np.__version__, "scipy": scipy.__version__}}
    for name, x in cases.items():
        calls.clear()
        h = botev(x)
        payload[name] = {"points": x.tolist(), "hasRoot": not calls, "silverman": silverman(x)}
        if not calls:
            payload[name]["isj"] = h
        print(name, "root" if not calls else "no root", h, silverman(x))
    with open(os.path.join(HERE, "isj_fallback.json"), "w") as f:
        json.dump(payload, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
