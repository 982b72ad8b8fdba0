"""Attribute components: Field (typed by suffix), BasicField/BasicRow, details-panel Rows, CreateFormRow.

Kustomer attribute names carry their type as a suffix (Klass attribute naming): ``startTimeAt`` is a date,
``totalNum`` a number, ``optInBool`` a boolean, ``siteUrl`` a link, ``notesTxt`` multi-line
text. ``format_field`` turns a raw value into display nodes by that suffix. Dates show as
``Oct 2, 2026 3:04 PM`` in UTC unless the render context names a time zone (``ctx.tz``: an
IANA name or a ``tzinfo``).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, tzinfo
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from lxml import etree

from ...js import values as jv
from ...js.values import UNDEFINED
from . import dom
from .registry import component, warn

SUFFIX = re.compile(r"(?<=[a-z0-9])(At|Num|Bool|Url|Str|Txt|Id|Tree)\Z")
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def suffix_of(field: str | None) -> str | None:
    """The type suffix of an attribute name (``"startTimeAt"`` → ``"At"``), or None."""
    if not field:
        return None
    m = SUFFIX.search(field.rsplit(".", 1)[-1])
    return m.group(1) if m else None


def humanize(field: str) -> str:
    """An attribute name as a label: ``"custom.startTimeAt"`` → ``"Start Time"``."""
    name = field.rsplit(".", 1)[-1].lstrip("@")
    if suffix_of(name):
        name = SUFFIX.sub("", name)
    words = re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+", name.replace("_", " "))
    return " ".join(w[:1].upper() + w[1:] for w in words) or field


# ---------------------------------------------------------------------------- dates

def render_tz(ctx: Any) -> tzinfo:
    tz = getattr(ctx, "tz", None)
    if isinstance(tz, tzinfo):
        return tz
    if isinstance(tz, str) and tz:
        try:
            return ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError):
            warn(ctx, f"unknown time zone {tz!r}; showing dates in UTC")
    return UTC


def to_datetime(v: Any, tz: tzinfo = UTC) -> datetime | None:
    """An ISO 8601 string, epoch milliseconds or a Date object as an aware datetime."""
    ms: float | None = None
    if isinstance(v, float):
        ms = v
    elif isinstance(v, jv.JSObject) and getattr(v, "class_name", "") == "Date":
        for attr in ("time", "tv", "value", "ms"):
            t = getattr(v, attr, None)
            if isinstance(t, float | int) and not isinstance(t, bool):
                ms = float(t)
                break
    elif isinstance(v, str):
        s = v.strip()
        if not s:
            return None
        try:
            d = datetime.fromisoformat(s)
        except ValueError:
            return None
        if d.tzinfo is None:
            # JS: a date-only form is UTC; a date-time without offset is local time.
            d = d.replace(tzinfo=UTC if len(s) <= 10 else tz)
        return d
    if ms is None or ms != ms or abs(ms) > 8.64e15:
        return None
    return datetime(1970, 1, 1, tzinfo=UTC) + timedelta(milliseconds=ms)


def format_datetime(d: datetime, tz: tzinfo = UTC) -> str:
    """``MMM D, YYYY h:mm A``: ``Oct 2, 2026 3:04 PM``."""
    d = d.astimezone(tz)
    hour = d.hour % 12 or 12
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year} {hour}:{d.minute:02d} {'PM' if d.hour >= 12 else 'AM'}"


# ---------------------------------------------------------------------------- numbers

def format_number(x: float) -> str:
    """``Intl.NumberFormat('en-US')``'s default: grouping, at most three decimals."""
    if x != x:
        return "NaN"
    if x in (jv.INF, -jv.INF):
        return "-\u221e" if x < 0 else "\u221e"
    try:
        d = Decimal(jv.number_to_string(x)).quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)
    except InvalidOperation:
        return jv.number_to_string(x)
    s = f"{d:,f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


# ---------------------------------------------------------------------------- values

def _link(url: Any, ctx: Any, field: str) -> dom.Node:
    href = dom.safe_url(url)
    if href is None:
        warn(ctx, f"dropped unsafe URL in `{field}`: only http(s), mailto and tel links are rendered")
        return dom.empty_node()
    return dom.el("a", "kv-link", href, href=href, target="_blank", rel="noopener noreferrer")


