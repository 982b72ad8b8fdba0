"""A fake ``document``: elements that take writes and are never displayed, queries that find nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..js.runtime import current_runtime
from ..js.values import (
    UNDEFINED,
    NativeFunction,
    safe_to_string,
    to_string,
    type_error,
)
from .base import (
    HREF,
    arg,
    browser_runtime,
    constant,
    dom_error,
    native,
    noop,
)


def _rect() -> dict[str, Any]:
    return {k: 0.0 for k in ("x", "y", "width", "height", "top", "right", "bottom", "left")}


class _Node:
    """The Python side of a fake element: its property dict, attributes and children."""

    __slots__ = ("el", "attrs", "children")

    def __init__(self) -> None:
        self.el: dict[str, Any] = {}
        self.attrs: dict[str, str] = {}
        self.children: list = []


def _element_methods(node_of: Callable[[], _Node]) -> tuple[dict[str, Any], dict[str, Any]]:
    """An element's methods and its ``classList``'s, acting on the element ``node_of()`` gives."""

    def classes() -> list[str]:
        return to_string(node_of().el.get("className", "")).split()

    def set_classes(names: list[str]) -> None:
        node_of().el["className"] = " ".join(dict.fromkeys(names))

    def set_attribute(this: Any, args: list) -> Any:
        n = node_of()
        name, value = to_string(arg(args)).lower(), to_string(arg(args, 1))
        if name == "class":
            n.el["className"] = value
        elif name == "id":
            n.el["id"] = value
        else:
            n.attrs[name] = value
        return UNDEFINED

    def get_attribute(this: Any, args: list) -> Any:
        n = node_of()
        name = to_string(arg(args)).lower()
        if name == "class":
            return n.el.get("className") or None
        if name == "id":
            return n.el.get("id") or None
        return n.attrs.get(name)

    def remove_attribute(this: Any, args: list) -> Any:
        node_of().attrs.pop(to_string(arg(args)).lower(), None)
        return UNDEFINED

    def append_child(this: Any, args: list) -> Any:
        n = node_of()
        child = arg(args)
        if not isinstance(child, dict):
            type_error("Failed to execute 'appendChild' on 'Node': parameter 1 is not of type 'Node'.")
        n.children.append(child)
        if n.el.get("tagName") in ("HEAD", "BODY") and child.get("tagName") == "SCRIPT":
            src = child.get("src") or n.attrs.get("src")
            if src:
                rt = current_runtime()
                rt.warn(f"<script src=\"{to_string(src)}\"> added to the document is not loaded in "
                        "previews (DOMPurify is built in)", rt.loc, kind="browser")
        return child

    def remove_child(this: Any, args: list) -> Any:
        children = node_of().children
        child = arg(args)
        for i, c in enumerate(children):
            if c is child:
                del children[i]
                return child
        return dom_error("NotFoundError", "Failed to execute 'removeChild' on 'Node': "
                          "The node to be removed is not a child of this node.")

    def append(this: Any, args: list) -> Any:
        children = node_of().children
        for a in args:
            children.append(a if isinstance(a, dict) else {"nodeType": 3.0, "textContent": to_string(a)})
        return UNDEFINED

    def cl_add(this: Any, args: list) -> Any:
        set_classes(classes() + [to_string(a) for a in args])
        return UNDEFINED

    def cl_remove(this: Any, args: list) -> Any:
        drop = {to_string(a) for a in args}
        set_classes([c for c in classes() if c not in drop])
        return UNDEFINED

    def cl_contains(this: Any, args: list) -> Any:
        return to_string(arg(args)) in classes()

    def cl_toggle(this: Any, args: list) -> Any:
        name = to_string(arg(args))
        force = arg(args, 1)
        has = name in classes()
        want = (not has) if force is UNDEFINED else bool(force)
        if want and not has:
            set_classes(classes() + [name])
        elif not want and has:
            set_classes([c for c in classes() if c != name])
        return want

    class_list = {"add": native("add", cl_add), "remove": native("remove", cl_remove),
                  "contains": native("contains", cl_contains, 1), "toggle": native("toggle", cl_toggle, 1)}
    methods = {
        "setAttribute": native("setAttribute", set_attribute, 2),
        "getAttribute": native("getAttribute", get_attribute, 1),
        "removeAttribute": native("removeAttribute", remove_attribute, 1),
        "hasAttribute": native("hasAttribute", lambda this, args: get_attribute(this, args) is not None, 1),
        "appendChild": native("appendChild", append_child, 1),
        "removeChild": native("removeChild", remove_child, 1),
        "append": native("append", append),
        "remove": noop("remove"),
        "addEventListener": noop("addEventListener"),
        "removeEventListener": noop("removeEventListener"),
        "dispatchEvent": constant("dispatchEvent", True),
        "focus": noop("focus"), "blur": noop("blur"), "click": noop("click"),
        "select": noop("select"), "setSelectionRange": noop("setSelectionRange"),
        "scrollIntoView": noop("scrollIntoView"), "scrollTo": noop("scrollTo"),
        "getBoundingClientRect": native("getBoundingClientRect", lambda this, args: _rect()),
        "querySelector": constant("querySelector", None),
        "querySelectorAll": native("querySelectorAll", lambda this, args: []),
        "closest": constant("closest", None),
        "contains": native("contains", lambda this, args: any(c is arg(args) for c in node_of().children), 1),
    }
    return methods, class_list


def _element(tag: str, node: _Node, methods: tuple[dict[str, Any], dict[str, Any]]) -> dict[str, Any]:
    """The element's property dict (``node.el``): data holders, then ``methods``."""
    up = tag.upper()
    children = node.children
    el = node.el
    el.update({
        "tagName": up, "nodeName": up, "nodeType": 1.0, "id": "", "className": "",
        "style": {}, "dataset": {}, "children": children, "childNodes": children,
        "parentNode": None, "textContent": "", "innerText": "", "innerHTML": "", "value": "",
        "offsetWidth": 0.0, "offsetHeight": 0.0, "scrollTop": 0.0, "scrollHeight": 0.0,
        "classList": dict(methods[1]),
    })
    el.update(methods[0])
    return el


