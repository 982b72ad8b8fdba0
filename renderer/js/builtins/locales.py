"""Locale negotiation and option reading shared by the Intl constructors.

``cldr_locale`` matches a request against the generated CLDR data (``intl_data.py``) and warns
the render when it has to fall back to another language.
"""

from __future__ import annotations

import functools
from typing import Any

from .. import limits
from ..members import get_member
from ..values import UNDEFINED, JSObject, range_error, to_string, type_error

# ============================================================================ locales

def _resolve_locale(locales: Any) -> str:
    """The first requested locale (canonical case), default en-US.

    As CanonicalizeLocaleList: a number or boolean is an empty list; inside a list only strings
    and objects may appear.
    """
    if locales is UNDEFINED or locales is None:
        if locales is None:
            type_error("Cannot convert undefined or null to object")
        return "en-US"
    if type(locales) in (float, bool):
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


# ============================================================================ CLDR data locales

def _merged(base: Any, overlay: Any) -> Any:
    if isinstance(overlay, dict) and "$whole" in overlay:
        return overlay["$whole"]
    if isinstance(base, dict) and isinstance(overlay, dict):
        return {k: _merged(base.get(k), overlay[k]) if k in overlay else v
                for k, v in {**base, **overlay}.items()}
    return overlay


@functools.cache
def intl_locales() -> dict[str, dict[str, Any]]:
    """``intl_data.LOCALES``, imported on first use (a large table most renders never need)."""
    from .intl_data import LOCALES  # heavy (~25 ms): only renders that use these APIs load it

    return LOCALES


def merged_data(table: dict[str, dict[str, Any]], tag: str) -> dict[str, Any]:
    """A tag's entry in a generated table: its language's, overlaid by what the tag changes.

    An overlay dict holds the keys it changes, or ``{"$whole": dict}`` to replace a dict.
    """
    lang = _lang(tag)
    base = table[lang]
    return base if tag == lang else dict(_merged(base, table[tag]))


@functools.cache
def cldr_data(tag: str) -> dict[str, Any]:
    """The generated data of a tag in ``intl_data.LOCALES``."""
    return merged_data(intl_locales(), tag)


def reported_locale(tag: str, api: str) -> str:
    """The locale ``resolvedOptions()`` names for a data tag (``api``: rtf, plural or list)."""
    return str(intl_locales()[tag].get("resolved", {}).get(api, tag))


def cldr_locale(locales: Any, where: str) -> str:
    """The ``intl_data`` tag for the requested locales, as V8's lookup matches it.

    Subtags are dropped from the end until a tag has data: a known region (``fr-CA``) is used
    as is, an unknown one (``de-XX``) or a script (``pt-Latn-BR``) falls back to its language.
    A language kview has no data for formats as ``en-US`` and the render gets a warning saying
    so (``where`` names the API).
    """
    tag = _resolve_locale(locales)
    parts = tag.split("-")
    for n in range(len(parts), 0, -1):
        candidate = "-".join(parts[:n])
        if candidate in intl_locales():
            return candidate
    warn_locale_fallback(where, tag, "en-US")
    return "en-US"


def warn_locale_fallback(where: str, requested: str, used: str) -> None:
    """Tell the render that a locale kview does not cover was formatted as another one."""
    langs = ", ".join(sorted({_lang(t) for t in intl_locales()}))
    warn_intl(f"{where}: locale '{requested}' is not covered by kview ({langs}); "
              f"formatted as '{used}'")


def warn_intl(message: str) -> None:
    """A render warning (kind ``unsupported-locale``) from an Intl formatter; none outside a render."""
    try:
        rt = limits.current()
    except LookupError:  # outside a render (a unit test calling the built-in directly)
        return
    if rt is not None:
        rt.warn(message, rt.loc, kind="unsupported-locale")


def cldr_supported(locales: Any) -> list[str]:
    """``supportedLocalesOf``: the requested tags (canonical) that kview has data for."""
    if locales is UNDEFINED:
        return []
    items = locales if isinstance(locales, list) else [locales]
    out: list[str] = []
    for item in items:
        tag = _resolve_locale(item)
        if _lang(tag) in intl_locales() and tag not in out:
            out.append(tag)
    return out


def coerce_options(options: Any, where: str) -> Any:
    """CoerceOptionsToObject (ECMA-402): null throws, a primitive has no options."""
    if options is None:
        type_error(f"{where} called on null or undefined")
    if type(options) in (str, float, bool):
        return UNDEFINED
    return options


def options_object(options: Any) -> Any:
    """GetOptionsObject (ECMA-402): undefined or an object; anything else is V8's TypeError."""
    if options is not UNDEFINED and (options is None or type(options) in (str, float, bool)):
        type_error("invalid_argument")
    return options
