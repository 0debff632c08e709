#!/usr/bin/env python3
"""Generates Sources/ParzenMath/Commands/PackageSymbols.swift: every symbol command of LaTeX's
fontmath.ltx, latexsym, amsfonts, amssymb and the colon relations of mathtools, with the TeX
class the package declares and the Unicode character unicode-math's table gives the same name;
and the text symbols (`\textyen`) with the characters LaTeX's TU encoding (tuenc.def) gives them.

Source of truth: the package files themselves, as Debian's texlive ships them
(`apt-get install texlive-latex-base texlive-latex-recommended texlive-latex-extra`).
Run: scripts/tex-symbol-table.py > Sources/ParzenMath/Commands/PackageSymbols.swift
"""
import re
import subprocess
import sys

def find(name):
    return subprocess.run(["kpsewhich", name], capture_output=True, text=True, check=True).stdout.strip()

CLASSES = {"mathord": "ordinary", "mathalpha": "ordinary", "mathbin": "binary", "mathrel": "relation",
           "mathop": "largeOperator", "mathopen": "opening", "mathclose": "closing", "mathpunct": "punctuation",
           "mathover": "ordinary", "mathunder": "ordinary", "mathfence": "ordinary", "mathaccent": None,
           "mathbotaccent": None, "mathaccentwide": None, "mathbotaccentwide": None, "mathaccentoverlay": None}

# unicode-math: \UnicodeMathSymbol{"02214}{\dotplus }{\mathbin}{...}
unicode = {}
for line in open(find("unicode-math-table.tex"), encoding="utf-8"):
    match = re.match(r'\\UnicodeMathSymbol\{"([0-9A-F]+)\}\{\\(\w+)\s*\}\{\\(\w+)\}', line)
    if match:
        unicode.setdefault(match.group(2), (chr(int(match.group(1), 16)), match.group(3)))

# What unicode-math names differently (or not at all); characters from Unicode's own names.
MISSING = {
    "varsubsetneq": "\u228A\uFE00", "varsupsetneq": "\u228B\uFE00", "varsubsetneqq": "\u2ACB\uFE00",
    "varsupsetneqq": "\u2ACC\uFE00", "gvertneqq": "\u2269\uFE00", "lvertneqq": "\u2268\uFE00",
    "ngeqq": "\u2267\u0338", "nleqq": "\u2266\u0338", "ngeqslant": "\u2A7E\u0338", "nleqslant": "\u2A7D\u0338",
    "nshortmid": "\u2224", "nshortparallel": "\u2226", "shortmid": "\u2223", "shortparallel": "\u2225",
    "nsubseteqq": "\u2AC5\u0338", "nsupseteqq": "\u2AC6\u0338", "thicksim": "\u223C", "thickapprox": "\u2248",
    "smallsmile": "\u2323", "smallfrown": "\u2322", "diagup": "\u2571", "diagdown": "\u2572",
    "circledS": "\u24C8", "Bbbk": "\U0001D55C", "restriction": "\u21BE", "dashrightarrow": "\u21E2",
    "dashleftarrow": "\u21E0", "doteqdot": "\u2251", "centerdot": "\u22C5", "Doteq": "\u2251",
    "lhd": "\u22B2", "rhd": "\u22B3", "unlhd": "\u22B4", "unrhd": "\u22B5", "Join": "\u22C8",
    "leadsto": "\u21DD", "Box": "\u25A1", "Diamond": "\u25C7", "square": "\u25A1", "lozenge": "\u25CA",
    "blacklozenge": "\u29EB", "blacksquare": "\u25A0", "llless": "\u22D8", "gggtr": "\u22D9",
    "doublecup": "\u22D3", "doublecap": "\u22D2", "mapstochar": None, "lhook": None, "rhook": None,
    "dabar@": None, "jmath": "\u0237", "imath": "\u0131", "hslash": "\u210F", "hbar": "\u210F",
    "yen": "\u00A5", "circledR": "\u00AE", "maltese": "\u2720", "checkmark": "\u2713",
    "ulcorner": "\u231C", "urcorner": "\u231D", "llcorner": "\u231E", "lrcorner": "\u231F",
    "vartriangle": "\u25B3", "triangledown": "\u25BD", "bigstar": "\u2605", "backprime": "\u2035",
    "varpropto": "\u221D", "smallsetminus": "\u2216", "intercal": "\u22BA", "Game": "\u2141",
    "vartriangleleft": "\u22B2", "vartriangleright": "\u22B3", "angle": "\u2220", "surd": "\u221A",
    "rightleftharpoons": "\u21CC", "bowtie": "\u22C8", "models": "\u22A8", "iff": "\u27FA",
    "neq": "\u2260", "ne": "\u2260", "notin": "\u2209", "cong": "\u2245", "doteq": "\u2250",
    "Relbar": "=", "relbar": "\u2212", "joinrel": None, "owns": "\u220B", "gets": "\u2190",
    "to": "\u2192", "lbrack": "[", "rbrack": "]", "lbrace": "{", "rbrace": "}", "vert": "|", "Vert": "\u2016",
    "lvert": "|", "rvert": "|", "lVert": "\u2016", "rVert": "\u2016", "backslash": "\\",
    "mathdollar": "$", "mathsterling": "\u00A3", "mathparagraph": "\u00B6", "mathsection": "\u00A7",
    "le": "\u2264", "ge": "\u2265", "land": "\u2227", "lor": "\u2228", "lnot": "\u00AC",
    "varkappa": "\u03F0", "digamma": "\u03DD", "backepsilon": "\u03F6", "bigcirc": "\u25EF",
    "bullet": "\u2219", "circ": "\u2218", "circlearrowleft": "\u21BA", "circlearrowright": "\u21BB",
    "colon": ":", "diamond": "\u22C4", "emptyset": "\u2205", "eth": "\u00F0", "intop": "\u222B",
    "ointop": "\u222E", "smallint": "\u222B", "ldotp": ".", "npreceq": "\u22E0", "nsucceq": "\u22E1",
    "ntriangleleft": "\u22EA", "ntriangleright": "\u22EB", "triangle": "\u25B3",
}

