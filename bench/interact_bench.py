"""Click to repaint in an interactive preview: a real ``kview serve`` and real Chromium.

A counter view is served from a temporary app; the page clicks its button ``CLICKS`` times
(after one warm-up click that opens the live session) and times each click from the click to
the frame painted after the new count is in the DOM (two ``requestAnimationFrame``s). Prints
the median and p95 (target: median ≤ 50 ms) and the server's own time per event (the
``ms`` of each /interact answer). Run: ``python bench/interact_bench.py`` (the system Chromium,
as ``kview snapshot`` finds it); ``bench/hmr_bench.py`` prints the same row.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.serve import kview_serve  # noqa: E402

CLICKS = int(os.environ.get("BENCH_CLICKS", "30"))
COUNTER = """function Counter() {
  const [n, setN] = React.useState(0);
  const rows = _.range(20).map(i => <BasicRow key={i} label={`Row ${i}`} value={n * i} />);
  return <Segment><Button className="inc" text={`clicked ${n}`} onClick={() => setN(n + 1)} />{rows}</Segment>;
}
<Counter />
"""
MEASURE = """async ([sel, clicks]) => {
  const frame = () => new Promise(r => requestAnimationFrame(() => r()));
  const server = [];
  document.addEventListener('kview:interacted', e => server.push(e.detail.ms));
  const clickAndWait = async () => {
    const el = document.querySelector(sel);
    const before = el.textContent;
    const t0 = performance.now();
    el.click();
    while (true) {
      await frame();
      const now = document.querySelector(sel);
      if (now && now.textContent !== before) break;
    }
    await frame();  // the frame with the new text has been painted
    return performance.now() - t0;
  };
  await clickAndWait();  // opens the live session
  const times = [];
  for (let i = 0; i < clicks; i++) times.push(await clickAndWait());
  return {times, server: server.slice(-clicks)};
}"""


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def click_to_repaint(browser: object, clicks: int = CLICKS) -> dict[str, list[float]]:
    """Click times (ms, click → painted) and the server's time per event, in ``browser``."""
    with tempfile.TemporaryDirectory() as tmp:
        app = Path(tmp)
        (app / "kviews").mkdir()
        (app / "kviews" / "counter.jsx").write_text(COUNTER, encoding="utf-8")
        (app / "kviews" / "counter.json").write_text(
            json.dumps({"resource": "customer", "context": "smartbar-card"}), encoding="utf-8")
        with kview_serve(app, "--theme", "light", "--no-reload") as served:
            page = browser.new_page()  # type: ignore[attr-defined]
            page.goto(f"{served.url}view/counter?theme=light", wait_until="load")
            sel = 'section[data-view="counter"] .kvg-preview button.inc'
            result = page.evaluate(MEASURE, [sel, clicks])
            text = page.locator(sel).inner_text()
            page.close()
    if text != f"clicked {clicks + 1}":
        raise RuntimeError(f"the counter shows {text!r} after {clicks + 1} clicks")
    return {"times": result["times"], "server": result["server"]}


def main() -> None:
    from playwright.sync_api import sync_playwright

    from devserver.snapshot.chromium import launch

    with sync_playwright() as pw:
        browser = launch(pw)
        try:
            result = click_to_repaint(browser)
        finally:
            browser.close()
    times, server = result["times"], result["server"]
    print(f"click → repaint over {len(times)} clicks: median {statistics.median(times):.1f} ms, "
          f"p95 {percentile(times, 95):.1f} ms (target: median ≤ 50 ms)")
    if server:
        print(f"server time per event: median {statistics.median(server):.1f} ms, p95 {percentile(server, 95):.1f} ms")


if __name__ == "__main__":
    main()
