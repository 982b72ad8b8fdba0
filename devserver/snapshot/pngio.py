"""PNG bytes to pixels and back, for the comparison; fast where a shot is a plain PNG.

Decoding a full-HD shot is mostly inflating its image data: zlib takes 29 ms of it (most of
Pillow's 38 ms decode, and of libspng's 25 with its bundled zlib), zlib-ng 3 ms, letting go of
the GIL, so that ``compare``'s two decodes overlap. A plain PNG (8-bit RGB or RGBA, not
interlaced, no tRNS chunk: what Chromium and Pillow write) is therefore inflated by zlib-ng and
its scanlines handed to libspng (``pyspng``) stored (deflate level 0: nothing left to inflate),
which undoes the row filters in 5 ms. libspng would ignore a tRNS chunk, which Pillow applies;
any other PNG, and one that fails on the way, is decoded by Pillow as before (whose error then
says what is wrong).

The diff picture is written here too: 8-bit palette, no row filter, zlib-ng's run-length
strategy: 1.5 ms for full HD, where Pillow's RGBA PNG at level 1 took 44.
"""

from __future__ import annotations

import io
import struct
from typing import cast

import numpy as np
import pyspng
from PIL import Image
from zlib_ng import zlib_ng

SIGNATURE = b"\x89PNG\r\n\x1a\n"
_IEND = struct.pack(">I4sI", 0, b"IEND", zlib_ng.crc32(b"IEND"))
_INFLATE_ERROR = cast(type[Exception], zlib_ng.error)  # its stub declares an instance


def decode(png: bytes) -> np.ndarray:
    """RGBA pixels, uint8, (height, width, 4)."""
    stored = _stored(png)
    if stored is not None:
        try:
            return pyspng.load(stored, "RGBA")
        except RuntimeError:
            pass
    with Image.open(io.BytesIO(png)) as img:
        rgba = img if img.mode == "RGBA" else img.convert("RGBA")
        return np.asarray(rgba)  # contiguous, read-only (np.array() is five times slower)


def encode(rgba: np.ndarray, *, fast: bool = False) -> bytes:
    """PNG bytes by Pillow; ``fast`` trades size for time."""
    buf = io.BytesIO()
    Image.fromarray(rgba).save(buf, format="PNG", compress_level=1 if fast else 6)
    return buf.getvalue()


def palette_png(indices: np.ndarray, palette: bytes) -> bytes:
    """An 8-bit palette PNG of ``indices`` (height, width) with ``palette`` (RGB triples)."""
    height, width = indices.shape
    rows = np.zeros((height, width + 1), dtype=np.uint8)  # filter byte 0 (none), then the row
    rows[:, 1:] = indices
    deflate = zlib_ng.compressobj(1, zlib_ng.DEFLATED, 15, 8, zlib_ng.Z_RLE)
    data = deflate.compress(rows) + deflate.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0)
    return b"".join((SIGNATURE, _chunk(b"IHDR", header), _chunk(b"PLTE", palette), _chunk(b"IDAT", data), _IEND))


def _stored(png: bytes) -> bytes | None:
    """``png`` with its image data inflated and stored again, if it is plain (see the module)."""
    if len(png) < 33 or png[:8] != SIGNATURE or png[8:16] != b"\0\0\0\rIHDR":
        return None
    width, height, depth, colour, _, _, interlace = struct.unpack_from(">IIBBBBB", png, 16)
    if depth != 8 or colour not in (2, 6) or interlace != 0:
        return None
    if Image.MAX_IMAGE_PIXELS is not None and width * height > Image.MAX_IMAGE_PIXELS:
        return None  # Pillow's decompression-bomb check stays Pillow's
    data: list[bytes] = []
    at = 33
    while at + 8 <= len(png):
        length, kind = struct.unpack_from(">I4s", png, at)
        if kind == b"tRNS":
            return None
        if kind == b"IDAT":
            data.append(png[at + 8 : at + 8 + length])
        elif kind == b"IEND":
            break
        at += 12 + length
    size = height * (1 + width * (4 if colour == 6 else 3))
    try:
        raw = zlib_ng.decompress(b"".join(data), bufsize=size + 1)
    except _INFLATE_ERROR:
        return None
    if len(raw) != size:
        return None
    stored = zlib_ng.compress(raw, 0)
    crc = zlib_ng.crc32(stored, zlib_ng.crc32(b"IDAT"))
    return b"".join((png[:33], struct.pack(">I4s", len(stored), b"IDAT"), stored, struct.pack(">I", crc), _IEND))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return b"".join((struct.pack(">I4s", len(data), kind), data, struct.pack(">I", zlib_ng.crc32(data, zlib_ng.crc32(kind)))))
