/* kview live reload: the gallery's SSE client.
 *
 * Events from /events (devserver/web/events.py):
 *   hello  {boot}        a new server process → reload the whole page
 *   reload {views, all, names, app_errors, changes}
 *                        per changed view (devserver/web/push.py): its state, status, error,
 *                        chrome digest and each theme's new fragment HTML. Previews are patched
 *                        in place from the push (window.kviewMorph, static/morph.js): no HTTP
 *                        round trip, scroll, focus, <details> and the preview's own state stay.
 *                        The page asks the server only for what the push lacks: another
 *                        scenario or a fragment too big to push (/render?format=json), and the
 *                        page when the list of views, a view's state (ok ↔ error) or its chrome
 *                        (header, frame, console output) changed; then only the sections the
 *                        push names are replaced: the others, and their iframes, stay as they are.
 *   resync {}            this page missed events (reconnected, or its queue overflowed): fetch it
 *                        and replace the whole of it
 *   error  {view, error} show the error overlay at once
 * Before a preview is patched it gets a cancelable, bubbling "kview:beforepatch" CustomEvent
 * ({view, theme, scenario, preview, html}); preventDefault() leaves that preview to the listener.
 * After every patch or swap, document gets "kview:reloaded" ({views}). Every reload event is
 * also dispatched on document as "kview:push" (detail: the payload), so that other scripts of
 * the page (kview-host.js) need no second connection.
 * The overlay is rebuilt from the page's own #kvg-errors JSON (kept current from the pushes),
 * so it always matches what the cards show; dismissing it hides it until a different error arrives.
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
  var h = window.kviewDom.h;  // static/dom.js

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

  function viewId(node) {
    return node.nodeType === 1 && node.matches("section.kvg-view[data-view]") ? node.getAttribute("data-view") : null;
  }

  // Keyed, like React's list reconciliation: a section the push does not name stays the very
  // node it was (moving or replacing an iframe reloads it, and a widget would lose its state);
  // everything else (toolbar, app error, changed, added and removed views) comes from the fetch.
  function reconcile(main, newMain, names) {
    var changed = {}, fresh = {}, kept = {};
    names.forEach(function (n) { changed[n] = true; });
    Array.prototype.forEach.call(newMain.childNodes, function (n) { var id = viewId(n); if (id !== null) fresh[id] = true; });
    Array.prototype.slice.call(main.childNodes).forEach(function (n) {
      var id = viewId(n);
      if (id !== null && fresh[id] && !changed[id] && !kept[id]) kept[id] = n;
      else n.remove();
    });
    var next = main.firstChild;
    Array.prototype.slice.call(newMain.childNodes).forEach(function (n) {
      var id = viewId(n), old = id !== null ? kept[id] : null;
      if (!old) { main.insertBefore(n, next); return; }
      if (old === next) next = next.nextSibling;
      else main.insertBefore(old, next);  // the order changed: only this card moves
    });
  }

  function swap(doc, names, all) {
    var main = document.getElementById("kvg-main");
    var newMain = doc.getElementById("kvg-main");
    if (!main || !newMain) { location.reload(); return; }
    var y = window.scrollY;
    var details = openDetails(main);
    var panels = Array.prototype.map.call(main.querySelectorAll(".kvg-details details"), function (d) { return d.open; });
    if (all) moveChildren(newMain, main);  // a resync: the page may have missed anything
    else reconcile(main, newMain, names);
    main.querySelectorAll("section[data-view]").forEach(function (sec) {
      sec.querySelectorAll("details").forEach(function (d, i) {
        var k = sec.getAttribute("data-view") + "#" + i;
        if (k in details) d.open = details[k];
      });
    });
    main.querySelectorAll(".kvg-details details").forEach(function (d, i) { if (i < panels.length) d.open = panels[i]; });
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

  /* ------------------------------------------------------------ patching from the push */
  function pageScenario() {
    return new URLSearchParams(location.search).get("scenario") || "default";
  }

  function sectionOf(name) {
    return document.querySelector('#kvg-main section.kvg-view[data-view="' + cssEsc(name) + '"]');
  }

  function listChanged(names) {
    if (!names) return false;
    var shown = Array.prototype.map.call(document.querySelectorAll("#kvg-sidebar .kvg-nav-item[data-view]"),
      function (a) { return a.getAttribute("data-view"); });
    return shown.slice().sort().join("\n") !== names.slice().sort().join("\n");
  }

  function setDot(name, status) {
    var a = document.querySelector('#kvg-sidebar .kvg-nav-item[data-view="' + cssEsc(name) + '"]');
    if (a && status) a.setAttribute("data-status", status);
  }

  // #kvg-errors follows the push: the errors of the views it names and of the app folder
  function updateErrors(data) {
    var changed = {};
    (data.changes || []).forEach(function (c) { changed[c.view] = c; });
    var items = currentErrors().filter(function (i) { return present(i.view) && !(i.view in changed); });
    (data.changes || []).forEach(function (c) {
      if (c.error) items.push({ view: c.view, title: c.title || c.view, error: c.error });
    });
    items = (data.app_errors || []).concat(items);
    var el = document.getElementById("kvg-errors");
    if (el) el.textContent = JSON.stringify(items);
  }

  // A detached copy of the preview with the new fragment as its children (inert: a <template>)
  function detached(preview, html) {
    var tpl = document.createElement("template");
    tpl.innerHTML = "<div></div>";
    var to = tpl.content.firstChild;
    Array.prototype.forEach.call(preview.attributes, function (a) { to.setAttribute(a.name, a.value); });
    to.innerHTML = html;
    return to;
  }

  function patchPreview(sec, name, theme, scenario, html, ms) {
    var pane = sec.querySelector('.kvg-pane[data-theme="' + theme + '"]');
    var preview = pane && pane.querySelector(".kvg-preview");
    if (!preview) return false;
    var ev = new CustomEvent("kview:beforepatch", {
      bubbles: true, cancelable: true,
      detail: { view: name, theme: theme, scenario: scenario, preview: preview, html: html }
    });
    if (preview.dispatchEvent(ev)) window.kviewMorph(preview, detached(preview, html));
    var label = pane.querySelector(".kvg-pane-ms");
    if (label && typeof ms === "number") label.textContent = Math.round(ms) + " ms";
    return true;
  }

  function flash(names) {
    names.forEach(function (name) {
      var sec = sectionOf(name);
      if (sec) { sec.classList.remove("kvg-flash"); void sec.offsetWidth; sec.classList.add("kvg-flash"); }
    });
  }

  function reloaded(names) {
    body.setAttribute("data-reloads", String(Number(body.getAttribute("data-reloads") || 0) + 1));
    document.dispatchEvent(new CustomEvent("kview:reloaded", { detail: { views: names } }));
  }

  // one theme of one view from the server (another scenario, or a fragment too big to push)
  function fetchTheme(name, theme, scenario) {
    var url = "/render/" + encodeURIComponent(name) + "?format=json&theme=" + encodeURIComponent(theme) +
      "&scenario=" + encodeURIComponent(scenario);
    return fetch(url, { cache: "no-store" }).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    });
  }

  function patchFetched(name, themes, scenario) {
    return Promise.all(themes.map(function (theme) {
      return fetchTheme(name, theme, scenario).then(function (body) {
        var sec = sectionOf(name);
        if (!sec) return;
        if (body.error || sec.getAttribute("data-state") !== "ok") throw new Error("state changed");
        patchPreview(sec, name, theme, scenario, body.html || "", body.ms);
      });
    })).then(function () {
      flash([name]);
      return refreshDetails().then(function () { reloaded([name]); });
    }, function () { refresh([name], false); });
  }

  function panesOf(sec) {
    return Array.prototype.map.call(sec.querySelectorAll(".kvg-stage > .kvg-pane[data-theme]"),
      function (p) { return p.getAttribute("data-theme"); });
  }

  function applyPush(data) {
    if (!data.changes) { refresh(data.views || [], !!data.all); return; }  // an older server's event
    var appErrors = signature(currentErrors().filter(function (i) { return !i.view; }));
    updateErrors(data);
    showErrors(currentErrors());
    data.changes.forEach(function (c) { setDot(c.view, c.status); });
    // the list of views, or the app folder's own errors (a section of the page), changed
    if (listChanged(data.names) || appErrors !== signature(data.app_errors || [])) {
      refresh(data.views || [], false);
      return;
    }
    var scenario = pageScenario();
    var patched = [], whole = [];
    data.changes.forEach(function (c) {
      var sec = sectionOf(c.view);
      if (!sec) return;  // not on this page: its sidebar dot is all it shows here
      if (c.state !== "ok" || sec.getAttribute("data-state") !== "ok" ||
          (scenario === c.scenario && sec.getAttribute("data-chrome") !== c.chrome)) {
        whole.push(c.view);
        return;
      }
      var themes = panesOf(sec);
      if (scenario !== c.scenario) { patchFetched(c.view, themes, scenario); return; }
      var later = [];
      themes.forEach(function (theme) {
        var t = c.themes[theme];
        if (t && typeof t.html === "string") patchPreview(sec, c.view, theme, c.scenario, t.html, t.ms);
        else later.push(theme);
      });
      if (later.length) patchFetched(c.view, later, c.scenario);
      patched.push(c.view);
    });
    if (whole.length) { refresh(whole, false); return; }
    if (patched.length) {
      flash(patched);
      refreshDetails().then(function () { reloaded(patched); });
    }
  }

  // the view page's template / data / HTML panels, which the push does not carry; resolves once
  // they are in place, so "kview:reloaded" listeners (panel.js keeps an unsaved edit) see them
  function refreshDetails() {
    if (!document.querySelector("#kvg-main .kvg-details")) return Promise.resolve();
    return fetch(location.href, { headers: { "X-Kview-Reload": "1" }, cache: "no-store" })
      .then(function (r) { return r.text(); })
      .then(function (text) {
        var doc = new DOMParser().parseFromString(text, "text/html");
        var det = document.querySelector("#kvg-main .kvg-details"), ndet = doc.querySelector("#kvg-main .kvg-details");
        if (!det || !ndet) return;
        var olds = det.querySelectorAll("details");
        ndet.querySelectorAll("details").forEach(function (d, i) { if (olds[i]) d.open = olds[i].open; });
        det.replaceWith(document.adoptNode(ndet));
      })
      .catch(function () { /* the next change or a reload brings it */ });
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
      body.setAttribute("data-boot", bootId);
      setLive("live", "Live reload");
    });
    es.addEventListener("reload", function (ev) {
      var data = JSON.parse(ev.data);
      document.dispatchEvent(new CustomEvent("kview:push", { detail: data }));
      applyPush(data);
    });
    es.addEventListener("resync", function () { refresh([], true); });
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
