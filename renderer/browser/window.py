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
* ``navigator``: ``userAgent`` ``'kview'``, ``language`` ``'en-US'``,
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
* ``DOMPurify.sanitize(s)`` → ``s`` without ``<script>``/``<iframe>``/``<object>``/``<embed>``
  elements, ``on*`` attributes and ``javascript:`` URLs (taskGPT v2 loads DOMPurify from a
  CDN; previews always have this stand-in).
"""

from __future__ import annotations

import base64
import binascii
import copy
import json
import random
import re
from collections.abc import Callable
from typing import Any

from ..errors import MockDataError
from ..html.sanitize import sanitize_markup
from ..js.builtins import STATIC_GLOBALS
from ..js.builtins.collections import JSMap, JSSet
from ..js.builtins.promise import JSPromise, rejected, resolved
from ..js.members import (
    MISSING,
    OBJECT_PROTO,
    PROTOS,
    SPECIAL_GETTERS,
    SPECIAL_SETTERS,
    define_methods,
    get_member,
)
from ..js.runtime import Budgets, Runtime, current_runtime
from ..js.values import (
    UNDEFINED,
    JSError,
    JSFunction,
    JSNamespace,
    JSObject,
    JSThrow,
    NativeFunction,
    safe_to_string,
    to_code_units,
    to_integer_or_infinity,
    to_js,
    to_string,
    type_error,
)
from .network import RequestTable


class BrowserRuntime(Runtime):
    """A render's runtime with the browser's state: storages' seeds, the document's own
    elements, the clipboard, ``crypto``'s random source and the mocked network."""

    def __init__(self, budgets: Budgets | None = None, now_ms: float | None = None) -> None:
        super().__init__(budgets, now_ms)
        self.storage_seeds: dict[str, dict[str, str]] = {}
        self.document_nodes: dict[str, _Node] = {}
        self.clipboard = ""
        self.crypto_rng: random.Random | None = None
        self.request_table: RequestTable | None = None
        self.request_log: list[dict[str, Any]] = []


def browser_runtime() -> BrowserRuntime:
    """The running render's runtime, which has the browser's state (``realm`` makes it so)."""
    rt = current_runtime()
    if not isinstance(rt, BrowserRuntime):
        raise TypeError("browser globals need a BrowserRuntime (renderer.realm makes one per render)")
    return rt


ORIGIN = "https://kview.local"
HREF = ORIGIN + "/app"
WINDOW_WIDTH, WINDOW_HEIGHT = 1440.0, 900.0
FETCH_REFUSED = ("kview: fetch() is not available in previews; mock the call with "
                 "KustomerRequest or a --requests table")


def _fn(name: str, fn: Any, length: int = 0) -> NativeFunction:
    return NativeFunction(name, fn, length)


def _const(name: str, value: Any) -> NativeFunction:
    return NativeFunction(name, lambda this, args: value)


def _arg(args: list, i: int = 0) -> Any:
    return args[i] if len(args) > i else UNDEFINED


def _dom_error(name: str, message: str) -> Any:
    raise JSThrow(JSError(name, message))


# ============================================================================ Storage

class JSStorage(JSObject):
    """``sessionStorage`` / ``localStorage``: string items, kept as the object's own properties.

    As in browsers, items are enumerable properties (``Object.keys``, ``JSON.stringify``,
    ``console.log`` and ``delete`` see them), except names that the methods, ``length`` or
    Object.prototype hold: those items live in ``hidden`` (reachable through ``getItem``).
    """

    __slots__ = ("hidden",)
    class_name = "Storage"

    def __init__(self, items: dict[str, str] | None = None) -> None:
        super().__init__()
        self.hidden: dict[str, str] = {}
        for k, v in (items or {}).items():
            self.store(k, v)

    @staticmethod
    def shadowed(key: str) -> bool:
        return key == "length" or key in PROTOS[JSStorage] or key in OBJECT_PROTO

    def store(self, key: str, value: str) -> None:
        (self.hidden if self.shadowed(key) else self.props)[key] = value

    def get(self, key: str) -> str | None:
        return (self.hidden if self.shadowed(key) else self.props).get(key)

    def keys(self) -> list[str]:
        return list(self.props) + list(self.hidden)


def _this_storage(this: Any, method: str, args: list, need: int) -> JSStorage:
    if not isinstance(this, JSStorage):
        type_error("Illegal invocation")
    if len(args) < need:
        type_error(f"Failed to execute '{method}' on 'Storage': {need} argument{'s' if need > 1 else ''} "
                   f"required, but only {len(args)} present.")
    return this


