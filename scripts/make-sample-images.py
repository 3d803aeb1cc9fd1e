#!/usr/bin/env python3
"""Draws the sample signature and seal PNGs in samples/layout/images/ (RGBA, transparent
background): a blue handwritten-like stroke and a red round seal with a star, as Decree 30
asks of electronic signature images. Only needed to redraw them; they are committed."""
import math
import struct
import subprocess
import sys
import zlib
from pathlib import Path


def write_png(path, width, height, pixels):
    """pixels: function (x, y) -> (r, g, b, a)."""
    raw = bytearray()
    for y in range(height):
        raw.append(0)
        for x in range(width):
            raw.extend(pixels(x, y))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b"")
    Path(path).write_bytes(png)


def signature(x, y):
    # Two loops and a long underline stroke, 3 px wide, in ink blue.
    w, h = 240, 96
    u = x / w
    curves = [
        h * 0.5 + h * 0.3 * math.sin(u * math.pi * 5) * (1 - u * 0.6),
        h * 0.55 + h * 0.18 * math.cos(u * math.pi * 9 + 1),
        h * 0.82 - u * 10,
    ]
    near = min(abs(y - c) for c in curves[:2]) if u < 0.8 else abs(y - curves[0])
    if 0.1 < u < 0.95:
        near = min(near, abs(y - curves[2]))
    alpha = max(0.0, min(1.0, 2.2 - near))
    return (20, 50, 170, int(alpha * 255))


def seal(x, y):
    # A ring, an inner ring and a five-pointed star, in seal red.
    size = 180
    cx = cy = (size - 1) / 2
    r = math.hypot(x - cx, y - cy)
    ink = 0.0
    for ring, width in ((86, 4), (62, 2)):
        ink = max(ink, max(0.0, 1 - abs(r - ring) / width))
    angle = math.atan2(y - cy, x - cx) + math.pi / 2
    star = 22 / (math.cos((angle % (2 * math.pi / 5)) - math.pi / 5) + 1e-9) * 0.55 + 8
    if r < star:
        ink = 1.0
    if 66 < r < 82 and int((math.degrees(angle) % 360) / 9) % 2 == 0:
        ink = max(ink, 0.55)  # the lettering band, suggested by dashes
    return (200, 20, 30, int(min(ink, 1.0) * 230))


def portrait(x, y):
    # A head and shoulders in grey on a light blue ground, as on an ID photo (ảnh thẻ 3 x 4).
    w, h = 150, 200
    head = math.hypot((x - w / 2) / 34, (y - 78) / 42)
    shoulders = (y > 130) and abs(x - w / 2) < 30 + (y - 130) * 0.9
    if head < 1 or shoulders:
        shade = 90 + int(40 * (1 - min(head, 1)))
        return (shade, shade, shade + 10)
    return (200 - y // 4, 220 - y // 5, 245)


def write_jpeg(path, width, height, pixels):
    """pixels: function (x, y) -> (r, g, b)."""
    ppm = f"P6 {width} {height} 255\n".encode() + bytes(c for y in range(height) for x in range(width) for c in pixels(x, y))
    jpeg = subprocess.run(["cjpeg", "-quality", "80", "-optimize"], input=ppm, capture_output=True, check=True).stdout
    Path(path).write_bytes(jpeg)


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "samples/layout/images")
    out.mkdir(parents=True, exist_ok=True)
    write_png(out / "chu-ky.png", 240, 96, signature)
    write_png(out / "con-dau.png", 180, 180, seal)
    write_jpeg(out / "anh-the.jpg", 150, 200, portrait)
