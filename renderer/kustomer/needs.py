"""What a template needs from its data: the globals it reads and the custom attributes it uses.

Computed once per compiled view (``renderer/view.py``) so mock data can be generated without
parsing again. The globals come from ``renderer.js.analysis.free_globals``:

        The identifiers an ESTree program references but never declares in any enclosing scope
        (a real scope analysis: ``var``/function hoisting, block scopes, parameters, catch
        clauses, class and named-function-expression names). JSX component names count
        (``<DynamicCard>`` → ``DynamicCard``), lower-case tags do not. Built-ins count too
        (``React``, ``console``, ``window``); callers pick what they know. One extension: the
        pseudo-name ``"this"`` is included when the template reads ``this`` outside any
        non-arrow function (``const data = this`` in KObject timeline views).

``referenced_data(tree)`` maps a record name to the custom attribute names the template reads
(``customer.custom.tierStr`` → ``{"customer": {"tierStr"}}``), and finds the records reached
through ``this`` and ``context``
(``this.kobject.title``, ``context.conversation``) and the KObjects of other Klasses the Cards SDK
context carries (``context["kobject.group_booking"]``), so generated data has them too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..js.analysis import child_nodes, free_globals

RECORD_NAMES = ("customer", "conversation", "company", "kobject", "object")
_ATTR_NAME = re.compile(r"@?[A-Za-z_$][\w$]*\Z")
_PATH_ATTR = re.compile(r"(?:^|\.)custom\.(@?[A-Za-z_$][\w$]*)")


def _member_chain(node: Any) -> list[str] | None:
    """``this.kobject.custom.x`` → ``['this', 'kobject', 'custom', 'x']``; None when not static."""
    out: list[str] = []
    while True:
        t = node.type
        if t == "ChainExpression":
            node = node.expression
            continue
        if t == "MemberExpression":
            p = node.property
            if not node.computed and p.type == "Identifier":
                out.append(p.name)
            elif p.type == "Literal" and isinstance(p.value, str):
                out.append(p.value)
            else:
                return None
            node = node.object
            continue
        if t == "Identifier":
            out.append(node.name)
        elif t == "ThisExpression":
            out.append("this")
        else:
            return None
        return out[::-1]


def _owner(chain: list[str]) -> str | None:
    for name in reversed(chain):
        if name in RECORD_NAMES:
            return name
    return None


def referenced_data(tree: Any) -> tuple[dict[str, set[str]], set[str], set[str]]:
    """What a template reaches in its records, in one walk of the tree:

    - custom attributes, by record: ``{'kobject': {'eventDurationNum'}, …}``, found in member
      chains (``customer.custom.tierStr``, ``this.kobject.custom.x``,
      ``context.customer.attributes.custom.x``) and in lodash path strings
      (``_.get(customer, 'custom.@acmeLifetimeValueNum')``). The owner is the last record name in
      the chain (``object`` is the view's own record); chains through other variables
      (``reservation.attributes.custom.x``, data from a request) are not records and are skipped;
    - the record names reached as ``this.X`` / ``context.X``;
    - the Klasses reached as ``context["kobject.K"]``.
    """
    custom: dict[str, set[str]] = {}
    records: set[str] = set()
    klasses: set[str] = set()

    def add(owner: str | None, attr: str) -> None:
        if owner is not None and _ATTR_NAME.match(attr):
            custom.setdefault(owner, set()).add(attr)

    stack = [tree]
    while stack:
        node = stack.pop()
        t = node.type
        if t == "MemberExpression":
            chain = _member_chain(node)
            if chain:
                if "custom" in chain[:-1]:
                    i = len(chain) - 1 - chain[::-1].index("custom", 1)
                    if i + 1 < len(chain):
                        add(_owner(chain[:i]), chain[i + 1])
                if len(chain) > 1 and chain[0] in ("this", "context"):
                    if chain[1] in RECORD_NAMES:
                        records.add(chain[1])
                    elif chain[0] == "context" and chain[1].startswith("kobject.") and len(chain[1]) > 8:
                        klasses.add(chain[1][8:])
        elif t == "CallExpression" and len(node.arguments) >= 2:
            path = node.arguments[1]
            if path.type == "Literal" and isinstance(path.value, str):
                m = _PATH_ATTR.search(path.value)
                if m:
                    add(_owner(_member_chain(node.arguments[0]) or []), m.group(1))
        stack.extend(child_nodes(node))
    return custom, records, klasses


@dataclass(frozen=True)
class TemplateNeeds:
    used: frozenset[str]
    custom: dict[str, frozenset[str]] = field(default_factory=dict)
    records: frozenset[str] = frozenset()  # reached as this.<record> or context.<record>
    klasses: frozenset[str] = frozenset()  # KObjects of other Klasses: context["kobject.<klass>"]


def needs_of(tree: Any) -> TemplateNeeds:
    """Free globals, custom attributes and records reached indirectly, of a parsed template
    (``view.py`` keeps them)."""
    custom, records, klasses = referenced_data(tree)
    return TemplateNeeds(frozenset(free_globals(tree)), {k: frozenset(v) for k, v in custom.items()},
                         frozenset(records), frozenset(klasses))
