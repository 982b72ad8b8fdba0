/* kview's pages share this one DOM helper: kviewDom.h(tag, attrs, children) builds an element.
   Texts become text nodes, never HTML, so nothing from an app's files (messages, names, data)
   can become markup or run; null and false children are skipped. base.html loads it first;
   devserver/sdk puts it before kview-host.js. */
(function () {
  "use strict";
  if (window.kviewDom) return;
  function h(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) {
      if (c != null && c !== false) node.appendChild(typeof c === "object" ? c : document.createTextNode(String(c)));
    });
    return node;
  }
  window.kviewDom = { h: h };
})();
