#!/usr/bin/env python3
"""Write notebooks/data/old-faithful.csv: R's `faithful` data set (272 eruptions of Old
Faithful geyser, Yellowstone; public domain), as shipped in the plotnine wheel on PyPI.

Usage (needs only pip, and only to download the wheel; nothing is installed):

    python3 -m pip download plotnine==0.15.9 --no-deps -d /tmp/wheels
    python3 scripts/extract-faithful.py /tmp/wheels/plotnine-0.15.9-py3-none-any.whl

The script copies the rows unchanged and writes the header without quotes; it checks the
row count and the first rows against R's documented values.
"""
import csv
import io
import pathlib
import sys
import zipfile

wheel = sys.argv[1]
with zipfile.ZipFile(wheel) as archive:
    text = archive.read("plotnine/data/faithful.csv").decode("utf-8")

rows = list(csv.reader(io.StringIO(text)))
header, data = rows[0], rows[1:]
assert header == ["eruptions", "waiting"], header
assert len(data) == 272, len(data)
# R's ?faithful prints these first rows.
assert data[0] == ["3.600", "79"] and data[1] == ["1.800", "54"], data[:2]

out = pathlib.Path(__file__).resolve().parent.parent / "notebooks" / "data" / "old-faithful.csv"
with out.open("w", newline="") as f:
    f.write("eruptions,waiting\n")
    for eruptions, waiting in data:
        f.write(f"{eruptions},{waiting}\n")
print(f"wrote {out} ({len(data)} rows)")
