"""The mock store: the records the Cards SDK's ``request`` reads and writes while the server runs.

Kustomer answers a card's ``Kustomer.request`` from its API; kview answers from the records
the app's views render with (``Seed``: every view's default scenario, composed as the render
composes it, so the card and the KView beside it show the same customer). Writes
(``POST``/``PUT``/``PATCH``/``DELETE``) are kept as a layer over the seed: the files never change,
``reset()`` drops the layer, and ``overlay()`` puts the written records back into a view's data
so KViews showing them re-render with the write.

Answers are Kustomer's: ``{"data": {type, id, attributes, links}}`` for a record; a missing
record, a route kview does not know or a bad body is the JSON:API error body the API sends
(``renderer.browser.network.error_body``). A masked attribute stays masked: a read shows the
mask, a write to it is stored masked. The scenario's request table is tried first, so a
developer's own mock (an error, a list) wins over the store.

Rule: no Flask, no files: the caller gives the seed (``workspace.Project.sdk_seed``).
"""

from __future__ import annotations

import copy
import itertools
import re
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from renderer.browser.network import RequestTable, error_body
from renderer.kustomer.records import DEFAULT_USER, flatten_record, primary_name, to_jsonapi

from .scenarios import masked

Key = tuple[str, str]  # (JSON:API type, id)

COLLECTIONS = {"customers": "customer", "conversations": "conversation", "companies": "company"}
RECORD_KEYS = ("customer", "conversation", "company")  # data keys holding standard records
WRITES = ("POST", "PUT", "PATCH", "DELETE")
_DELETED: dict[str, Any] = {"$deleted": True}
_ROUTE = re.compile(r"/v1/(?:(?P<coll>customers|conversations|companies)(?:/(?P<id>[^/]+))?"
                    r"|klasses(?:/(?P<klass>[^/]+)(?:/(?P<kid>[^/]+))?)?"
                    r"|commands/(?P<command>[^/]+)/run|users/(?P<user>current|[^/]+))\Z")
_CUSTOMER_KOBJECTS = re.compile(r"/v1/customers/(?P<id>[^/]+)/klasses/(?P<klass>[^/]+)\Z")


@dataclass(frozen=True)
class Answer:
    """An HTTP answer as the Cards SDK sees it: status and JSON body (``None``: no body)."""

    status: int
    body: Any

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


@dataclass
class Seed:
    """What the store starts from: records by key (flattened, as templates see them), the views
    showing each, the request table, the app's klasses and commands, the agent's roles."""

    records: dict[Key, dict[str, Any]] = field(default_factory=dict)
    shown_in: dict[Key, set[str]] = field(default_factory=dict)
    table: RequestTable | None = None
    klasses: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    commands: frozenset[str] = frozenset()
    roles: list[str] | None = None

    def add(self, view: str | None, data: Mapping[str, Any], resource: str) -> None:
        """The records of one view's data (either shape); the first view to give a key wins."""
        for name, value in record_entries(data, resource):
            flat = flatten_record(value)
            if not isinstance(flat, dict) or not isinstance(flat.get("id"), str):
                continue
            key = (name, flat["id"])
            self.records.setdefault(key, flat)
            if view is not None:
                self.shown_in.setdefault(key, set()).add(view)

    def first(self, api_type: str) -> dict[str, Any] | None:
        return next((r for (t, _), r in self.records.items() if t == api_type), None)

    def all_of(self, api_type: str) -> list[dict[str, Any]]:
        return [r for (t, _), r in self.records.items() if t == api_type]


def record_entries(data: Mapping[str, Any], resource: str) -> list[tuple[str, Any]]:
    """``(api type, record)`` for each record global of a view's data: the standard records and,
    for a KObject view, its KObject (under ``kobject``, ``object`` or the resource's name)."""
    out = [(k, data[k]) for k in RECORD_KEYS if k in data]
    if primary_name(resource) == "kobject":
        rec = next((data[k] for k in ("kobject", "object", resource) if k in data), None)
        if rec is not None:
            out.append((resource if resource.startswith("kobject.") else "kobject", rec))
    return out


