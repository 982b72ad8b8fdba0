"""The browser globals KView templates touch (they run in the agent's browser), with preview-safe behaviour.

``browser_globals(rt)`` makes them for one render (``renderer/realm.py`` installs them);
nothing here reaches the network, the real clock or the host. Choices, by global:

* ``window`` is the global object (``make_global_object``), so the window members below are
  globals too: ``addEventListener``/``removeEventListener`` (no-ops; previews have no
  events), ``dispatchEvent`` → ``true``, ``innerWidth``/``innerHeight`` 1440×900 (an
  agent-desktop window; the card itself is narrower), ``devicePixelRatio`` 1, ``screen``,
  ``getSelection()`` → an empty selection (``toString()`` → ``''``, ``rangeCount`` 0,
  ``getRangeAt`` throws ``IndexSizeError`` as browsers do), ``matchMedia`` → never
  matches, ``getComputedStyle`` → the element's ``style``, ``open()`` → ``null`` + a
  warning, ``alert``/``confirm``/``prompt`` → console entries + a warning (``confirm`` →
  ``false``, ``prompt`` → ``null``: a preview never agrees to anything), ``history`` no-ops,
  ``ResizeObserver``/``MutationObserver``/``IntersectionObserver`` that never fire.
* ``location``: ``https://kview.local/app`` (origin ``https://kview.local``);
  ``assign``/``replace``/``reload`` only warn.
* ``document``: ``createElement(tag)`` → a small fake element (plain object: ``tagName``,
  ``style``, ``dataset``, ``classList``, ``setAttribute``/``getAttribute``, ``appendChild``,
  ``textContent``, ``value``, ``focus``/``select``…; nothing is ever displayed);
  ``getElementById``/``querySelector`` → ``null``, ``querySelectorAll`` and
  ``getElementsBy*`` → ``[]``; ``body``/``head``/``documentElement`` fake elements (a
  ``<script src>`` appended to them is not loaded: warning); ``addEventListener`` no-op;
  ``execCommand`` → ``false``; ``cookie`` ``''``; ``readyState`` ``'complete'``.
* ``sessionStorage``/``localStorage``: in memory, per render, seeded from the data keys of
  the same name (``take_storage_seeds``; non-string seed values are stored as JSON text).
  Web Storage semantics: ``getItem`` of a missing key → ``null``, ``setItem`` stores
  ``String(value)``, ``removeItem``, ``clear``, ``key(i)``, ``length``; items are own
  properties as in browsers (``sessionStorage.isLoggedIn``, ``Object.keys``, ``delete``).
* ``navigator``: ``userAgent`` ``'kview'``, ``language`` ``'en-US'`` (the render's ``locale``),
  ``clipboard.writeText(s)`` → a resolved promise, the text logged to the console and kept
  in ``rt.clipboard``; ``readText`` → that text.
* ``fetch(url, init)``: previews never touch the network. A request-table entry whose key
  matches ``METHOD url`` (full URL, e.g. ``"POST https://api.example.com/x"``) answers with a
  Response-like object (``ok``, ``status``, ``statusText``, ``headers.get``, ``url``,
  ``json()``, ``text()``; an error status resolves with ``ok: false`` as fetch does);
  anything else is a rejected promise with ``TypeError: kview: fetch() is not available in
  previews; …`` and a warning.
* ``atob``/``btoa`` (Latin-1, ``InvalidCharacterError`` like browsers), ``structuredClone``
  (deep copy of data, Map, Set, Date, Error; functions and promises → ``DataCloneError``),
  ``requestAnimationFrame`` (a 16 ms virtual timer, called with ``performance.now()``),
  ``performance.now()`` (virtual ms since the render started), ``crypto.randomUUID()``
  (v4-shaped, deterministic per render) and ``getRandomValues``.
* ``DOMPurify.sanitize(s)`` → ``s`` cleaned by the same rules as ``dangerouslySetInnerHTML``
  (``renderer/html/sanitize.py``: no script, ``on*`` attributes, ``javascript:`` URLs, frames,
  objects; taskGPT v2 loads DOMPurify from a CDN; previews always have this stand-in).

The pieces live beside this module: ``storage.py``, ``document.py``, ``fetch.py`` (over
``network.py``'s request tables) and ``base.py`` (the render's ``BrowserRuntime``).
"""

