/* kview live reload: the gallery's SSE client.
 *
 * Events from /events (devserver/web/events.py):
 *   hello  {boot}              a new server process → reload the whole page
 *   reload {views, all, errors} re-fetch this page and swap the changed views in place
 *   error  {view, error}       show the error overlay at once
 * The overlay is rebuilt from the page's own #kvg-errors JSON after every swap, so it always
 * matches what the cards show; dismissing it hides it until a different error arrives.
 */
(function () {
  "use strict";
  if (window.__kviewReload) return;
  window.__kviewReload = true;

  var body = document.body;
  var live = function () { return document.getElementById("kvg-live"); };
  var bootId = null;
  var dismissed = "";
  var fetching = null;
  var pending = null;

  function setLive(state, text) {
    var el = live();
    if (!el) return;
    el.setAttribute("data-state", state);
    var t = el.querySelector(".kvg-live-text");
    if (t) t.textContent = text;
  }

  /* ------------------------------------------------------------ overlay */
  // Everything an error says comes from the app's files (messages, names, lines): it goes in
  // as text nodes, never as HTML, so nothing in it can become markup or run.
  function h(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) {
      if (c != null && c !== false) node.appendChild(typeof c === "object" ? c : document.createTextNode(String(c)));
    });
    return node;
  }

  function frameLines(frame) {
    return String(frame).split("\n").map(function (line) {
      var cls = line.charAt(0) === ">" ? "kvg-fl-hit" : (/^\s+\|/.test(line) && line.indexOf("^") >= 0 ? "kvg-fl-caret" : "");
      return h("span", { "class": "kvg-fl " + cls }, [line]);
    });
  }

  function currentErrors() {
    var el = document.getElementById("kvg-errors");
    if (!el) return [];
    try { return JSON.parse(el.textContent || "[]"); } catch (e) { return []; }
  }

  function signature(items) {
    return JSON.stringify(items.map(function (i) {
      var e = i.error || {};
      return [i.view, e.kind, e.message, e.line, e.column];
    }));
  }

  function overlay() {
    var el = document.getElementById("kvg-overlay");
    if (!el) {
      el = h("div", { id: "kvg-overlay", "class": "kvg-overlay", role: "alert" });
      el.hidden = true;
      body.appendChild(el);
    }
    return el;
  }

  function present(v) { return v !== null && v !== undefined; }

  function errorItem(item) {
    var e = item.error || {};
    var view = present(item.view) ? String(item.view) : "";
    var at = present(e.line) ? ":" + e.line + (present(e.column) ? ":" + e.column : "") : "";
    var link;
    if (view) {
      var onPage = document.querySelector('.kvg-view[data-view="' + cssEsc(view) + '"]');
      var href = onPage ? "#view-" + view.replace(/[^A-Za-z0-9_-]/g, "-") : "/view/" + encodeURIComponent(view);
      link = h("a", { href: href }, [item.title || view]);
    } else {
      link = h("span", {}, ["App folder"]);
    }
    var where = present(e.line) ? h("span", { "class": "kvg-ov-line" },
      ["line " + e.line + (present(e.column) ? ", column " + e.column : "")]) : null;
    return h("div", { "class": "kvg-ov-item", "data-view": view }, [
      h("div", { "class": "kvg-ov-title" }, [link, h("span", { "class": "kvg-err-kind" }, [e.js_type || e.kind || "Error"]), where]),
      h("div", { "class": "kvg-ov-msg" }, [present(e.message) ? e.message : ""]),
      e.file ? h("div", { "class": "kvg-ov-loc" }, [e.file + at]) : null,
      e.frame ? h("pre", { "class": "kvg-code-frame" }, frameLines(e.frame)) : null
    ]);
  }

  function showErrors(items) {
    var el = overlay();
    if (!items.length) { el.hidden = true; el.replaceChildren(); dismissed = ""; return; }
    var sig = signature(items);
    if (sig === dismissed) { el.hidden = true; return; }
    var n = items.length;
    var dismiss = h("button", { type: "button", "aria-label": "Dismiss", title: "Dismiss (Esc)" }, ["\u00d7"]);
    dismiss.addEventListener("click", function () { dismissed = sig; el.hidden = true; });
    el.replaceChildren(
      h("div", { "class": "kvg-ov-head" }, [
        h("span", {}, [n + (n === 1 ? " view failing" : " views failing") + " \u2014 the last good render stays on the page"]),
        dismiss
      ]),
      h("div", { "class": "kvg-ov-body" }, items.map(errorItem))
    );
    el.hidden = false;
  }

  function cssEsc(s) {
    return window.CSS && CSS.escape ? CSS.escape(s) : String(s).replace(/["\\]/g, "\\$&");
  }

  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") {
      var el = document.getElementById("kvg-overlay");
      if (el && !el.hidden) { dismissed = signature(currentErrors()); el.hidden = true; }
    }
  });

  /* ------------------------------------------------------------ in-place reload */
  // The fetched page's nodes move over as nodes (no HTML string is re-parsed into the page).
  function moveChildren(from, to) {
    to.replaceChildren.apply(to, Array.prototype.slice.call(from.childNodes));
  }

  function openDetails(root) {
    var open = {};
    root.querySelectorAll("section[data-view] details").forEach(function (d, i) {
      var sec = d.closest("section[data-view]");
      open[(sec ? sec.getAttribute("data-view") : "") + "#" + i] = d.open;
    });
    return open;
  }

  function swap(doc, names, all) {
    var main = document.getElementById("kvg-main");
    var newMain = doc.getElementById("kvg-main");
    if (!main || !newMain) { location.reload(); return; }
    var oldIds = Array.prototype.map.call(main.querySelectorAll(":scope > section[data-view]"), function (s) { return s.getAttribute("data-view"); });
    var newIds = Array.prototype.map.call(newMain.querySelectorAll(":scope > section[data-view]"), function (s) { return s.getAttribute("data-view"); });
    var sameList = oldIds.join("\n") === newIds.join("\n");
    var y = window.scrollY;
    if (all || !sameList || !names.length) {
      var details = openDetails(main);
      moveChildren(newMain, main);
      main.querySelectorAll("section[data-view]").forEach(function (sec) {
        sec.querySelectorAll("details").forEach(function (d, i) {
          var k = sec.getAttribute("data-view") + "#" + i;
          if (k in details) d.open = details[k];
        });
      });
    } else {
      // swap only the toolbar and the changed views: other cards (and their iframes) stay put
      var tb = main.querySelector(".kvg-toolbar"), ntb = newMain.querySelector(".kvg-toolbar");
      if (tb && ntb) tb.replaceWith(ntb);
      var appErr = main.querySelector(".kvg-app-error"), nAppErr = newMain.querySelector(".kvg-app-error");
      if (appErr) appErr.remove();
      if (nAppErr) main.insertBefore(nAppErr, main.querySelector("section[data-view]:not(.kvg-app-error)"));
      names.forEach(function (name) {
        var sel = 'section.kvg-view[data-view="' + cssEsc(name) + '"]';
        var oldSec = main.querySelector(sel), newSec = newMain.querySelector(sel);
        if (oldSec && newSec) oldSec.replaceWith(newSec);
      });
      var det = main.querySelector(".kvg-details"), ndet = newMain.querySelector(".kvg-details");
      if (det && ndet) {
        ndet.querySelectorAll("details").forEach(function (d, i) {
          var od = det.querySelectorAll("details")[i];
          if (od) d.open = od.open;
        });
        det.replaceWith(ndet);
      }
    }
    names.forEach(function (name) {
      var sec = main.querySelector('section.kvg-view[data-view="' + cssEsc(name) + '"]');
      if (sec) { sec.classList.remove("kvg-flash"); void sec.offsetWidth; sec.classList.add("kvg-flash"); }
    });
    var side = document.getElementById("kvg-sidebar"), nside = doc.getElementById("kvg-sidebar");
    if (side && nside) {
      var scroll = side.querySelector(".kvg-nav") ? side.querySelector(".kvg-nav").scrollTop : 0;
      moveChildren(nside, side);
      var nav = side.querySelector(".kvg-nav");
      if (nav) nav.scrollTop = scroll;
      setLive("live", "Live reload");
    }
    var errs = document.getElementById("kvg-errors"), nerrs = doc.getElementById("kvg-errors");
    if (errs && nerrs) errs.textContent = nerrs.textContent;
    if (doc.title) document.title = doc.title;
    window.scrollTo(0, y);
    showErrors(currentErrors());
    body.setAttribute("data-reloads", String(Number(body.getAttribute("data-reloads") || 0) + 1));
    document.dispatchEvent(new CustomEvent("kview:reloaded", { detail: { views: names } }));
  }

  function refresh(names, all) {
    // coalesce: one fetch at a time, the latest request wins
    if (fetching) { pending = { names: (pending ? pending.names : []).concat(names), all: all || (pending && pending.all) }; return; }
    setLive("reloading", "Reloading…");
    fetching = fetch(location.href, { headers: { "X-Kview-Reload": "1" }, cache: "no-store" })
      .then(function (r) {
        if (!r.ok && r.status !== 404) throw new Error("HTTP " + r.status);
        return r.text();
      })
      .then(function (text) {
        var doc = new DOMParser().parseFromString(text, "text/html");
        swap(doc, names, all);
      })
      .catch(function () { location.reload(); })
      .then(function () {
        fetching = null;
        if (pending) { var p = pending; pending = null; refresh(p.names, p.all); }
      });
  }

  /* ------------------------------------------------------------ the event stream */
  function connect() {
    if (body.getAttribute("data-reload") === "off" || !window.EventSource) return;
    var es = new EventSource("/events");
    es.addEventListener("open", function () { setLive("live", "Live reload"); });
    es.addEventListener("hello", function (ev) {
      var data = JSON.parse(ev.data);
      if (bootId && data.boot !== bootId) { location.reload(); return; }
      bootId = data.boot;
      setLive("live", "Live reload");
    });
    es.addEventListener("reload", function (ev) {
      var data = JSON.parse(ev.data);
      refresh(data.views || [], !!data.all);
    });
    es.addEventListener("error", function (ev) {
      if (!ev.data) { setLive("down", "Server unreachable — retrying…"); return; }  // connection error
      var data = JSON.parse(ev.data);
      var items = currentErrors().filter(function (i) { return i.view !== data.view; });
      items.push({ view: data.view, title: data.title || data.view, error: data.error });
      showErrors(items);
    });
  }

  function start() {
    showErrors(currentErrors());
    connect();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
