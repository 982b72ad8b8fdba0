"""Visual snapshots: `kview snapshot` against a plain Playwright screenshot loop, on one machine.

    .venv/bin/python bench/snapshot_bench.py        (also run by `make bench`)

For the sample app and for a generated app of 40 views (the sample's templates, repeated), each
in light and dark:

- whole command, first run (writes the baselines), every shot taken again and compared
  (``--force``), and an unchanged run (no input changed: no browser);
- shots per second of the forced run;
- one comparison: an identical shot (the bytes decide) and a full 1920×1080 pixel diff.

Reference in the same run: what a test suite written with Playwright alone does, one
``page.goto`` of the view's gallery page per shot and ``page.screenshot``, in the same Chromium,
against a running dev server. Targets (issue 10): 40 views × 2 themes ≤ 10 s; unchanged ≤ 1 s;
identical decision < 1 ms; full-HD diff ≤ 60 ms.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GENERATED_VIEWS = 40
KVIEW = [sys.executable, "-m", "devserver.cli"]


def generated_app(dest: Path) -> Path:
    """sample_views with its views repeated up to ``GENERATED_VIEWS`` (each copy a new name,
    a different heading, so no two shots are equal)."""
    shutil.copytree(ROOT / "sample_views", dest)
    kviews = dest / "kviews"
    sources = sorted(p for p in kviews.glob("*.jsx"))
    n, i = len(sources), 0
    while n < GENERATED_VIEWS:
        src = sources[i % len(sources)]
        name = f"{src.stem}-{n}"
        text = src.read_text(encoding="utf-8")
        (kviews / f"{name}.jsx").write_text(text, encoding="utf-8")
        meta = src.with_suffix(".json")
        if meta.is_file():
            data = json.loads(meta.read_text(encoding="utf-8"))
            data.setdefault("meta", {})["displayName"] = f"Copy {n} of {src.stem}"
            data.pop("name", None)
            (kviews / f"{name}.json").write_text(json.dumps(data), encoding="utf-8")
        mock = dest / "mocks" / f"{src.stem}.json"
        if mock.is_file():
            shutil.copy(mock, dest / "mocks" / f"{name}.json")
        n, i = n + 1, i + 1
    return dest


def timed(args: list[str]) -> tuple[float, dict]:
    t0 = time.perf_counter()
    out = subprocess.run([*KVIEW, *args, "--format", "json"], capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - t0
    if out.returncode not in (0, 1):
        raise SystemExit(f"kview {' '.join(args)} failed ({out.returncode}):\n{out.stderr[-2000:]}")
    return seconds, json.loads(out.stdout)


def playwright_loop(app: Path) -> tuple[int, float]:
    """The reference: a dev server, and one navigation and one screenshot per view × theme."""
    from playwright.sync_api import sync_playwright

    from devserver.project import Project
    from devserver.snapshot.chromium import launch
    from devserver.web import ServerConfig
    from devserver.web.server import DevServer

    names = [v.name for v in Project(app).views()]
    server = DevServer(ServerConfig(views_dir=app, reload=False), port=0).start()
    try:
        with sync_playwright() as p:
            browser = launch(p)
            page = browser.new_page(viewport={"width": 800, "height": 600})
            page.route("https://**/*", lambda route: route.abort())
            t0 = time.perf_counter()
            reference_shots(page, server.url, names)
            seconds = time.perf_counter() - t0
            browser.close()
    finally:
        server.stop()
    return len(names) * 2, seconds


def reference_shots(page, url: str, names: list[str]) -> list[bytes]:
    """What a Playwright-only suite does: per view × theme, ``page.goto`` its gallery page and
    ``locator.screenshot()`` its preview with Playwright's defaults; the PNGs."""
    pngs = []
    for name in names:
        for theme in ("light", "dark"):
            page.goto(f"{url}view/{name}?theme={theme}", wait_until="load")
            pngs.append(page.locator(f'.kvg-pane[data-theme="{theme}"] .kvg-preview').first.screenshot())
    return pngs


def comparisons() -> tuple[float, float]:
    """ms for an identical-shot decision, and for a full 1920×1080 diff (one line of text moved)."""
    import numpy as np

    from devserver.snapshot.compare import compare, encode

    rng = np.random.default_rng(7)
    base = np.full((1080, 1920, 4), 255, dtype=np.uint8)
    base[::40, :, :3] = rng.integers(0, 255, (27, 1920, 3), dtype=np.uint8)  # some structure
    moved = base.copy()
    moved[500:520, 100:900, :3] = 20
    a, b = encode(base), encode(moved)
    same = bytes(a)
    runs = 2000
    t0 = time.perf_counter()
    for _ in range(runs):
        assert compare(a, same).identical
    identical_ms = (time.perf_counter() - t0) * 1000 / runs
    diffs = []
    for _ in range(10):
        t0 = time.perf_counter()
        result = compare(b, a)
        diffs.append((time.perf_counter() - t0) * 1000)
        assert not result.matches
    return identical_ms, statistics.median(diffs)


def bench_app(label: str, app: Path) -> None:
    workers = str(os.cpu_count() or 1)
    first, report = timed(["snapshot", str(app), "--workers", workers])
    shots = len(report["shots"])
    forced, report = timed(["snapshot", str(app), "--workers", workers, "--force"])
    assert report["ok"], report
    unchanged, _ = timed(["snapshot", str(app), "--workers", workers])
    ref_shots, ref_seconds = playwright_loop(app)
    rate, ref_rate = shots / forced, ref_shots / ref_seconds
    print(f"{label}: {shots} shots")
    print(f"  first run (writes baselines)   {first:6.2f} s")
    print(f"  every shot again (--force)     {forced:6.2f} s   {rate:6.1f} shots/s (whole command)")
    print(f"  unchanged run                  {unchanged:6.2f} s")
    print(f"  Playwright alone (goto + screenshot per shot, shots only): {ref_rate:6.1f} shots/s"
          f" → kview's whole command is {rate / ref_rate:.1f}× its rate")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample"
        shutil.copytree(ROOT / "sample_views", sample)
        shutil.rmtree(sample / "__snapshots__", ignore_errors=True)
        bench_app("sample_views", sample)
        big = generated_app(Path(tmp) / "generated")
        shutil.rmtree(big / "__snapshots__", ignore_errors=True)
        bench_app(f"generated app ({GENERATED_VIEWS} views)", big)
    identical_ms, diff_ms = comparisons()
    print(f"comparison: identical shot {identical_ms * 1000:.1f} µs   full 1920×1080 diff {diff_ms:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