from __future__ import annotations

import base64
import binascii
import copy
import random
import re
from typing import Any

from ..html.sanitize import sanitize_markup
from ..js.builtins import STATIC_GLOBALS
from ..js.builtins.collections import JSMap, JSSet
from ..js.builtins.promise import resolved
from ..js.runtime import current_runtime
from ..js.values import (
    UNDEFINED,
    JSError,
    JSFunction,
    JSNamespace,
    NativeFunction,
    safe_to_string,
    to_code_units,
    to_string,
    type_error,
)
from .base import (
    HREF,
    ORIGIN,
    BrowserRuntime,
    arg,
    browser_runtime,
    constant,
    dom_error,
    native,
    noop,
)
from .document import empty_selection, make_document
from .fetch import FETCH
from .storage import JSStorage

WINDOW_WIDTH, WINDOW_HEIGHT = 1440.0, 900.0


# ============================================================================ DOMPurify

def _sanitize(this: Any, args: list) -> Any:
    v = arg(args)
    if v is UNDEFINED or v is None:
        return ""
    return to_code_units(sanitize_markup(to_string(v)))


_DOMPURIFY_SANITIZE = native("sanitize", _sanitize, 1)
_DOMPURIFY_FUNCTIONS = {
    "addHook": noop("addHook"), "removeHook": noop("removeHook"),
    "removeAllHooks": noop("removeAllHooks"),
    "setConfig": noop("setConfig"), "clearConfig": noop("clearConfig"),
    "isValidAttribute": constant("isValidAttribute", True),
}


def _dompurify() -> dict[str, Any]:
    d: dict[str, Any] = {"sanitize": _DOMPURIFY_SANITIZE, "isSupported": True, "version": "3.2.0-kview", "removed": []}
    d.update(_DOMPURIFY_FUNCTIONS)
    return d


# ============================================================================ base64, structuredClone

def _btoa(this: Any, args: list) -> Any:
    if not args:
        type_error("Failed to execute 'btoa' on 'Window': 1 argument required, but only 0 present.")
    s = to_string(args[0])
    if any(ord(c) > 0xFF for c in s):
        dom_error("InvalidCharacterError", "Failed to execute 'btoa' on 'Window': The string to be "
                   "encoded contains characters outside of the Latin1 range.")
    return base64.b64encode(s.encode("latin-1")).decode("ascii")


def _atob(this: Any, args: list) -> Any:
    if not args:
        type_error("Failed to execute 'atob' on 'Window': 1 argument required, but only 0 present.")
    s = re.sub(r"[\t\n\f\r ]", "", to_string(args[0]))
    if len(s) % 4 == 0 and s.endswith("="):
        s = s[:-2] if s.endswith("==") else s[:-1]
    bad = len(s) % 4 == 1 or re.search(r"[^A-Za-z0-9+/]", s)
    if not bad:
        try:
            return base64.b64decode(s + "=" * (-len(s) % 4)).decode("latin-1")
        except (binascii.Error, ValueError):
            pass
    return dom_error("InvalidCharacterError", "Failed to execute 'atob' on 'Window': The string to be "
                      "decoded is not correctly encoded.")


