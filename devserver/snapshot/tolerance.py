"""How different a shot may be from its baseline and still pass: Playwright's options, kept apart
from the comparison itself so that reading them needs none of the snapshot extra's packages."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Tolerance:
    """Playwright's ``toHaveScreenshot`` options (``threshold``, ``maxDiffPixels``, ``maxDiffPixelRatio``)."""

    threshold: float = 0.2
    max_diff_pixels: int | None = None
    max_diff_pixel_ratio: float | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.threshold <= 1:
            raise ValueError(f"threshold must be between 0 and 1, not {self.threshold}")
        if self.max_diff_pixels is not None and self.max_diff_pixels < 0:
            raise ValueError(f"max_diff_pixels must be 0 or more, not {self.max_diff_pixels}")
        if self.max_diff_pixel_ratio is not None and not 0 <= self.max_diff_pixel_ratio <= 1:
            raise ValueError(f"max_diff_pixel_ratio must be between 0 and 1, not {self.max_diff_pixel_ratio}")

    def allowed(self, total: int) -> int:
        """How many differing pixels pass, for an image of ``total`` pixels."""
        by_count = self.max_diff_pixels
        by_ratio = None if self.max_diff_pixel_ratio is None else total * self.max_diff_pixel_ratio
        if by_count is not None and by_ratio is not None:
            return math.floor(max(by_count, by_ratio))
        bound = by_count if by_count is not None else by_ratio
        return 0 if bound is None else math.floor(bound)
