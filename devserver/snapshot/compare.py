"""Is a new shot the baseline? Identical bytes say yes at once (no decoding); otherwise
pixelmatch (the compiled ``pybind11_pixelmatch``, the algorithm Playwright uses: a YIQ colour
distance with anti-aliasing detection) counts the differing pixels, and Playwright's rules decide:
``threshold`` (0–1, default 0.2) is how far a pixel's colour may move, ``max_diff_pixels`` and
``max_diff_pixel_ratio`` how many pixels may differ (the larger bound wins when both are given;
by default none may). Images of different sizes never match; their diff spans both.

numpy, Pillow and pybind11_pixelmatch are the ``snapshot`` extra: imported here only, and this
module only when a comparison is needed.
"""

from __future__ import annotations

import io
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache

import numpy as np
import pybind11_pixelmatch as pixelmatch
from PIL import Image

from .tolerance import Tolerance


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
    # the two decodes (zlib, which lets go of the GIL) side by side: most of a diff's time
    later = _decoder().submit(decode, expected)
    a = decode(actual)
    e = later.result()
    size, expected_size = (a.shape[1], a.shape[0]), (e.shape[1], e.shape[0])
    if size != expected_size:  # both on one canvas: every pixel outside the other counts
        height, width = max(a.shape[0], e.shape[0]), max(a.shape[1], e.shape[1])
        a, e = _pad(a, height, width), _pad(e, height, width)
    count, diff = diff_pixels(a, e, tol.threshold)
    total = a.shape[0] * a.shape[1]
    ok = size == expected_size and count <= tol.allowed(total)
    return Comparison(ok, False, count, total, size, expected_size, None if ok else encode(diff, fast=True))


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


def decode(png: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(png)) as img:
        rgba = img if img.mode == "RGBA" else img.convert("RGBA")
        return np.asarray(rgba)  # uint8, contiguous, read-only (np.array() is five times slower)


def encode(rgba: np.ndarray, *, fast: bool = False) -> bytes:
    """PNG bytes; ``fast`` trades size for time (a diff image is looked at once)."""
    buf = io.BytesIO()
    Image.fromarray(rgba).save(buf, format="PNG", compress_level=1 if fast else 6)
    return buf.getvalue()


def _pad(img: np.ndarray, height: int, width: int) -> np.ndarray:
    out = np.zeros((height, width, 4), dtype=np.uint8)
    out[: img.shape[0], : img.shape[1]] = img
    return out
