#!/usr/bin/env bash
# Writes pandoc's citeproc output for the citation tests' .bib and Markdown, the independent
# reference ParzenCitationsTests compares Parzen's author–year formatter with.
# Usage: scripts/citeproc-references.sh   (installs Debian's pandoc when it is missing)
# Output: Tests/ParzenCitationsTests/References/citeproc-expected.txt — first line the pandoc
# version, then the citing paragraph, then one reference-list entry per line — and
# citeproc-tutorial.txt, the same for notebooks/references.bib (every entry listed).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh pandoc
dir=Tests/ParzenCitationsTests/References
{
    echo "# $(pandoc --version | head -1), default style (chicago-author-date), --wrap=none"
    pandoc "$dir/citations.md" --citeproc --bibliography "$dir/edge-cases.bib" -t plain --wrap=none | grep -v '^$'
} > "$dir/citeproc-expected.txt"
{
    echo "# $(pandoc --version | head -1), default style (chicago-author-date), --wrap=none"
    printf -- '---\nnocite: "@*"\n---\n' |
        pandoc --citeproc --bibliography notebooks/references.bib -f markdown -t plain --wrap=none | grep -v '^$'
} > "$dir/citeproc-tutorial.txt"
echo "wrote $dir/citeproc-expected.txt and $dir/citeproc-tutorial.txt" >&2
