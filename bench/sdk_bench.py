"""Cards SDK round trip: a call in the widget page → the host → (kview's mock API) → the answer
back in the page, in real Chromium through a real dev server.

Prints the median and p90, in milliseconds, of ``Kustomer.resize({height})`` (postMessage
only) and of ``Kustomer.request({url: '/v1/users/current'})`` (postMessage + the host's ask to
the mock store over kview's WebSocket), and, as references measured in the same run from the
host page: a bare ``fetch()`` POST of the same ask (what the host pays without the socket, and
the browser's own HTTP floor) and a bare round trip on a WebSocket of its own (the floor the
socket path cannot go under). Target: median ≤ 5 ms. Run: ``python bench/sdk_bench.py``
(``KVIEW_CHROMIUM`` names the browser; ``BENCH_RUNS`` the number of calls, default 200).
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from devserver.snapshot.chromium import LAUNCH_ARGS, launch  # noqa: E402
from devserver.web import ServerConfig  # noqa: E402
from devserver.web.server import DevServer  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "200"))
TARGET_MS = 5.0
BLOCK_OUTSIDE = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
MEASURE = """async (_body, [runs, call]) => {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    if (call === 'resize') await Kustomer.resize({height: (300 + i % 2) + 'px'});
    else await Kustomer.request({url: '/v1/users/current'});
    times.push(performance.now() - t0);
  }
  return times;
}"""
# What the host itself pays for a request: one POST to the mock API, from the desktop page.
FETCH = """async (runs) => {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = await fetch('/_kview/sdk/request', {method: 'POST', headers: {'Content-Type': 'application/json'},
                                                  body: JSON.stringify({method: 'GET', url: '/v1/users/current'})});
    await r.json();
    times.push(performance.now() - t0);
  }
  return times;
}"""

# The floor of the socket path: the same ask on a socket of the page's own, no SDK in between.
SOCKET = """async (runs) => {
  const ws = new WebSocket('ws://' + location.host + '/_kview/sdk/socket');
  await new Promise((open) => { ws.onopen = open; });
  const ask = () => new Promise((answered) => {
    ws.onmessage = (e) => answered(JSON.parse(e.data));
    ws.send(JSON.stringify({seq: 1, name: 'request', body: {method: 'GET', url: '/v1/users/current'}}));
  });
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await ask();
    times.push(performance.now() - t0);
  }
  ws.close();
  return times;
}"""


def _figures(times: list[float]) -> str:
    times = sorted(times)
    return f"median {statistics.median(times):6.2f} ms   p90 {times[int(len(times) * 0.9) - 1]:6.2f} ms"


def main() -> int:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        views = Path(tmp) / "sample_views"
        shutil.copytree(ROOT / "sample_views", views)
        server = DevServer(ServerConfig(views_dir=views, reload=False), port=0).start()
        try:
            with sync_playwright() as p:
                # Nothing may leave the machine: blocked by the browser's resolver, so that no
                # request of the measured page goes through Playwright's router.
                browser = launch(p, args=[*LAUNCH_ARGS, BLOCK_OUTSIDE])
                page = browser.new_page()
                page.goto(server.url + "widget/order-lookup")
                frame = page.frame_locator('iframe[data-widget="order-lookup"]')
                frame.locator("#who").filter(has_not_text="Waiting").wait_for(timeout=15_000)
                body = frame.locator("body")
                ok = True
                for call in ("resize", "request"):
                    body.evaluate(MEASURE, [20, call])  # warm up
                    times = body.evaluate(MEASURE, [RUNS, call])
                    print(f"sdk round trip {call:8s} {_figures(times)}   ({RUNS} calls)")
                    ok = ok and statistics.median(times) <= TARGET_MS
                for label, script in (("bare fetch() POST of the same ask", FETCH),
                                      ("bare WebSocket round trip of the same ask", SOCKET)):
                    page.evaluate(script, 20)
                    print(f"reference, from the host page: {label:42s} {_figures(page.evaluate(script, RUNS))}")
                browser.close()
        finally:
            server.stop()
    print(f"target: median ≤ {TARGET_MS} ms → {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
