#!/bin/sh
# The reference output for CitationNotebookTests: pandoc's own citeproc (Chicago author-date,
# pandoc's default) on the same notebook and .bib, as plain text. Run from this folder:
#   sh make-expected.sh > pandoc-expected.txt
pandoc --version | head -1 | sed 's/^/% /'
pandoc --citeproc --wrap=none -t plain citations.md