def format_field(field: str, value: Any, ctx: Any) -> list[dom.Node]:
    """Display nodes for an attribute value, formatted by the name's type suffix."""
    if value is UNDEFINED or value is None or value == "":
        return [dom.empty_node()]
    if dom.is_masked(value):
        return [dom.masked_node(value)]
    if isinstance(value, list):
        out: list[dom.Node] = []
        for i, item in enumerate(value):
            if i:
                out.append(", ")
            out.extend(format_field(field, item, ctx))
        return out or [dom.empty_node()]
    suffix = suffix_of(field)
    if suffix == "At":
        tz = render_tz(ctx)
        d = to_datetime(value, tz)
        if d is not None:
            return [dom.el("time", "kv-date", format_datetime(d, tz), datetime=d.astimezone(UTC).isoformat().replace("+00:00", "Z"))]
    elif suffix == "Num":
        n = value if isinstance(value, float) else (jv.to_number(value) if isinstance(value, str) else None)
        if n is not None and n == n:
            return [dom.el("span", "kv-number", format_number(n))]
    elif suffix == "Bool":
        if isinstance(value, bool):
            return ["Yes" if value else "No"]
    elif suffix == "Url":
        return [_link(value, ctx, field)]
    elif suffix == "Txt" and isinstance(value, str):
        return [dom.el("span", "kv-pre-line", value)]
    elif suffix == "Id" and isinstance(value, str):
        return [dom.el("code", "kv-id", value)]
    elif suffix == "Tree" and isinstance(value, str):
        return [" \u203a ".join(p for p in value.split(".") if p)]
    return dom.render_value(value, ctx)


def label_value(cls: str, label: str | None, value_nodes: list[dom.Node], field: str | None = None) -> etree._Element:
    """``<dl class=cls><dt>label</dt><dd>value</dd></dl>``: one label/value pair."""
    root = dom.el("dl", cls, data_kv_field=field)
    dom.sub(root, "dt", "kv-label", label or "")
    dd = dom.sub(root, "dd", "kv-value")
    dom.append_nodes(dd, value_nodes)
    return root


def _field_and_label(props: dict) -> tuple[str, str]:
    field = dom.text_of(props.get("field", UNDEFINED)) or ""
    label = dom.text_of(props.get("label", UNDEFINED))
    return field, label if label is not None else (humanize(field) if field else "")


_VALUE_DESC = (
    "any — the raw value; formatted by the field's type suffix; "
    "`{isMasked, maskedPresentation}` shows the masked text; null shows an em dash"
)


@component(
    "Field",
    props={
        "field": "string — attribute name, e.g. `startTimeAt`; its suffix picks the format "
        "(`At` date, `Num` number, `Bool` Yes/No, `Url` link, `Txt` multi-line, `Str` text, `Id`, `Tree`)",
        "type": "string — the resource, e.g. `kobject.calendly-event` (kept for Kustomer compatibility)",
        "value": _VALUE_DESC,
        "label": "string — (kview) the label; default: the attribute name humanised (`startTimeAt` → Start Time)",
    },
    doc="One attribute of a record, labelled and formatted by type (timeline bodies).",
    context="expanded-timeline",
)
def field(props: dict, children: list, ctx: Any) -> Any:
    name, label = _field_and_label(props)
    suffix = (suffix_of(name) or "").lower()
    root = label_value("kv-field", label, format_field(name, props.get("value", UNDEFINED), ctx), name or None)
    if suffix:
        dom.add_class(root, f"kv-field-{suffix}")
    return root


@component(
    "BasicField",
    props={"label": "string — the label", "value": "any — string, number, element, masked value or null (em dash)"},
    doc="A label/value pair for any value (older timeline component).",
    context="expanded-timeline",
)
def basic_field(props: dict, children: list, ctx: Any) -> Any:
    return _basic_label_value("kv-field kv-basic-field", props, children, ctx)


@component(
    "BasicRow",
    props={"label": "string — the label", "value": "any — string, number, element, masked value or null (em dash)"},
    doc="A read-only label/value row for insight cards.",
    context="smartbar-card",
)
def basic_row(props: dict, children: list, ctx: Any) -> Any:
    return _basic_label_value("kv-row kv-basic-row", props, children, ctx)


def _basic_label_value(cls: str, props: dict, children: list, ctx: Any) -> Any:
    """BasicField / BasicRow: ``label`` and ``value`` (children stand in for an unset value)."""
    value = props.get("value", UNDEFINED)
    nodes = children if children and not dom.is_set(value) else dom.render_value(value, ctx)
    return label_value(cls, dom.text_of(props.get("label", UNDEFINED)), nodes)


