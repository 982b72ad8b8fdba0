"""Hot reload, edit to pixels: kview serve against Vite + React Fast Refresh, on one machine.

    .venv/bin/python bench/hmr_bench.py [--edits 30]      (also run by `make bench`)

kview: `kview serve` (a subprocess, port 0) on a temp copy of sample_views, opened in the system
Chromium (Playwright). Each edit changes a visible text — a template (half plain writes, half
write-temp-then-rename), a mock, a component — and is timed from the file written (Python's
``time.time()``) to the new text painted: in the page a MutationObserver sees the text, then a
requestAnimationFrame and a task after it (the frame has been painted) record
``performance.timeOrigin + performance.now()`` (both wall clocks of this machine). Cold start:
process start → the gallery painted with every preview. Click to repaint: bench/interact_bench.py's
counter, in the same browser.

Reference in the same run: Vite + React Fast Refresh on an equivalent app (bench/vite/app, copied
to bench/vite/.run), installed with `npm install --no-audit --no-fund` into bench/vite (git-ignored
node_modules). Without npm (or when the install fails) kview's figures are printed alone, with why.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
VITE_DIR = ROOT / "bench" / "vite"

# In the page: when the watched element's text contains window.__kvWant, stamp the time after the
# next paint into window.__kvGot[want] and resolve window.__kvDone with it. (A function, not an
# expression: kview's CSP forbids eval.)
ARM = """([sel, want]) => {
  window.__kvGot = window.__kvGot || {};
  window.__kvDone = new Promise(r => { window.__kvResolve = r; });
  if (window.__kvObs) window.__kvObs.disconnect();
  const check = () => {
    const el = document.querySelector(sel);
    if (!el || !el.textContent.includes(want) || (want in window.__kvGot)) return;
    requestAnimationFrame(() => { const ch = new MessageChannel();
      ch.port1.onmessage = () => { window.__kvGot[want] = performance.timeOrigin + performance.now();
                                   window.__kvResolve(window.__kvGot[want]); };
      ch.port2.postMessage(0); });
  };
  window.__kvObs = new MutationObserver(check);
  window.__kvObs.observe(document.documentElement, {subtree: true, childList: true, characterData: true, attributes: true});
  check();
}"""
# Waits in the page for the stamp (one pending call, no polling that would load the browser
# while it works), or gives null after ``ms``.
GOT = "ms => Promise.race([window.__kvDone, new Promise(r => setTimeout(() => r(null), ms))])"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def write(path: Path, text: str, atomic: bool) -> float:
    """Write ``text`` (atomic: a temp file renamed onto ``path``); the wall time it was complete."""
    if atomic:
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    else:
        path.write_text(text, encoding="utf-8")
    return time.time()


def measure(page, sel: str, path: Path, make: Callable[[str, int], tuple[str, str]], n: int,
            atomic_every: int = 0) -> list[float]:
    """``n`` edits of ``path``; ``make(original, i) → (new text, visible marker)``; ms each."""
    original = path.read_text(encoding="utf-8")
    out: list[float] = []
    try:
        for i in range(n):
            text, want = make(original, i)
            page.evaluate(ARM, [sel, want])
            t0 = write(path, text, atomic=bool(atomic_every) and i % atomic_every == 1)
            got = page.evaluate(GOT, 10_000)
            if got is None:
                raise RuntimeError(f"edit {i} of {path.name} was not painted within 10 s")
            out.append(got - t0 * 1000)
            # let the tail of the update (fetches, flashes) settle; plus up to one frame (60 Hz) at
            # random, so that the edits do not lock to one phase of the browser's frame clock
            # (a fixed period gave medians a frame apart from one run to the next)
            time.sleep(0.15 + random.random() / 60)
    finally:
        path.write_text(original, encoding="utf-8")
        time.sleep(0.3)
    return out


def stats(ms: list[float]) -> tuple[float, float]:
    ordered = sorted(ms)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


# ---------------------------------------------------------------------- kview
def kview_run(browser, n: int) -> dict[str, object]:
    app = Path(tempfile.mkdtemp(prefix="kview-hmr-")) / "sample_views"
    shutil.copytree(ROOT / "sample_views", app)
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    page = ctx.new_page()
    t_start = time.time()
    proc = subprocess.Popen([sys.executable, "-c", "from devserver.cli import main; main()", "serve", str(app),
                             "--port", "0", "--no-open"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=ROOT)
    try:
        banner = proc.stdout.readline() if proc.stdout else ""
        m = re.search(r"http://[\w.\[\]:]+/", banner)
        if not m:
            raise RuntimeError(f"kview serve printed no URL: {banner!r}")
        expected = len(list((app / "kviews").glob("*.jsx"))) * 2
        page.goto(m.group(0), wait_until="commit")
        page.wait_for_function("n => document.querySelectorAll('.kvg-preview').length >= n", arg=expected,
                               timeout=20_000)
        painted = page.evaluate("""() => new Promise(r => requestAnimationFrame(() => {
            const ch = new MessageChannel(); ch.port1.onmessage = () => r(performance.timeOrigin + performance.now());
            ch.port2.postMessage(0); }))""")
        cold = painted - t_start * 1000
        page.wait_for_selector('#kvg-live[data-state="live"]', timeout=10_000)
        page.evaluate("() => { window.__kvMarker = 1; }")
        sec = 'section[data-view="{}"] .kvg-pane[data-theme="dark"] .kvg-preview'
        template = measure(page, sec.format("loyalty"), app / "kviews" / "loyalty.jsx",
                           lambda s, i: (s.replace("<Segment>", f"<Segment><p>Edit {i} done</p>", 1), f"Edit {i} done"),
                           n, atomic_every=2)
        mock = measure(page, sec.format("recent-orders"), app / "mocks" / "recent-orders.json",
                       lambda s, i: (s.replace('"number": "4417"', f'"number": "{7000 + i}"', 1), f"#{7000 + i}"), n)
        comp = measure(page, sec.format("recent-orders"), app / "components" / "StatusPill.jsx",
                       lambda s, i: (s.replace("text={_.startCase(status)}", f"text={{'C{i} ' + _.startCase(status)}}", 1),
                                     f"C{i} Shipped"), n)
        if page.evaluate("() => window.__kvMarker") != 1:
            raise RuntimeError("the gallery reloaded during the edits (no in-place patch)")
        return {"cold": cold, "template": template, "mock": mock, "component": comp}
    finally:
        ctx.close()
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(app.parent, ignore_errors=True)


# ---------------------------------------------------------------------- Vite
def vite_ready() -> str | None:
    """``None`` when Vite is installed (installing it if needed), else why not."""
    if (VITE_DIR / "node_modules" / "vite" / "bin" / "vite.js").exists():
        return None
    if not shutil.which("npm") or not shutil.which("node"):
        return "npm/node not found"
    done = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error"], cwd=VITE_DIR,
                          capture_output=True, text=True)
    if done.returncode != 0:
        return f"npm install failed: {done.stderr.strip()[-300:]}"
    return None


def vite_run(browser, n: int) -> dict[str, object]:
    run = VITE_DIR / ".run"
    shutil.rmtree(run, ignore_errors=True)
    shutil.copytree(VITE_DIR / "app", run)
    port = free_port()
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    page = ctx.new_page()
    t_start = time.time()
    proc = subprocess.Popen(["node", str(VITE_DIR / "node_modules" / "vite" / "bin" / "vite.js"), "--port", str(port),
                             "--strictPort"], cwd=run, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.time() + 30
        while time.time() < deadline:
            line = proc.stdout.readline() if proc.stdout else ""
            if f":{port}" in line or not line:
                break
        url = f"http://127.0.0.1:{port}/"
        page.goto(url, wait_until="commit")
        page.wait_for_selector("#root li", timeout=30_000)
        painted = page.evaluate("""() => new Promise(r => requestAnimationFrame(() => {
            const ch = new MessageChannel(); ch.port1.onmessage = () => r(performance.timeOrigin + performance.now());
            ch.port2.postMessage(0); }))""")
        cold = painted - t_start * 1000
        time.sleep(0.5)  # the HMR socket is connected
        page.evaluate("() => { window.__kvMarker = 1; }")
        src = run / "src"
        template = measure(page, "#root", src / "App.jsx",
                           lambda s, i: (s.replace("<h2>Recent orders</h2>", f"<h2>Recent orders</h2><p>Edit {i} done</p>", 1),
                                         f"Edit {i} done"), n, atomic_every=2)
        mock = measure(page, "#root", src / "orders.json",
                       lambda s, i: (s.replace('"number": "4417"', f'"number": "{7000 + i}"', 1), f"#{7000 + i}"), n)
        comp = measure(page, "#root", src / "StatusPill.jsx",
                       lambda s, i: (s.replace(">{status}<", f">C{i} {{status}}<", 1), f"C{i} shipped"), n)
        if page.evaluate("() => window.__kvMarker") != 1:
            raise RuntimeError("Vite reloaded the page during the edits (no Fast Refresh)")
        return {"cold": cold, "template": template, "mock": mock, "component": comp}
    finally:
        ctx.close()
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(run, ignore_errors=True)


# ---------------------------------------------------------------------- report
def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=30, help="edits per kind (default 30)")
    parser.add_argument("--no-vite", action="store_true", help="kview's figures only")
    parser.add_argument("--json", action="store_true", help="also print the raw figures as JSON")
    args = parser.parse_args()

    from interact_bench import click_to_repaint  # bench/, this script's folder
    from playwright.sync_api import sync_playwright

    from devserver.snapshot.chromium import launch

    with sync_playwright() as p:
        browser = launch(p)
        try:
            kv = kview_run(browser, args.edits)
            clicks = click_to_repaint(browser, args.edits)["times"]
            why = "--no-vite" if args.no_vite else vite_ready()
            vt = None
            if why is None:
                try:
                    vt = vite_run(browser, args.edits)
                except Exception as exc:  # the reference failing must not hide kview's figures
                    why = f"Vite run failed: {exc}"
        finally:
            browser.close()

    print(f"hot reload, edit → pixels ({args.edits} edits per kind; template: half plain, half atomic saves)")
    head = f"{'':<22}{'kview median':>13}{'p95':>8}"
    print(head + (f"{'vite median':>13}{'p95':>8}{'ratio (median)':>16}" if vt else ""))
    for kind in ("template", "mock", "component"):
        med, p95 = stats(kv[kind])  # type: ignore[arg-type]
        row = f"{kind + ' edit (ms)':<22}{med:>13.1f}{p95:>8.1f}"
        if vt:
            vmed, vp95 = stats(vt[kind])  # type: ignore[arg-type]
            row += f"{vmed:>13.1f}{vp95:>8.1f}{vmed / med:>15.2f}x"
        print(row)
    row = f"{'cold start (ms)':<22}{kv['cold']:>13.0f}{'':>8}"
    if vt:
        row += f"{vt['cold']:>13.0f}{'':>8}{vt['cold'] / kv['cold']:>15.2f}x"  # type: ignore[operator]
    print(row)
    med, p95 = stats(clicks)
    print(f"{'click → repaint (ms)':<22}{med:>13.1f}{p95:>8.1f}")
    if vt:
        print("ratio > 1: kview is faster. Targets: kview median ≤ 25 ms, p95 ≤ 50 ms, cold start ≤ 1500 ms, "
              "click → repaint median ≤ 50 ms.")
    else:
        print(f"no Vite reference: {why}")
    if args.json:
        print(json.dumps({"kview": {**kv, "click": clicks}, "vite": vt}, default=float))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
