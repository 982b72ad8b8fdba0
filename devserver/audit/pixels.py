"""Colours read from pixels, for what the cascade cannot tell: the median colour of a box of a
screenshot (the background under text made transparent), and how far an image's pixels stand
out from the background behind it."""

from __future__ import annotations

import io
from functools import lru_cache
from typing import Any

import numpy as np
from PIL import Image

from .color import luminance


@lru_cache(maxsize=8)
def decode(png: bytes) -> Any:
    """The RGB array (height × width × 3) of a PNG."""
    with Image.open(io.BytesIO(png)) as img:
        return np.asarray(img.convert("RGB"), dtype=np.float64)


def _box(pixels: Any, rect: dict[str, float]) -> Any:
    h, w = pixels.shape[:2]
    x0, y0 = max(0, int(rect["x"])), max(0, int(rect["y"]))
    x1, y1 = min(w, int(np.ceil(rect["x"] + rect["w"]))), min(h, int(np.ceil(rect["y"] + rect["h"])))
    return pixels[y0:y1, x0:x1].reshape(-1, 3)


def median(png: bytes, rect: dict[str, float]) -> tuple[float, float, float, float] | None:
    """The median colour (per channel) of ``rect`` in ``png``, opaque; ``None`` off the picture."""
    box = _box(decode(png), rect)
    if not len(box):
        return None
    r, g, b = (float(v) for v in np.median(box, axis=0))
    return (r, g, b, 1.0)


def _luminance(rgb: Any) -> Any:
    c = rgb / 255
    lin = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return lin @ np.array([0.2126, 0.7152, 0.0722])


def visibility(png: bytes, rect: dict[str, float], background: tuple[float, ...]) -> float:
    """How far the most visible part of ``rect`` in ``png`` stands out from ``background``: the
    98th percentile of the pixels' WCAG contrast with it (1: nothing shows)."""
    box = _box(decode(png), rect)
    if not len(box):
        return 21.0
    lum = _luminance(box)
    bg = luminance(background)
    ratios = (np.maximum(lum, bg) + 0.05) / (np.minimum(lum, bg) + 0.05)
    return float(np.percentile(ratios, 98))