# Names defined by \def, \DeclareRobustCommand or \newcommand rather than \DeclareMathSymbol:
# (name, class) as the definition's outer \mathrel/\mathbin/… says.
DEFINED = {
    "fontmath.ltx": [("neq", "mathrel"), ("ne", "mathrel"), ("mapsto", "mathrel"), ("cong", "mathrel"),
                     ("notin", "mathrel"), ("rightleftharpoons", "mathrel"), ("doteq", "mathrel"),
                     ("hookrightarrow", "mathrel"), ("hookleftarrow", "mathrel"), ("bowtie", "mathrel"),
                     ("models", "mathrel"), ("Longrightarrow", "mathrel"), ("longrightarrow", "mathrel"),
                     ("longleftarrow", "mathrel"), ("Longleftarrow", "mathrel"), ("longmapsto", "mathrel"),
                     ("longleftrightarrow", "mathrel"), ("Longleftrightarrow", "mathrel"), ("iff", "mathrel"),
                     ("surd", "mathord"), ("hbar", "mathord"), ("angle", "mathord"), ("relbar", "mathrel"),
                     ("Relbar", "mathrel")],
    # mathtools.sty, "Symbols": \vcentcolon-based relations.
    "mathtools.sty": [(n, "mathrel") for n in [
        "coloneqq", "Coloneqq", "coloneq", "Coloneq", "eqqcolon", "Eqqcolon", "eqcolon", "Eqcolon",
        "colonapprox", "Colonapprox", "colonsim", "Colonsim", "dblcolon", "approxcolon", "Approxcolon", "simcolon",
        "Simcolon", "colondash", "Colondash", "dashcolon", "Dashcolon"]] + [("vcentcolon", "mathrel"), ("ordinarycolon", "mathord")],
    # amssymb.sty's and amsfonts.sty's \DeclareRobustCommand symbols.
    "amssymb.sty": [("yen", "mathord"), ("checkmark", "mathord"), ("circledR", "mathord"), ("maltese", "mathord")],
    "amsfonts.sty": [("dashrightarrow", "mathrel"), ("dashleftarrow", "mathrel")],
}
COLONS = {"coloneqq": "\u2254", "Coloneqq": "\u2A74", "coloneq": ":\u2212", "Coloneq": "\u2237\u2212",
          "eqqcolon": "\u2255", "Eqqcolon": "=\u2237", "eqcolon": "\u2239", "Eqcolon": "\u2212\u2237",
          "colonapprox": ":\u2248", "Colonapprox": "\u2237\u2248", "colonsim": ":\u223C", "Colonsim": "\u2237\u223C",
          "dblcolon": "\u2237", "vcentcolon": ":", "approxcolon": "\u2248:", "Approxcolon": "\u2248\u2237",
          "simcolon": "\u223C:", "Simcolon": "\u223C\u2237", "colondash": ":\u2212", "Colondash": "\u2237\u2212",
          "dashcolon": "\u2212:", "Dashcolon": "\u2212\u2237", "ordinarycolon": ":"}

