#!/usr/bin/env python3
"""Writes the PNGs of the bad-image cases (tests/bad/*-png): chunks that are well framed (right
lengths, right CRCs) around content a decoder must refuse, the kind that made libharu's libpng
abort the process, and a valid interlaced one. Only needed to remake them; they are committed."""
import struct
import zlib
from pathlib import Path


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def png(ihdr, idat, interlace=0):
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + b"".join(chunk(b"IDAT", d) for d in idat) +
            chunk(b"IEND", b""))


def rows(width, height, pixel):
    raw = bytearray()
    for y in range(height):
        raw.append(0)
        for x in range(width):
            raw.extend(pixel(x, y))
    return bytes(raw)


def red_disc(x, y):
    inside = (x - 31.5) ** 2 + (y - 31.5) ** 2 < 30 ** 2
    return (200, 0, 0, 255) if inside else (255, 255, 255, 0)


here = Path(__file__).parent
good = rows(64, 64, red_disc)
header = struct.pack(">IIBBBBB", 64, 64, 8, 6, 0, 0, 0)
# The compressed rows with bytes in the middle changed: a valid zlib frame no longer.
damaged = bytearray(zlib.compress(good, 9))
for k in range(40, 60):
    damaged[k] ^= 0x5A
(here / "damaged-idat-png" / "emblem.png").write_bytes(png(header, [bytes(damaged)]))
# Half the rows: the image data ends early.
(here / "short-idat-png" / "emblem.png").write_bytes(png(header, [zlib.compress(good[: len(good) // 2], 9)]))
# An IHDR of colour type 5, which PNG does not have.
(here / "bad-ihdr-png" / "emblem.png").write_bytes(
    png(struct.pack(">IIBBBBB", 64, 64, 8, 5, 0, 0, 0), [zlib.compress(good, 9)]))
# 20,000 × 20,000 pixels of grey in 1 MB: refused from its header, before decoding.
side = 20000
row = b"\x00" + b"\x80" * side
compressor = zlib.compressobj(9)
big = compressor.compress(row * 64)
big += compressor.flush(zlib.Z_FULL_FLUSH)
(here / "huge-png" / "emblem.png").write_bytes(
    png(struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0), [big]))
# 1,500 × 1 pixels of grey: a side longer than --max-image-mp 0.001 (1,000 pixels) allows.
(here / "png-wider-than-limit" / "emblem.png").write_bytes(
    png(struct.pack(">IIBBBBB", 1500, 1, 8, 0, 0, 0, 0), [zlib.compress(b"\x00" + b"\x80" * 1500, 9)]))


def adam7(width, height, pixel):
    """The seven passes of Adam7 interlacing, each its own rows with filter bytes."""
    passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
    raw = bytearray()
    for x0, y0, dx, dy in passes:
        xs = list(range(x0, width, dx))
        for y in range(y0, height, dy):
            if not xs:
                continue
            raw.append(0)
            for x in xs:
                raw.extend(pixel(x, y))
    return bytes(raw)


(here / "interlaced-png" / "emblem.png").write_bytes(
    png(struct.pack(">IIBBBBB", 64, 64, 8, 6, 0, 0, 1), [zlib.compress(adam7(64, 64, red_disc), 9)]))
