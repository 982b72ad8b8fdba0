"""Template source → ESTree, with esprima's errors turned into located kview errors."""

from __future__ import annotations

import html
import re
from typing import Any

import esprima
from esprima.jsx_parser import JSXParser

from ..errors import TemplateSyntaxError

_UNEXPECTED = re.compile(r"Unexpected token (\S+)")


def _balance_jsx_braces() -> None:
    """Work around an esprima bug: JSX ``{expr}`` inside a template literal's ``${…}``.

    esprima's scanner keeps a stack of open braces to know when a ``}`` resumes a template
    literal. A JSX expression container's ``{`` is read by the JSX lexer, which does not push
    it, while its ``}`` is read by the JS scanner, which pops, so a template literal such as
    ```${<b>{x}</b>}` `` was misread as ending at the first ``}``. Each container now pushes
    its own ``{``; the closing ``}`` pops it, and an empty container (``{/* */}``) leaves it to
    be dropped here.
    """
    if getattr(JSXParser, "_kview_balanced", False):
        return

    def balanced(method: Any) -> Any:
        def run(self: Any, *args: Any) -> Any:
            depth = len(self.scanner.curlyStack)
            self.scanner.curlyStack.append("{")
            try:
                return method(self, *args)
            finally:
                del self.scanner.curlyStack[depth:]

        return run

    for name in ("parseJSXExpressionAttribute", "parseJSXSpreadAttribute", "parseJSXExpressionContainer"):
        setattr(JSXParser, name, balanced(getattr(JSXParser, name)))
    JSXParser._kview_balanced = True


_balance_jsx_braces()


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
    except AssertionError as exc:  # an esprima internal check: still the template's problem
        raise TemplateSyntaxError(
            f"the parser could not read this template ({exc})", file=name, line=1, column=0, source=source
        ) from None
    except RecursionError:
        raise TemplateSyntaxError(
            "template is nested too deeply to parse", file=name, line=1, column=0, source=source
        ) from None


def syntax_error(exc: Any, source: str, name: str) -> TemplateSyntaxError:
    line = getattr(exc, "lineNumber", None)
    column = getattr(exc, "column", None)
    description = getattr(exc, "description", None) or str(exc)
    message = _explain(description, source, line, column)
    col0 = column - 1 if isinstance(column, int) and column > 0 else 0
    lines = source.splitlines()
    if message.startswith(("Expected corresponding JSX closing tag", "Unexpected '</'")) and line and line <= len(lines):
        start = lines[line - 1].rfind("</", 0, col0 + 1)
        col0 = start if start >= 0 else col0  # point at the closing tag, not past it
    return TemplateSyntaxError(message, file=name, line=line, column=col0, source=source)


def _explain(description: str, source: str, line: int | None, column: int | None = None) -> str:
    """Make esprima's terse messages say what was expected, as Babel's do."""
    description = re.sub(r"^Line \d+: ", "", description)
    if description == "Invalid regular expression: missing /" and line:
        text = source.splitlines()[line - 1] if line <= len(source.splitlines()) else ""
        if "</" in text:  # a JSX closing tag read as a regex: an expression was left open
            hint = _bracket_hint(source, line, "<")
            return "Unexpected '</'" + (f": {hint}" if hint else ": is a '{' or '(' in the JSX above not closed?")
    m = re.match(r"Expected corresponding JSX closing tag for (\S+)", description)
    if m:
        tag = m.group(1)
        opened = _find_opening(source, tag, line)
        where = f" (opened on line {opened})" if opened else ""
        return f"Expected corresponding JSX closing tag for <{tag}>{where}"
    if description == "Unexpected end of input":
        hint = _bracket_hint(source, None, None)
        return "Unexpected end of input: " + (hint or "a bracket, brace or JSX tag is not closed")
    m = _UNEXPECTED.match(description)
    if m:
        tok = m.group(1)
        hint = _unterminated_tag(source, line) if tok == "<" else None
        hint = hint or _missing_expression(source, line, column, tok) or _bracket_hint(source, line, tok)
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


_PAIRS = {"(": ")", "[": "]", "{": "}"}
_NEEDS_OPERAND = tuple("?:=(,[+-*/%&|!<>")


def _missing_expression(source: str, line: int | None, column: int | None, tok: str) -> str | None:
    """``a ? b : }`` — the token came where an expression should have been."""
    if not line or column is None or tok not in ("}", ")", "]", ";", ","):
        return None
    before = "\n".join(source.splitlines()[: line - 1] + [source.splitlines()[line - 1][: max(column - 1, 0)]])
    stripped = before.rstrip()
    if stripped.endswith(_NEEDS_OPERAND) and not stripped.endswith(("++", "--")):
        return f"expected an expression after '{stripped[-1]}'"
    return None


def _bracket_hint(source: str, line: int | None, tok: str | None) -> str | None:
    """What was expected, from the brackets still open where parsing stopped (Babel-like)."""
    try:
        tokens = esprima.tokenize(source, {"jsx": True, "tolerant": True, "loc": True})
    except Exception:  # noqa: BLE001 - a hint is optional
        return None
    stack: list[tuple[str, int]] = []
    for t in tokens:
        if line is not None and t.loc.start.line >= line and t.value == tok:
            break
        v = t.value
        if t.type != "Punctuator":
            continue
        if v in _PAIRS or v == "${":
            stack.append(("{" if v == "${" else v, t.loc.start.line))
        elif v in (")", "]", "}") and stack and _PAIRS[stack[-1][0]] == v:
            stack.pop()
    if not stack:
        return None
    opener, opened = stack[-1]
    closer = _PAIRS[opener]
    if tok is not None and tok == closer:
        return None
    return f"expected '{closer}' to close the '{opener}' opened on line {opened}"


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
