#!/usr/bin/env bash
# The main tutorial rendered cold (`--no-cache`) as a whole process: the median wall time and
# the mean CPU time (user + system; hyperfine keeps only means of those, and they are what the
# machine's load inflates least). Target: ≤ 250 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh hyperfine
swift build -c release --static-swift-stdlib --product parzen >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd notebooks
hyperfine --warmup 1 --runs 10 --export-json "$out/tutorial.json" \
    -n tutorial "../.build/release/parzen render --no-cache what-is-a-generative-model.md -o $out/html" >/dev/null
python3 - "$out/tutorial.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
cpu = r["user"] + r["system"]
print(f"tutorial --no-cache   wall median {r['median']*1e3:6.1f} ms   cpu mean {cpu*1e3:6.1f} ms   target 250 ms")
PY
