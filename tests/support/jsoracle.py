"""Differential test oracle: run JavaScript / JSX in real Node and report results.

Everything kview's interpreter does is compared against this module, so it is
kept small, strict and documented. The Node side is ``tests/support/node/oracle.js``;
its npm modules (react, react-dom, @babel/standalone, lodash, pinned in
``tests/support/node/package.json``) live in ``<repo>/.cache/npm/node_modules``
(``make install`` puts them there).

Calling it
==========

``node_eval_many(cases)``
    ``cases`` is a list of JS source strings (a program or a bare expression).
    All cases run in ONE node process, each in a fresh ``vm`` context (its own
    realm) that holds only the JS built-ins plus an in-realm lodash as ``_``
    and a ``console`` whose methods do nothing (no timers, no ``require``);
    the process runs with ``TZ=UTC`` and ``LANG=LC_ALL=en_US.UTF-8``. The case
    is evaluated with ``vm.runInContext(code, ctx, {timeout})`` (5000 ms, or
    ``KVIEW_ORACLE_TIMEOUT_MS``) and its
    *completion value* is taken (eval semantics: ``"const a = 1; a + 1"`` ->
    2, ``"if (true) { 'x' }"`` -> ``"x"``). If that value is a Promise it is
    settled (the context's own microtask queue is drained, under the same
    timeout) and its fulfilment value / rejection reason is used instead.
    Returns one result dict per case, in order::

        {"ok": <tagged value>}
        {"throw": {"name": "TypeError", "message": "x"}}

``node_render_many(templates)``
    ``templates`` is a list of ``(jsx_source, globals)`` pairs; ``globals``
    is a dict of JSON values. Each template is compiled with
    @babel/standalone (``presets: [['react', {runtime: 'classic'}]]``,
    ``sourceType: 'script'``, i.e. JSX -> ``React.createElement``), run in a
    fresh context whose globals are ``React``, ``_`` (lodash) and the given
    globals, and its completion value (awaited if a Promise) is passed to
    ``renderToStaticMarkup`` from ``react-dom/server`` (React 19, synchronous,
    development build). Returns per template::

        {"html": "<div class=\"a\">1</div>"}
        {"throw": {"name": ..., "message": ...}}

    ``html`` is an ordinary Python ``str`` (astral characters are single
    code points, NOT split into surrogate pairs).

``node_eval(code)`` / ``node_render(source, globals)`` are one-case wrappers;
batch with the ``*_many`` forms whenever you can (each call spawns node,
~100 ms; one case costs ~5 ms more).

Throws
------
``{"throw": {"name": str, "message": str}}`` for anything thrown that is an
Error object (any realm, subclasses included; ``name`` is ``String(e.name)``).
For a thrown non-Error value (``throw 5``, ``throw {a: 1}``) the dict is
``{"name": None, "message": None, "value": <tagged value>}``. Special names:

* ``"Timeout"``  -- the vm timeout (5000 ms by default) fired, or the completion-value
  Promise was still pending after the microtask queue drained (there are no
  timers in the context, so it never would settle).
* ``"OracleEncodeError"`` -- the value could not be encoded (a getter threw).

A SyntaxError in the case itself is reported as a normal throw with
``name == "SyntaxError"``. Messages are V8's; compare them only where kview
promises to match V8 wording.

Tagged value format
===================

JSON cannot express every JS distinction, so values are tagged. Tags are
dicts with a ``"$"`` key (plain JS objects are always wrapped, so a bare dict
is never ambiguous):

====================  =====================================================
JS value              tagged form
====================  =====================================================
undefined             ``{"$": "undefined"}``
null                  ``None``
true / false          ``True`` / ``False``
finite number         a JSON number (int or float, see *Numbers*)
NaN                   ``{"$": "NaN"}``
Infinity              ``{"$": "Infinity"}``
-Infinity             ``{"$": "-Infinity"}``
-0                    ``{"$": "-0"}``  (also inside arrays/objects)
string                ``str`` of UTF-16 code units (see *Strings*)
BigInt                ``{"$": "bigint", "v": "123"}``
Symbol                ``{"$": "symbol"}``
function / class      ``{"$": "function"}``
Array                 a JSON list of tagged elements; holes become
                      ``{"$": "undefined"}``; non-index properties dropped
plain / other object  ``{"$": "object", "v": [[key, tagged], ...]}`` -- own
                      enumerable string keys in ``Object.keys`` order (so
                      key order is compared); prototype/class ignored
Date                  ``{"$": "Date", "v": "1970-01-01T00:00:00.000Z"}``
                      (``toISOString()``) or ``{"$": "Date", "v":
                      "Invalid Date"}``
RegExp                ``{"$": "RegExp", "v": "/a/gi"}`` (``String(re)``)
Map                   ``{"$": "Map", "v": [[tagged_k, tagged_v], ...]}``
                      (insertion order)
Set                   ``{"$": "Set", "v": [tagged, ...]}`` (insertion order)
Error (any subclass)  ``{"$": "Error", "name": "TypeError", "message": "x"}``
Promise (nested)      ``{"$": "Promise"}`` (only a *top-level* completion
                      value is awaited)
a reference back to   ``{"$": "cycle"}`` -- only for a true cycle (an object
an enclosing object   that is its own ancestor); an object shared by two
                      branches is encoded in full both times
====================  =====================================================

Numbers
-------
Finite numbers are plain JSON numbers. Because JSON has no int/float split,
node's ``1`` may come back as Python ``1`` and kview may produce ``1.0``;
they are the SAME value. The rule: compare tagged values with
:func:`tagged_equal` / :func:`assert_tagged_equal` (or compare
``canonical(a) == canonical(b)``). Those treat int and float numerically
(``1 == 1.0``), but never confuse booleans with numbers (Python's
``True == 1`` would otherwise hide a JS ``true`` vs ``1`` mismatch).
``-0``, ``NaN`` and the infinities are always tagged, never floats, so the
kview encoder must tag them too.

Strings
-------
kview stores a JS string as a Python ``str`` of UTF-16 code units: an astral
character (e.g. U+1F600) is two surrogate code points ``"\\ud83d\\ude00"``,
and lone surrogates are kept. Node's ``JSON.stringify`` escapes lone
surrogates (well-formed stringify), ``json.loads`` turns the escapes back into
surrogate code points but *joins* valid pairs into one astral character, so
this module applies :func:`to_code_units` to every string it returns in an
eval result (values, object keys, Map/Set members, Date/RegExp text, error
names and messages). ``encode_kview_value`` on the kview side must therefore
emit code-unit strings as-is. ``from_code_units`` goes the other way.

Keeping the encoders in step
============================
The kview-side counterpart, ``encode_kview_value(value)``, must produce
exactly this format from kview's value model, so that for a kview result
``r`` and a node result ``n``::

    assert_tagged_equal(encode_kview_value(r), n["ok"])
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import subprocess
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pytest

__all__ = [
    "NODE_MODULES",
    "ORACLE_JS",
    "REPO_ROOT",
    "OracleError",
    "OracleUnavailable",
    "assert_tagged_equal",
    "canonical",
    "from_code_units",
    "node_eval",
    "node_eval_many",
    "node_render",
    "node_render_many",
    "tagged_equal",
    "to_code_units",
]

REPO_ROOT = Path(__file__).resolve().parents[2]
ORACLE_JS = REPO_ROOT / "tests" / "support" / "node" / "oracle.js"
NODE_MODULES = Path(
    os.environ.get("KVIEW_NODE_MODULES", REPO_ROOT / ".cache" / "npm" / "node_modules")
)
_REQUIRED_MODULES = ("react", "react-dom", "@babel/standalone", "lodash")

# Generous wall-clock limit for one node process: start-up + per-case cost +
# the vm timeout for every case that might spin.
_BASE_TIMEOUT_S = 60.0
_PER_CASE_TIMEOUT_S = 1.5


class OracleError(RuntimeError):
    """The node oracle itself failed (crashed, bad output)."""


class OracleUnavailable(OracleError):
    """node or the npm modules are missing."""


# --------------------------------------------------------------------------
# strings
# --------------------------------------------------------------------------

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


def _split_astral(m: re.Match[str]) -> str:
    c = ord(m.group()) - 0x10000
    return chr(0xD800 + (c >> 10)) + chr(0xDC00 + (c & 0x3FF))


def _join_pair(m: re.Match[str]) -> str:
    hi, lo = m.group()
    return chr(0x10000 + ((ord(hi) - 0xD800) << 10) + (ord(lo) - 0xDC00))


def to_code_units(s: str) -> str:
    """Return ``s`` as UTF-16 code units: every astral char -> its surrogate pair.

    Lone surrogates and already-split pairs are left alone (idempotent).
    ``len(to_code_units(s))`` equals JS ``s.length``.
    """
    return _ASTRAL.sub(_split_astral, s)


def from_code_units(s: str) -> str:
    """Inverse of :func:`to_code_units`: join valid surrogate pairs.

    Lone surrogates are kept, so the result may still not be encodable as
    strict UTF-8.
    """
    return _SURROGATE_PAIR.sub(_join_pair, s)


def _strings_to_code_units(v: Any) -> Any:
    if isinstance(v, str):
        return to_code_units(v)
    if isinstance(v, list):
        return [_strings_to_code_units(x) for x in v]
    if isinstance(v, dict):
        return {k: _strings_to_code_units(x) for k, x in v.items()}
    return v


# --------------------------------------------------------------------------
# comparison
# --------------------------------------------------------------------------


def _is_number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def canonical(v: Any) -> Any:
    """Normalise a tagged value: finite numbers -> float, strings -> code units.

    Tuples become lists. Does NOT separate ``True`` from ``1.0`` (Python
    equality can't); use :func:`tagged_equal` for a strict check.
    """
    if isinstance(v, bool) or v is None:
        return v
    if _is_number(v):
        f = float(v)
        if math.isnan(f) or math.isinf(f) or (f == 0 and math.copysign(1.0, f) < 0):
            raise ValueError(f"untagged special number {v!r}: tag NaN/Infinity/-0")
        return f
    if isinstance(v, str):
        return to_code_units(v)
    if isinstance(v, list | tuple):
        return [canonical(x) for x in v]
    if isinstance(v, Mapping):
        return {k: canonical(x) for k, x in v.items()}
    raise TypeError(f"not a tagged value: {type(v).__name__} {v!r}")


def _first_difference(a: Any, b: Any, path: str) -> str | None:
    if isinstance(a, bool) or isinstance(b, bool):
        if isinstance(a, bool) and isinstance(b, bool) and a == b:
            return None
        return f"{path}: {a!r} != {b!r}"
    if a is None or b is None:
        return None if a is None and b is None else f"{path}: {a!r} != {b!r}"
    if _is_number(a) and _is_number(b):
        fa, fb = float(a), float(b)
        if fa == fb and math.copysign(1.0, fa) == math.copysign(1.0, fb):
            return None
        return f"{path}: {a!r} != {b!r}"
    if isinstance(a, str) and isinstance(b, str):
        return None if to_code_units(a) == to_code_units(b) else f"{path}: {a!r} != {b!r}"
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        if len(a) != len(b):
            return f"{path}: length {len(a)} != {len(b)}: {a!r} != {b!r}"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            d = _first_difference(x, y, f"{path}[{i}]")
            if d:
                return d
        return None
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        if set(a) != set(b):
            return f"{path}: keys {sorted(a)} != {sorted(b)}: {a!r} != {b!r}"
        for k in a:
            d = _first_difference(a[k], b[k], f"{path}.{k}")
            if d:
                return d
        return None
    return f"{path}: {a!r} != {b!r}"


def tagged_equal(a: Any, b: Any) -> bool:
    """Strict equality of two tagged values (1 == 1.0, but True != 1)."""
    return _first_difference(a, b, "$") is None


def assert_tagged_equal(actual: Any, expected: Any, msg: str = "") -> None:
    """``assert tagged_equal(actual, expected)`` with the first difference shown."""
    d = _first_difference(actual, expected, "$")
    if d is not None:
        prefix = f"{msg}: " if msg else ""
        raise AssertionError(f"{prefix}{d}\n  actual:   {actual!r}\n  expected: {expected!r}")


# --------------------------------------------------------------------------
# running node
# --------------------------------------------------------------------------


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        raise OracleUnavailable("node not found on PATH (Node 20 is needed by the test oracle)")
    missing = [m for m in _REQUIRED_MODULES if not (NODE_MODULES / m / "package.json").is_file()]
    if missing:
        raise OracleUnavailable(
            f"npm modules {', '.join(missing)} missing from {NODE_MODULES}: run make install"
        )
    return node


def _run(jobs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if not jobs:
        return []
    node = _node()
    env = dict(os.environ)
    env.update(
        TZ="UTC",
        LANG="en_US.UTF-8",
        LC_ALL="en_US.UTF-8",
        NODE_ENV="development",
        NODE_PATH=str(NODE_MODULES),
        KVIEW_NODE_MODULES=str(NODE_MODULES),
    )
    env.pop("NODE_OPTIONS", None)
    # ensure_ascii (the default) escapes astral chars and lone surrogates as
    # \uXXXX, so code-unit strings and ordinary strings both reach node intact.
    payload = json.dumps(jobs).encode("ascii")
    timeout = _BASE_TIMEOUT_S + _PER_CASE_TIMEOUT_S * len(jobs)
    try:
        proc = subprocess.run(
            [node, str(ORACLE_JS)],
            input=payload,
            capture_output=True,
            env=env,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as e:
        raise OracleError(f"node oracle timed out after {timeout:.0f}s") from e
    stderr = proc.stderr.decode("utf-8", "replace")
    if proc.returncode != 0:
        raise OracleError(f"node oracle exited with {proc.returncode}:\n{stderr}")
    try:
        results = json.loads(proc.stdout.decode("utf-8"))
    except ValueError as e:
        raise OracleError(f"node oracle wrote bad JSON ({e}); stderr:\n{stderr}") from e
    if not isinstance(results, list) or len(results) != len(jobs):
        raise OracleError(f"node oracle returned {len(results)} results for {len(jobs)} jobs")
    return results


def node_eval_many(cases: Iterable[str]) -> list[dict[str, Any]]:
    """Evaluate each JS source in a fresh realm; see the module docstring."""
    cases = list(cases)
    for c in cases:
        if not isinstance(c, str):
            raise TypeError(f"case must be str, not {type(c).__name__}")
    jobs = [{"kind": "eval", "code": c} for c in cases]
    return [_strings_to_code_units(r) for r in _run(jobs)]


_by_source: dict[str, dict[str, Any]] = {}


def node_results(cases: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Node's result for each source, by source, evaluated once per process (a module's
    differential tests share one batch); a test fails, not skips, when Node is missing."""
    todo = [c for c in dict.fromkeys(cases) if c not in _by_source]
    if todo:
        try:
            _by_source.update(zip(todo, node_eval_many(todo), strict=True))
        except OracleUnavailable as exc:  # pragma: no cover - `make test` installs Node
            pytest.fail(str(exc))
    return _by_source


def node_eval(code: str) -> dict[str, Any]:
    """One-case form of :func:`node_eval_many`."""
    return node_eval_many([code])[0]


def node_render_many(templates: Iterable[tuple[str, Mapping[str, Any]]]) -> list[dict[str, Any]]:
    """Render each (JSX source, JSON globals) with React; see the module docstring."""
    jobs = []
    for source, globals_ in templates:
        if not isinstance(source, str):
            raise TypeError(f"template source must be str, not {type(source).__name__}")
        jobs.append({"kind": "render", "source": source, "globals": dict(globals_ or {})})
    results = _run(jobs)
    for r in results:
        if "throw" in r:
            r["throw"] = _strings_to_code_units(r["throw"])
    return results


def node_render(source: str, globals_: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """One-case form of :func:`node_render_many`."""
    return node_render_many([(source, globals_ or {})])[0]