def _details_row(cls: str, label: str, value_nodes: list[dom.Node], props: dict, field: str | None = None) -> etree._Element:
    root = label_value(f"kv-row kv-details-row {cls}".strip(), label, value_nodes, field)
    editable = props.get("editable", UNDEFINED)
    if editable is UNDEFINED or dom.flag(editable):
        dd = root[1]
        # An affordance only: editing is Kustomer's, so this button does nothing here.
        dom.sub(dd, "button", "kv-row-edit", "\u270e", type="button", tabindex="-1",
                aria_label=f"Edit {label}".strip(), title="Editing is not available in kview")
    return root


_EDITABLE = "boolean — (kview) show the edit affordance (default true; it does nothing in kview)"


@component(
    "Row",
    props={
        "field": "string — (kview) attribute name; formats the value by its suffix and gives the default label",
        "label": "string — the label (default: humanised `field`)",
        "value": _VALUE_DESC,
        "type": "string — (kview) the resource, kept for compatibility",
        "editable": _EDITABLE,
    },
    doc="An editable attribute row in the insights details panel (editing is inert in kview).",
    context="smartbar-details",
)
def row(props: dict, children: list, ctx: Any) -> Any:
    name, label = _field_and_label(props)
    value = props.get("value", UNDEFINED)
    nodes = children if children and not dom.is_set(value) else format_field(name, value, ctx)
    return _details_row("", label, nodes, props, name or None)


PRIORITY_NAMES = {1: "Lowest", 2: "Low", 3: "Medium", 4: "High", 5: "Urgent"}


@component(
    "RowPriority",
    props={
        "value": "number — conversation priority 1 (lowest) … 5 (urgent), shown as a pill",
        "label": "string — (kview) the label (default `Priority`)",
        "editable": _EDITABLE,
    },
    doc="The details-panel row for conversation priority.",
    context="smartbar-details",
)
def row_priority(props: dict, children: list, ctx: Any) -> Any:
    label = dom.text_of(props.get("label", UNDEFINED)) or "Priority"
    value = props.get("value", UNDEFINED)
    if dom.is_masked(value):
        nodes: list[dom.Node] = [dom.masked_node(value)]
    elif not dom.is_set(value):
        nodes = [dom.empty_node()]
    else:
        n = jv.to_number(value) if isinstance(value, float | str) else jv.NAN
        if n == n and n.is_integer() and 1 <= n <= 5:
            p = int(n)
            pill = dom.el("span", f"kv-pill kv-priority kv-priority-{p}", data_priority=str(p))
            dom.sub(pill, "span", "kv-priority-level", str(p))
            pill[0].tail = f" {PRIORITY_NAMES[p]}"
            nodes = [pill]
        else:
            warn(ctx, f"<RowPriority value={dom.preview(value)}> is not a priority from 1 to 5")
            nodes = dom.render_value(value, ctx)
    return _details_row("kv-row-priority", label, nodes, props)


_HEX_ID = re.compile(r"[0-9a-fA-F]{24}\Z")


def initials(name: str) -> str:
    words = re.findall(r"\w+", name)
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][:2].upper()
    return (words[0][0] + words[-1][0]).upper()


def avatar(item: Any, kind: str) -> etree._Element | None:
    """One assignee: a name, an id, or ``{name|displayName, id, avatarUrl}``."""
    name: str | None = None
    ident: str | None = None
    pic: str | None = None
    if isinstance(item, dict):
        name = dom.text_of(item.get("displayName", UNDEFINED)) or dom.text_of(item.get("name", UNDEFINED))
        ident = dom.text_of(item.get("id", UNDEFINED))
        pic = dom.safe_url(item.get("avatarUrl", UNDEFINED), frozenset({"http", "https"}))
    elif isinstance(item, str | float):
        s = dom.text_of(item) or ""
        if _HEX_ID.match(s):
            ident = s
        else:
            name = s
    if not name and not ident:
        return None
    shown = name or f"{kind} {ident[-6:] if ident else ''}".strip()
    li = dom.el("li", "kv-avatar", title=name or ident, data_kv_id=ident)
    if pic:
        dom.sub(li, "img", "kv-avatar-image", src=pic, alt="", loading="lazy")
    else:
        dom.sub(li, "span", "kv-avatar-initials", initials(name) if name else "#", aria_hidden="true")
    dom.sub(li, "span", "kv-avatar-name", shown)
    return li


