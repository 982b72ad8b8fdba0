"""Kustomer's record globals: ``customer``, ``object``, ``this.kobject``, ``context``… as templates see them.

Record globals (``record_globals(data, resource)``)
===================================================

Templates see records **flattened** (``customer.name``, ``customer.custom.tierStr``;
the shape Kustomer's template docs show). From the user's mock data (already JS values) kview fills in the
aliases a real view would have; a key the data sets itself is never replaced:

* ``object`` is the record the view is bound to: ``customer`` / ``conversation`` /
  ``company`` for those resources, the KObject for ``kobject.<klass>``. For a KObject the
  record may be given as ``kobject``, ``object``, ``"kobject.<klass>"`` or ``this.kobject``;
  ``object``, ``kobject`` and ``this.kobject`` then are the *same* dict. When only
  ``object`` is given, the resource's own name (``customer``…) aliases it.
* A record given in API (JSON:API) shape — ``{type, id, attributes, relationships}`` or a
  whole response ``{data: {…}}`` — is flattened to ``{id, …attributes}``, so a pasted API
  response works as mock data.
* ``context`` (what templates hand to ``<DynamicCard context={…}>``) defaults to the Cards
  SDK's context in **JSON:API shape**: ``{type: resource, customer: {type, id,
  attributes}, conversation, company, object, user: <agent id>}`` plus, for KObject views,
  the record under its resource name (``context["kobject.group_booking"]``). Conversations
  get a ``relationships.customer`` link.
* ``object.context``: starter templates pass ``context={object.context}``; when the record has
  no ``context`` of its own, kview offers the same ``context`` object as a **non-enumerable**
  property (``members.set_hidden_props``): reads and ``in`` see it, ``Object.keys``,
  ``JSON.stringify``, ``for…in`` and spread do not. Data the user wrote keeps exactly its keys.
* ``this`` at the top of a template is the data object: every global above (``this.kobject``,
  ``this.customer``…). A ``this`` in the data is kept (on KObject views without a ``kobject``
  of its own, ``this.kobject`` is offered the same non-enumerable way).
* ``appSettings`` defaults to ``{default: []}`` (a given one without ``default`` gets it as a
  non-enumerable property). A category given as a plain object
  (``{"default": {"apikey": "x"}}``) becomes the observed array shape
  ``[{type: 'setting', attributes: {name, value, app}}]`` (``app`` from ``appSettings.app``,
  else ``"kview_mock_app"``).
"""


from __future__ import annotations

from typing import Any

from ..js.members import hidden_props, set_hidden_props

DEFAULT_USER: dict[str, Any] = {
    "id": "5f3c2b1a9d8e7f6a5b4c3d2e",
    "name": "Alex Agent",
    "displayName": "Alex Agent",
    "email": "alex.agent@example.com",
    "avatarUrl": None,
    "roles": ["org.user.customer.read", "org.user.conversation.write", "org.user.kobject.write"],
    "createdAt": "2024-02-12T16:20:11.402Z",
    "updatedAt": "2026-05-28T09:14:37.118Z",
}

_STANDARD = ("customer", "conversation", "company")
_API_KEYS = frozenset({"type", "id", "attributes", "relationships", "links", "meta"})
_COLLECTIONS = {"customer": "customers", "conversation": "conversations", "company": "companies"}
APP_FALLBACK = "kview_mock_app"


def primary_name(resource: str) -> str:
    """The data key holding the view's own record: ``kobject.order`` → ``kobject``."""
    resource = (resource or "customer").strip()
    return "kobject" if resource.startswith("kobject.") or resource == "kobject" else resource


def _api_type(name: str, resource: str) -> str:
    if name == "kobject":
        return resource if resource.startswith("kobject.") else "kobject"
    return name


# ---------------------------------------------------------------------------- shapes

def is_api_resource(v: Any) -> bool:
    return (
        type(v) is dict
        and type(v.get("attributes")) is dict
        and type(v.get("type")) is str
        and set(v) <= _API_KEYS
    )


def flatten_record(v: Any) -> Any:
    """A JSON:API resource (or ``{data: resource}`` response) → the flattened template shape."""
    if type(v) is dict and "data" in v and set(v) <= {"data", "included", "links", "meta"} and is_api_resource(v["data"]):
        v = v["data"]
    if not is_api_resource(v):
        return v
    out = {"id": v["id"]} if "id" in v else {}
    out.update(v["attributes"])
    return out


