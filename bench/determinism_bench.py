"""Snapshot determinism: N consecutive `kview snapshot --force` runs, every shot byte-identical?

    .venv/bin/python bench/determinism_bench.py [--runs 100] [--reference-runs 10]
    (also run by `make bench`, with the defaults)

Each run is a new `kview snapshot DIR --force --format json` process (a new browser, every shot
taken again) on a temp copy of sample_views whose baselines the first run writes; a run passes
when the report calls every shot "identical" (the PNG bytes equal the baseline's). Issue 10's
target: 100 runs, zero shots that are not byte-identical.

Reference in the same run: the same views shot by Playwright alone (a new browser per run,
``page.goto`` of each view's gallery page and ``locator.screenshot()`` with Playwright's defaults),
its PNG bytes compared with its own first run's.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

KVIEW = [sys.executable, "-m", "devserver.cli"]


def snapshot(app: Path, *args: str) -> dict:
    out = subprocess.run([*KVIEW, "snapshot", str(app), "--format", "json", *args],
                         capture_output=True, text=True, cwd=ROOT)
    if out.returncode not in (0, 1):
        raise SystemExit(f"kview snapshot failed ({out.returncode}):\n{out.stderr[-2000:]}")
    return json.loads(out.stdout)


def kview_runs(app: Path, runs: int) -> tuple[int, int, list[str], float]:
    """(shots per run, runs with a shot that is not byte-identical, those shots, seconds per run)."""
    snapshot(app)  # writes the baselines
    bad_runs, bad_shots, seconds = 0, [], 0.0
    shots = 0
    for i in range(runs):
        t0 = time.perf_counter()
        report = snapshot(app, "--force")
        seconds += time.perf_counter() - t0
        shots = len(report["shots"])
        differing = [f"{s['name']} ({s.get('status')}: {s.get('message')})" for s in report["shots"]
                     if s.get("message") != "identical"]
        if differing:
            bad_runs += 1
            bad_shots.extend(f"run {i + 1}: {name}" for name in differing)
            print(f"\n  run {i + 1}: {', '.join(differing)}", file=sys.stderr)
        print(f"\r  kview snapshot --force: run {i + 1}/{runs}, {bad_runs} with a difference", end="",
              file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return shots, bad_runs, bad_shots, seconds / max(runs, 1)


def reference_runs(app: Path, runs: int) -> tuple[int, int]:
    """(shots per run, runs whose bytes differ from the first run's) for Playwright alone."""
    from playwright.sync_api import sync_playwright
    from snapshot_bench import reference_shots  # the same loop as that benchmark's reference

    from devserver.project import Project
    from devserver.snapshot.chromium import launch
    from devserver.web import ServerConfig
    from devserver.web.server import DevServer

    names = [v.name for v in Project(app).views()]
    server = DevServer(ServerConfig(views_dir=app, reload=False), port=0).start()
    first: list[str] | None = None
    differing = 0
    try:
        with sync_playwright() as p:
            for i in range(runs):
                browser = launch(p)
                page = browser.new_page(viewport={"width": 800, "height": 600})
                page.route("https://**/*", lambda route: route.abort())
                digests = [hashlib.sha256(png).hexdigest() for png in reference_shots(page, server.url, names)]
                browser.close()
                if first is None:
                    first = digests
                elif digests != first:
                    differing += 1
                print(f"\r  Playwright alone: run {i + 1}/{runs}, {differing} differing from the first", end="",
                      file=sys.stderr, flush=True)
            print(file=sys.stderr)
    finally:
        server.stop()
    return len(names) * 2, differing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100, help="kview snapshot --force runs (default 100)")
    parser.add_argument("--reference-runs", type=int, default=10,
                        help="Playwright-alone runs for the reference (default 10; 0 skips it)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kview-determinism-"))
    try:
        app = work / "sample_views"
        shutil.copytree(ROOT / "sample_views", app, ignore=shutil.ignore_patterns("__snapshots__"))
        shots, bad_runs, bad_shots, per_run = kview_runs(app, args.runs)
        print(f"kview snapshot --force × {args.runs}: {shots} shots per run, {per_run:.2f} s per run; "
              f"runs with a shot that is not byte-identical: {bad_runs}")
        for line in bad_shots[:20]:
            print(f"  {line}")
        if args.reference_runs > 1:
            ref_shots, ref_differing = reference_runs(app, args.reference_runs)
            print(f"Playwright alone × {args.reference_runs}: {ref_shots} shots per run; runs whose PNG bytes "
                  f"differ from its first run: {ref_differing}")
        print("Target (issue 10): 100 consecutive runs give byte-identical PNGs (0 runs with a difference).")
        sys.exit(1 if bad_runs else 0)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
