#!/usr/bin/env python3
"""Prints the margins of Sources/ParzenMath/Serialization/DelimiterMargins.swift from Latin Modern Math.

Chromium lays out a stretchy <mo> as wide as the widest size variant (or assembly part) of its
character and centres the variant it draws; a fixed-size delimiter gets back half of the
difference on each side. The variant is the first at least as tall as the size (Chromium's
choice; 1.195 em serves 1.2 em, hence the 0.01 em tolerance).

Usage: .build/venv/bin/python scripts/delimiter-margins.py [latinmodern-math.otf]
(python3 -m venv .build/venv && .build/venv/bin/pip install fonttools; Debian: fonts-lmodern)
"""
import sys

from fontTools.ttLib import TTFont

path = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/texmf/fonts/opentype/public/lm-math/latinmodern-math.otf"
font = TTFont(path)
math = font["MATH"].table
units = font["head"].unitsPerEm
cmap = font.getBestCmap()
advance = font["hmtx"]
coverage = math.MathVariants.VertGlyphCoverage.glyphs
for character in "()[]{}⟨⟩⌊⌋⌈⌉/":
    construction = math.MathVariants.VertGlyphConstruction[coverage.index(cmap[ord(character)])]
    variants = [(v.AdvanceMeasurement / units, advance[v.VariantGlyph][0] / units)
                for v in construction.MathGlyphVariantRecord]
    parts = [advance[p.glyph][0] / units for p in construction.GlyphAssembly.PartRecords] if construction.GlyphAssembly else []
    box = max([width for _, width in variants] + parts)
    margins = []
    for height in (1.2, 1.8, 2.4, 3.0):
        width = next((w for h, w in variants if h >= height - 0.01), box)
        margins.append("0em" if box - width < 0.0005 else f"-{(box - width) / 2:.3f}em")
    print(f'"{character}": {margins}')
