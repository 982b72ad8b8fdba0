/* kview morph: patch a live DOM subtree in place to match a new one.
 *
 *   window.kviewMorph(fromEl, toEl)
 *
 * Morphs fromEl's attributes and children into toEl's (toEl: a detached element, e.g. from a
 * <template> or DOMParser; it is read, never inserted). Children are matched by position: where
 * the node type and tag agree the node is kept (its identity, scroll offsets, listeners, focus)
 * and only its attributes and text change; elsewhere the new node is imported in its place.
 * What the user did to the page stays: a form field's typed value, checked state and selection
 * are properties the morph never writes (a focused field's subtree is left alone), and a
 * <details> element keeps its open/closed state. What the page's own scripts did stays too:
 * nodes they inserted (data-kv-host) and attributes they overrode (data-kv-was-<name>).
 * Used by reload.js (hot reload) and by the interactive previews; no eval, no inline script.
 */
(function () {
  "use strict";

  var FIELDS = { INPUT: 1, TEXTAREA: 1, SELECT: 1, OPTION: 1 };

  function sameKind(a, b) {
    return a.nodeType === b.nodeType && a.nodeName === b.nodeName &&
      (a.nodeType !== 1 || a.namespaceURI === b.namespaceURI);
  }

  // A script of the page that overrides an attribute of a rendered element keeps the rendered
  // value in data-kv-was-<name> (kview-host.js: a DynamicCard framed from the app folder, an
  // iframe resized by its page). While the new render still says that value, the override stays:
  // writing it back would reload the card or undo its resize. A new value from the render wins.
  var WAS = "data-kv-was-";

  function kept(from, to) {
    var keep = {};
    for (var i = 0; i < from.attributes.length; i++) {
      var name = from.attributes[i].name;
      if (name.indexOf(WAS) !== 0) continue;
      var attr = name.slice(WAS.length);
      if ((to.getAttribute(attr) || "") === from.attributes[i].value) { keep[attr] = 1; keep[name] = 1; }
    }
    return keep;
  }

  function morphAttrs(from, to) {
    var keep = kept(from, to);
    if (from.nodeName === "DETAILS") keep.open = 1;
    var i, a;
    for (i = from.attributes.length - 1; i >= 0; i--) {
      a = from.attributes[i];
      if (keep[a.name]) continue;
      if (!to.hasAttributeNS(a.namespaceURI, a.localName)) from.removeAttributeNS(a.namespaceURI, a.localName);
    }
    for (i = 0; i < to.attributes.length; i++) {
      a = to.attributes[i];
      if (keep[a.name]) continue;
      if (from.getAttributeNS(a.namespaceURI, a.localName) !== a.value) {
        if (a.namespaceURI) from.setAttributeNS(a.namespaceURI, a.name, a.value);
        else from.setAttribute(a.name, a.value);
      }
    }
  }

  function adopt(node) {
    return (node.ownerDocument === document) ? node.cloneNode(true) : document.importNode(node, true);
  }

  function morphNode(from, to) {
    if (from.nodeType === 3 || from.nodeType === 8) {
      if (from.nodeValue !== to.nodeValue) from.nodeValue = to.nodeValue;
      return;
    }
    if (from.nodeType !== 1) return;
    morphAttrs(from, to);
    // a field being typed in keeps its subtree (a <textarea>'s text is its default value)
    if (from === document.activeElement && FIELDS[from.nodeName]) return;
    morphChildren(from, to);
  }

  // Nodes a script of the page inserted (data-kv-host: a card's status line) are not the
  // render's: they are passed over, and stay.
  function own(node) {
    while (node && node.nodeType === 1 && node.hasAttribute("data-kv-host")) node = node.nextSibling;
    return node;
  }

  function morphChildren(from, to) {
    var f = own(from.firstChild);
    var t = to.firstChild;
    while (t) {
      var next = t.nextSibling;
      if (!f) {
        from.appendChild(adopt(t));
      } else if (sameKind(f, t)) {
        morphNode(f, t);
        f = own(f.nextSibling);
      } else {
        var fresh = adopt(t);
        from.replaceChild(fresh, f);
        f = own(fresh.nextSibling);
      }
      t = next;
    }
    while (f) {
      var gone = f;
      f = own(f.nextSibling);
      from.removeChild(gone);
    }
  }

  window.kviewMorph = function (fromEl, toEl) {
    if (!fromEl || !toEl) return fromEl;
    var active = document.activeElement;
    var caret = null;
    if (active && fromEl.contains(active) && typeof active.selectionStart === "number") {
      try { caret = [active.selectionStart, active.selectionEnd, active.selectionDirection]; } catch (e) { caret = null; }
    }
    morphAttrs(fromEl, toEl);
    morphChildren(fromEl, toEl);
    if (caret && document.activeElement !== active && fromEl.contains(active)) {
      active.focus();
      try { active.setSelectionRange(caret[0], caret[1], caret[2]); } catch (e) { /* not a text field */ }
    }
    return fromEl;
  };
})();
