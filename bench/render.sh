#!/usr/bin/env bash
# Renders the seed post with Parzen and converts it with `pandoc --mathml` (Debian's pandoc),
# each as a whole process, and prints both medians and the ratio. The seed is a Jekyll post
# with 70 formulas and no directives, so this measures parsing, math and page writing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh pandoc hyperfine
swift build -c release --static-swift-stdlib --product parzen >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# A copy, so that Parzen's cache (beside the notebook) is not written into ../shared.
seed=$out/what-is-a-generative-model.md
cp ../shared/seed/what-is-a-generative-model.md "$seed"
hyperfine --warmup 3 --runs 30 --export-json "$out/render.json" \
    -n parzen ".build/release/parzen render $seed -o $out/parzen" \
    -n "pandoc --mathml" "pandoc --mathml -s $seed -o $out/pandoc.html" >/dev/null
python3 - "$out/render.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
p, q = results["parzen"], results["pandoc --mathml"]
print(f"render seed post   parzen median {p['median']*1e3:7.1f} ms   pandoc --mathml median {q['median']*1e3:7.1f} ms   ratio parzen/pandoc {p['median']/q['median']:.3f}")
PY
