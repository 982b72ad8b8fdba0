"""Date/time formatting from ICU's patterns (``datetime_data.py``) for every covered locale but en-US.

``datetimeformat.py`` formats en-US (the default) itself; every other covered locale (en-GB,
de, fr, es, pt, it, nl, ja and the regions ICU knows of them, such as fr-CA or es-MX) is
formatted here from the patterns Node's ICU uses for the same options. Options the table has
no pattern for (era, dayPeriod, fractionalSecondDigits, a timeZoneName option) make
``DateTimeFormat`` fall back visibly to en-US.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Protocol

from ..values import UNDEFINED
from .locales import merged_data
from .timevalue import _Fields

__all__ = [
    "pattern_locale",
    "pattern_parts",
    "pattern_widths",
]

_TOKEN = re.compile(r"\{(\w+):([^}]*)\}")
_WIDTH = {"numeric": "n", "2-digit": "2", "narrow": "N", "short": "s", "long": "l"}
# The tags datetimeformat.py formats by hand ("en" alone is en-US there).
_BY_HAND = {"en": "en-US", "en-US": "en-US"}


class _Options(Protocol):
    weekday: Any
    year: Any
    month: Any
    day: Any
    hour: Any
    minute: Any
    second: Any
    hour12: Any
    hour_cycle: Any
    cycle: str
    date_style: Any
    time_style: Any


@functools.cache
def _table() -> tuple[dict[str, dict[str, Any]], list[list[str]]]:
    """``datetime_data``'s LOCALES and NAMES, imported on first use (a large table)."""
    from .datetime_data import LOCALES, NAMES  # heavy (~50 ms): loaded by the first such date

    return LOCALES, NAMES


def pattern_locale(tag: str) -> str | None:
    """The locale whose patterns format ``tag``: a hand-written one, a table tag, or None."""
    parts = tag.split("-")
    for n in range(len(parts), 0, -1):
        candidate = "-".join(parts[:n])
        if candidate in _BY_HAND:
            return _BY_HAND[candidate]
        if candidate in _table()[0]:
            return candidate
    return None


def is_by_hand(tag: str) -> bool:
    return tag in _BY_HAND.values()


@functools.cache
def _data(tag: str) -> dict[str, Any]:
    return merged_data(_table()[0], tag)


def default_cycle(tag: str) -> str:
    """The locale's hour cycle when no option asks for one (resolvedOptions().hourCycle)."""
    return str(_data(tag)["cycle"])


def utc_name(tag: str, style: str) -> str:
    short, long = _data(tag)["utc"]
    return str(long if style == "long" else short)


def _keys(o: _Options) -> tuple[str, str]:
    date = ",".join(f"{letter}{_WIDTH[v]}" for letter, v in (
        ("W", o.weekday), ("Y", o.year), ("M", o.month), ("D", o.day)) if v is not UNDEFINED)
    time = ",".join(f"{letter}{_WIDTH[v]}" for letter, v in (
        ("H", o.hour), ("m", o.minute), ("s", o.second)) if v is not UNDEFINED)
    if time:
        if o.hour is UNDEFINED:
            h12 = "d"
        elif o.hour12 is not UNDEFINED:
            h12 = "t" if o.hour12 else "f"
        elif o.hour_cycle is not UNDEFINED:
            h12 = "t" if o.hour_cycle in ("h11", "h12") else "f"
        else:
            h12 = "d"
        time += "|" + h12
    return date, time


def _pattern(tag: str, o: _Options) -> str:
    data = _data(tag)
    if o.date_style is not UNDEFINED or o.time_style is not UNDEFINED:
        ds = "-" if o.date_style is UNDEFINED else o.date_style
        ts = "-" if o.time_style is UNDEFINED else o.time_style
        return str(data["style"][f"{ds}|{ts}"])
    date, time = _keys(o)
    if date and time:
        whole = data["wtime"].get(date, {}).get(time)
        if whole is not None:
            return str(whole)
        pattern, glue = data["date"][date]
        return str(pattern + glue + data["time"][time])
    return str(data["date"][date][0] if date else data["time"][time])


def pattern_widths(tag: str, o: _Options) -> dict[str, str]:
    """The numeric fields' widths the pattern shows (resolvedOptions reports them: ICU may
    show ``hour: 'numeric'`` as two digits)."""
    out: dict[str, str] = {}
    for m in _TOKEN.finditer(_pattern(tag, o)):
        spec = m.group(2).split(":")[-1]
        if spec in ("n", "2"):
            out[m.group(1)] = "2-digit" if spec == "2" else "numeric"
    return out


def _hour(h: int, cycle: str) -> int:
    if cycle == "h12":
        return h % 12 or 12
    if cycle == "h11":
        return h % 12
    if cycle == "h24":
        return h or 24
    return h


def pattern_parts(tag: str, o: _Options, f: _Fields, zone_name: Any) -> list[tuple[str, str]]:
    """The parts of a date in ``tag``'s pattern for the options ``o``.

    ``zone_name(style)`` gives the time zone's name for a ``{timeZoneName:...}`` token.
    """
    names = _table()[1]
    out: list[tuple[str, str]] = []
    pos = 0
    pattern = _pattern(tag, o)
    for m in _TOKEN.finditer(pattern):
        if m.start() > pos:
            out.append(("literal", pattern[pos:m.start()]))
        pos = m.end()
        field, spec = m.group(1), m.group(2)
        if field == "year":
            year = f.year if f.year > 0 else 1 - f.year
            value = f"{f.year % 100:02d}" if spec == "2" else str(year)
        elif field in ("month", "day", "minute", "second"):
            n = {"month": f.month + 1, "day": f.day, "minute": f.minute, "second": f.second}[field]
            if spec.startswith("#"):
                value = names[int(spec[1:])][f.month]
            else:
                value = f"{n:02d}" if spec == "2" else str(n)
        elif field == "weekday":
            value = names[int(spec[1:])][f.weekday]
        elif field == "hour":
            shown, pad = spec.split(":")
            # An hourCycle option (without hour12) replaces the pattern's hour letter, as V8 does.
            cycle = o.cycle if o.hour12 is UNDEFINED and o.hour_cycle is not UNDEFINED else shown
            h = _hour(f.hour, cycle)
            value = f"{h:02d}" if pad == "2" else str(h)
        elif field == "dayPeriod":
            value = names[int(spec[1:])][0 if f.hour < 12 else 1]
        else:  # timeZoneName
            value = zone_name(spec)
        out.append((field, value))
    if pos < len(pattern):
        out.append(("literal", pattern[pos:]))
    return out
