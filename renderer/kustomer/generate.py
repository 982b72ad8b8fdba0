"""Generated mock records: plausible Kustomer data for a view that comes without any.

``generate_mock(resource, used, seed, custom=None)``
    Plain JSON (Python) data for the record globals: a customer always; the record of the
    view's resource; a conversation / company / KObject when the template uses those
    names; ``appSettings`` when used; ``context`` in JSON:API shape (see ``records.py``).
    Deterministic for a seed: each record draws from its own ``random.Random(f"{seed}:…")``,
    so the customer is the same whatever else a template uses, and dates are offsets from a
    fixed base instant (not the wall clock). Ids are 24-hex (ObjectId-like: 8 hex of the
    creation time + 16 random), dates ISO 8601 UTC with milliseconds. ``custom`` maps a
    record name to custom attribute names the template reads (``needs.referenced_data``);
    each gets a value typed by its suffix (``Str``, ``Num``, ``At``, ``Bool``, ``Url``, ``Id``,
    ``Txt``, ``Tree``), so ``this.kobject.custom.eventDurationNum.toString()`` works.
    ``klasses`` (``klasses.klass_attributes`` of the app's definition) gives a Klass the app
    defines exactly its attributes, and adds an app's attributes to standard objects.

``fill_missing(data, needs, resource, seed, klasses)``
    The last source of a view's data: the records the template reads that ``data`` (a
    scenario, fixtures) lacks, generated. A record counts as given under any of its names
    (``object``, ``kobject``, the resource, ``this.kobject``); a key set to ``null`` is given.
"""

from __future__ import annotations

import random
import re
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote

from .klasses import STANDARD_KLASSES
from .needs import TemplateNeeds
from .records import DEFAULT_USER, build_context, flatten_record, primary_name

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
    if base.endswith("Urls"):  # a plural: a list (of pictures when it says so, drawn inline)
        stem = base[:-4]
        if re.search(r"(?i)photo|image|picture|pic|thumb|avatar|logo", stem):
            colours = rng.sample(["#5B6CF9", "#2FB67C", "#E5484D", "#F5A524", "#7C5CFC"], 3)
            return [_placeholder_image(c, f"{stem.lower() or 'image'} {i + 1}") for i, c in enumerate(colours)]
        return [f"https://example.com/{stem.lower() or 'page'}/{rng.randrange(1000, 9999)}" for _ in range(2)]
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
    if re.search(r"(?i)address", words):
        city = rng.choice(_CITIES)
        return f"{rng.randrange(10, 999)} {rng.choice(_WORDS).title()} Street, {city[0]} {city[2]} {city[3]}"
    if re.search(r"(?i)number|code|ref", words):
        return str(rng.randrange(1000, 99999))
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
    return "data:image/svg+xml," + quote(svg, safe=" ='/:")


def _kobject(seed: str, klass: str, attrs: tuple[str, ...] | None = None) -> dict[str, Any]:
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
        } if attrs is None else {  # the app defines this Klass: exactly its attributes
            a: _attr_value(random.Random(f"{seed}:kobject:{klass}:{a}"), a) for a in attrs
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
    klasses: dict[str, tuple[str, ...]] | None = None,
    context_klasses: frozenset[str] | set[str] = frozenset(),
) -> dict[str, Any]:
    """Plausible JSON data for a view on ``resource`` whose template uses the globals ``used``
    (``this.kobject`` counts as ``kobject``); ``context_klasses`` are the other Klasses whose
    KObjects the context carries (``context["kobject.<klass>"]``)."""
    resource = (resource or "customer").strip()
    primary = primary_name(resource)
    custom = custom or {}
    klasses = klasses or {}
    out: dict[str, Any] = {"customer": _customer(seed)}
    if primary == "conversation" or "conversation" in used or "conversation" in custom:
        out["conversation"] = _conversation(seed, out["customer"]["id"], DEFAULT_USER["id"])
    if primary == "company" or "company" in used or "company" in custom:
        out["company"] = _company(seed)
    if primary == "kobject" or "kobject" in used or "kobject" in custom:
        klass = resource.split(".", 1)[1] if resource.startswith("kobject.") else "kview-example"
        out["kobject"] = _kobject(seed, klass, klasses.get(klass))
    for name in STANDARD_KLASSES:  # attributes the app adds to standard objects
        if name in out and klasses.get(name):
            bag = out[name].setdefault("custom", {})
            for attr in klasses[name]:
                bag.setdefault(attr, _attr_value(random.Random(f"{seed}:{name}:{attr}"), attr))
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
    others = {k: _kobject(seed, k, klasses.get(k)) for k in sorted(context_klasses)}
    out["context"] = build_context(out, resource, others)
    return out


def mock_data_from_needs(needs: TemplateNeeds, resource: str = "customer", seed: str = "kview",
                         klasses: dict[str, tuple[str, ...]] | None = None) -> dict[str, Any]:
    """Generated mock data for what a template uses (what ``render()`` does without data)."""
    return generate_mock(resource, set(needs.used) | set(needs.records), seed,
                         {k: set(v) for k, v in needs.custom.items()}, klasses, needs.klasses)


_ALIASES = {"kobject": ("kobject", "object"), "customer": ("customer",), "conversation": ("conversation",),
            "company": ("company",)}


def fill_missing(data: dict[str, Any], needs: TemplateNeeds | None, resource: str = "customer",
                 seed: str = "kview", klasses: dict[str, tuple[str, ...]] | None = None) -> dict[str, Any]:
    """``data`` (JSON) plus generated records for what the template reads and ``data`` lacks."""
    if needs is None:
        return dict(data)
    resource = (resource or "customer").strip()
    primary = primary_name(resource)
    generated = mock_data_from_needs(needs, resource, seed, klasses)
    out = dict(data)
    this = data.get("this")
    for key, value in generated.items():
        if key == "context":
            continue
        names = _ALIASES.get(key, (key,))
        if key == primary:
            names = (*names, "object", resource)
        if any(n in data for n in names) or (key == "kobject" and isinstance(this, dict) and "kobject" in this):
            continue
        out[key] = value
    if "context" not in data and needs.klasses:  # other Klasses' KObjects travel in the context only
        records = {k: flatten_record(v) for k, v in out.items() if k in (*STANDARD_KLASSES, "kobject")}
        if primary not in records and isinstance(out.get("object"), dict):
            records[primary] = flatten_record(out["object"])
        ctx = build_context(records, resource)
        gen_ctx = generated["context"]
        for k in sorted(needs.klasses):
            ctx.setdefault(f"kobject.{k}", gen_ctx[f"kobject.{k}"])
        out["context"] = ctx
    return out
