"""Mock data for templates that come without any: which globals a template uses, plausible records for them, and request tables.

Three jobs, all pure functions of their inputs (no IO, nothing module-global but a bounded cache):

``free_globals(tree)``
    The identifiers an ESTree program references but never declares in any enclosing scope
    (a real scope analysis: ``var``/function hoisting, block scopes, parameters, catch
    clauses, class and named-function-expression names). JSX component names count
    (``<DynamicCard>`` → ``DynamicCard``), lower-case tags do not. Built-ins count too
    (``React``, ``console``, ``window``); callers pick what they know. One extension: the
    pseudo-name ``"this"`` is included when the template reads ``this`` outside any
    non-arrow function (``const data = this`` in KObject timeline views).

``generate_mock(resource, used, seed, custom=None)``
    Plain JSON (Python) data for the record globals: a customer always; the record of the
    view's resource; a conversation / company / KObject when the template uses those
    names; ``appSettings`` when used; ``context`` in JSON:API shape (see ``kustomer.py``).
    Deterministic for a seed: each record draws from its own ``random.Random(f"{seed}:…")``,
    so the customer is the same whatever else a template uses, and dates are offsets from a
    fixed base instant (not the wall clock). Ids are 24-hex (ObjectId-like: 8 hex of the
    creation time + 16 random), dates ISO 8601 UTC with milliseconds. ``custom`` maps a
    record name to custom attribute names the template reads (``referenced_custom_attributes``);
    each gets a value typed by its suffix (``Str``, ``Num``, ``At``, ``Bool``, ``Url``, ``Id``,
    ``Txt``, ``Tree``), so ``this.kobject.custom.eventDurationNum.toString()`` works.

``load_requests(table)``
    Validates a mock request table (the ``--requests`` JSON) into a ``RequestTable``; a bad
    shape is a ``MockDataError`` saying what to write instead. The format:

    * keys ``"METHOD /path"`` (``GET``, ``POST``, ``PUT``, ``PATCH``, ``DELETE``, ``HEAD``,
      ``OPTIONS``, case-insensitive, or ``*`` for any method), or a bare ``"/path"`` which
      also matches any method. The path may be a full URL (``"GET https://api.x.com/v1/a"``,
      what ``fetch`` entries use);
    * in a path, ``:name`` matches one segment (``/v1/customers/:id``) and ``*`` matches any
      run of characters, ``/`` included (``/v1/commands/*/run``). Without a ``?`` in the
      pattern the request's query string is ignored; a trailing ``/`` is ignored;
    * keys with a query string are tried first, then exact keys, then patterns (each group in
      the table's order);
    * a value is the JSON response body, answered with status 200 — unless it is an object
      whose keys are only ``status`` (an integer, required), ``body``, ``headers`` and
      ``delay`` (virtual milliseconds before the answer): then it is that response, e.g.
      ``{"status": 404, "body": {"errors": [...]}}``. An error status without a body gets
      the JSON:API error body Kustomer's API sends for it.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from ..errors import MockDataError
from ..js.compiler.statements import pattern_names
from ..js.values import to_js

# ============================================================================ free globals

_FUNCTIONS = ("FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression")


def _is_node(v: Any) -> bool:
    # esprima's objects answer None for any missing attribute, so test the value, not hasattr
    return type(getattr(v, "type", None)) is str


def _children(node: Any):
    for key, value in vars(node).items():
        if key in ("type", "loc", "range") or key.startswith("_"):
            continue
        if isinstance(value, list):
            for v in value:
                if _is_node(v):
                    yield v
        elif _is_node(value):
            yield value


def _hoisted(stmts: list) -> set[str]:
    """``var`` names and function declarations anywhere in a body, not inside nested functions."""
    out: set[str] = set()

    def visit(node: Any) -> None:
        t = node.type
        if t == "VariableDeclaration":
            if node.kind == "var":
                for d in node.declarations:
                    out.update(pattern_names(d.id))
            return
        if t == "FunctionDeclaration":
            if node.id is not None:
                out.add(node.id.name)  # sloppy mode (Annex B): block functions reach the function scope
            return
        if t in _FUNCTIONS or t in ("ClassDeclaration", "ClassExpression") or not t.endswith(
            ("Statement", "Declaration", "Clause", "SwitchCase")
        ):
            return
        for c in _children(node):
            visit(c)

    for s in stmts:
        visit(s)
    return out


def _lexical(stmts: list) -> set[str]:
    """``let``/``const``/``class``/function names declared directly in a statement list."""
    out: set[str] = set()
    for s in stmts:
        t = s.type
        if t == "VariableDeclaration" and s.kind != "var":
            for d in s.declarations:
                out.update(pattern_names(d.id))
        elif t in ("ClassDeclaration", "FunctionDeclaration") and s.id is not None:
            out.add(s.id.name)
    return out


class _Scope:
    __slots__ = ("names", "parent")

    def __init__(self, names: set[str], parent: _Scope | None) -> None:
        self.names = names
        self.parent = parent

    def has(self, name: str) -> bool:
        s: _Scope | None = self
        while s is not None:
            if name in s.names:
                return True
            s = s.parent
        return False


class _FreeWalker:
    def __init__(self) -> None:
        self.free: set[str] = set()

    def ref(self, name: str, scope: _Scope) -> None:
        if not scope.has(name):
            self.free.add(name)

    def walk(self, node: Any, scope: _Scope, in_fn: bool) -> None:
        if node is None:
            return
        t = node.type
        handler = getattr(self, "w_" + t, None)
        if handler is not None:
            handler(node, scope, in_fn)
            return
        for c in _children(node):
            self.walk(c, scope, in_fn)

    def walk_all(self, nodes: list, scope: _Scope, in_fn: bool) -> None:
        for n in nodes:
            if n is not None:
                self.walk(n, scope, in_fn)

    def decl_pattern(self, p: Any, scope: _Scope, in_fn: bool) -> None:
        """A binding pattern: its names are declared elsewhere; defaults and computed keys are read."""
        if p is None:
            return
        t = p.type
        if t == "ObjectPattern":
            for prop in p.properties:
                if prop.type == "RestElement":
                    self.decl_pattern(prop.argument, scope, in_fn)
                    continue
                if prop.computed:
                    self.walk(prop.key, scope, in_fn)
                self.decl_pattern(prop.value, scope, in_fn)
        elif t == "ArrayPattern":
            for e in p.elements:
                self.decl_pattern(e, scope, in_fn)
        elif t == "AssignmentPattern":
            self.decl_pattern(p.left, scope, in_fn)
            self.walk(p.right, scope, in_fn)
        elif t == "RestElement":
            self.decl_pattern(p.argument, scope, in_fn)
        elif t != "Identifier":  # a member expression target in for-in heads etc.
            self.walk(p, scope, in_fn)

    # ------------------------------------------------------------ scopes
    def w_Program(self, node: Any, scope: _Scope, in_fn: bool) -> None:
        s = _Scope(_hoisted(node.body) | _lexical(node.body), scope)
        self.walk_all(node.body, s, in_fn)

    def _function(self, node: Any, scope: _Scope, in_fn: bool) -> None:
        arrow = node.type == "ArrowFunctionExpression"
        if node.type == "FunctionExpression" and node.id is not None:
            scope = _Scope({node.id.name}, scope)
        names = {n for p in node.params for n in pattern_names(p)}
        if not arrow:
            names.add("arguments")
        body = node.body
        stmts = body.body if body.type == "BlockStatement" else []
        fscope = _Scope(names | _hoisted(stmts) | _lexical(stmts), scope)
        inner = in_fn or not arrow
        for p in node.params:
            self.decl_pattern(p, fscope, inner)
        if body.type == "BlockStatement":
            self.walk_all(stmts, fscope, inner)
        else:
            self.walk(body, fscope, inner)

    w_FunctionDeclaration = w_FunctionExpression = w_ArrowFunctionExpression = _function

    def w_BlockStatement(self, node: Any, scope: _Scope, in_fn: bool) -> None:
        self.walk_all(node.body, _Scope(_lexical(node.body), scope), in_fn)

    def w_SwitchStatement(self, node: Any, scope: _Scope, in_fn: bool) -> None:
        self.walk(node.discriminant, scope, in_fn)
        stmts = [s for c in node.cases for s in c.consequent]
        s = _Scope(_lexical(stmts), scope)
        for c in node.cases:
            self.walk(c.test, s, in_fn)
            self.walk_all(c.consequent, s, in_fn)

    def _loop(self, node: Any, scope: _Scope, in_fn: bool) -> None:
        head = getattr(node, "init", None) if node.type == "ForStatement" else node.left
        names: set[str] = set()
        if head is not None and head.type == "VariableDeclaration" and head.kind != "var":
            names = {n for d in head.declarations for n in pattern_names(d.id)}
        s = _Scope(names, scope) if names else scope
        for c in _children(node):
            self.walk(c, s, in_fn)

    w_ForStatement = w_ForInStatement = w_ForOfStatement = _loop

    def w_CatchClause(self, node: Any, scope: _Scope, in_fn: bool) -> None:
        names = set(pattern_names(node.param)) if node.param is not None else set()
        s = _Scope(names | _lexical(node.body.body), scope)
        if node.param is not None:
            self.decl_pattern(node.param, s, in_fn)
        self.walk_all(node.body.body, s, in_fn)

    def _class(self, node: Any, scope: _Scope, in_fn: bool) -> None:
        self.walk(node.superClass, scope, in_fn)
        if node.id is not None:
            scope = _Scope({node.id.name}, scope)
        for member in node.body.body:
            if member.computed:
                self.walk(member.key, scope, in_fn)
            self.walk(member.value, scope, True)

    w_ClassDeclaration = w_ClassExpression = _class

    # ------------------------------------------------------------ declarations and references
    def w_VariableDeclaration(self, node: Any, scope: _Scope, in_fn: bool) -> None:
        for d in node.declarations:
            self.decl_pattern(d.id, scope, in_fn)
            self.walk(d.init, scope, in_fn)

    def w_Identifier(self, node: Any, scope: _Scope, in_fn: bool) -> None:
        self.ref(node.name, scope)

    def w_ThisExpression(self, node: Any, scope: _Scope, in_fn: bool) -> None:
        if not in_fn:
            self.free.add("this")

    def w_MemberExpression(self, node: Any, scope: _Scope, in_fn: bool) -> None:
        self.walk(node.object, scope, in_fn)
        if node.computed:
            self.walk(node.property, scope, in_fn)

    def w_Property(self, node: Any, scope: _Scope, in_fn: bool) -> None:
        if node.computed:
            self.walk(node.key, scope, in_fn)
        self.walk(node.value, scope, in_fn)

    def w_MethodDefinition(self, node: Any, scope: _Scope, in_fn: bool) -> None:
        if node.computed:
            self.walk(node.key, scope, in_fn)
        self.walk(node.value, scope, True)

    w_PropertyDefinition = w_MethodDefinition

    def w_LabeledStatement(self, node: Any, scope: _Scope, in_fn: bool) -> None:
        self.walk(node.body, scope, in_fn)

    def w_BreakStatement(self, node: Any, scope: _Scope, in_fn: bool) -> None:
        return

    w_ContinueStatement = w_MetaProperty = w_BreakStatement

    # ------------------------------------------------------------ JSX
    def w_JSXOpeningElement(self, node: Any, scope: _Scope, in_fn: bool) -> None:
        name = node.name
        if name.type == "JSXIdentifier":
            n = name.name
            if n[:1].isupper() or n[:1] in ("_", "$"):
                self.ref(n, scope)
        elif name.type == "JSXMemberExpression":
            root = name
            while root.type == "JSXMemberExpression":
                root = root.object
            if root.type == "JSXIdentifier":
                self.ref(root.name, scope)
        for attr in node.attributes:
            if attr.type == "JSXSpreadAttribute":
                self.walk(attr.argument, scope, in_fn)
            else:
                self.walk(attr.value, scope, in_fn)

    def w_JSXClosingElement(self, node: Any, scope: _Scope, in_fn: bool) -> None:
        return


def free_globals(tree: Any) -> set[str]:
    """Identifiers ``tree`` reads but never declares (plus ``"this"`` for a top-level ``this``)."""
    w = _FreeWalker()
    w.walk(tree, _Scope(set(), None), False)
    return w.free


# ============================================================================ custom attributes

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


def referenced_custom_attributes(tree: Any) -> dict[str, set[str]]:
    """Custom attributes a template reads, by record: ``{'kobject': {'eventDurationNum'}, …}``.

    Found in member chains (``customer.custom.tierStr``, ``this.kobject.custom.x``,
    ``context.customer.attributes.custom.x``) and in lodash path strings
    (``_.get(customer, 'custom.@acmeLifetimeValueNum')``). The owner is the last record name
    in the chain (``object`` is the view's own record); chains through other variables
    (``reservation.attributes.custom.x``, data from a request) are not records and are skipped.
    """
    found: dict[str, set[str]] = {}

    def add(owner: str | None, attr: str) -> None:
        if owner is not None and _ATTR_NAME.match(attr):
            found.setdefault(owner, set()).add(attr)

    def visit(node: Any) -> None:
        t = node.type
        if t == "MemberExpression":
            chain = _member_chain(node)
            if chain and "custom" in chain[:-1]:
                i = len(chain) - 1 - chain[::-1].index("custom", 1)
                if i + 1 < len(chain):
                    add(_owner(chain[:i]), chain[i + 1])
        elif t == "CallExpression" and len(node.arguments) >= 2:
            path = node.arguments[1]
            if path.type == "Literal" and isinstance(path.value, str):
                m = _PATH_ATTR.search(path.value)
                if m:
                    chain = _member_chain(node.arguments[0]) or []
                    add(_owner(chain), m.group(1))
        for c in _children(node):
            visit(c)

    visit(tree)
    return found


@dataclass(frozen=True)
class TemplateNeeds:
    used: frozenset[str]
    custom: dict[str, frozenset[str]] = field(default_factory=dict)


def needs_of(tree: Any) -> TemplateNeeds:
    """Free globals and custom attributes of a parsed template (``view.py`` keeps them)."""
    custom = {k: frozenset(v) for k, v in referenced_custom_attributes(tree).items()}
    return TemplateNeeds(frozenset(free_globals(tree)), custom)


def template_needs(source: str) -> TemplateNeeds:
    """``needs_of`` for a source, through the default compile cache (parsed once)."""
    from ..view import compile_view

    return compile_view(source, "<template>").needs


def mock_data_from_needs(needs: TemplateNeeds, resource: str = "customer", seed: str = "kview") -> dict[str, Any]:
    """Generated mock data for what a template uses (what ``render()`` does without data)."""
    return generate_mock(resource, set(needs.used), seed, {k: set(v) for k, v in needs.custom.items()})


def mock_data_for(source: str, resource: str = "customer", seed: str = "kview") -> dict[str, Any]:
    return mock_data_from_needs(template_needs(source), resource, seed)


# ============================================================================ generated records

_BASE = datetime(2026, 6, 1, 12, 0, 0, tzinfo=UTC)  # "now" of generated data: fixed, so output is stable
_FIRST = ["Maya", "Jordan", "Priya", "Lucas", "Amara", "Diego", "Hannah", "Kenji", "Sofia", "Omar",
          "Elena", "Noah", "Aisha", "Mateo", "Chloe", "Ravi"]
_LAST = ["Patel", "Okafor", "Nguyen", "Schmidt", "Garcia", "Kowalski", "Haddad", "Larsen", "Tanaka",
         "Moreau", "Silva", "Brennan", "Ivanova", "Mensah"]
_CITIES = [("Austin", "Texas", "TX", "78701", "United States", "US", 30.2672, -97.7431),
           ("Portland", "Oregon", "OR", "97205", "United States", "US", 45.5152, -122.6784),
           ("Toronto", "Ontario", "ON", "M5H 2N2", "Canada", "CA", 43.6532, -79.3832),
           ("Manchester", "England", "ENG", "M1 1AE", "United Kingdom", "GB", 53.4808, -2.2426),
           ("Lyon", "Auvergne-Rhône-Alpes", "ARA", "69002", "France", "FR", 45.7640, 4.8357)]
_COMPANIES = ["Northwind Outfitters", "Bluebird Analytics", "Cedar & Pine Co.", "Lumen Robotics",
              "Harbor Logistics", "Saffron Kitchens", "Vertex Fitness"]
_TOPICS = [("Where is my order?", "Hi, my order hasn't arrived yet and the tracking page hasn't changed in 3 days."),
           ("Refund request", "I'd like to return the jacket I bought last week, it's the wrong size."),
           ("Can't log in", "I keep getting an error when I try to reset my password."),
           ("Change delivery address", "Can I still change the address on my order? I'm moving on Friday."),
           ("Billing question", "I was charged twice for my subscription this month.")]
_WORDS = ["amber", "harbor", "summit", "willow", "quartz", "meadow", "cobalt", "lantern", "orbit",
          "falcon", "juniper", "atlas"]
_COLORS = ["#5B6CF9", "#2FB67C", "#F5A623", "#E5484D", "#8E4EC6", "#12A594"]


def _iso(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"


def _past(rng: random.Random, max_days: float, min_days: float = 0.0) -> datetime:
    seconds = rng.uniform(min_days * 86400, max_days * 86400)
    return (_BASE - timedelta(seconds=seconds)).replace(microsecond=rng.randrange(1000) * 1000)


def _oid(rng: random.Random, when: datetime) -> str:
    return f"{int(when.timestamp()):08x}{rng.getrandbits(64):016x}"


def _attr_value(rng: random.Random, name: str) -> Any:
    """A value for a custom attribute, typed by its name's suffix (``…Num`` → number, …)."""
    base = name.lstrip("@")
    words = re.sub(r"(Str|Txt|Num|At|Bool|Url|Id|Tree)$", "", base)
    label = re.sub(r"(?<!^)([A-Z])", r" \1", words).lower().strip() or "value"
    if base.endswith("Num"):
        if re.search(r"(?i)count|quantity|qty|number|duration|minutes|days|age|score|rank|level", words):
            return rng.randint(1, 60)
        return round(rng.uniform(10, 2500), 2)
    if base.endswith("At"):
        return _iso(_past(rng, 120))
    if base.endswith("Bool"):
        return rng.random() < 0.6
    if base.endswith("Url"):
        return f"https://example.com/{words.lower() or 'page'}/{rng.randrange(1000, 9999)}"
    if base.endswith("Id"):
        return _oid(rng, _past(rng, 365))
    if base.endswith("Tree"):
        return rng.choice(["billing.refund", "shipping.delayed", "account.access", "product.question"])
    if base.endswith("Txt"):
        return f"Mock {label}: {rng.choice(_WORDS)} {rng.choice(_WORDS)} — generated by kview."
    if re.search(r"(?i)tier|level|plan", words):
        return rng.choice(["gold", "silver", "bronze", "platinum"])
    if re.search(r"(?i)status|state", words):
        return rng.choice(["pending", "confirmed", "shipped", "delivered"])
    if re.search(r"(?i)email", words):
        return f"{rng.choice(_WORDS)}@example.com"
    if re.search(r"(?i)name", words):
        return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
    return f"{label.title()} {rng.choice(_WORDS)}-{rng.randrange(100, 999)}"


def _customer(seed: str) -> dict[str, Any]:
    rng = random.Random(f"{seed}:customer")
    first, last = rng.choice(_FIRST), rng.choice(_LAST)
    created = _past(rng, 900, 200)
    city, region, region_code, zipc, country, cc, lat, lng = rng.choice(_CITIES)
    email = f"{first}.{last}@example.com".lower()
    convs = rng.randint(2, 14)
    open_ = rng.randint(0, min(2, convs))
    return {
        "id": _oid(rng, created),
        "name": f"{first} {last}",
        "displayName": f"{first} {last}",
        "firstName": first,
        "lastName": last,
        "displayColor": rng.choice(["blue", "green", "orange", "purple", "teal"]),
        "externalId": f"cust_{rng.randrange(10000, 99999)}",
        "emails": [{"email": email, "type": "home", "verified": True}],
        "phones": [{"phone": f"+1555{rng.randrange(1000000, 9999999)}", "type": "mobile", "verified": False}],
        "locations": [{"type": "home", "name": f"{city}, {region_code}", "regionName": region,
                       "cityName": city, "zipCode": zipc, "countryName": country, "countryCode": cc,
                       "latitude": lat, "longitude": lng}],
        "tags": [],
        "conversationCounts": {"all": convs, "open": open_, "snoozed": 0, "done": convs - open_},
        "lastActivityAt": _iso(_past(rng, 3)),
        "createdAt": _iso(created),
        "updatedAt": _iso(_past(rng, 10)),
        "verified": True,
        "deleted": False,
        "custom": {
            "loyaltyTierStr": rng.choice(["gold", "silver", "bronze", "platinum"]),
            "lifetimeValueNum": round(rng.uniform(80, 4800), 2),
            "orderCountNum": rng.randint(1, 40),
            "lastOrderAt": _iso(_past(rng, 45)),
            "marketingOptInBool": rng.random() < 0.5,
            "accountUrl": f"https://shop.example.com/account/{rng.randrange(100000, 999999)}",
        },
    }


def _conversation(seed: str, customer_id: str, agent_id: str) -> dict[str, Any]:
    rng = random.Random(f"{seed}:conversation")
    created = _past(rng, 6, 0.5)
    subject, preview = rng.choice(_TOPICS)
    inbound = rng.randint(1, 5)
    outbound = rng.randint(0, inbound)
    return {
        "id": _oid(rng, created),
        "name": subject,
        "preview": preview,
        "channels": [rng.choice(["email", "chat", "sms"])],
        "status": "open",
        "priority": rng.choice([1, 2, 3, 3, 4, 5]),
        "direction": "in",
        "messageCount": inbound + outbound,
        "noteCount": rng.randint(0, 2),
        "inboundMessageCount": inbound,
        "outboundMessageCount": outbound,
        "tags": [],
        "assignedUsers": [agent_id],
        "assignedTeams": [],
        "customer": customer_id,
        "defaultLang": "en_us",
        "locale": "en_us",
        "spam": False,
        "ended": False,
        "createdAt": _iso(created),
        "updatedAt": _iso(_past(rng, 0.5)),
        "lastActivityAt": _iso(_past(rng, 0.4)),
        "custom": {
            "contactReasonStr": rng.choice(["order_status", "refund", "account", "billing"]),
            "orderNumberStr": f"#{rng.randrange(100000, 999999)}",
            "refundRequestedBool": rng.random() < 0.3,
        },
    }


def _company(seed: str) -> dict[str, Any]:
    rng = random.Random(f"{seed}:company")
    created = _past(rng, 1500, 300)
    name = rng.choice(_COMPANIES)
    return {
        "id": _oid(rng, created),
        "name": name,
        "externalId": f"comp_{rng.randrange(1000, 9999)}",
        "domains": [re.sub(r"[^a-z]", "", name.lower().split()[0]) + ".example.com"],
        "createdAt": _iso(created),
        "updatedAt": _iso(_past(rng, 30)),
        "custom": {
            "industryStr": rng.choice(["retail", "software", "logistics", "hospitality"]),
            "employeeCountNum": rng.choice([12, 48, 250, 1200]),
            "planStr": rng.choice(["starter", "growth", "enterprise"]),
            "renewalAt": _iso(_BASE + timedelta(days=rng.randint(20, 300))),
        },
    }


def _placeholder_image(color: str, text: str) -> str:
    svg = (f"<svg xmlns='http://www.w3.org/2000/svg' width='160' height='100'>"
           f"<rect width='160' height='100' fill='{color}'/>"
           f"<text x='80' y='56' font-family='sans-serif' font-size='14' fill='white' "
           f"text-anchor='middle'>{text}</text></svg>")
    from urllib.parse import quote

    return "data:image/svg+xml," + quote(svg, safe=" ='/:")


def _kobject(seed: str, klass: str) -> dict[str, Any]:
    rng = random.Random(f"{seed}:kobject:{klass}")
    created = _past(rng, 60, 1)
    label = re.sub(r"[-_.]+", " ", klass.split("-", 1)[-1]).strip().title() or "Object"
    number = rng.randrange(1000, 99999)
    color = rng.choice(_COLORS)
    slug = re.sub(r"\W+", "_", klass.split("-")[-1])
    return {
        "id": _oid(rng, created),
        "title": f"{label} #{number}",
        "description": f"{label} created {created.strftime('%b %-d, %Y')} · {rng.choice(['pending', 'confirmed', 'shipped', 'delivered'])}",
        "externalId": f"{slug}_{number}",
        "icon": "cart" if "order" in klass.lower() else "file",
        "images": [{"url": _placeholder_image(color, f"{label} #{number}"), "name": f"{label.lower()}-{number}.svg"}],
        "data": {},
        "tags": [],
        "createdAt": _iso(created),
        "updatedAt": _iso(_past(rng, 1)),
        "custom": {
            "statusStr": rng.choice(["pending", "confirmed", "shipped", "delivered"]),
            "totalNum": round(rng.uniform(15, 900), 2),
            "quantityNum": rng.randint(1, 6),
            "placedAt": _iso(created),
            "paidBool": rng.random() < 0.7,
            "trackingUrl": f"https://tracking.example.com/{rng.randrange(10**9, 10**10)}",
        },
    }


def _app_settings(seed: str) -> dict[str, Any]:
    rng = random.Random(f"{seed}:appSettings")
    app = "kview_mock_app"
    pairs = [("apiKey", f"mock-{rng.getrandbits(48):012x}"), ("baseUrl", "https://api.example.com"),
             ("enabled", True)]
    return {"default": [{"type": "setting", "attributes": {"name": n, "value": v, "app": app}} for n, v in pairs]}


def generate_mock(
    resource: str = "customer",
    used: set[str] | frozenset[str] = frozenset(),
    seed: str = "kview",
    custom: dict[str, set[str]] | None = None,
) -> dict[str, Any]:
    """Plausible JSON data for a view on ``resource`` whose template uses the globals ``used``."""
    from .records import DEFAULT_USER, build_context, primary_name

    resource = (resource or "customer").strip()
    primary = primary_name(resource)
    custom = custom or {}
    out: dict[str, Any] = {"customer": _customer(seed)}
    if primary == "conversation" or "conversation" in used or "conversation" in custom:
        out["conversation"] = _conversation(seed, out["customer"]["id"], DEFAULT_USER["id"])
    if primary == "company" or "company" in used or "company" in custom:
        out["company"] = _company(seed)
    if primary == "kobject" or "kobject" in used or "kobject" in custom:
        klass = resource.split(".", 1)[1] if resource.startswith("kobject.") else "kview-example"
        out["kobject"] = _kobject(seed, klass)
    if primary not in out:  # a resource kview has no generator for (message, user, …)
        rng = random.Random(f"{seed}:{resource}")
        created = _past(rng, 30)
        out[primary] = {"id": _oid(rng, created), "createdAt": _iso(created), "custom": {}}
    for owner, attrs in custom.items():
        record = out.get(primary if owner == "object" else owner)
        if record is None:
            continue
        bag = record.setdefault("custom", {})
        for attr in sorted(attrs):
            if attr not in bag:
                bag[attr] = _attr_value(random.Random(f"{seed}:{owner}:{attr}"), attr)
    if "appSettings" in used:
        out["appSettings"] = _app_settings(seed)
    out["context"] = build_context(out, resource)
    return out


# ============================================================================ request tables

HTTP_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")
_ENVELOPE_KEYS = frozenset({"status", "body", "headers", "delay"})
_STATUS_TITLES = {400: ("bad_request", "Bad Request"), 401: ("unauthorized", "Unauthorized"),
                  403: ("forbidden", "Forbidden"), 404: ("not_found", "Not Found"),
                  409: ("conflict", "Conflict"), 422: ("unprocessable_entity", "Unprocessable Entity"),
                  429: ("too_many_requests", "Too Many Requests"),
                  500: ("internal_server_error", "Internal Server Error"),
                  502: ("bad_gateway", "Bad Gateway"), 503: ("service_unavailable", "Service Unavailable")}


def error_body(status: int, detail: str) -> dict[str, Any]:
    """The JSON:API error body Kustomer's API answers with for ``status``."""
    code, title = _STATUS_TITLES.get(status, ("error", "Error"))
    return {"errors": [{"status": status, "code": code, "title": title, "detail": detail}]}


@dataclass(frozen=True)
class MockResponse:
    status: int
    body: Any  # JSON (Python) data, converted to JS values afresh for every request
    headers: dict[str, str] = field(default_factory=dict)
    delay_ms: float = 0.0

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


@dataclass(frozen=True)
class Route:
    key: str  # as written in the table
    method: str  # upper case, or "*"
    pattern: str
    regex: re.Pattern
    exact: bool
    response: MockResponse


def _split_url(url: str) -> tuple[str, str]:
    url = url.split("#", 1)[0]
    path, _, query = url.partition("?")
    if len(path) > 1 and path.endswith("/"):
        path = path[:-1]
    return path, query


def _compile_pattern(pattern: str) -> tuple[re.Pattern, bool]:
    path, query = _split_url(pattern)
    has_query = "?" in pattern
    out, exact = [], True
    for tok in re.split(r"(\*|(?<=/):[A-Za-z_]\w*)", path + ("?" + query if has_query else "")):
        if tok == "*":
            out.append(".*")
            exact = False
        elif tok.startswith(":") and len(tok) > 1:
            out.append(f"(?P<{tok[1:]}>[^/?#]+)")
            exact = False
        else:
            out.append(re.escape(tok))
    return re.compile("".join(out) + r"\Z"), exact


class RequestTable:
    """Routes of a validated request table; ``match(method, url)`` finds the answering one."""

    def __init__(self, routes: list[Route] | None = None) -> None:
        self.routes = routes or []

    def __len__(self) -> int:
        return len(self.routes)

    def match(self, method: str, url: str, *, path_fallback: bool = False) -> tuple[Route, dict[str, str]] | None:
        """The route for ``METHOD url`` and its ``:param`` values, or None.

        With ``path_fallback`` an absolute URL also tries its path (``https://x.kustomerapp.com/v1/a``
        → ``/v1/a``), as ``KustomerRequest`` URLs are API paths.
        """
        method = method.upper()
        candidates = [url]
        if path_fallback:
            m = re.match(r"https?://[^/]+(/.*)?\Z", url)
            if m:
                candidates.append(m.group(1) or "/")
        for with_query, exact in ((True, True), (True, False), (False, True), (False, False)):
            for cand in candidates:
                path, query = _split_url(cand)
                for r in self.routes:
                    if r.exact != exact or ("?" in r.pattern) != with_query or r.method not in ("*", method):
                        continue
                    subject = path + ("?" + query if "?" in r.pattern else "")
                    m = r.regex.match(subject)
                    if m:
                        return r, m.groupdict()
        return None


def _parse_key(key: Any, name: str) -> tuple[str, str]:
    if not isinstance(key, str) or not key.strip():
        raise MockDataError(f"a key must be a string like \"GET /v1/users/current\", not {key!r}", file=name)
    parts = key.split()
    if len(parts) == 1:
        method, path = "*", parts[0]
    elif len(parts) == 2:
        method, path = parts[0].upper(), parts[1]
        if method not in HTTP_METHODS and method != "*":
            raise MockDataError(
                f"unknown HTTP method {parts[0]!r} in {key!r} "
                f"(use {', '.join(HTTP_METHODS)} or * for any)", file=name)
    else:
        raise MockDataError(
            f"{key!r} is not \"METHOD /path\" (one method, one space, one path; "
            "encode spaces in the path as %20)", file=name)
    if not (path.startswith("/") or re.match(r"https?://", path)):
        raise MockDataError(
            f"the path in {key!r} must start with / (an API path like /v1/customers/:id) "
            "or http(s):// (a full URL, for fetch)", file=name)
    return method, path


def _check_json(value: Any, where: str, name: str) -> None:
    try:
        to_js(value, where)
    except ValueError as exc:
        raise MockDataError(str(exc), file=name) from None


def _parse_response(value: Any, key: str, name: str, path: str) -> MockResponse:
    where = f"$[{json.dumps(key)}]"
    if isinstance(value, dict) and "status" in value and set(value) <= _ENVELOPE_KEYS:
        status = value["status"]
        if type(status) is not int or not 100 <= status <= 599:
            raise MockDataError(
                f"{where}.status must be an HTTP status code (an integer 100-599), not {status!r}",
                file=name)
        headers = value.get("headers", {})
        if not isinstance(headers, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in headers.items()):
            raise MockDataError(f"{where}.headers must be an object of strings", file=name)
        delay = value.get("delay", 0)
        if type(delay) not in (int, float) or not 0 <= delay <= 60_000:
            raise MockDataError(f"{where}.delay must be a number of milliseconds (0-60000), not {delay!r}", file=name)
        if "body" in value:
            body = value["body"]
            _check_json(body, where + ".body", name)
        elif status >= 400:
            body = error_body(status, f"kview: mocked {status} for {key}")
        else:
            body = None
        return MockResponse(status, body, dict(headers), float(delay))
    _check_json(value, where, name)
    return MockResponse(200, value)


def load_requests(table: Any, name: str = "requests") -> RequestTable:
    """Validate a request table (JSON data) into a ``RequestTable``; ``MockDataError`` if malformed."""
    if table is None:
        return RequestTable()
    if isinstance(table, RequestTable):
        return table
    if not isinstance(table, dict):
        raise MockDataError(
            f"{name} must be a JSON object mapping \"METHOD /path\" to a response body, e.g. "
            f"{{\"GET /v1/users/current\": {{\"data\": {{…}}}}}}, not a {type(table).__name__}", file=name)
    routes: list[Route] = []
    seen: dict[tuple[str, str], str] = {}
    for key, value in table.items():
        method, path = _parse_key(key, name)
        norm = (method, "".join(_split_url(path)) + ("?" if "?" in path else ""))
        if norm in seen:
            raise MockDataError(f"{key!r} repeats the route {seen[norm]!r}", file=name)
        seen[norm] = key
        regex, exact = _compile_pattern(path)
        routes.append(Route(key, method, path, regex, exact, _parse_response(value, key, name, path)))
    return RequestTable(routes)
