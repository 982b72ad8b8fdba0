"""The picture of a failed comparison as pixelmatch draws it (a faded grey copy of the expected
image, red where pixels differ, yellow where they differ by anti-aliasing only), with pixelmatch
run only around the pixels that differ (``compare``) and the grey everywhere else made here in
Pillow's C loops: 10 ms for full HD where pixelmatch's own loop took 15, and a row equal to the
one above it (half of a UI shot's rows) is not made twice.

The grey is pixelmatch's ``drawGrayPixel``: the YIQ luma ``0.29889531 r + 0.58662247 g +
0.11448223 b`` in float32, truncated, blended with white at ``alpha`` 0.1 (its default, which
``compare`` keeps). Pillow's matrix conversion computes the same float32 sum (its ``- 0.5`` offset
and its ``+ 0.5`` rounding cancel exactly) and a 256-entry table does the blend; the tests check
all 2²⁴ opaque colours against pixelmatch. An image with transparent pixels takes pixelmatch's
own grey (its loop over two identical images), as the blend then depends on alpha.

The PNG is 8-bit palette: grey ``v`` is index ``v`` (never below 229 at alpha 0.1), which leaves
indices 0 and 1 for the two colours; a quarter of RGBA's bytes to compress.
"""

from __future__ import annotations

import numpy as np
import pybind11_pixelmatch as pixelmatch
from PIL import Image

from .pngio import palette_png

_LUMA = (0.29889531, 0.58662247, 0.11448223, -0.5)  # pixelmatch's rgb2y; see the module
_F = np.float32
# blend(c, alpha · 255 / 255) for each truncated luma c, in pixelmatch's float32 steps
_FADE = (_F(255) + (np.arange(256, dtype=_F) - _F(255)) * (_F(0.1) * _F(255) / _F(255))).astype(np.uint8)
DIFF, AA = 0, 1  # palette indices of pixelmatch's diffColor (red) and aaColor (yellow)
_PALETTE = bytes([255, 0, 0, 255, 255, 0]) + bytes(np.repeat(np.arange(2, 256, dtype=np.uint8), 3))


def png(expected: np.ndarray, patch: np.ndarray | None, corner: tuple[int, int]) -> bytes:
    """The diff PNG: ``expected`` (RGBA) faded, under pixelmatch's output ``patch`` (RGBA) laid
    with its top left at ``corner`` (x, y)."""
    whole = patch is not None and patch.shape == expected.shape
    indices = np.empty(expected.shape[:2], dtype=np.uint8) if whole else faded(expected)
    if patch is not None:
        x, y = corner
        g, b = patch[..., 1], patch[..., 2]
        colour = np.where(g == 0, DIFF, AA)  # red or yellow, where blue is 0: a grey never is
        indices[y : y + patch.shape[0], x : x + patch.shape[1]] = np.where(b == 0, colour, patch[..., 0])
    return palette_png(indices, _PALETTE)


def faded(rgba: np.ndarray) -> np.ndarray:
    """pixelmatch's grey for each pixel of ``rgba``: a writable (height, width) uint8 array;
    a row equal to the one above it takes that row's grey."""
    pixels = rgba.view(np.uint32)[..., 0]
    new = np.empty(len(pixels), dtype=bool)
    new[0] = True
    np.any(pixels[1:] != pixels[:-1], axis=1, out=new[1:])
    distinct = np.ascontiguousarray(rgba[new])
    return _grey(distinct)[np.cumsum(new) - 1]


def _grey(rgba: np.ndarray) -> np.ndarray:
    if rgba[..., 3].min() < 255:
        out = np.empty_like(rgba)
        pixelmatch.pixelmatch(rgba, rgba, output=out)  # identical images: all grey
        return out[..., 0]
    img = Image.frombuffer("RGBA", (rgba.shape[1], rgba.shape[0]), rgba, "raw", "RGBA", 0, 1)
    return np.asarray(img.convert("RGB").convert("L", matrix=_LUMA).point(_FADE.tolist()))
