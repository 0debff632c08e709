#!/usr/bin/env python3
"""Reference bin edges for the `bins:` option of `{plot}`, from NumPy's
`histogram_bin_edges` — never from Parzen's output. Tests/ParzenPlotTests/BinRuleTests.swift
compares `Bins.scott`, `Bins.sturges`, `Bins.freedmanDiaconis` and `Bins.equalWidth(count:over:)`
with the edges this script prints.

Usage (NumPy ≥ 2; the committed values were made with NumPy 2.4.6):

    python3 scripts/plot-bins-references.py

and paste the printed block into `BinRuleTests.references`.
"""
import numpy as np

# 37 values with a long right tail and no ties: exp of a smooth pseudo-random walk, written
# out in full in the test as well.
DATA = [round(float(np.exp(np.sin(1.7 * i) + 0.05 * i)), 6) for i in range(37)]

print("    static let data: [Double] = [" + ", ".join(repr(x) for x in DATA) + "]")
print("    static let references: [String: [Double]] = [")
for rule in ["fd", "scott", "sturges", 7]:
    edges = np.histogram_bin_edges(np.array(DATA), bins=rule)
    key = rule if isinstance(rule, str) else f"count{rule}"
    print(f'        "{key}": [' + ", ".join(repr(float(e)) for e in edges) + "],")
# n = 32: log₂ n + 1 = 6 exactly, where computing the count through the width can round up.
edges = np.histogram_bin_edges(np.array(DATA[:32]), bins="sturges")
print('        "sturges32": [' + ", ".join(repr(float(e)) for e in edges) + "],")
print("    ]")
