"""Run hostile programs one by one in this process and print, per program, how it ended.

Used by ``test_budgets.py`` in a subprocess (``python budget_probe.py < cases.json``) so that
peak memory is this process's own: before each case the kernel's peak-RSS mark is reset
(``/proc/self/clear_refs``), after it the peak (``VmHWM``) is read. The address space is capped
so that a regression fails the test instead of swapping the machine.
"""

from __future__ import annotations

import gc
import json
import resource
import sys
import time

resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))

from renderer import KViewError, evaluate  # noqa: E402  (after the cap, on purpose)


def _status(field: str) -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    return 0


def _reset_peak() -> None:
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")


def main() -> None:
    results = []
    for source in json.load(sys.stdin):
        gc.collect()
        _reset_peak()
        base = _status("VmRSS")
        t0 = time.perf_counter()
        try:
            value = evaluate(source)
            out = {"ok": repr(value)[:200]}
        except KViewError as exc:
            out = {"kind": type(exc).__name__, "js_type": getattr(exc, "js_type", None),
                   "message": str(exc), "line": exc.line}
        except BaseException as exc:  # what the test must never see
            out = {"python": f"{type(exc).__name__}: {exc}"[:300]}
        out["seconds"] = time.perf_counter() - t0
        out["peak_mb"] = (_status("VmHWM") - base) / 2**20
        gc.collect()
        out["retained_mb"] = (_status("VmRSS") - base) / 2**20
        results.append(out)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