def _get_item(this: Any, args: list) -> Any:
    return _this_storage(this, "getItem", args, 1).get(to_string(args[0]))


def _set_item(this: Any, args: list) -> Any:
    _this_storage(this, "setItem", args, 2).store(to_string(args[0]), to_string(args[1]))
    return UNDEFINED


def _remove_item(this: Any, args: list) -> Any:
    s = _this_storage(this, "removeItem", args, 1)
    key = to_string(args[0])
    (s.hidden if s.shadowed(key) else s.props).pop(key, None)
    return UNDEFINED


def _clear(this: Any, args: list) -> Any:
    s = _this_storage(this, "clear", args, 0)
    s.props.clear()
    s.hidden.clear()
    return UNDEFINED


def _key(this: Any, args: list) -> Any:
    s = _this_storage(this, "key", args, 1)
    i = to_integer_or_infinity(args[0])
    keys = s.keys()
    return keys[int(i)] if 0 <= i < len(keys) else None


define_methods(JSStorage, getItem=_get_item, setItem=_set_item, removeItem=_remove_item, clear=_clear, key=_key)


def _storage_getter(obj: JSStorage, key: str) -> Any:
    if key == "length":
        return float(len(obj.props) + len(obj.hidden))
    return MISSING


def _storage_setter(obj: JSStorage, key: str, value: Any) -> bool:
    if key != "length":
        obj.store(key, to_string(value))
    return True


SPECIAL_GETTERS[JSStorage] = _storage_getter
SPECIAL_SETTERS[JSStorage] = _storage_setter


def _seed_items(seed: Any, name: str) -> dict[str, str]:
    """Storage items from data (JS values): strings as they are, anything else as JSON text."""
    if not isinstance(seed, dict):
        raise MockDataError(f"data.{name} must be an object of items ({{\"key\": \"value\"}}), not {safe_to_string(seed)}", file="data")
    out: dict[str, str] = {}
    for k, v in seed.items():
        out[k] = v if type(v) is str else to_code_units(json.dumps(_to_json(v), ensure_ascii=False))
    return out