def record_shapes(record: Any, api_type: str, relationships: dict | None = None) -> tuple[Any, Any]:
    """One record (either shape) → ``(flattened, JSON:API)``: the template's shape and the Cards
    SDK's, made together so they never disagree (``attributes`` is the flattened record without
    ``id``; the values are shared, not copied). Works on JSON data and on JS values."""
    flat = flatten_record(record)
    if type(flat) is not dict:
        return flat, flat
    api: dict[str, Any] = {"type": api_type}
    if "id" in flat:
        api["id"] = flat["id"]
    api["attributes"] = {k: v for k, v in flat.items() if k != "id"}
    rel = record.get("relationships") if is_api_resource(record) else None
    if relationships or type(rel) is dict:
        api["relationships"] = {**(rel or {}), **(relationships or {})}
    return flat, api


def to_jsonapi(record: Any, api_type: str, relationships: dict | None = None) -> Any:
    """A record → ``{type, id, attributes[, relationships]}`` (``record_shapes``' second half)."""
    return record_shapes(record, api_type, relationships)[1]


def build_context(records: dict[str, Any], resource: str,
                  kobjects: dict[str, Any] | None = None) -> dict[str, Any]:
    """The Cards SDK context (JSON:API shape) for the records of a view on ``resource``;
    ``kobjects`` adds KObjects of other Klasses (``{klass: record}`` → ``context["kobject.<klass>"]``)."""
    resource = (resource or "customer").strip()
    primary = primary_name(resource)
    ctx: dict[str, Any] = {"type": resource}
    api: dict[str, Any] = {}
    customer = records.get("customer")
    for name in (*_STANDARD, "kobject"):
        rec = records.get(name)
        if type(rec) is not dict:
            continue
        rel = None
        if name == "conversation" and type(customer) is dict and "id" in customer:
            rel = {"customer": {"data": {"type": "customer", "id": customer["id"]}}}
        api[name] = to_jsonapi(rec, _api_type(name, resource), rel)
        if name != "kobject":
            ctx[name] = api[name]
    if primary == "kobject" and "kobject" in api:
        ctx[_api_type("kobject", resource)] = api["kobject"]
    rec = records.get(primary)
    if primary in api:
        ctx["object"] = api[primary]
    elif type(rec) is dict:
        ctx["object"] = to_jsonapi(rec, resource)
    for klass, rec in (kobjects or {}).items():
        ctx.setdefault(f"kobject.{klass}", to_jsonapi(rec, f"kobject.{klass}"))
    ctx["user"] = DEFAULT_USER["id"]
    return ctx


def _settings_array(values: dict, app: str) -> list:
    return [{"type": "setting", "attributes": {"name": k, "value": v, "app": app}} for k, v in values.items()]


def _normalize_app_settings(settings: Any) -> Any:
    if type(settings) is not dict:
        return settings
    app = settings["app"] if type(settings.get("app")) is str else APP_FALLBACK
    for category, value in list(settings.items()):
        if category != "app" and type(value) is dict and not is_api_resource(value):
            settings[category] = _settings_array(value, app)
    return settings


def _offer(obj: dict, key: str, value: Any) -> None:
    """``obj[key]`` readable but not an own enumerable key (the user's data stays as written)."""
    set_hidden_props(obj, {**(hidden_props(obj) or {}), key: value})


def record_globals(data: dict[str, Any], resource: str = "customer") -> dict[str, Any]:
    """``data`` (JS values) plus the record aliases a view on ``resource`` sees (see module doc)."""
    resource = (resource or "customer").strip()
    primary = primary_name(resource)
    g = dict(data)
    for name in (*_STANDARD, "kobject", "object", resource):
        if name in g:
            g[name] = flatten_record(g[name])
    this = g.get("this")
    if primary == "kobject":
        rec = next(
            (g[k] for k in ("kobject", "object", resource) if type(g.get(k)) is dict),
            this.get("kobject") if type(this) is dict and type(this.get("kobject")) is dict else None,
        )
        if rec is not None:
            g.setdefault("kobject", rec)
            g.setdefault("object", g["kobject"])
    else:
        if primary not in g and type(g.get("object")) is dict:
            g[primary] = g["object"]
        if primary in g:
            g.setdefault("object", g[primary])
    if "context" not in g:
        g["context"] = build_context(g, resource)
    obj = g.get("object")
    if type(obj) is dict and "context" not in obj:
        _offer(obj, "context", g["context"])
    settings = g.get("appSettings")
    if type(settings) is dict and "default" not in settings:
        _offer(settings, "default", [])
    g["appSettings"] = _normalize_app_settings(g.get("appSettings", {"default": []}))
    if type(this) is dict:
        if primary == "kobject" and "kobject" in g and "kobject" not in this:
            _offer(this, "kobject", g["kobject"])
    elif "this" not in g:
        g["this"] = {k: v for k, v in g.items() if k != "this"}
    return g
