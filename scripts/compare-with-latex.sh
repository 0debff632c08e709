#!/usr/bin/env bash
# Typesets formulas with real LaTeX (latex + dvipng) and with Parzen (parzen render, shown in
# headless Chromium) at the same physical size, and writes one PNG per formula with the two
# side by side: LaTeX on the left, Parzen on the right, the TeX source underneath.
#
# Usage: scripts/compare-with-latex.sh FORMULAS.md [OUT-DIR]   (default OUT-DIR: .build/compare)
#        scripts/compare-with-latex.sh --seed [OUT-DIR]        (the seed notebook's formulas)
#
# FORMULAS.md holds formulas in Markdown math syntax, separated by blank lines: `$…$` inline,
# `$$ … $$` display (amsmath environments such as align or multline inside a display block go
# to LaTeX as they are, outside `\[ \]`). Lines starting with `%` are comments. A block holding
# only definitions (\newcommand, \renewcommand, \DeclareMathOperator) goes into LaTeX's
# preamble and is not compared; Parzen reads it in place, as a notebook would.
#
# Same size: LaTeX sets 10 pt type on a 300 pt line; dvipng renders at 145 dpi, so 1 em is
# 10 × 145 / 72.27 = 20.06 px and the line 601.9 px. Parzen's formulas are shown with the
# page's own styles, the math at 20.06 px in a 30 em (601.9 px) column. Both images are cut
# to the rows with ink; display formulas keep the full line, so centring, spreading of
# alignment columns and flush-left/right lines (multline, equation numbers) can be compared.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

if [ $# -lt 1 ]; then
    sed -n '6,7p' "$0" | sed 's/^# //' >&2
    exit 2
fi
out=${2:-.build/compare}
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d); [ -z "${KEEP:-}" ] || echo "compare-with-latex: work files in $work" >&2
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT

