"""An app's ``klasses`` as mock generation needs them: which attributes each Klass has.

An app definition's ``klasses`` array (reference §4.6) names custom Klasses
(``{"name": "acme_orders-order", "metadata": {"properties": {"statusStr": {…}}}}``) and adds
attributes to standard objects (``name`` ``customer``/``conversation``/``company``, or
``metadata.standard: true``). The attribute's type is its name's suffix (§4.7); ``generate.py``
draws a value of that type. Anything of the wrong shape is skipped: checking the definition is
``kview check``'s job, generating data must not fail on it.
"""

from __future__ import annotations

from typing import Any

STANDARD_KLASSES = frozenset({"customer", "conversation", "company"})


def klass_attributes(klasses: Any) -> dict[str, tuple[str, ...]]:
    """``klasses`` JSON → ``{klass name: attribute names in definition order}``."""
    out: dict[str, tuple[str, ...]] = {}
    if not isinstance(klasses, list):
        return out
    for k in klasses:
        if not isinstance(k, dict) or not isinstance(k.get("name"), str) or not k["name"]:
            continue
        meta = k.get("metadata")
        props = meta.get("properties") if isinstance(meta, dict) else None
        names = tuple(str(n) for n in props) if isinstance(props, dict) else ()
        out[k["name"]] = out.get(k["name"], ()) + names
    return out
