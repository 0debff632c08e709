#!/usr/bin/env bash
# Makes templates/math-font.css: a subset of Latin Modern Math (Debian fonts-lmodern, GUST Font
# License) as a base64 WOFF2 @font-face, so reports typeset formulas the same way on machines
# without a math font, offline. Run once at development time; the output is committed.
#
# The subset keeps what Parzen's TeX translator can emit: ASCII, Greek, the operator and arrow
# blocks, letterlike symbols, the Mathematical Alphanumeric alphabets that \mathbf, \mathcal,
# \mathbb, … map to (and the italic ones MathML uses for single-letter identifiers), and the
# OpenType MATH table with the size variants and assembly parts of stretchy operators.
# Fraktur, sans-serif and monospace alphabets are left out: they fall back to the next font of
# the stack in templates/math.css.
# Needs fonttools and brotli from PyPI (pip install fonttools brotli).
set -euo pipefail
cd "$(dirname "$0")/.."
font=/usr/share/texmf/fonts/opentype/public/lm-math/latinmodern-math.otf
[ -f "$font" ] || { echo "missing $font: apt-get install fonts-lmodern" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
ranges=(
    # ASCII, Latin-1 signs, dotless i/j, spacing accents, combining accents and the \not slash
    U+0020-007E U+00A0 U+00A7 U+00A8 U+00AC U+00AF U+00B0 U+00B1 U+00B4 U+00B6 U+00B7 U+00D7 U+00F7
    U+0131 U+0237 U+02C6 U+02C7 U+02D8-02DA U+02DC U+0300-0308 U+030A U+030C U+0338
    # Greek capitals (set upright, as TeX does) and the italic alphabets MathML Core uses for
    # single-letter identifiers (text-transform: math-auto): Latin, Greek, ℎ
    U+0391-03A9 U+1D434-1D467 U+210E U+1D6E2-1D71B
    # punctuation, primes, dots, overline, combining arrow
    U+2009 U+2016 U+2020 U+2021 U+2026 U+2032-2034 U+203E U+2057 U+20D7 U+20DB
    # \mathcal (script capitals), \mathbb (double-struck capitals and 𝟙), \mathbf and \boldsymbol
    U+1D49C-1D4B5 U+212C U+2130 U+2131 U+210B U+2110 U+2112 U+2133 U+211B
    U+1D538-1D551 U+2102 U+210D U+2115 U+2119 U+211A U+211D U+2124 U+1D7D9
    U+1D400-1D433 U+1D7CE-1D7D7 U+1D482-1D49B U+1D6A8-1D6C0 U+1D736-1D755
    # letterlike symbols: ℏ ℓ ℘ ℜ ℑ ℵ
    U+210F U+2113 U+2118 U+211C U+2111 U+2135
    # arrows Parzen's commands produce
    U+2190-2195 U+21A6 U+21A9 U+21AA U+21CC U+21D0-21D5 U+21DD U+2197 U+2198 U+27F5-27FC
    # operators Parzen's commands produce
    U+2200 U+2202-2209 U+220B U+220F-2213 U+2215 U+2217-221A U+221D U+221E U+2220 U+2223-222E
    U+2234 U+2235 U+223C U+223D U+2241 U+2243 U+2245 U+2247 U+2248 U+224A U+224D U+2250
    U+2254 U+2255 U+225C U+2260-2265 U+226A U+226B U+226E U+226F U+2270 U+2271 U+2272 U+2273
    U+227A U+227B U+2282-2289 U+228A U+228E U+2291-2299 U+229B U+229E U+22A0 U+22A2-22A5 U+22A8
    U+22C0-22C6 U+22C8 U+22EE-22F1 U+2A7D U+2A7E U+2AAF U+2AB0
    # brackets, floors and ceilings, over/under braces, big operators, shapes
    U+2308-230B U+2322 U+2323 U+23DC-23DF U+27E8 U+27E9 U+27EE U+27EF U+2A00-2A06 U+2A3F
    U+25A1 U+25B3 U+25B9 U+25BD U+25C3 U+2713
)
unicodes=$(IFS=,; echo "${ranges[*]}")
# No OpenType layout features: the 'ssty' script-size alternates alone would double the size,
# and browsers lay out MathML from the MATH table (kept, with its variants), not from GSUB.
# Hinting is dropped too (-11 %); desubroutinised CFF compresses better under brotli.
pyftsubset "$font" --unicodes="$unicodes" --layout-features='' --no-hinting --desubroutinize \
    --flavor=woff2 --name-IDs='*' --name-languages='*' --output-file="$out/lm-math.woff2"
size=$(stat -c %s "$out/lm-math.woff2")
{
    echo "/* Latin Modern Math, subset for Parzen reports by scripts/subset-math-font.sh ($size bytes of WOFF2)."
    echo "   Copyright 2012--2014 for Latin Modern Math OTF by B. Jackowski, P. Strzelczyk and P. Pianowski"
    echo "   (on behalf of TeX users groups). This work is released under the GUST Font License -- see"
    echo "   http://tug.org/fonts/licenses/GUST-FONT-LICENSE.txt for details. The subset keeps the font's"
    echo "   name table (copyright and licence) unchanged. */"
    printf '@font-face {\n  font-family: "Parzen Latin Modern Math";\n  font-style: normal;\n  font-weight: 400;\n  src: url(data:font/woff2;base64,'
    base64 -w 0 "$out/lm-math.woff2"
    printf ') format("woff2");\n}\n'
} >templates/math-font.css
echo "templates/math-font.css: $(stat -c %s templates/math-font.css) bytes (font $size bytes)"