def _assignment(props: dict, ctx: Any, kind: str, default_label: str, empty: str) -> etree._Element:
    label = dom.text_of(props.get("label", UNDEFINED)) or default_label
    value = props.get("value", UNDEFINED)
    items = value if isinstance(value, list) else ([] if not dom.is_set(value) else [value])
    limit = props.get("max", UNDEFINED)
    cap = int(limit) if isinstance(limit, float) and limit == limit and limit >= 1 else None
    avatars = [a for a in (avatar(x, kind) for x in items) if a is not None]
    if not avatars:
        nodes: list[dom.Node] = [dom.el("span", "kv-empty", empty)]
    else:
        ul = dom.el("ul", "kv-avatars")
        shown = avatars[:cap] if cap else avatars
        for a in shown:
            ul.append(a)
        if len(avatars) > len(shown):
            dom.sub(ul, "li", "kv-avatar kv-avatar-more", f"+{len(avatars) - len(shown)}")
        nodes = [ul]
    return _details_row(f"kv-row-assignment kv-row-assignment-{kind.lower()}", label, nodes, props)


_ASSIGN_MAX = "number — (kview) show at most this many avatars, then `+N`"


@component(
    "RowAssignmentUser",
    props={
        "value": "array — assigned users: names, 24-hex user ids, or `{name|displayName, id, avatarUrl}`",
        "label": "string — (kview) the label (default `Assigned Users`)",
        "max": _ASSIGN_MAX,
        "editable": _EDITABLE,
    },
    doc="The details-panel row for assigned users, as avatars with initials.",
    context="smartbar-details",
)
def row_assignment_user(props: dict, children: list, ctx: Any) -> Any:
    return _assignment(props, ctx, "User", "Assigned Users", "Unassigned")


@component(
    "RowAssignmentTeam",
    props={
        "value": "array — assigned teams: names, 24-hex team ids, or `{name|displayName, id, avatarUrl}`",
        "label": "string — (kview) the label (default `Assigned Teams`)",
        "max": _ASSIGN_MAX,
        "editable": _EDITABLE,
    },
    doc="The details-panel row for assigned teams, as avatars with initials.",
    context="smartbar-details",
)
def row_assignment_team(props: dict, children: list, ctx: Any) -> Any:
    return _assignment(props, ctx, "Team", "Assigned Teams", "No team")


def _input_value(field: str, value: Any, ctx: Any) -> str | None:
    if not dom.is_set(value):
        return None
    if suffix_of(field) == "At":
        tz = render_tz(ctx)
        d = to_datetime(value, tz)
        if d is not None:
            return d.astimezone(tz).strftime("%Y-%m-%dT%H:%M")
    return dom.text_of(value)


_INPUT_TYPES = {"Num": "number", "At": "datetime-local", "Url": "url", "Bool": "checkbox"}


@component(
    "CreateFormRow",
    props={
        "field": "string — (kview) attribute name; its suffix picks the input (`Num` number, `At` date-time, "
        "`Bool` checkbox, `Url` url, `Txt` textarea, else text) and gives the default label",
        "label": "string — (kview) the label (default: humanised `field`)",
        "value": "any — (kview) the initial value (a masked value shows the masked text, read-only)",
        "type": "string — (kview) the resource, kept for compatibility",
        "placeholder": "string — (kview) input placeholder",
        "required": "boolean — (kview) marks the row required",
        "disabled": "boolean — (kview) disables the input",
    },
    doc="One input row of a Klass create form (inert in kview: nothing is submitted).",
    context="create-form",
)
def create_form_row(props: dict, children: list, ctx: Any) -> Any:
    name, label = _field_and_label(props)
    root = dom.el("label", "kv-form-row", data_kv_field=name or None)
    lab = dom.sub(root, "span", "kv-form-label", label)
    required = dom.flag(props.get("required", UNDEFINED))
    if required:
        dom.sub(lab, "span", "kv-required", "*", aria_hidden="true")
    value = props.get("value", UNDEFINED)
    if dom.is_masked(value):
        root.append(dom.masked_node(value))
        return root
    if children:
        return dom.append_nodes(root, children)
    suffix = suffix_of(name)
    common = {
        "name": name or None,
        "placeholder": dom.text_of(props.get("placeholder", UNDEFINED)),
        "required": "" if required else None,
        "disabled": "" if dom.flag(props.get("disabled", UNDEFINED)) else None,
    }
    if suffix == "Txt":
        dom.sub(root, "textarea", "kv-input", dom.text_of(value) if dom.is_set(value) else "", rows="3", **common)
    elif suffix == "Bool":
        dom.sub(root, "input", "kv-checkbox", type="checkbox", checked="" if value is True else None, **common)
    else:
        dom.sub(root, "input", "kv-input", type=_INPUT_TYPES.get(suffix or "", "text"),
                value=_input_value(name, value, ctx), **common)
    return root
