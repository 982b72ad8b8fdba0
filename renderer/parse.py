"""Template source → ESTree, with esprima's errors turned into located kview errors."""

from __future__ import annotations

import html
import re
from typing import Any

import esprima

from .errors import TemplateSyntaxError

_UNEXPECTED = re.compile(r"Unexpected token (\S+)")


def parse(source: str, name: str = "<template>") -> Any:
    """Parse a template as a sloppy-mode script with JSX (what Kustomer evaluates).

    esprima mutates nothing we pass, but it keeps state on the options object in some
    versions, so each call gets a fresh dict.
    """
    options = {"jsx": True, "loc": True, "range": True}
    try:
        return esprima.parseScript(source, options)
    except esprima.Error as exc:
        raise syntax_error(exc, source, name) from None
    except RecursionError:
        raise TemplateSyntaxError(
            "template is nested too deeply to parse", file=name, line=1, column=0, source=source
        ) from None


def syntax_error(exc: Any, source: str, name: str) -> TemplateSyntaxError:
    line = getattr(exc, "lineNumber", None)
    column = getattr(exc, "column", None)
    description = getattr(exc, "description", None) or str(exc)
    message = _explain(description, source, line)
    col0 = column - 1 if isinstance(column, int) and column > 0 else 0
    lines = source.splitlines()
    if message.startswith("Expected corresponding JSX closing tag") and line and line <= len(lines):
        start = lines[line - 1].rfind("</", 0, col0 + 1)
        col0 = start if start >= 0 else col0  # point at the closing tag, not past it
    return TemplateSyntaxError(message, file=name, line=line, column=col0, source=source)


def _explain(description: str, source: str, line: int | None) -> str:
    """Make esprima's terse messages say what was expected, as Babel's do."""
    description = re.sub(r"^Line \d+: ", "", description)
    m = re.match(r"Expected corresponding JSX closing tag for (\S+)", description)
    if m:
        tag = m.group(1)
        opened = _find_opening(source, tag, line)
        where = f" (opened on line {opened})" if opened else ""
        return f"Expected corresponding JSX closing tag for <{tag}>{where}"
    if description == "Unexpected end of input":
        return "Unexpected end of input: a bracket, brace or JSX tag is not closed"
    m = _UNEXPECTED.match(description)
    if m:
        tok = m.group(1)
        hint = _unterminated_tag(source, line) if tok == "<" else None
        return f"Unexpected token '{tok}'" + (f": {hint}" if hint else "")
    return description


_OPEN_TAG = re.compile(r"<([A-Za-z][\w.]*)\b(?![^<>]*>)")


def _unterminated_tag(source: str, line: int | None) -> str | None:
    """An opening tag that never got its ``>``/``/>`` before the next ``<`` (a common slip)."""
    lines = source.splitlines()
    if not line:
        return None
    for n in range(min(line, len(lines)), max(0, line - 6), -1):
        text = lines[n - 1] if n != line else ""
        found = _OPEN_TAG.findall(text)
        if found:
            return f"the <{found[-1]}> tag opened on line {n} is missing its closing '>' or '/>'"
        if text.strip():
            if ">" in text:
                return None
    return None


def _find_opening(source: str, tag: str, before_line: int | None) -> int | None:
    lines = source.splitlines()
    last = min(len(lines), before_line or len(lines))
    pat = re.compile(r"<" + re.escape(tag) + r"(?=[\s>/])")
    for n in range(last, 0, -1):
        if pat.search(lines[n - 1]):
            return n
    return None


def decode_entities(text: str) -> str:
    """JSX leaves ``&lt;`` and friends undecoded in esprima's output; JSX itself decodes them."""
    if "&" not in text:
        return text
    return html.unescape(text)


def jsx_text(raw: str) -> str:
    """Babel's JSX whitespace rule: trim each line, drop blank lines, join lines with one space."""
    if "\n" not in raw and "\r" not in raw and "\t" not in raw:
        return decode_entities(raw)
    lines = re.split(r"\r\n|\n|\r", raw)
    last_non_empty = 0
    for i, ln in enumerate(lines):
        if re.search(r"[^ \t]", ln):
            last_non_empty = i
    out = []
    for i, ln in enumerate(lines):
        is_first = i == 0
        is_last = i == len(lines) - 1
        is_last_non_empty = i == last_non_empty
        trimmed = ln.replace("\t", " ")
        if not is_first:
            trimmed = trimmed.lstrip(" ")
        if not is_last:
            trimmed = trimmed.rstrip(" ")
        if trimmed:
            if not is_last_non_empty:
                trimmed += " "
            out.append(trimmed)
    return decode_entities("".join(out))
