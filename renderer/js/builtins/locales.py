"""Locale negotiation and option reading shared by Intl.DateTimeFormat and Intl.NumberFormat."""

from __future__ import annotations

from typing import Any

from ..members import get_member
from ..values import UNDEFINED, JSObject, range_error, to_string, type_error

# ============================================================================ locales

def _resolve_locale(locales: Any) -> str:
    """The first requested locale (canonical case), default en-US."""
    if locales is UNDEFINED or locales is None:
        if locales is None:
            type_error("Cannot convert undefined or null to object")
        return "en-US"
    if isinstance(locales, list):
        if not locales:
            return "en-US"
        locales = locales[0]
    if type(locales) is not str:
        if isinstance(locales, JSObject) or isinstance(locales, dict):
            return "en-US"
        type_error("Incorrect locale information provided")
    tag = locales.strip()
    if not tag or "_" in tag or not all(p.isalnum() for p in tag.split("-")):
        range_error("Incorrect locale information provided")
    parts = tag.split("-")
    out = [parts[0].lower()]
    for p in parts[1:]:
        if len(p) == 2 and p.isalpha():
            out.append(p.upper())
        elif len(p) == 4 and p.isalpha():
            out.append(p.title())
        else:
            out.append(p.lower())
    return "-".join(out)


def _lang(locale: str) -> str:
    return locale.split("-")[0]


def _option(options: Any, name: str, allowed: tuple[str, ...] | None = None,
            where: str = "Intl.DateTimeFormat") -> Any:
    if options is UNDEFINED or options is None:
        return UNDEFINED
    v = get_member(options, name)
    if v is UNDEFINED:
        return UNDEFINED
    if allowed is not None:
        if type(v) is bool:
            s = "true" if v else "false"
        else:
            s = to_string(v)
        if s not in allowed:
            range_error(f"Value {s} out of range for {where} options property {name}")
        return s
    return v
