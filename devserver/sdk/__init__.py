"""The Cards SDK as kview mocks it: one description (``api.json``) of every method and event.

The stub a page loads (``static/kustomer-card.js``), the host that answers it
(``static/kview-host.js``) and the reference (``docs/CARDS_SDK.md``) all come from this
description: the scripts are served with it prepended (``script()``), and the doc's method
table is ``methods_table()``'s output (a test keeps the file equal to it). So none of the
three can name a method the others do not know.

Rule: no Flask, no project model; reads kview's own files only (``assets``).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..assets import static_dir

API_FILE = Path(__file__).with_name("api.json")
SCRIPTS = {"kustomer-card.js": "stub", "kview-host.js": "host"}  # served name → role


@lru_cache(maxsize=1)
def api() -> dict[str, Any]:
    """The description (``api.json``), parsed once."""
    data: dict[str, Any] = json.loads(API_FILE.read_text(encoding="utf-8"))
    return data


def method_names() -> list[str]:
    return [m["name"] for m in api()["methods"]]


def event_names() -> list[str]:
    return [e["name"] for e in api()["events"]]


def script(name: str) -> str:
    """``static/<name>`` (the stub or the host) with the description prepended as
    ``self.KVIEW_SDK_API``: the one way the scripts learn the API (the host also gets ``dom.js``). ``KeyError`` for other names."""
    if name not in SCRIPTS:
        raise KeyError(name)
    body = (static_dir() / name).read_text(encoding="utf-8")
    head = "self.KVIEW_SDK_API = " + json.dumps(api(), separators=(",", ":")) + ";\n"
    parts = [head, (static_dir() / "kview-sdk-check.js").read_text(encoding="utf-8")]
    if name == "kview-host.js":  # the host page's DOM helper (the stub, in the app's page, builds no DOM)
        parts.append((static_dir() / "dom.js").read_text(encoding="utf-8"))
    return "\n".join(parts + [body])


def methods_table() -> str:
    """The Markdown table of methods and events that ``docs/CARDS_SDK.md`` holds."""
    rows = ["| method | arguments | answer |", "|---|---|---|"]
    for m in api()["methods"]:
        args = ", ".join(a["name"] + ("?" if a.get("optional") else "") for a in m["args"])
        rows.append(f"| `Kustomer.{m['name']}({args})` | {m['doc']} | {m['answer']} |")
    rows += ["", "| event | payload |", "|---|---|"]
    rows += [f"| `{e['name']}` | {e['payload']} |" for e in api()["events"]]
    return "\n".join(rows) + "\n"
