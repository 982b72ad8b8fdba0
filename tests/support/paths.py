"""Where the checkout and the workplace's shared/ folder (the public corpus) is, wherever the checkout lives.

CI clones the repository into another folder with a copy of shared/ beside it; developers have
it beside main/. ``KVIEW_SHARED`` overrides both.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the checkout


def shared_dir() -> Path:
    candidates = [os.environ.get("KVIEW_SHARED"), ROOT.parent / "shared", "/work/shared"]
    for c in candidates:
        if c and (Path(c) / "corpus" / "public").is_dir():
            return Path(c)
    raise RuntimeError("the shared/ folder with corpus/public was not found beside the checkout (set KVIEW_SHARED)")


CORPUS = shared_dir() / "corpus" / "public"