# The tools, installed when missing (Debian packages).
need=()
command -v latex >/dev/null || need+=(texlive-latex-base texlive-latex-recommended)
command -v dvipng >/dev/null || need+=(dvipng)
command -v chromium >/dev/null || need+=(chromium)
command -v montage >/dev/null || need+=(imagemagick)
kpsewhich amssymb.sty >/dev/null 2>&1 || need+=(texlive-latex-recommended)
kpsewhich mathtools.sty >/dev/null 2>&1 || need+=(texlive-latex-extra)
if [ ${#need[@]} -gt 0 ]; then scripts/install-deps.sh "${need[@]}"; fi
# /usr/bin first: the real ImageMagick, not a stand-in elsewhere on PATH.
magick() { PATH=/usr/bin:$PATH "$@"; }

if [ "$1" = "--seed" ]; then
    seed=../shared/seed/what-is-a-generative-model.md
    [ -f "$seed" ] || { echo "compare-with-latex: $seed is absent (it exists only next to CI's checkout)" >&2; exit 1; }
    swift build --product parzen-bench >/dev/null
    "$(swift build --show-bin-path)/parzen-bench" math "$seed" --export-markdown >"$work/formulas.md"
    formulas=$work/formulas.md
else
    formulas=$1
fi
swift build --product parzen >/dev/null
parzen=$(swift build --show-bin-path)/parzen

# Splits the formulas, writes the LaTeX document (one formula per page) and the notebook.
python3 - "$formulas" "$work" <<'PY'
import json, re, sys
source, work = sys.argv[1], sys.argv[2]
lines = [l for l in open(source, encoding="utf-8").read().split("\n") if not l.startswith("%")]
blocks, current, in_display = [], [], False
for line in lines + [""]:
    stripped = line.strip()
    if in_display:
        current.append(line)
        in_display = stripped != "$$" and not stripped.endswith("$$")
    elif stripped.startswith("$$"):
        current = [line]
        in_display = stripped == "$$" or not stripped.endswith("$$") or len(stripped) < 4
    elif stripped:
        current.append(line)
        continue
    if not in_display and current:
        blocks.append("\n".join(current).strip())
        current = []
definitions = re.compile(r"^(\s*\\(newcommand|renewcommand|DeclareMathOperator\*?|def)\b.*)+$", re.S)
environments = ("equation", "align", "gather", "multline", "flalign", "alignat", "subequations")
preamble, pages, entries = [], [], []
for block in blocks:
    display = block.startswith("$$")
    tex = block[2:-2].strip() if display else block[1:-1].strip()
    if definitions.match(tex):
        preamble.append(tex)
        entries.append({"tex": tex, "display": display, "definition": True})
        continue
    entries.append({"tex": tex, "display": display, "definition": False})
    if not display:
        pages.append("\\noindent $" + tex + "$")
    elif re.match(r"\\begin\{(" + "|".join(environments) + r")\*?\}", tex):
        pages.append("\\noindent\\null\n" + tex)
    else:
        pages.append("\\noindent\\null\n\\[" + tex + "\\]")
latex = [r"\documentclass[10pt]{article}", r"\usepackage{amsmath,amssymb,mathtools}",
         r"\setlength{\textwidth}{300pt}", r"\setlength{\oddsidemargin}{0pt}", r"\setlength{\hoffset}{-1in}",
         r"\setlength{\voffset}{-1in}", r"\setlength{\topmargin}{0pt}", r"\setlength{\headheight}{0pt}",
         r"\setlength{\headsep}{0pt}", r"\setlength{\paperwidth}{300pt}", r"\pagestyle{empty}"]
latex += preamble + [r"\begin{document}", "\n\\newpage\n".join(pages), r"\end{document}"]
open(f"{work}/formulas.tex", "w", encoding="utf-8").write("\n".join(latex) + "\n")
notebook = ["---", "title: Formulas", "---", ""]
for entry in entries:
    notebook += ["$$", entry["tex"], "$$", ""] if entry["display"] else ["$" + entry["tex"] + "$", ""]
open(f"{work}/notebook.md", "w", encoding="utf-8").write("\n".join(notebook))
json.dump(entries, open(f"{work}/entries.json", "w"))
PY

# LaTeX: one page per formula, 145 dpi, page 300 pt wide from the left edge of the line.
(cd "$work" && latex -interaction=nonstopmode -halt-on-error formulas.tex >latex.log 2>&1) ||
    { echo "compare-with-latex: latex failed; see its log:" >&2; tail -20 "$work/latex.log" >&2; exit 1; }
(cd "$work" && dvipng -q -D 145 -T 300pt,600pt -O 1in,1in -bg White -o 'tex-%03d.png' formulas.dvi >/dev/null)

# Parzen: render the notebook, then show its <math> elements in fixed slots of one page.
printf "# Marks the project root: the formulas notebook alone.\n" >"$work/parzen.yml"
"$parzen" render "$work/notebook.md" -o "$work/html" >"$work/parzen.log" 2>&1 ||
    { echo "compare-with-latex: parzen render failed:" >&2; cat "$work/parzen.log" >&2; exit 1; }
slot=320
python3 - "$work" "$slot" <<'PY'
import glob, json, re, sys
work, slot = sys.argv[1], int(sys.argv[2])
html = open(glob.glob(f"{work}/html/*.html")[0], encoding="utf-8").read()
styles = "\n".join(re.findall(r"<style>(.*?)</style>", html, re.S))
# A display formula is its wrapper: several environments in one (subequations) are one <math> each.
maths = re.findall(r'<div class="math-display">.*?</div>|<math\b.*?</math>', html, re.S)
entries = json.load(open(f"{work}/entries.json"))
if len(maths) != len(entries):
    sys.exit(f"compare-with-latex: {len(entries)} formulas but {len(maths)} <math> elements in Parzen's page")
shown = [m for m, e in zip(maths, entries) if not e["definition"]]
head = ["<!DOCTYPE html><html><head><meta charset='utf-8'><style>", styles,
        "html,body{margin:0;padding:0;background:#fff;color:#000}",
        f".slot{{width:601.9px;height:{slot}px;overflow:hidden;font-size:20.06px;line-height:1.2}}",
        ".slot math{font-size:20.06px}.slot math[display=block]{margin:0.5em 0}",
        "</style></head><body>"]
# Pages of 20 slots: Chromium cuts screenshots taller than 16,384 px.
for start in range(0, len(shown), 20):
    slots = [f"<div class='slot'><p style='margin:0.5em 0'>{math}</p></div>" for math in shown[start:start + 20]]
    page = "\n".join(head + slots + ["</body></html>"])
    open(f"{work}/page-{start // 20}.html", "w", encoding="utf-8").write(page)
PY
for page in "$work"/page-*.html; do
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
        --window-size=602,$((20 * slot)) --screenshot="${page%.html}.png" "file://$page" >/dev/null 2>&1
done

# Pairs: both cut to their inked rows (inline formulas also to their inked columns), padded to
# one height, side by side with a thin rule between them and the source underneath.
python3 - "$work" >"$work/sources.txt" <<'PY'
import json, sys
for entry in json.load(open(f"{sys.argv[1]}/entries.json")):
    if not entry["definition"]:
        print(("D " if entry["display"] else "I ") + " ".join(entry["tex"].split()))
PY
trim() { # image, keep-width → the inked rows (and columns unless keep-width) of the image
    local geometry
    geometry=$(magick convert "$1" -fuzz 10% -trim -format '%w %h %X %Y' info: | tr -d '+')
    read -r w h x y <<<"$geometry"
    if [ "$2" = keep ]; then
        magick convert "$1" -crop "$(magick identify -format '%w' "$1")x$((h + 8))+0+$((y > 4 ? y - 4 : 0))" +repage "$1"
    else
        magick convert "$1" -crop "$((w + 8))x$((h + 8))+$((x > 4 ? x - 4 : 0))+$((y > 4 ? y - 4 : 0))" +repage "$1"
    fi
}
index=0
rm -f "$out"/pair-*.png
while IFS= read -r line; do
    index=$((index + 1))
    number=$(printf '%03d' "$index")
    kind=${line%% *}
    tex=${line#* }
    keep=$([ "$kind" = D ] && echo keep || echo tight)
    cp "$work/tex-$number.png" "$work/l.png"
    magick convert "$work/page-$(((index - 1) / 20)).png" -crop "602x$slot+0+$((((index - 1) % 20) * slot))" +repage "$work/r.png"
    trim "$work/l.png" "$keep"
    trim "$work/r.png" "$keep"
    magick montage "$work/l.png" "$work/r.png" -tile 2x1 -geometry +6+4 -background '#f4f4f4' "$work/both.png"
    # label: reads \ and % as escapes.
    label=$(printf '%s' "$tex" | cut -c1-150 | sed 's/\\/\\\\/g; s/%/%%/g')
    magick convert "$work/both.png" -background white -fill '#444' -font DejaVu-Sans-Mono -pointsize 12 \
        label:"$number  LaTeX | Parzen   $label" -gravity west -append +repage "$out/pair-$number.png"
done <"$work/sources.txt"
cp "$work/sources.txt" "$out/sources.txt"
# Sheets of four pairs, for looking through many quickly.
rm -f "$out"/sheet-*.png
for first in $(seq 1 4 "$index"); do
    sheet=()
    for number in $(seq "$first" $((first + 3))); do
        [ "$number" -le "$index" ] && sheet+=("$out/pair-$(printf '%03d' "$number").png")
    done
    magick convert "${sheet[@]}" -background white -gravity west -splice 0x8 -append +repage \
        "$out/sheet-$(printf '%03d' "$first").png"
done
echo "compare-with-latex: $index pairs in $out (pair-NNN.png, four to a sheet-NNN.png; sources.txt lists their TeX)"
