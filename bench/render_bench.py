"""Render speed: kview (compiled, warm) against React's renderToStaticMarkup in Node, same run.

Prints the median render time of a 200-order template in both, their ratio (target ≤ 2), and
parse+compile time of the largest template in the public corpus. Run: ``make bench``.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from renderer import prepare_data, render  # noqa: E402
from renderer.view import ViewCache  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "60"))
CORPUS = Path(os.environ.get("KVIEW_SHARED") or ROOT.parent / "shared") / "corpus" / "public"


def orders_data(n: int = 200) -> dict:
    rng = random.Random(7)
    statuses = ["open", "shipped", "in_transit", "cancelled", "delivered"]
    orders = [
        {
            "id": f"{i:024x}",
            "number": 4400 + i,
            "title": rng.choice(["Walnut desk organiser", "Espresso cups (set of 4)", "Linen throw blanket, oat"]),
            "status": rng.choice(statuses),
            "totalNum": round(rng.uniform(5, 400), 2),
            "items": rng.sample(["cup", "mug", "desk", "lamp", "rug"], rng.randint(1, 3)),
            "shipped": rng.random() < 0.5,
        }
        for i in range(n)
    ]
    return {"customer": {"name": "Ada Lovelace"}, "orders": orders}


def bench_kview(template: str, data: Any) -> tuple[list[float], str]:
    """Warm render times. ``data`` is a dict or ``prepare_data(dict)``: prepared data is what
    Node gets too (parsed once, outside its timed loop); kview still copies its objects and
    arrays on every render, so the comparison stays conservative."""
    cache = ViewCache()
    render(template, data, name="orders.jsx", cache=cache)  # compile + warm up
    times = []
    html = ""
    for _ in range(RUNS):
        t0 = time.perf_counter()
        html = render(template, data, name="orders.jsx", cache=cache).html
        times.append((time.perf_counter() - t0) * 1000)
    return times, html


def bench_node(template: str, data: dict, production: bool) -> list[float] | None:
    node = shutil.which("node")
    if node is None or not (ROOT / ".cache" / "npm" / "node_modules" / "react").exists():
        return None
    env = {**os.environ, "NODE_ENV": "production" if production else "development"}
    out = subprocess.run(
        [node, str(ROOT / "bench" / "node_render_bench.js")],
        input=json.dumps({"template": template, "data": data, "runs": RUNS}),
        capture_output=True, text=True, check=True, env=env,
    )
    times = json.loads(out.stdout)["times"]
    return times[len(times) // 4:]  # let the JIT warm up: drop the first quarter


def largest_corpus_template() -> tuple[str, str] | None:
    best = None
    for p in CORPUS.glob("**/kviews/*.kview.json"):
        t = json.loads(p.read_text()).get("template") or ""
        if best is None or len(t) > len(best[1]):
            best = (p.name, t)
    return best


def main() -> None:
    template = (ROOT / "bench" / "orders_template.jsx").read_text()
    data = orders_data()
    kv, _ = bench_kview(template, prepare_data(data))
    kv_med = statistics.median(kv)
    kv_dict, _ = bench_kview(template, data)
    print(f"orders template, 200 items, {RUNS} runs")
    print(f"  kview  median render (compiled, warm): {kv_med:8.2f} ms"
          f"   (data as a dict, converted per render: {statistics.median(kv_dict):.2f} ms)")
    ratios = {}
    for production in (True, False):
        build = "production" if production else "development"
        node = bench_node(template, data, production)
        if node is None:
            print("  node   (React renderToStaticMarkup): unavailable (run make install)")
            break
        nd_med = statistics.median(node)
        ratios[build] = kv_med / nd_med
        print(f"  node   median render, React 19 {build} build: {nd_med:8.2f} ms"
              f"   ratio kview/node: {ratios[build]:5.2f}")
    # The development build is what require('react-dom/server') loads when NODE_ENV is unset.
    for build, ratio in ratios.items():
        print(f"  target ratio <= 2 against the {build} build: {'met' if ratio <= 2 else 'not met'}")
    largest = largest_corpus_template()
    if largest:
        name, src = largest
        times = []
        for i in range(3):
            t0 = time.perf_counter()
            ViewCache().get(src + f"\n//{i}", name)
            times.append((time.perf_counter() - t0) * 1000)
        print(f"largest corpus template {name} ({len(src):,} chars)")
        print(f"  parse + compile: {statistics.median(times):8.1f} ms (median of 3)")


if __name__ == "__main__":
    main()