entries = {}
aliases = []
for file in ["fontmath.ltx", "latexsym.sty", "amsfonts.sty", "amssymb.sty"]:
    text = open(find(file), encoding="latin-1").read()
    for match in re.finditer(r'\\(?:ams@)?DeclareMath(?:Symbol|Delimiter)\{?\\([A-Za-z]+)\}?\s*\{\\(\w+)\}', text):
        entries[match.group(1)] = match.group(2)
    for match in re.finditer(r'\\(?:global)?\\?let\\([A-Za-z]+)\s*=?\s*\\([A-Za-z]+)', text):
        if match.group(2) not in ("undefined", "relax", "@@undefined", "square") or match.group(1) == "Box":
            aliases.append((match.group(1), match.group(2)))
    for name, cls in DEFINED.get(file, []):
        entries[name] = cls
for name, cls in DEFINED["mathtools.sty"] + DEFINED["amssymb.sty"] + DEFINED["amsfonts.sty"]:
    entries[name] = cls
for name, target in aliases:
    if target in entries and name not in entries:
        entries[name] = entries[target]
        MISSING.setdefault(name, MISSING.get(target) or unicode.get(target, (None,))[0])

# Greek letters are registered with their italic/upright rules by hand; brace pieces, \not and
# the varbig triangles are glyph parts, not symbols of their own.
GREEK_OR_PIECES = r"^(var)?(alpha|beta|gamma|delta|epsilon|zeta|eta|theta|iota|kappa|lambda|mu|nu|xi|pi|rho|sigma|tau|" \
    r"upsilon|phi|chi|psi|omega|Gamma|Delta|Theta|Lambda|Xi|Pi|Sigma|Upsilon|Phi|Psi|Omega)$|^brace|^not$|^varbig"
rows = []
problems = []
for name in sorted(entries):
    cls = CLASSES.get(entries[name].rstrip(), "ordinary")
    if name in COLONS:
        char = COLONS[name]
    elif name in MISSING:
        char = MISSING[name]
    elif name in unicode:
        char = unicode[name][0]
    else:
        problems.append(name)
        continue
    if char is None or cls is None:
        continue
    rows.append((name, char, cls))
problems = [p for p in problems if not re.match(GREEK_OR_PIECES, p)]
if problems:
    print("no Unicode character for: " + " ".join(problems), file=sys.stderr)

def swift(text):
    return "".join(c if 0x20 <= ord(c) < 0x7F and c not in '"\\' else "\\u{%X}" % ord(c) for c in text)

print("// Generated by scripts/tex-symbol-table.py from fontmath.ltx, latexsym.sty, amsfonts.sty,")
print("// amssymb.sty and mathtools.sty (classes) and unicode-math-table.tex (characters). Do not edit.")
print()
print("/// Every symbol command of LaTeX, latexsym, amsfonts, amssymb and mathtools' colon relations:")
print("/// name (without backslash) → character and the TeX class the package declares.")
print("enum PackageSymbols {")
print("    static let table: [(name: String, text: String, atomClass: AtomClass)] = [")
for name, char, cls in rows:
    print(f'        ("{name}", "{swift(char)}", .{cls}),')
print("    ]")
print()
print("    /// Text symbols of LaTeX's TU encoding (textcomp's names): name → character.")
print("    static let textSymbols: [(name: String, text: String)] = [")
for match in sorted(set(re.findall(r'\\DeclareUnicodeSymbol\{\\(\w+)\}\s*\{"([0-9A-F]+)\}', open(find("tuenc.def"), encoding="utf-8").read()))):
    print(f'        ("{match[0]}", "{swift(chr(int(match[1], 16)))}"),')
print("    ]")
print("}")
