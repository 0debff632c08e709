#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora (fuzz/corpus/<target>/) and dictionaries (fuzz/dict/)
from the repository's own inputs: the bundled notebooks, data and .bib files, the
self-written test fixtures, the math test corpus, docs/directives.md (generated from the
directive declarations) and the TeX command names in Sources/ParzenMath.

Usage: fuzz/make-corpus.py   (re-run after adding notebooks, directives or TeX commands)
"""
import json
import pathlib
import re
import shutil

ROOT = pathlib.Path(__file__).resolve().parent.parent
FUZZ = ROOT / "fuzz"
DIRECTIVE = re.compile(r"^```\{(\w+)\}[^\n]*\n(.*?)^```", re.S | re.M)


def formulas(markdown):
    """$$…$$ then $…$ spans, as the test suites count them."""
    display = re.findall(r"\$\$(.+?)\$\$", markdown, re.S)
    inline = re.findall(r"\$([^$\n]+?)\$", re.sub(r"\$\$(.+?)\$\$", "", markdown, flags=re.S))
    return [f.strip() for f in display + inline]


def write(target, name, text):
    folder = FUZZ / "corpus" / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text)


def main():
    shutil.rmtree(FUZZ / "corpus", ignore_errors=True)
    notebooks = sorted((ROOT / "notebooks").glob("*.md"))
    docs = (ROOT / "docs/directives.md").read_text()
    post = (ROOT / "Tests/Fixtures/jekyll-post.md").read_text()
    math_corpus = (ROOT / "Tests/ParzenMathTests/Corpus/TutorialCorpus.swift").read_text()
    cases = json.loads((ROOT / "Tests/Fixtures/gfm-cases.json").read_text())["cases"]

    # notebook: whole notebooks, the Jekyll post, every directive example as a notebook,
    # and the Markdown cases (small, so mutations reach every block kind).
    for path in notebooks:
        write("notebook", path.name, path.read_text())
    write("notebook", "jekyll-post.md", post)
    for index, match in enumerate(DIRECTIVE.finditer(docs)):
        write("notebook", f"example-{index:02}-{match.group(1)}.md", "# Example\n\n" + match.group(0) + "\n")
    for case in cases:
        write("notebook", f"markdown-{case['example']:03}.md", case["markdown"])
    write("notebook", "front-matter.md",
          "---\ntitle: T\nseed: 3\nauthors: [Ada]\nmacros:\n  \\R: \\mathbb{R}\n---\n\n$\\R$\n")

    # tex: every distinct formula of the notebooks, the post and the math corpus.
    seen = []
    for text in [p.read_text() for p in notebooks] + [post, math_corpus]:
        for formula in formulas(text):
            if formula not in seen:
                seen.append(formula)
    for index, formula in enumerate(seen):
        write("tex", f"formula-{index:03}.tex", formula)

    # csv: the bundled data, and the shapes the reader must handle.
    for path in sorted((ROOT / "notebooks/data").glob("*.csv")):
        write("csv", path.name, path.read_text())
    shapes = {
        "quoted.csv": 'a,"b, with comma","c ""quoted"""\n1,2,3\n',
        "crlf.csv": "x,y\r\n1,2\r\n3,4\r\n",
        "bom.csv": "\ufeffx,y\n1,2\n",
        "missing.csv": "x,y\n1,\n,2\n",
        "newline-in-quotes.csv": 'name,"multi\nline"\n1,2\n',
        "semicolons.csv": "x;y\n1,5;2,5\n",
        "ragged.csv": "a,b,c\n1,2\n3,4,5,6\n",
    }
    for name, text in shapes.items():
        write("csv", name, text)

    # bib: the repository's .bib files (all self-written), and the shapes the reader must handle.
    bibs = [ROOT / "notebooks/references.bib", ROOT / "Tests/Fixtures/citations/works.bib"]
    bibs += sorted((ROOT / "Tests/ParzenCitationsTests/References").glob("*.bib"))
    for path in bibs:
        write("bib", path.name, path.read_text())
    bib_shapes = {
        "string-and-crossref.bib": '@string{j = "Journal"}\n@book{b, title = {Book}, year = 1999}\n'
                                   '@incollection{c, crossref = {b}, author = {Doe, J. and Roe, R.}, journal = j # " X"}\n',
        "crlf.bib": "@article{a,\r\n  author = {M{\\\"u}ller, Jo},\r\n  title = {T},\r\n  year = {2001}\r\n}\r\n",
        "unclosed.bib": "@article{a, title = {never closed\n@book{b, title = {B}}\n",
        "parentheses.bib": "@misc(p, title = \"In (parentheses)\", note = {\\url{https://example.org}})\n",
    }
    for name, text in bib_shapes.items():
        write("bib", name, text)

    # options: every directive fence of the notebooks and the docs, as "name\nbody".
    for source, text in [("docs", docs)] + [(p.stem, p.read_text()) for p in notebooks]:
        for index, match in enumerate(DIRECTIVE.finditer(text)):
            write("options", f"{source}-{index:02}-{match.group(1)}.yaml", match.group(1) + "\n" + match.group(2))

    # Dictionaries: directive names, option names and choices, YAML and Markdown tokens; TeX
    # command names.
    names = sorted(set(re.findall(r"^## `\{(\w+)\}`", docs, re.M)))
    options = sorted(set(re.findall(r"^\| `(\w+)` \|", docs, re.M)))
    words = sorted(set(re.findall(r"`([a-z][a-z0-9_-]+)`", docs)) - set(options) - set(names))
    yaml = [": ", "\n", "- ", "[", "]", "{", "}", "&a", "*a", "!!str", "'", '"', "#", "~",
            "null", "true", "1e308", ".nan", "-.inf"]
    markdown = ["```", ":::", "{%", "%}", "{{", "}}", "$", "$$", "\\(", "\\)", "\\[", "\\]", "\\eqref{", "\\label{",
                "---\n", "<details>", "<script>", "](", "[^", "|", "\r\n", "\ue000", "\ue001", "{value}`"]
    tex = sorted(set(re.findall(r'"(\\\\[a-zA-Z]+)"', "\n".join(
        p.read_text() for p in (ROOT / "Sources/ParzenMath").rglob("*.swift")))))
    tex = [t.replace("\\\\", "\\") for t in tex] + [
        "{", "}", "^", "_", "&", "\\\\", "\\begin{", "\\end{", "\\left(", "\\right)", "\\def", "\\newcommand{", "#1",
        "align", "cases", "matrix", "equation", "\ue000", "\ue001", "\\eqref{", "\\label{", "\\tag{"]
    dictionary = {
        "notebook": ["```{" + n + "}" for n in names] + [o + ": " for o in options] + markdown + yaml,
        "options": names + [o + ": " for o in options] + words + yaml,
        "tex": tex,
        "bib": ["@article{", "@book{", "@string{", "@preamble{", "@comment{", "author = ", "title = ", "year = ",
                "crossref = ", " and ", "others", "{", "}", '"', "#", ",", "=", "\\'", '\\"', "\\url{", "--", "~",
                "{\\relax", "\r\n"],
        "csv": [",", ";", '"', '""', "\r\n", "\n", "\ufeff", "NaN", "1e308", "-0", "1,5", "1 000"],
    }
    (FUZZ / "dict").mkdir(exist_ok=True)
    for target, tokens in dictionary.items():
        lines = ["# Generated by fuzz/make-corpus.py; libFuzzer dictionary (one quoted token per line)."]
        for token in dict.fromkeys(tokens):
            escaped = "".join(c if c.isascii() and c.isprintable() and c not in '"\\'
                              else "".join(f"\\x{b:02x}" for b in c.encode()) for c in token)
            lines.append(f'"{escaped}"')
        (FUZZ / "dict" / f"{target}.dict").write_text("\n".join(lines) + "\n")
    for target in ["notebook", "tex", "csv", "options", "bib"]:
        print(target, len(list((FUZZ / "corpus" / target).iterdir())), "seeds,", len(dictionary[target]), "tokens")


if __name__ == "__main__":
    main()
