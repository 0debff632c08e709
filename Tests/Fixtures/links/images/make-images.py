"""Writes the fixture images of Tests/Fixtures/links (run from this folder; output is fixed).

dot.png: an 8x8 red RGB PNG (zlib, no filter); square.gif: a 1x1 grey GIF89a;
circle.svg: a circle with a script and an onload handler, which an <img> never runs.
"""
import struct
import zlib


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


rows = b"".join(b"\x00" + b"\xd5\x5e\x00" * 8 for _ in range(8))
png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
       + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))
open("dot.png", "wb").write(png)

gif = (b"GIF89a" + struct.pack("<HHBBB", 1, 1, 0x80, 0, 0) + b"\x80\x80\x80\x00\x00\x00"
       + b"\x2c" + struct.pack("<HHHHB", 0, 0, 1, 1, 0) + b"\x02\x02\x44\x01\x00\x3b")
open("square.gif", "wb").write(gif)

open("circle.svg", "w").write(
    '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20" onload="alert(1)">'
    '<script>alert(2)</script><circle cx="10" cy="10" r="8" fill="#0072B2"/></svg>\n')
