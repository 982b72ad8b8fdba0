"""Compile a template once per version: parse, compile to closures, cache by content hash."""

from __future__ import annotations

import hashlib
import sys
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from .errors import KViewError, TemplateSyntaxError
from .js.compiler.statements import Compiler
from .js.parse import parse


@dataclass
class CompiledView:
    """A template ready to run: ``program(scope)`` returns the completion value."""

    name: str
    source: str
    sha: str
    program: Any = field(repr=False)
    compile_seconds: float = 0.0
    needs: Any = field(repr=False, default=None)  # mockdata.TemplateNeeds: globals it reads


class ViewCache:
    """A bounded LRU of compiled views keyed by ``(name, sha256(source))``.

    One instance per owner (the dev server has one; ``compile_view`` uses a default), so
    there is no unbounded module-level state; ``invalidate(name)`` drops every version.
    """

    def __init__(self, maxsize: int = 128) -> None:
        self.maxsize = maxsize
        self._items: OrderedDict[tuple[str, str], CompiledView] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, source: str, name: str) -> CompiledView:
        sha = hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()
        key = (name, sha)
        with self._lock:
            view = self._items.get(key)
            if view is not None:
                self._items.move_to_end(key)
                return view
        view = _compile(source, name, sha)
        with self._lock:
            self._items[key] = view
            while len(self._items) > self.maxsize:
                self._items.popitem(last=False)
        return view

    def invalidate(self, name: str) -> None:
        with self._lock:
            for key in [k for k in self._items if k[0] == name]:
                del self._items[key]

    def __len__(self) -> int:
        return len(self._items)


def _compile(source: str, name: str, sha: str) -> CompiledView:
    import time

    ensure_recursion_headroom()
    t0 = time.perf_counter()
    tree = parse(source, name)
    try:
        program = Compiler(source, name).program(tree)
    except KViewError as exc:
        raise exc.located(name, source) from None
    except RecursionError:
        raise TemplateSyntaxError("template is nested too deeply to compile", file=name, line=1, column=0, source=source) from None
    from .kustomer.mockdata import needs_of

    needs = needs_of(tree)  # one cheap walk now saves a second parse when mocks are generated
    return CompiledView(name, source, sha, program, time.perf_counter() - t0, needs)


_default_cache = ViewCache()


def compile_view(source: str, name: str = "<template>", cache: ViewCache | None = None) -> CompiledView:
    return (cache or _default_cache).get(source, name)


def ensure_recursion_headroom(limit: int = 20000) -> None:
    """Interpreted JS nests many Python frames per JS call; depth is capped by our own budget."""
    if sys.getrecursionlimit() < limit:
        sys.setrecursionlimit(limit)
