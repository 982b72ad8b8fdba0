"""Is a new shot the baseline? Identical bytes say yes at once (no decoding); otherwise
pixelmatch (the compiled ``pybind11_pixelmatch``, the algorithm Playwright uses: a YIQ colour
distance with anti-aliasing detection) counts the differing pixels, and Playwright's rules decide:
``threshold`` (0–1, default 0.2) is how far a pixel's colour may move, ``max_diff_pixels`` and
``max_diff_pixel_ratio`` how many pixels may differ (the larger bound wins when both are given;
by default none may). Images of different sizes never match; their diff spans both.

pixelmatch runs only on the box around the pixels whose bytes differ, widened by ``MARGIN``:
elsewhere it would find nothing and draw only grey, which ``diffimage`` draws faster. Its
anti-aliasing test of a differing pixel reads the pixel's neighbours and their neighbours, two
pixels away, and treats the image's edge apart; the margin keeps both as on the whole image.

numpy, Pillow, pyspng, zlib-ng and pybind11_pixelmatch are the ``snapshot`` extra: imported by
this module and its helpers (``pngio``, ``diffimage``) only, and these only when a comparison is
needed.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache

import numpy as np
import pybind11_pixelmatch as pixelmatch

from . import diffimage
from .pngio import decode, encode
from .tolerance import Tolerance

__all__ = ["Comparison", "compare", "decode", "diff_pixels", "encode"]

MARGIN = 2  # pixels around the differing ones that pixelmatch's anti-aliasing test reads


@dataclass(frozen=True)
class Comparison:
    matches: bool
    identical: bool  # the same bytes (no pixel was looked at)
    diff_pixels: int = 0
    total_pixels: int = 0
    size: tuple[int, int] = (0, 0)  # the actual image's (width, height)
    expected_size: tuple[int, int] = (0, 0)
    diff_png: bytes | None = None  # red where pixels differ over a faded copy of the expected

    @property
    def message(self) -> str:
        if self.identical:
            return "identical"
        if self.size != self.expected_size:
            return (f"size changed: expected {self.expected_size[0]}×{self.expected_size[1]}, "
                    f"got {self.size[0]}×{self.size[1]}")
        ratio = self.diff_pixels / self.total_pixels if self.total_pixels else 0.0
        return f"{self.diff_pixels} pixels differ ({ratio:.2%} of the image)"


def compare(actual: bytes, expected: bytes, tolerance: Tolerance | None = None) -> Comparison:
    """``actual`` against ``expected`` (both PNG bytes) under ``tolerance``."""
    if actual == expected:
        return Comparison(True, True)
    tol = tolerance or Tolerance()
    # side by side: inflating, most of a decode, lets go of the GIL
    later = _decoder().submit(decode, expected)
    a = decode(actual)
    e = later.result()
    size, expected_size = (a.shape[1], a.shape[0]), (e.shape[1], e.shape[0])
    if size != expected_size:  # both on one canvas: every pixel outside the other counts
        height, width = max(a.shape[0], e.shape[0]), max(a.shape[1], e.shape[1])
        a, e = _pad(a, height, width), _pad(e, height, width)
    count, patch, corner = 0, None, (0, 0)
    box = _changed(a, e)
    if box is not None:
        (top, bottom), (left, right) = ((max(lo - MARGIN, 0), min(hi + MARGIN, n))
                                        for (lo, hi), n in zip(box, a.shape))
        corner = (left, top)
        count, patch = diff_pixels(a[top:bottom, left:right], e[top:bottom, left:right], tol.threshold)
    total = a.shape[0] * a.shape[1]
    ok = size == expected_size and count <= tol.allowed(total)
    diff = None if ok else diffimage.png(e, patch, corner)
    return Comparison(ok, False, count, total, size, expected_size, diff)


def diff_pixels(actual: np.ndarray, expected: np.ndarray, threshold: float) -> tuple[int, np.ndarray]:
    """pixelmatch of two RGBA arrays of one shape: (differing pixels, the diff image)."""
    options = pixelmatch.Options()
    options.threshold = threshold
    options.includeAA = False  # anti-aliased pixels are detected and not counted (Playwright's default)
    out = np.zeros_like(expected)
    count = pixelmatch.pixelmatch(np.ascontiguousarray(expected), np.ascontiguousarray(actual),
                                  output=out, options=options)
    return int(count), out


@cache
def _decoder() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(1, thread_name_prefix="kview-decode")


def _changed(a: np.ndarray, e: np.ndarray) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The rows and the columns, each as [first, last + 1), that hold a pixel whose bytes differ."""
    differs = a.view(np.uint32)[..., 0] != e.view(np.uint32)[..., 0]
    rows = np.flatnonzero(differs.any(axis=1))
    if not len(rows):
        return None
    cols = np.flatnonzero(differs[rows[0] : rows[-1] + 1].any(axis=0))
    return (int(rows[0]), int(rows[-1]) + 1), (int(cols[0]), int(cols[-1]) + 1)


def _pad(img: np.ndarray, height: int, width: int) -> np.ndarray:
    out = np.zeros((height, width, 4), dtype=np.uint8)
    out[: img.shape[0], : img.shape[1]] = img
    return out
