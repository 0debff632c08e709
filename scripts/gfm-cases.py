#!/usr/bin/env python3
"""Writes Tests/Fixtures/gfm-cases.json: spec-style cases (Markdown in, HTML out) for the
Markdown features Parzen relies on, with the HTML produced by Debian's cmark-gfm binary
(package `cmark-gfm`, the same 0.29.0.gfm.x as libcmark-gfm-dev).

The inputs are our own; the expected HTML is cmark-gfm's, so the test checks Parzen's parser
and renderer against the reference implementation without needing ../shared/spec/.
Cases avoid `$`, `\\(` and `\\[` (Parzen reads them as math, cmark does not) and Liquid tags.

Usage: scripts/gfm-cases.py   (apt-get install cmark-gfm first)
"""
import json
import pathlib
import subprocess

# The extensions a notebook always has; tagfilter is listed per case, as in the spec's JSON.
ALWAYS = ["table", "strikethrough", "autolink", "tasklist"]

CASES = {
    "ATX headings": [
        "# One\n## Two ##\n###### Six\n",
        "#No space\n\n#\tTab\n",
        "## Heading with *emphasis* and `code`\n",
        "   ### Indented three\n\n    # Indented four\n",
    ],
    "Setext headings": [
        "Title\n=====\n\nSubtitle\n---\n",
        "Two lines\nof heading\n===\n",
    ],
    "Paragraphs and breaks": [
        "First line\nsecond line\n\nNew paragraph.\n",
        "Hard break with spaces  \nnext\n",
        "Hard break with backslash\\\nnext\n",
        "Trailing spaces at the end   \n",
    ],
    "Emphasis": [
        "*em* _em_ **strong** __strong__\n",
        "***both*** and **nested *em* inside**\n",
        "snake_case_name stays, *intra*word works\n",
        "*unclosed and **also unclosed\n",
        "a * not emphasis * b\n",
        "**bold with `code` inside**\n",
    ],
    "Code spans": [
        "Use `x = 1` here.\n",
        "``code with ` inside``\n",
        "` leading and trailing space `\n",
        "`unclosed code\n",
        "`<b>&amp;</b>`\n",
    ],
    "Fenced code": [
        "```python\ndef f(x):\n    return x < 1\n```\n",
        "~~~\ntilde fence\n~~~\n",
        "````\n```\nnested\n```\n````\n",
        "```\nunclosed fence\n",
        "```yaml title=\"x\"\nkey: value\n```\n",
        "  ```\n  indented fence\n   more\n  ```\n",
    ],
    "Indented code": [
        "    four spaces\n    <tag>\n\nafter\n",
    ],
    "Block quotes": [
        "> quoted\n> more\n",
        "> lazy\ncontinuation\n",
        "> outer\n>> inner\n",
        "> # Heading\n> - list\n",
    ],
    "Lists": [
        "- a\n- b\n- c\n",
        "1. one\n2. two\n",
        "3. starts at three\n4. four\n",
        "- tight\n- list\n\n- now loose\n",
        "- outer\n  - inner\n    - deepest\n",
        "1. item\n\n   continued paragraph\n2. next\n",
        "* star\n+ plus\n- dash\n",
        "- [ ] open task\n- [x] done task\n- [X] also done\n",
        "1) paren\n2) style\n",
    ],
    "Thematic breaks": [
        "above\n\n***\n\nbelow\n",
        "- - -\n\n___\n",
    ],
    "Links": [
        "[text](https://example.org)\n",
        "[text](https://example.org \"Title\")\n",
        "[ref][id] and [id][] and [id]\n\n[id]: https://example.org/x \"T\"\n",
        "[angle](<path with spaces.md>)\n",
        "[*em* link](a.html#frag)\n",
        "[amp](https://e.org/?a=1&b=2)\n",
        "[not a link] (x)\n",
        "[empty]()\n",
        "[quote](https://e.org/\"q\")\n",
    ],
    "Images": [
        "![alt text](figure.svg)\n",
        "![*emph* alt](a.png \"title\")\n",
        "[![inner](i.png)](outer.html)\n",
    ],
    "Autolinks": [
        "<https://example.org/a?b=c>\n",
        "<someone@example.org>\n",
        "Visit www.example.org today.\n",
        "See https://example.org/path.\n",
        "Mail someone@example.org, please.\n",
        "(www.example.org/a_(b))\n",
        "https://example.org/<x>\n",
    ],
    "Raw HTML": [
        "<div class=\"note\">\n*not emphasis*\n</div>\n",
        "<div>\n\n*emphasis*\n\n</div>\n",
        "<details>\n<summary>More</summary>\n\nHidden *text*.\n\n</details>\n",
        "Inline <span style=\"color:red\">span</span> and <br> break.\n",
        "<!-- a comment -->\n\nafter\n",
        "<d-byline></d-byline>\n",
        "<span style=\"float:right\"><a href=\"\">Next</a></span>\n<br>\n",
        "Text <kbd>Ctrl</kbd>+<kbd>C</kbd>\n",
        "<a href=\"x\">open\n\nclosed</a>\n",
    ],
    "Tag filter": [
        ("<script>alert(1)</script>\n", ["tagfilter"]),
        ("<style>p{}</style>\n", ["tagfilter"]),
        ("Inline <iframe src=\"x\"></iframe> and <textarea>t</textarea>\n", ["tagfilter"]),
        ("<title>t</title> <xmp>x</xmp> <noembed> <plaintext>\n", ["tagfilter"]),
        ("<strong>kept</strong> <scriptx>kept</scriptx>\n", ["tagfilter"]),
    ],
    "Entities": [
        "&amp; &copy; &ne; &#35; &#x22; &#0;\n",
        "&notanentity; &amp\n",
        "AT&T < 3 > 2 \"quoted\"\n",
    ],
    "Backslash escapes": [
        "\\*not em\\* \\# \\<b\\> \\! \\` \\_ \\\\\n",
        "\\a \\B stay\n",
        "`\\*in code\\*`\n",
    ],
    "Tables": [
        "| a | b |\n|---|---|\n| 1 | 2 |\n",
        "| left | centre | right |\n|:-----|:------:|------:|\n| l | c | r |\n",
        "a | b\n--|--\n1 | 2\n",
        "| a | b |\n|---|---|\n| only one |\n| 1 | 2 | 3 |\n",
        "| code | pipe |\n|---|---|\n| `a\\|b` | x \\| y |\n",
        "| *em* | **strong** |\n|---|---|\n| [l](u) | ~~del~~ |\n",
        "| a |\n|---|\n| 1 |\nparagraph after? no, a row\n\nnow a paragraph\n",
        "| a | b |\n|---|\n| 1 | 2 |\n",
    ],
    "Strikethrough": [
        "~~two tildes~~ and ~one tilde~\n",
        "~~~three~~~ tildes\n",
        "~~unclosed\n",
    ],
    "Text and Unicode": [
        "Größe, naïve, 日本語, emoji 🙂\n",
        "Mis-encoded \u00e2\u2020\u2019 arrow kept\n",
        "Tabs\tinside\ttext\n",
    ],
}


def render(markdown, extensions):
    command = ["cmark-gfm", "--unsafe"]
    for extension in ALWAYS + extensions:
        command += ["-e", extension]
    return subprocess.run(command, input=markdown.encode(), capture_output=True, check=True).stdout.decode()


def main():
    cases = []
    for section, inputs in CASES.items():
        for entry in inputs:
            markdown, extensions = entry if isinstance(entry, tuple) else (entry, [])
            cases.append({
                "example": len(cases) + 1,
                "section": section,
                "markdown": markdown,
                "html": render(markdown, extensions),
                "extensions": extensions,
            })
    version = subprocess.run(["cmark-gfm", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    out = pathlib.Path(__file__).resolve().parent.parent / "Tests/Fixtures/gfm-cases.json"
    out.write_text(json.dumps({"generator": version, "cases": cases}, ensure_ascii=False, indent=1) + "\n")
    print(f"{len(cases)} cases written to {out} ({version})")


if __name__ == "__main__":
    main()
