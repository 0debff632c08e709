#!/usr/bin/env bash
# Times TeX → MathML on the seed post's 70 formulas: Parzen in-process (parzen-bench math,
# median of 300 passes over all formulas) and `pandoc --mathml` (Debian's pandoc, median of
# hyperfine runs) on exactly the same TeX, exported by parzen-bench as a Markdown file of
# formulas only. pandoc is a whole process, so its time on an empty file (start-up) is
# measured too and the ratio is given both raw and with start-up subtracted.
#
# bench/math.sh --instructions instead counts the instructions of one pass with valgrind's
# callgrind: the difference between 30 and 10 timed passes, divided by 20, so start-up and
# warm-up cancel. Unlike the times it does not depend on what else the machine runs, so it is
# the figure to compare two revisions by (issue 17: within 10% of the seed's time).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--instructions" ]; then
    command -v valgrind >/dev/null || { echo "bench/math.sh --instructions needs valgrind" >&2; exit 2; }
    [ -f ../shared/seed/what-is-a-generative-model.md ] || { echo "needs ../shared/seed/" >&2; exit 2; }
    swift build -c release --static-swift-stdlib --product parzen-bench >/dev/null
    count() {
        valgrind --tool=callgrind --callgrind-out-file=/dev/null .build/release/parzen-bench math \
            ../shared/seed/what-is-a-generative-model.md --runs "$1" 2>&1 >/dev/null \
            | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
    }
    low=$(count 10)
    high=$(count 30)
    echo "parzen instructions per pass over the seed's formulas: $(( (high - low) / 20 ))"
    exit 0
fi
scripts/install-deps.sh pandoc hyperfine
swift build -c release --static-swift-stdlib --product parzen-bench >/dev/null
seed=../shared/seed/what-is-a-generative-model.md
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
.build/release/parzen-bench math "$seed" --export-markdown >"$out/formulas.md"
: >"$out/empty.md"
.build/release/parzen-bench math "$seed" --runs 300 | tee "$out/parzen.txt"
hyperfine --warmup 2 --runs 20 --export-json "$out/pandoc.json" \
    -n formulas "pandoc -f markdown -t html --mathml $out/formulas.md -o $out/pandoc.html" \
    -n empty "pandoc -f markdown -t html --mathml $out/empty.md -o $out/empty.html" >/dev/null
pandoc -f markdown -t html --mathml "$out/formulas.md" -o "$out/pandoc.html" 2>"$out/pandoc.log"
python3 - "$out/parzen.txt" "$out/pandoc.json" "$out/pandoc.log" <<'PY'
import json, re, sys
timings = re.search(r"parzen median ([0-9.]+) ms  min ([0-9.]+) ms", open(sys.argv[1]).read())
parzen, parzen_min = float(timings.group(1)), float(timings.group(2))
results = {r["command"]: r["median"] * 1e3 for r in json.load(open(sys.argv[2]))["results"]}
failed = open(sys.argv[3]).read().count("Could not convert TeX math")
math_only = results["formulas"] - results["empty"]
print(f"pandoc --mathml median {results['formulas']:.1f} ms (start-up {results['empty']:.1f} ms, math {math_only:.1f} ms), {failed} formulas it could not convert")
print(f"ratio pandoc/parzen (medians): {results['formulas'] / parzen:.0f}x raw, {math_only / parzen:.0f}x without pandoc start-up")
# The machine may be shared: Parzen's best pass shows its cost without other processes' noise.
print(f"ratio with parzen's best pass ({parzen_min:.2f} ms): {math_only / parzen_min:.0f}x without pandoc start-up")
PY