def _to_json(v: Any) -> Any:
    if type(v) is float and v.is_integer():
        return int(v)
    if isinstance(v, dict):
        return {k: _to_json(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_to_json(x) for x in v]
    return None if v is UNDEFINED else v


def take_storage_seeds(rt: BrowserRuntime, data: dict[str, Any]) -> dict[str, Any]:
    """Move ``sessionStorage``/``localStorage`` seeds out of the data into ``rt.storage_seeds``."""
    if "sessionStorage" not in data and "localStorage" not in data:
        return data
    data = dict(data)
    seeds = rt.storage_seeds
    for name in ("sessionStorage", "localStorage"):
        if name in data:
            seeds[name] = _seed_items(data.pop(name), name)
    return data


# ============================================================================ fake DOM

def _noop(name: str) -> NativeFunction:
    return NativeFunction(name, lambda this, args: UNDEFINED)


def _rect() -> dict[str, Any]:
    return {k: 0.0 for k in ("x", "y", "width", "height", "top", "right", "bottom", "left")}


class _Node:
    """The Python side of a fake element: its property dict, attributes and children."""

    __slots__ = ("el", "attrs", "children")

    def __init__(self) -> None:
        self.el: dict[str, Any] = {}
        self.attrs: dict[str, str] = {}
        self.children: list = []


def _element_methods(node_of: Callable[[], _Node]) -> tuple[dict[str, Any], dict[str, Any]]:
    """An element's methods and its ``classList``'s, acting on the element ``node_of()`` gives."""

    def classes() -> list[str]:
        return to_string(node_of().el.get("className", "")).split()

    def set_classes(names: list[str]) -> None:
        node_of().el["className"] = " ".join(dict.fromkeys(names))

    def set_attribute(this: Any, args: list) -> Any:
        n = node_of()
        name, value = to_string(_arg(args)).lower(), to_string(_arg(args, 1))
        if name == "class":
            n.el["className"] = value
        elif name == "id":
            n.el["id"] = value
        else:
            n.attrs[name] = value
        return UNDEFINED

    def get_attribute(this: Any, args: list) -> Any:
        n = node_of()
        name = to_string(_arg(args)).lower()
        if name == "class":
            return n.el.get("className") or None
        if name == "id":
            return n.el.get("id") or None
        return n.attrs.get(name)

    def remove_attribute(this: Any, args: list) -> Any:
        node_of().attrs.pop(to_string(_arg(args)).lower(), None)
        return UNDEFINED

    def append_child(this: Any, args: list) -> Any:
        n = node_of()
        child = _arg(args)
        if not isinstance(child, dict):
            type_error("Failed to execute 'appendChild' on 'Node': parameter 1 is not of type 'Node'.")
        n.children.append(child)
        if n.el.get("tagName") in ("HEAD", "BODY") and child.get("tagName") == "SCRIPT":
            src = child.get("src") or n.attrs.get("src")
            if src:
                rt = current_runtime()
                rt.warn(f"<script src=\"{to_string(src)}\"> added to the document is not loaded in "
                        "previews (DOMPurify is built in)", rt.loc, kind="browser")
        return child

    def remove_child(this: Any, args: list) -> Any:
        children = node_of().children
        child = _arg(args)
        for i, c in enumerate(children):
            if c is child:
                del children[i]
                return child
        return _dom_error("NotFoundError", "Failed to execute 'removeChild' on 'Node': "
                          "The node to be removed is not a child of this node.")

    def append(this: Any, args: list) -> Any:
        children = node_of().children
        for a in args:
            children.append(a if isinstance(a, dict) else {"nodeType": 3.0, "textContent": to_string(a)})
        return UNDEFINED

    def cl_add(this: Any, args: list) -> Any:
        set_classes(classes() + [to_string(a) for a in args])
        return UNDEFINED

    def cl_remove(this: Any, args: list) -> Any:
        drop = {to_string(a) for a in args}
        set_classes([c for c in classes() if c not in drop])
        return UNDEFINED

    def cl_contains(this: Any, args: list) -> Any:
        return to_string(_arg(args)) in classes()

    def cl_toggle(this: Any, args: list) -> Any:
        name = to_string(_arg(args))
        force = _arg(args, 1)
        has = name in classes()
        want = (not has) if force is UNDEFINED else bool(force)
        if want and not has:
            set_classes(classes() + [name])
        elif not want and has:
            set_classes([c for c in classes() if c != name])
        return want

    class_list = {"add": _fn("add", cl_add), "remove": _fn("remove", cl_remove),
                  "contains": _fn("contains", cl_contains, 1), "toggle": _fn("toggle", cl_toggle, 1)}
    methods = {
        "setAttribute": _fn("setAttribute", set_attribute, 2),
        "getAttribute": _fn("getAttribute", get_attribute, 1),
        "removeAttribute": _fn("removeAttribute", remove_attribute, 1),
        "hasAttribute": _fn("hasAttribute", lambda this, args: get_attribute(this, args) is not None, 1),
        "appendChild": _fn("appendChild", append_child, 1),
        "removeChild": _fn("removeChild", remove_child, 1),
        "append": _fn("append", append),
        "remove": _noop("remove"),
        "addEventListener": _noop("addEventListener"),
        "removeEventListener": _noop("removeEventListener"),
        "dispatchEvent": _const("dispatchEvent", True),
        "focus": _noop("focus"), "blur": _noop("blur"), "click": _noop("click"),
        "select": _noop("select"), "setSelectionRange": _noop("setSelectionRange"),
        "scrollIntoView": _noop("scrollIntoView"), "scrollTo": _noop("scrollTo"),
        "getBoundingClientRect": _fn("getBoundingClientRect", lambda this, args: _rect()),
        "querySelector": _const("querySelector", None),
        "querySelectorAll": _fn("querySelectorAll", lambda this, args: []),
        "closest": _const("closest", None),
        "contains": _fn("contains", lambda this, args: any(c is _arg(args) for c in node_of().children), 1),
    }
    return methods, class_list


def _element(tag: str, node: _Node, methods: tuple[dict[str, Any], dict[str, Any]]) -> dict[str, Any]:
    """The element's property dict (``node.el``): data holders, then ``methods``."""
    up = tag.upper()
    children = node.children
    el = node.el
    el.update({
        "tagName": up, "nodeName": up, "nodeType": 1.0, "id": "", "className": "",
        "style": {}, "dataset": {}, "children": children, "childNodes": children,
        "parentNode": None, "textContent": "", "innerText": "", "innerHTML": "", "value": "",
        "offsetWidth": 0.0, "offsetHeight": 0.0, "scrollTop": 0.0, "scrollHeight": 0.0,
        "classList": dict(methods[1]),
    })
    el.update(methods[0])
    return el


def make_element(tag: str) -> dict[str, Any]:
    """A minimal stand-in for an HTML element: data holders and harmless methods."""
    node = _Node()
    return _element(tag, node, _element_methods(lambda: node))


# The document's own <html>, <head> and <body> are made per render, their methods once: these
# find the render's elements (``rt.document_nodes``) through ``browser_runtime()``.
_DOCUMENT_ROLES = ("html", "head", "body")


def _document_node(role: str) -> Callable[[], _Node]:
    return lambda: browser_runtime().document_nodes[role]


_ROLE_METHODS = {role: _element_methods(_document_node(role)) for role in _DOCUMENT_ROLES}


def _selection() -> dict[str, Any]:
    def get_range_at(this: Any, args: list) -> Any:
        n = safe_to_string(_arg(args))
        return _dom_error("IndexSizeError", f"Failed to execute 'getRangeAt' on 'Selection': {n} is not a valid index.")

    return {
        "anchorNode": None, "focusNode": None, "anchorOffset": 0.0, "focusOffset": 0.0,
        "isCollapsed": True, "rangeCount": 0.0, "type": "None",
        "toString": _const("toString", ""),
        "getRangeAt": _fn("getRangeAt", get_range_at, 1),
        "removeAllRanges": _noop("removeAllRanges"), "addRange": _noop("addRange"),
        "empty": _noop("empty"), "collapse": _noop("collapse"),
    }


def _document_functions() -> dict[str, NativeFunction]:
    """``document``'s methods, made once (``_DOCUMENT_FUNCTIONS``)."""

    def create_element(this: Any, args: list) -> Any:
        return make_element(to_string(_arg(args)))

    def create_text(this: Any, args: list) -> Any:
        text = to_string(_arg(args))
        return {"nodeType": 3.0, "nodeName": "#text", "textContent": text, "data": text}

    return {
        "createElement": _fn("createElement", create_element, 1),
        "createElementNS": _fn("createElementNS", lambda this, args: make_element(to_string(_arg(args, 1))), 2),
        "createTextNode": _fn("createTextNode", create_text, 1),
        "createDocumentFragment": _fn("createDocumentFragment", lambda this, args: make_element("#document-fragment")),
        "getElementById": _const("getElementById", None),
        "querySelector": _const("querySelector", None),
        "querySelectorAll": _fn("querySelectorAll", lambda this, args: []),
        "getElementsByClassName": _fn("getElementsByClassName", lambda this, args: []),
        "getElementsByTagName": _fn("getElementsByTagName", lambda this, args: []),
        "getElementsByName": _fn("getElementsByName", lambda this, args: []),
        "addEventListener": _noop("addEventListener"),
        "removeEventListener": _noop("removeEventListener"),
        "dispatchEvent": _const("dispatchEvent", True),
        "execCommand": _const("execCommand", False),
        "queryCommandSupported": _const("queryCommandSupported", False),
        "hasFocus": _const("hasFocus", True),
    }


_DOCUMENT_FUNCTIONS = _document_functions()


def _document(rt: Any, location: dict, get_selection: NativeFunction) -> dict[str, Any]:
    nodes = {role: _Node() for role in _DOCUMENT_ROLES}
    rt.document_nodes = nodes  # what the shared methods of these three act on
    html, head, body = (_element(role, nodes[role], _ROLE_METHODS[role]) for role in _DOCUMENT_ROLES)
    html["children"].extend([head, body])
    doc: dict[str, Any] = {
        "nodeType": 9.0, "title": "", "cookie": "", "referrer": "", "readyState": "complete",
        "visibilityState": "visible", "hidden": False, "URL": HREF, "location": location,
        "documentElement": html, "head": head, "body": body, "activeElement": body,
    }
    doc.update(_DOCUMENT_FUNCTIONS)
    doc["getSelection"] = get_selection
    return doc


# ============================================================================ DOMPurify

def _sanitize(this: Any, args: list) -> Any:
    v = _arg(args)
    if v is UNDEFINED or v is None:
        return ""
    return to_code_units(sanitize_markup(to_string(v)))


_DOMPURIFY_SANITIZE = _fn("sanitize", _sanitize, 1)
_DOMPURIFY_FUNCTIONS = {
    "addHook": _noop("addHook"), "removeHook": _noop("removeHook"),
    "removeAllHooks": _noop("removeAllHooks"),
    "setConfig": _noop("setConfig"), "clearConfig": _noop("clearConfig"),
    "isValidAttribute": _const("isValidAttribute", True),
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
        _dom_error("InvalidCharacterError", "Failed to execute 'btoa' on 'Window': The string to be "
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
    return _dom_error("InvalidCharacterError", "Failed to execute 'atob' on 'Window': The string to be "
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
    return _dom_error("DataCloneError", f"Failed to execute 'structuredClone' on 'Window': {what} could not be cloned.")


# ============================================================================ fetch

def _response(rt: Any, url: str, resp: Any) -> dict[str, Any]:
    body = resp.body
    headers = {k.lower(): v for k, v in resp.headers.items()}
    if not isinstance(body, str):
        headers.setdefault("content-type", "application/json")
    used = [False]

    def consume(name: str) -> Any:
        if used[0]:
            return rejected(rt, JSError("TypeError", f"Failed to execute '{name}' on 'Response': body stream already read"))
        used[0] = True
        return None

    def text(this: Any, args: list) -> Any:
        r = consume("text")
        if r is not None:
            return r
        if body is None:
            return resolved(rt, "")
        s = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False, separators=(",", ":"))
        return resolved(rt, to_code_units(s))

    def as_json(this: Any, args: list) -> Any:
        r = consume("json")
        if r is not None:
            return r
        if isinstance(body, str) or body is None:
            try:
                return resolved(rt, to_js(json.loads(body or "")))
            except ValueError:
                return rejected(rt, JSError("SyntaxError", f"Unexpected token in JSON from {url}: not valid JSON"))
        return resolved(rt, to_js(copy.deepcopy(body)))

    return {
        "ok": resp.ok, "status": float(resp.status), "statusText": _STATUS_TEXT.get(resp.status, ""),
        "url": url, "redirected": False, "type": "basic", "bodyUsed": False,
        "headers": {
            "get": _fn("get", lambda this, args: headers.get(to_string(_arg(args)).lower()), 1),
            "has": _fn("has", lambda this, args: to_string(_arg(args)).lower() in headers, 1),
        },
        "json": _fn("json", as_json), "text": _fn("text", text),
    }


_STATUS_TEXT = {200: "OK", 201: "Created", 204: "No Content", 400: "Bad Request", 401: "Unauthorized",
                403: "Forbidden", 404: "Not Found", 409: "Conflict", 422: "Unprocessable Entity",
                429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway",
                503: "Service Unavailable"}


def _make_fetch() -> NativeFunction:
    """``fetch``, made once (``_FETCH``): it answers from its render's request table."""
    def fetch(this: Any, args: list) -> Any:
        rt = browser_runtime()
        target = _arg(args)
        url = to_string(get_member(target, "url")) if isinstance(target, dict) else to_string(target)
        init = _arg(args, 1)
        m = get_member(init, "method") if isinstance(init, dict) else UNDEFINED
        method = "GET" if m is UNDEFINED or m is None else to_string(m).upper()
        table = rt.request_table
        found = table.match(method, url) if table is not None else None
        rt.request_log.append(
            {"method": method, "url": url, "status": found[0].response.status if found else None,
             "matched": found[0].key if found else None, "via": "fetch"})
        if found is None:
            msg = f'{FETCH_REFUSED} (add "{method} {url.split("?")[0]}" to the request table to answer it)'
            rt.warn(msg, rt.loc, kind="request")
            rt.log("warn", msg)
            return rejected(rt, JSError("TypeError", FETCH_REFUSED))
        resp = found[0].response
        p = JSPromise(rt)

        def deliver() -> Any:
            p.resolve(_response(rt, url, resp))
            return UNDEFINED  # (also the timer callback's result)

        if resp.delay_ms > 0:
            rt.set_timer(NativeFunction("", lambda t, a: deliver()), resp.delay_ms, [])
        else:
            rt.enqueue(deliver)
        return p

    return NativeFunction("fetch", fetch, 1)


_FETCH = _make_fetch()


# ============================================================================ the factory

def _observer(name: str) -> NativeFunction:
    def construct(args: list) -> dict:
        return {"observe": _noop("observe"), "unobserve": _noop("unobserve"),
                "disconnect": _noop("disconnect"), "takeRecords": _fn("takeRecords", lambda this, a: [])}

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
            warn(f"location.{name}({', '.join(safe_to_string(a) for a in args)}) is ignored in previews")
            return UNDEFINED

        return _fn(name, f)

    def get_selection(this: Any, args: list) -> Any:
        return _selection()

    def perf_now() -> float:
        rt = current_runtime()
        return float(rt.now() - rt.start_ms)

    def open_(this: Any, args: list) -> Any:
        warn(f"window.open({safe_to_string(_arg(args))}) is not available in previews; returned null")
        return None

    def dialog(name: str, result: Any) -> NativeFunction:
        def f(this: Any, args: list) -> Any:
            text = to_string(args[0]) if args else ""
            current_runtime().log("info", f"[{name}] {text}")
            warn(f"{name}() is not shown in previews ({name} → {safe_to_string(result)})")
            return result

        return _fn(name, f)

    def raf(this: Any, args: list) -> Any:
        cb = _arg(args)
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
        arr = _arg(args)
        if isinstance(arr, list):
            rng = _crypto_rng()
            for i in range(len(arr)):
                arr[i] = float(rng.getrandbits(8))
            return arr
        return type_error("Failed to execute 'getRandomValues' on 'Crypto': parameter 1 is not of type 'ArrayBufferView'.")

    def clipboard_write(this: Any, args: list) -> Any:
        rt = browser_runtime()
        text = to_string(_arg(args))
        rt.clipboard = text
        rt.log("info", f"[clipboard] {text}")
        return resolved(rt, UNDEFINED)

    def clipboard_read(this: Any, args: list) -> Any:
        rt = browser_runtime()
        return resolved(rt, rt.clipboard)

    def match_media(this: Any, args: list) -> Any:
        return {"matches": False, "media": to_string(_arg(args)), "onchange": None,
                "addListener": _noop("addListener"), "removeListener": _noop("removeListener"),
                "addEventListener": _noop("addEventListener"),
                "removeEventListener": _noop("removeEventListener")}

    def computed_style(this: Any, args: list) -> Any:
        el = _arg(args)
        style = dict(el.get("style", {})) if isinstance(el, dict) and isinstance(el.get("style"), dict) else {}
        style["getPropertyValue"] = _fn("getPropertyValue", lambda t, a: to_string(style.get(to_string(_arg(a)), "")), 1)
        return style

    fns = {
        "addEventListener": _noop("addEventListener"),
        "removeEventListener": _noop("removeEventListener"),
        "dispatchEvent": _const("dispatchEvent", True),
        "getSelection": _fn("getSelection", get_selection),
        "getComputedStyle": _fn("getComputedStyle", computed_style, 1),
        "matchMedia": _fn("matchMedia", match_media, 1),
        "scrollTo": _noop("scrollTo"), "scrollBy": _noop("scrollBy"),
        "focus": _noop("focus"), "blur": _noop("blur"),
        "open": _fn("open", open_),
        "alert": dialog("alert", UNDEFINED),
        "confirm": dialog("confirm", False),
        "prompt": dialog("prompt", None),
        "location.assign": location_warn("assign"), "location.replace": location_warn("replace"),
        "location.reload": location_warn("reload"), "location.toString": _const("toString", HREF),
        "history.pushState": _noop("pushState"), "history.replaceState": _noop("replaceState"),
        "history.back": _noop("back"), "history.forward": _noop("forward"), "history.go": _noop("go"),
        "clipboard.writeText": _fn("writeText", clipboard_write, 1),
        "clipboard.readText": _fn("readText", clipboard_read),
        "fetch": _FETCH,
        "requestAnimationFrame": _fn("requestAnimationFrame", raf, 1),
        "cancelAnimationFrame": _fn("cancelAnimationFrame", caf, 1),
        "performance.now": _fn("now", lambda this, args: perf_now()),
        "performance.mark": _noop("mark"), "performance.measure": _noop("measure"),
        "crypto.randomUUID": _fn("randomUUID", random_uuid),
        "crypto.getRandomValues": _fn("getRandomValues", get_random_values, 1),
        "ResizeObserver": _observer("ResizeObserver"),
        "MutationObserver": _observer("MutationObserver"),
        "IntersectionObserver": _observer("IntersectionObserver"),
    }
    shared = {
        "atob": _fn("atob", _atob, 1),
        "btoa": _fn("btoa", _btoa, 1),
        "structuredClone": _fn("structuredClone", lambda this, args: structured_clone(_arg(args)), 1),
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
    document = _document(rt, location, f["getSelection"])
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
            "userAgent": "kview", "language": "en-US", "languages": ["en-US", "en"],
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