class MockStore:
    """Writes over a seed, while the server runs. Thread-safe; ``version`` counts changes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._writes: dict[Key, dict[str, Any]] = {}
        self._ids = itertools.count(1)
        self.version = 0

    # ------------------------------------------------------------------ state
    def reset(self) -> set[Key]:
        """Back to the seed; returns the keys that had been written."""
        with self._lock:
            keys = set(self._writes)
            self._writes.clear()
            if keys:
                self.version += 1
            return keys

    def written(self) -> set[Key]:
        with self._lock:
            return set(self._writes)

    def get(self, seed: Seed, key: Key) -> dict[str, Any] | None:
        """The record as it is now (a copy), ``None`` when missing or deleted."""
        with self._lock:
            rec = self._writes.get(key, seed.records.get(key))
        return None if rec is None or rec is _DELETED else copy.deepcopy(rec)

    def overlay(self, data: dict[str, Any], resource: str) -> dict[str, Any]:
        """``data`` (a view's composed data) with the written records in place of the seed's."""
        with self._lock:
            if not self._writes:
                return data
            writes = dict(self._writes)
        out = dict(data)
        names = {"customer": ("customer",), "conversation": ("conversation",), "company": ("company",)}
        for api_type, rec in record_entries(data, resource):
            flat = flatten_record(rec)
            if not isinstance(flat, dict) or not isinstance(flat.get("id"), str):
                continue
            new = writes.get((api_type, flat["id"]))
            if new is None or new is _DELETED:
                continue
            for name in names.get(api_type, ("kobject", "object", resource)):
                if name in out:
                    out[name] = copy.deepcopy(new)
        return out

    # ------------------------------------------------------------------ requests
    def handle(self, seed: Seed, method: str, url: str, body: Any = None) -> tuple[Answer, Key | None]:
        """Answer ``METHOD url`` (an API path, ``/v1/…``); also returns the key a write changed."""
        method = (method or "GET").upper()
        path = url.split("#", 1)[0].split("?", 1)[0]
        if len(path) > 1:
            path = path.rstrip("/")
        if seed.table is not None:
            hit = seed.table.match(method, url, path_fallback=True)
            if hit is not None:
                resp = hit[0].response
                return Answer(resp.status, copy.deepcopy(resp.body)), None
        if not path.startswith("/v1/"):
            return _error(404, f"kview's mock API answers /v1/… paths; {url!r} is not one "
                               f"(add '{method} {path}' to mocks/requests.json)"), None
        m = _CUSTOMER_KOBJECTS.match(path)
        if m and method == "GET":
            items = [to_jsonapi(r, f"kobject.{m['klass']}") for r in seed.all_of(f"kobject.{m['klass']}")]
            return Answer(200, {"data": items}), None
        m = _ROUTE.match(path)
        if m is None:
            return _error(404, f"no mock for {method} {path} (add it to mocks/requests.json)"), None
        if m["user"] is not None:
            return self._user(seed, method, m["user"]), None
        if m["command"] is not None:
            return self._command(seed, method, m["command"]), None
        if m["coll"] is not None:
            return self._record(seed, method, COLLECTIONS[m["coll"]], m["coll"], m["id"], body)
        if m["klass"] is None:
            return Answer(200, {"data": [_klass(n, k) for n, k in seed.klasses.items()]}), None
        if m["kid"] is None and method == "GET":
            if m["klass"] not in seed.klasses:
                return _error(404, f"no klass named {m['klass']!r} in the app definition"), None
            return Answer(200, {"data": _klass(m["klass"], seed.klasses[m["klass"]])}), None
        return self._record(seed, method, f"kobject.{m['klass']}", f"klasses/{m['klass']}", m["kid"], body)

    def _user(self, seed: Seed, method: str, who: str) -> Answer:
        if method != "GET":
            return _error(405, f"{method} is not allowed on /v1/users/{who}")
        user = dict(DEFAULT_USER)
        uid = user.pop("id")
        if who not in ("current", uid):
            return _error(404, f"no user {who!r} (the agent is {uid})", "id")
        if seed.roles is not None:
            user["roles"] = list(seed.roles)
        return Answer(200, {"data": {"type": "user", "id": uid, "attributes": user,
                                     "links": {"self": f"/v1/users/{uid}"}}})

    def _command(self, seed: Seed, method: str, name: str) -> Answer:
        if method != "POST":
            return _error(405, f"commands run with POST, not {method}")
        if name not in seed.commands:
            known = ", ".join(sorted(seed.commands)) or "none"
            return _error(404, f"no command {name!r} in the app definition (its commands: {known}); "
                               f"mock its answer as 'POST /v1/commands/{name}/run' in mocks/requests.json")
        return Answer(200, {"data": {"type": "command-run", "attributes": {"responseBody": {}, "statusCode": 200}}})

    def _record(self, seed: Seed, method: str, api_type: str, coll: str, rid: str | None,
                body: Any) -> tuple[Answer, Key | None]:
        if rid is None:
            if method != "POST":
                return _error(404, f"no mock for {method} /v1/{coll} (add it to mocks/requests.json)"), None
            attrs = _attributes(body)
            if attrs is None:
                return _error(400, "the body must be an object of attributes", "body"), None
            with self._lock:
                rid = f"{0xC0FFEE0000000000000000 + next(self._ids):024x}"
                key = (api_type, rid)
                self._writes[key] = {"id": rid, **copy.deepcopy(attrs)}
                self.version += 1
                rec = self._writes[key]
            return Answer(201, {"data": _resource(rec, api_type, coll)}), key
        key = (api_type, rid)
        with self._lock:
            current = self._writes.get(key, seed.records.get(key))
            if current is None or current is _DELETED:
                return _error(404, f"{api_type} {rid!r} is not in the mock data", "id"), None
            if method == "GET":
                return Answer(200, {"data": _resource(copy.deepcopy(current), api_type, coll)}), None
            if method == "DELETE":
                self._writes[key] = _DELETED
                self.version += 1
                return Answer(204, None), key
            if method not in ("PUT", "PATCH"):
                return _error(405, f"{method} is not allowed on /v1/{coll}/{rid}"), None
            attrs = _attributes(body)
            if attrs is None:
                return _error(400, "the body must be an object of attributes", "body"), None
            updated = _merged(current, attrs)
            self._writes[key] = updated
            self.version += 1
            return Answer(200, {"data": _resource(copy.deepcopy(updated), api_type, coll)}), key

    def views_of(self, seed: Seed, keys: Iterable[Key]) -> list[str]:
        """The views showing any of ``keys`` (which re-render after a write)."""
        return sorted({v for k in keys for v in seed.shown_in.get(k, ())})


def _attributes(body: Any) -> dict[str, Any] | None:
    """A write's attributes: ``{data: {attributes}}``, ``{attributes}`` or the attributes themselves."""
    if isinstance(body, dict) and isinstance(body.get("data"), dict) and isinstance(body["data"].get("attributes"), dict):
        body = body["data"]["attributes"]
    elif isinstance(body, dict) and set(body) <= {"type", "id", "attributes"} and isinstance(body.get("attributes"), dict):
        body = body["attributes"]
    if not isinstance(body, dict):
        return None
    return {k: v for k, v in body.items() if k != "id"}


def _merged(current: dict[str, Any], attrs: dict[str, Any]) -> dict[str, Any]:
    """``current`` with ``attrs`` written: ``custom`` merges key by key (Kustomer's partial
    updates), and a masked attribute stays masked (the write is kept, shown as its mask)."""
    out = copy.deepcopy(current)
    for name, value in attrs.items():
        old = out.get(name)
        if name == "custom" and isinstance(old, dict) and isinstance(value, dict):
            merged = dict(old)
            for k, v in value.items():
                merged[k] = masked(v) if _is_masked(old.get(k)) else copy.deepcopy(v)
            out[name] = merged
        else:
            out[name] = masked(value) if _is_masked(old) else copy.deepcopy(value)
    return out


def _is_masked(value: Any) -> bool:
    return isinstance(value, dict) and value.get("isMasked") is True


def _resource(rec: dict[str, Any], api_type: str, coll: str) -> dict[str, Any]:
    out: dict[str, Any] = to_jsonapi(rec, api_type)
    out["links"] = {"self": f"/v1/{coll}/{rec.get('id')}"}
    return out


def _klass(name: str, raw: Mapping[str, Any]) -> dict[str, Any]:
    return {"type": "klass", "id": name, "attributes": copy.deepcopy(dict(raw)), "links": {"self": f"/v1/klasses/{name}"}}


def _error(status: int, detail: str, parameter: str | None = None) -> Answer:
    body = error_body(status, detail)
    if status == 405:
        body["errors"][0].update(code="method_not_allowed", title="Method Not Allowed")
    if parameter is not None:
        body["errors"][0]["source"] = {"parameter": parameter}
    return Answer(status, body)