def make_element(tag: str) -> dict[str, Any]:
    """A minimal stand-in for an HTML element: data holders and harmless methods."""
    node = _Node()
    return _element(tag, node, _element_methods(lambda: node))


# The document's own <html>, <head> and <body> are made per render, their methods once: these
# find the render's elements (``rt.document_nodes``) through ``browser_runtime()``.
_DOCUMENT_ROLES = ("html", "head", "body")


def _document_node(role: str) -> Callable[[], _Node]:
    return lambda: browser_runtime().document_nodes[role]


_ROLE_METHODS = {role: _element_methods(_document_node(role)) for role in _DOCUMENT_ROLES}


def empty_selection() -> dict[str, Any]:
    def get_range_at(this: Any, args: list) -> Any:
        n = safe_to_string(arg(args))
        return dom_error("IndexSizeError", f"Failed to execute 'getRangeAt' on 'Selection': {n} is not a valid index.")

    return {
        "anchorNode": None, "focusNode": None, "anchorOffset": 0.0, "focusOffset": 0.0,
        "isCollapsed": True, "rangeCount": 0.0, "type": "None",
        "toString": constant("toString", ""),
        "getRangeAt": native("getRangeAt", get_range_at, 1),
        "removeAllRanges": noop("removeAllRanges"), "addRange": noop("addRange"),
        "empty": noop("empty"), "collapse": noop("collapse"),
    }


def _document_functions() -> dict[str, NativeFunction]:
    """``document``'s methods, made once (``_DOCUMENT_FUNCTIONS``)."""

    def create_element(this: Any, args: list) -> Any:
        return make_element(to_string(arg(args)))

    def create_text(this: Any, args: list) -> Any:
        text = to_string(arg(args))
        return {"nodeType": 3.0, "nodeName": "#text", "textContent": text, "data": text}

    return {
        "createElement": native("createElement", create_element, 1),
        "createElementNS": native("createElementNS", lambda this, args: make_element(to_string(arg(args, 1))), 2),
        "createTextNode": native("createTextNode", create_text, 1),
        "createDocumentFragment": native("createDocumentFragment", lambda this, args: make_element("#document-fragment")),
        "getElementById": constant("getElementById", None),
        "querySelector": constant("querySelector", None),
        "querySelectorAll": native("querySelectorAll", lambda this, args: []),
        "getElementsByClassName": native("getElementsByClassName", lambda this, args: []),
        "getElementsByTagName": native("getElementsByTagName", lambda this, args: []),
        "getElementsByName": native("getElementsByName", lambda this, args: []),
        "addEventListener": noop("addEventListener"),
        "removeEventListener": noop("removeEventListener"),
        "dispatchEvent": constant("dispatchEvent", True),
        "execCommand": constant("execCommand", False),
        "queryCommandSupported": constant("queryCommandSupported", False),
        "hasFocus": constant("hasFocus", True),
    }


_DOCUMENT_FUNCTIONS = _document_functions()


def make_document(rt: Any, location: dict, get_selection: NativeFunction) -> dict[str, Any]:
    nodes = {role: _Node() for role in _DOCUMENT_ROLES}
    rt.document_nodes = nodes  # what the shared methods of these three act on
    html, head, body = (_element(role, nodes[role], _ROLE_METHODS[role]) for role in _DOCUMENT_ROLES)
    html["children"].extend([head, body])
    doc: dict[str, Any] = {
        "nodeType": 9.0, "title": "", "cookie": "", "referrer": "", "readyState": "complete",
        "visibilityState": "visible", "hidden": False, "URL": HREF, "location": location,
        "documentElement": html, "head": head, "body": body, "activeElement": body,
    }
    doc.update(_DOCUMENT_FUNCTIONS)
    doc["getSelection"] = get_selection
    return doc
