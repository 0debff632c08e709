#!/usr/bin/env bash
# The anchor twin (issue 15): bench/anchor-twin/anchor-twin.md rendered cold by Parzen
# (`render --no-cache`) against bench/anchor-twin/anchor-twin.ipynb executed by
# `jupyter nbconvert --to html --execute`, both whole processes, 5 runs each, interleaved
# (Parzen, Jupyter, Parzen, …) so that the machine's load falls on both alike; hyperfine is
# not used because it runs all of one command's runs before the other's. Each run is timed
# by bench/anchor-twin/measure.py: wall time, CPU time (user + system, including the kernel
# process, which nbconvert waits for) and peak RSS (of the largest single process). Prints
# medians, output bytes and the ratios (target ≥ 75×), then checks that both notebooks computed the
# same NLL table and scan (relative difference ≤ 1e-9) and KL values within 5 standard errors
# (their Monte Carlo draws differ); a mismatch fails the script.
# Usage: bench/anchor-twin.sh   (ANCHOR_TWIN_RUNS=n for another number of runs)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${ANCHOR_TWIN_RUNS:-5}"
venv=.build/venv-bench
if ! command -v python3 >/dev/null; then
    echo "anchor-twin: skipped, python3 is not installed (the Jupyter twin needs it)"
    exit 0
fi
if ! "$venv/bin/python" -c "import nbconvert, ipykernel, numpy, scipy, matplotlib" 2>/dev/null; then
    if ! { [ -x "$venv/bin/pip" ] || python3 -m venv "$venv"; } ||
        ! "$venv/bin/pip" install --quiet nbconvert ipykernel numpy==2.4.6 scipy==1.17.1 matplotlib; then
        echo "anchor-twin: skipped, could not install nbconvert, ipykernel, numpy, scipy, matplotlib into $venv"
        exit 0
    fi
fi
swift build -c release --static-swift-stdlib --product parzen >/dev/null
parzen="$(swift build -c release --static-swift-stdlib --show-bin-path)/parzen"
jupyter="$(pwd)/$venv/bin/jupyter"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export JUPYTER_PLATFORM_DIRS=1
cd bench/anchor-twin
for i in $(seq "$runs"); do
    rm -rf "$out/parzen" "$out/jupyter"
    python3 measure.py "$out/parzen-$i.json" \
        "$parzen" render --no-cache anchor-twin.md -o "$out/parzen" --json "$out/parzen.json"
    python3 measure.py "$out/jupyter-$i.json" \
        "$jupyter" nbconvert --to html --execute anchor-twin.ipynb --output-dir "$out/jupyter"
done
python3 - "$out" "$runs" <<'PY'
import html, json, math, os, re, statistics, sys

out, runs = sys.argv[1], int(sys.argv[2])


def timing(path):
    run = json.load(open(path))
    return run["wall"], run["cpu"], run["rss_mib"]


medians = {}
for tool, page in [("parzen", "parzen/anchor-twin.html"), ("jupyter", "jupyter/anchor-twin.html")]:
    walls, cpus, rss = zip(*(timing(f"{out}/{tool}-{i}.json") for i in range(1, runs + 1)))
    medians[tool] = statistics.median(walls), statistics.median(cpus)
    print(f"{tool:<8} wall median {medians[tool][0]*1e3:8.1f} ms (runs {', '.join(f'{w*1e3:.0f}' for w in walls)})"
          f"   cpu median {medians[tool][1]*1e3:8.1f} ms   peak RSS {statistics.median(rss):6.1f} MiB"
          f"   output {os.path.getsize(f'{out}/{page}'):,} bytes")
for i, what in enumerate(["wall", "cpu"]):
    print(f"ratio jupyter/parzen {what:<4} {medians['jupyter'][i] / medians['parzen'][i]:6.1f}×   target 75×")

parzen = {k: v["values"] for k, v in json.load(open(f"{out}/parzen.json"))["notebooks"][0]["results"].items()}
page = html.unescape(open(f"{out}/jupyter/anchor-twin.html").read())
jupyter = json.loads(re.search(r"ANCHOR-TWIN-VALUES (\{[^\n<]*\})", page).group(1))
models = ["true", "gauss", "kde_narrow", "kde_middle", "kde_wide", "kde_best"]
checks = [(f"scan.{k}", parzen["scan"][k], jupyter[k]) for k in ["beta_loo_best", "nll_loo_best", "beta_heldout_best"]]
for m in models:
    checks.append((f"{m} train NLL", parzen["on_train"][f"nll_{m}"], jupyter[f"nll_train_{m}"]))
    checks.append((f"{m} held-out NLL", parzen["on_test"][f"nll_{m}"], jupyter[f"nll_heldout_{m}"]))
failed = False
print(f"{'value':<26}{'parzen':>22}{'jupyter':>22}{'rel. diff':>11}")
for name, p, j in checks:
    rel = abs(p - j) / max(abs(j), 1e-300)
    failed |= rel > 1e-9
    print(f"{name:<26}{p!r:>22}{j!r:>22}{rel:11.1e}{'  MISMATCH' if rel > 1e-9 else ''}")
print(f"{'KL (20,000 draws each)':<26}{'parzen ± se':>22}{'jupyter ± se':>22}{'z':>11}")
for m in models:
    p, ps = parzen["on_test"][f"kl_{m}"], parzen["on_test"][f"kl_se_{m}"]
    j, js = jupyter[f"kl_{m}"], jupyter[f"kl_se_{m}"]
    # The true density's KL is exactly 0 with no error on both sides.
    z = abs(p - j) / math.hypot(ps, js) if ps or js else (0.0 if p == j else math.inf)
    failed |= z > 5
    print(f"{m:<26}{f'{p:.5f} ± {ps:.5f}':>22}{f'{j:.5f} ± {js:.5f}':>22}{z:11.2f}{'  MISMATCH' if z > 5 else ''}")
sys.exit(1 if failed else 0)
PY