def structured_clone(v: Any, memo: dict[int, Any] | None = None) -> Any:
    """HTML's structured clone for the values kview has (cycles and shared references kept)."""
    if v is None or v is UNDEFINED or type(v) in (str, float, bool):
        return v
    memo = {} if memo is None else memo
    if id(v) in memo:
        return memo[id(v)]
    if type(v) is list:
        out_l: list = []
        memo[id(v)] = out_l
        out_l.extend(structured_clone(x, memo) for x in v)
        return out_l
    if type(v) is dict:
        out_d: dict = {}
        memo[id(v)] = out_d
        for k, x in v.items():
            if isinstance(x, JSFunction):
                _uncloneable(x)
            out_d[k] = structured_clone(x, memo)
        return out_d
    if isinstance(v, JSError):
        e = JSError(v.name if v.name in _ERROR_NAMES else "Error", v.message)
        memo[id(v)] = e
        return e
    if type(v) is JSMap:
        m = JSMap()
        memo[id(v)] = m
        for key, val, _seq in list(v.data.values()):
            m.set(structured_clone(key, memo), structured_clone(val, memo))
        return m
    if type(v) is JSSet:
        s = JSSet()
        memo[id(v)] = s
        for val, _seq in list(v.data.values()):
            s.add(structured_clone(val, memo))
        return s
    if getattr(v, "class_name", "") == "Date":
        d = copy.copy(v)
        d.props = {}
        return d
    if isinstance(v, JSNamespace):
        return {}
    return _uncloneable(v)


_ERROR_NAMES = {"Error", "EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError", "URIError"}


def _uncloneable(v: Any) -> Any:
    what = f"function {v.name}" if isinstance(v, JSFunction) else f"#<{getattr(v, 'class_name', 'Object')}>"
    return dom_error("DataCloneError", f"Failed to execute 'structuredClone' on 'Window': {what} could not be cloned.")


# ============================================================================ the factory

def _observer(name: str) -> NativeFunction:
    def construct(args: list) -> dict:
        return {"observe": noop("observe"), "unobserve": noop("unobserve"),
                "disconnect": noop("disconnect"), "takeRecords": native("takeRecords", lambda this, a: [])}

    return NativeFunction(name, lambda this, args: type_error(
        f"Failed to construct '{name}': Please use the 'new' operator, this DOM object constructor "
        "cannot be called as a function."), 1, ctor=construct)


def _crypto_rng() -> random.Random:
    """The render's ``crypto`` random source: deterministic per render, made on first use."""
    rt = browser_runtime()
    rng = rt.crypto_rng
    if rng is None:
        rng = rt.crypto_rng = random.Random(f"kview-crypto:{rt.start_ms}")
    return rng


