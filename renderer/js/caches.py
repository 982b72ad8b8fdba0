"""Module-level caches bounded by size, not only by count.

``functools.lru_cache(maxsize=4096)`` keyed by template strings can hold 4096 strings of ten
million characters: a hostile render would leave gigabytes behind. A ``BoundedCache`` counts
what each entry costs (characters of its string arguments, or a cost the caller computes),
refuses entries too large to be worth keeping, and evicts the least recently used ones.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Generic, TypeVar

R = TypeVar("R")


def string_cost(args: tuple, value: Any) -> int:
    """The default cost of an entry: the characters of its string arguments, plus a little."""
    return 64 + sum(len(a) for a in args if type(a) is str)


class BoundedCache(Generic[R]):
    """An LRU memo of ``fn`` holding at most ``max_entries`` entries and ``max_cost`` in total.

    An entry costing more than ``max_cost // 8`` is computed but not kept. Exceptions are not
    cached. Safe to call from several threads (the dev server renders on threads).
    """

    def __init__(
        self,
        fn: Callable[..., R],
        max_entries: int,
        max_cost: int,
        cost: Callable[[tuple, Any], int] = string_cost,
    ) -> None:
        self.fn = fn
        self.max_entries = max_entries
        self.max_cost = max_cost
        self.cost = cost
        self.total = 0
        self._items: OrderedDict[tuple, tuple[R, int]] = OrderedDict()
        self._lock = threading.Lock()
        self.__doc__ = fn.__doc__
        self.__wrapped__ = fn

    def __call__(self, *args: Any) -> R:
        with self._lock:
            hit = self._items.get(args)
            if hit is not None:
                self._items.move_to_end(args)
                return hit[0]
        value = self.fn(*args)
        c = self.cost(args, value)
        if c > self.max_cost // 8:
            return value
        with self._lock:
            old = self._items.pop(args, None)
            if old is not None:
                self.total -= old[1]
            self._items[args] = (value, c)
            self.total += c
            while self.total > self.max_cost or len(self._items) > self.max_entries:
                _, (_, dropped) = self._items.popitem(last=False)
                self.total -= dropped
        return value

    def __len__(self) -> int:
        return len(self._items)

    def cache_clear(self) -> None:
        with self._lock:
            self._items.clear()
            self.total = 0


def bounded_cache(
    max_entries: int, max_cost: int, cost: Callable[[tuple, Any], int] = string_cost
) -> Callable[[Callable[..., R]], BoundedCache[R]]:
    """Decorator form of ``BoundedCache`` (in place of ``functools.lru_cache``)."""

    def wrap(fn: Callable[..., R]) -> BoundedCache[R]:
        return BoundedCache(fn, max_entries, max_cost, cost)

    return wrap