def _window_functions() -> dict[str, NativeFunction]:
    """The functions of ``window`` and of its objects (``location.assign``…), made once
    (``_WINDOW_FUNCTIONS``) and shared by all renders (writes to them are ignored); those that
    need their render find its runtime through ``current_runtime()``."""
    def warn(message: str) -> None:
        rt = current_runtime()
        rt.warn(message, rt.loc, kind="browser")

    def location_warn(name: str) -> NativeFunction:
        def f(this: Any, args: list) -> Any:
            if name in ("assign", "replace") and args:
                browser_runtime().record("open", url=safe_to_string(args[0]), via=f"location.{name}")
            warn(f"location.{name}({', '.join(safe_to_string(a) for a in args)}) is ignored in previews")
            return UNDEFINED

        return native(name, f)

    def get_selection(this: Any, args: list) -> Any:
        return empty_selection()

    def perf_now() -> float:
        rt = current_runtime()
        return float(rt.now() - rt.start_ms)

    def open_(this: Any, args: list) -> Any:
        if args:
            target = safe_to_string(args[1]) if len(args) > 1 and args[1] is not UNDEFINED else "_blank"
            browser_runtime().record("open", url=safe_to_string(args[0]), via="window.open", target=target)
        warn(f"window.open({safe_to_string(arg(args))}) is not available in previews; returned null")
        return None

    def dialog(name: str, result: Any) -> NativeFunction:
        def f(this: Any, args: list) -> Any:
            text = to_string(args[0]) if args else ""
            current_runtime().log("info", f"[{name}] {text}")
            warn(f"{name}() is not shown in previews ({name} → {safe_to_string(result)})")
            return result

        return native(name, f)

    def raf(this: Any, args: list) -> Any:
        cb = arg(args)
        if not isinstance(cb, JSFunction):
            type_error("Failed to execute 'requestAnimationFrame' on 'Window': The callback provided as parameter 1 is not a function.")
        return current_runtime().set_timer(NativeFunction("", lambda t, a: cb.call(UNDEFINED, [perf_now()])), 16.0, [])

    def caf(this: Any, args: list) -> Any:
        if args:
            current_runtime().clear_timer(args[0])
        return UNDEFINED

    def random_uuid(this: Any, args: list) -> Any:
        rng = _crypto_rng()
        b = bytearray(rng.getrandbits(8) for _ in range(16))
        b[6] = (b[6] & 0x0F) | 0x40
        b[8] = (b[8] & 0x3F) | 0x80
        h = b.hex()
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def get_random_values(this: Any, args: list) -> Any:
        arr = arg(args)
        if isinstance(arr, list):
            rng = _crypto_rng()
            for i in range(len(arr)):
                arr[i] = float(rng.getrandbits(8))
            return arr
        return type_error("Failed to execute 'getRandomValues' on 'Crypto': parameter 1 is not of type 'ArrayBufferView'.")

    def clipboard_write(this: Any, args: list) -> Any:
        rt = browser_runtime()
        text = to_string(arg(args))
        rt.clipboard = text
        rt.log("info", f"[clipboard] {text}")
        return resolved(rt, UNDEFINED)

    def clipboard_read(this: Any, args: list) -> Any:
        rt = browser_runtime()
        return resolved(rt, rt.clipboard)

    def match_media(this: Any, args: list) -> Any:
        return {"matches": False, "media": to_string(arg(args)), "onchange": None,
                "addListener": noop("addListener"), "removeListener": noop("removeListener"),
                "addEventListener": noop("addEventListener"),
                "removeEventListener": noop("removeEventListener")}

    def computed_style(this: Any, args: list) -> Any:
        el = arg(args)
        style = dict(el.get("style", {})) if isinstance(el, dict) and isinstance(el.get("style"), dict) else {}
        style["getPropertyValue"] = native("getPropertyValue", lambda t, a: to_string(style.get(to_string(arg(a)), "")), 1)
        return style

    fns = {
        "addEventListener": noop("addEventListener"),
        "removeEventListener": noop("removeEventListener"),
        "dispatchEvent": constant("dispatchEvent", True),
        "getSelection": native("getSelection", get_selection),
        "getComputedStyle": native("getComputedStyle", computed_style, 1),
        "matchMedia": native("matchMedia", match_media, 1),
        "scrollTo": noop("scrollTo"), "scrollBy": noop("scrollBy"),
        "focus": noop("focus"), "blur": noop("blur"),
        "open": native("open", open_),
        "alert": dialog("alert", UNDEFINED),
        "confirm": dialog("confirm", False),
        "prompt": dialog("prompt", None),
        "location.assign": location_warn("assign"), "location.replace": location_warn("replace"),
        "location.reload": location_warn("reload"), "location.toString": constant("toString", HREF),
        "history.pushState": noop("pushState"), "history.replaceState": noop("replaceState"),
        "history.back": noop("back"), "history.forward": noop("forward"), "history.go": noop("go"),
        "clipboard.writeText": native("writeText", clipboard_write, 1),
        "clipboard.readText": native("readText", clipboard_read),
        "fetch": FETCH,
        "requestAnimationFrame": native("requestAnimationFrame", raf, 1),
        "cancelAnimationFrame": native("cancelAnimationFrame", caf, 1),
        "performance.now": native("now", lambda this, args: perf_now()),
        "performance.mark": noop("mark"), "performance.measure": noop("measure"),
        "crypto.randomUUID": native("randomUUID", random_uuid),
        "crypto.getRandomValues": native("getRandomValues", get_random_values, 1),
        "ResizeObserver": _observer("ResizeObserver"),
        "MutationObserver": _observer("MutationObserver"),
        "IntersectionObserver": _observer("IntersectionObserver"),
    }
    shared = {
        "atob": native("atob", _atob, 1),
        "btoa": native("btoa", _btoa, 1),
        "structuredClone": native("structuredClone", lambda this, args: structured_clone(arg(args)), 1),
    }
    for name, value in shared.items():  # a builtins module may define these one day: it wins
        if name not in STATIC_GLOBALS:
            fns[name] = value
    return fns


_WINDOW_FUNCTIONS = _window_functions()
_SHARED_GLOBALS = ("atob", "btoa", "structuredClone")


def browser_globals(rt: BrowserRuntime) -> dict[str, Any]:
    """The per-render browser globals (see the module docstring for each one's behaviour).

    Their objects (``location``, ``document``, the storages…) are made per render, since
    templates may write to them; the functions in them are shared (``_window_functions``)."""
    f = _WINDOW_FUNCTIONS
    seeds = rt.storage_seeds
    location = {
        "href": HREF, "origin": ORIGIN, "protocol": "https:", "host": "kview.local",
        "hostname": "kview.local", "port": "", "pathname": "/app", "search": "", "hash": "",
        "assign": f["location.assign"], "replace": f["location.replace"],
        "reload": f["location.reload"], "toString": f["location.toString"],
    }
    document = make_document(rt, location, f["getSelection"])
    g: dict[str, Any] = {
        "addEventListener": f["addEventListener"],
        "removeEventListener": f["removeEventListener"],
        "dispatchEvent": f["dispatchEvent"],
        "innerWidth": WINDOW_WIDTH, "innerHeight": WINDOW_HEIGHT,
        "outerWidth": WINDOW_WIDTH, "outerHeight": WINDOW_HEIGHT,
        "devicePixelRatio": 1.0, "scrollX": 0.0, "scrollY": 0.0, "pageXOffset": 0.0, "pageYOffset": 0.0,
        "screen": {"width": WINDOW_WIDTH, "height": WINDOW_HEIGHT, "availWidth": WINDOW_WIDTH,
                   "availHeight": WINDOW_HEIGHT, "colorDepth": 24.0, "pixelDepth": 24.0},
        "getSelection": f["getSelection"],
        "getComputedStyle": f["getComputedStyle"],
        "matchMedia": f["matchMedia"],
        "scrollTo": f["scrollTo"], "scrollBy": f["scrollBy"],
        "focus": f["focus"], "blur": f["blur"],
        "open": f["open"],
        "alert": f["alert"],
        "confirm": f["confirm"],
        "prompt": f["prompt"],
        "location": location,
        "history": {"length": 1.0, "state": None, "pushState": f["history.pushState"],
                    "replaceState": f["history.replaceState"], "back": f["history.back"],
                    "forward": f["history.forward"], "go": f["history.go"]},
        "document": document,
        "sessionStorage": JSStorage(seeds.get("sessionStorage")),
        "localStorage": JSStorage(seeds.get("localStorage")),
        "navigator": {
            "userAgent": "kview", "language": rt.language,
            "languages": list(dict.fromkeys([rt.language, rt.language.split("-")[0]])),
            "platform": "kview", "vendor": "", "onLine": True, "cookieEnabled": False,
            "hardwareConcurrency": 4.0, "maxTouchPoints": 0.0,
            "clipboard": {"writeText": f["clipboard.writeText"], "readText": f["clipboard.readText"]},
        },
        "fetch": f["fetch"],
        "requestAnimationFrame": f["requestAnimationFrame"],
        "cancelAnimationFrame": f["cancelAnimationFrame"],
        "performance": {"now": f["performance.now"], "timeOrigin": float(rt.start_ms),
                        "mark": f["performance.mark"], "measure": f["performance.measure"]},
        "crypto": {"randomUUID": f["crypto.randomUUID"], "getRandomValues": f["crypto.getRandomValues"]},
        "DOMPurify": _dompurify(),
        "ResizeObserver": f["ResizeObserver"],
        "MutationObserver": f["MutationObserver"],
        "IntersectionObserver": f["IntersectionObserver"],
    }
    for name in _SHARED_GLOBALS:
        if name in f:
            g[name] = f[name]
    return g
