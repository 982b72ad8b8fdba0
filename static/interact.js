/* kview interactive previews: a preview's events run its template's handlers on the server.
 *
 * Previews start as the static render. On the first event inside one, the view's live session
 * is opened (POST /interact/<view>/reload: the same HTML, plus data-kv-on/data-kv-id on the
 * elements that have handlers); then every click, input, change, submit, keydown, focus and
 * blur on such an element goes to POST /interact/<view> (devserver/web/interact.py), and the
 * answer's HTML is patched into the preview (window.kviewMorph when static/morph.js is there).
 * One request per preview is in flight at a time; typing is coalesced (the latest value is
 * sent) and the focused field keeps its caret. Links never navigate: "would open …" notes,
 * window.open and KustomerRequest calls with their mocked answers go to the view's activity
 * panel (partials/activity.html), with its "Reset state" button. No inline script, no eval.
 */
(function () {
  "use strict";
  if (window.__kviewInteract) return;
  window.__kviewInteract = true;

  var sessionId = (function () {
    var a = new Uint8Array(12);
    crypto.getRandomValues(a);
    return Array.prototype.map.call(a, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  })();
  var queues = {};   // preview key → {busy, current, items}
  var patching = false;  // focus moves made by patch() are not the user's events
  var live = {};     // preview key → true once the server holds a session for it

  var REACT_NAMES = { input: ["input", "change"], focusin: ["focus"], focusout: ["blur"] };

  var h = window.kviewDom.h;  // static/dom.js

  function scenario() {
    return new URLSearchParams(location.search).get("scenario") || "default";
  }

  function where(preview) {
    var sec = preview.closest("section[data-view]");
    var frame = preview.closest("[data-theme]");
    if (!sec || !frame) return null;
    var view = sec.getAttribute("data-view"), theme = frame.getAttribute("data-theme");
    return { view: view, theme: theme, scenario: scenario(), section: sec, key: view + "\n" + theme + "\n" + scenario() };
  }

  function indexPath(root, el) {
    var path = [];
    while (el && el !== root) {
      var p = el.parentNode;
      if (!p) return null;
      path.unshift(Array.prototype.indexOf.call(p.children, el));
      el = p;
    }
    return el === root ? path : null;
  }

  function atPath(root, path) {
    var el = root;
    for (var i = 0; el && i < path.length; i++) el = el.children[path[i]];
    return el || null;
  }

  function info(el) {
    var out = { tagName: el.tagName.toLowerCase(), id: el.id || "", name: el.getAttribute("name") || "" };
    if ("value" in el && typeof el.value === "string") out.value = el.value;
    if (el.type) out.type = String(el.type);
    if (el.type === "checkbox" || el.type === "radio") out.checked = !!el.checked;
    if (typeof el.selectedIndex === "number") out.selectedIndex = el.selectedIndex;
    out.dataset = {};
    Object.keys(el.dataset || {}).forEach(function (k) { if (k.indexOf("kv") !== 0) out.dataset[k] = el.dataset[k]; });
    return out;
  }

  function eventFields(ev) {
    var out = {};
    ["key", "code", "keyCode", "which", "button", "detail", "shiftKey", "ctrlKey", "altKey", "metaKey",
      "repeat", "data", "inputType", "clientX", "clientY"].forEach(function (k) {
      if (ev[k] !== undefined && ev[k] !== null) out[k] = ev[k];
    });
    return out;
  }

  /* ------------------------------------------------------------ the activity panel */
  function panel(sec) { return sec.querySelector(".kvg-activity"); }

  function addActivity(sec, theme, items) {
    var p = panel(sec);
    if (!p || !items.length) return;
    var list = p.querySelector(".kvg-activity-list");
    items.forEach(function (a) {
      var li;
      if (a.kind === "open") {
        li = h("li", { "class": "kvg-act", "data-kind": "open" }, [
          h("span", { "class": "kvg-act-kind" }, ["open"]),
          h("span", { "class": "kvg-act-text" }, ["would open " + a.url]),
          h("span", { "class": "kvg-act-via" }, [(a.via || "link") + (a.target ? " · " + a.target : "")])
        ]);
      } else if (a.kind === "request") {
        li = h("li", { "class": "kvg-act", "data-kind": "request" }, [
          h("span", { "class": "kvg-act-kind" }, ["request"]),
          h("span", { "class": "kvg-act-text" }, [a.method + " " + a.url + " → " + a.status + (a.matched ? " (" + a.matched + ")" : " (no mock)")]),
          h("details", { "class": "kvg-act-body" }, [h("summary", {}, ["response"]),
            h("pre", {}, [JSON.stringify(a.response, null, 2)])])
        ]);
      } else {
        li = h("li", { "class": "kvg-act", "data-kind": "console", "data-level": a.level || "log" }, [
          h("span", { "class": "kvg-act-kind" }, [a.level || "log"]),
          h("span", { "class": "kvg-act-text" }, [a.text || ""])
        ]);
      }
      li.setAttribute("data-theme", theme);
      li.insertBefore(h("span", { "class": "kvg-act-theme" }, [theme]), li.children[2] || null);
      if (a.line) li.appendChild(h("span", { "class": "kvg-log-line" }, ["L" + a.line]));
      list.appendChild(li);
    });
    p.classList.remove("is-empty");
    var n = p.querySelector(".kvg-activity-count");
    if (n) n.textContent = String(list.children.length);
  }

  function showError(sec, error) {
    var p = panel(sec);
    if (!p) return;
    var box = p.querySelector(".kvg-activity-error");
    if (!error) { box.replaceChildren(); return; }
    var kind = error.js_type || error.kind || "Error";
    var present = function (v) { return v !== null && v !== undefined; };
    var lines = String(error.frame || "").split("\n").filter(function (l) { return l; }).map(function (line) {
      var cls = line.charAt(0) === ">" ? "kvg-fl-hit" : (/^\s+\|/.test(line) && line.indexOf("^") >= 0 ? "kvg-fl-caret" : "");
      return h("span", { "class": "kvg-fl " + cls }, [line]);
    });
    box.replaceChildren(h("div", { "class": "kvg-error", role: "alert", "data-kind": kind, "data-error-view": sec.getAttribute("data-view") }, [
      h("div", { "class": "kvg-err-head" }, [h("span", { "class": "kvg-err-kind" }, [kind]),
        present(error.line) ? h("span", { "class": "kvg-err-where" }, ["line " + error.line + (present(error.column) ? ", column " + error.column : "")]) : null]),
      h("div", { "class": "kvg-err-msg" }, ["In a handler: " + (error.message || "")]),
      error.file ? h("div", { "class": "kvg-err-loc" }, [error.file + (present(error.line) ? ":" + error.line : "")]) : null,
      lines.length ? h("pre", { "class": "kvg-code-frame" }, lines) : null
    ]));
  }

  /* ------------------------------------------------------------ patching */
  function syncFields(preview, keep) {
    preview.querySelectorAll("input, textarea, select").forEach(function (el) {
      if (keep.indexOf(el) >= 0) return;
      if (el.tagName === "INPUT" && (el.type === "checkbox" || el.type === "radio")) {
        el.checked = el.hasAttribute("checked");
      } else if (el.tagName === "INPUT") {
        var v = el.getAttribute("value") || "";
        if (el.value !== v) setValue(el, v);
      } else if (el.tagName === "TEXTAREA") {
        if (el.value !== el.defaultValue) setValue(el, el.defaultValue);
      } else if (el.tagName === "SELECT") {
        var sel = el.querySelector("option[selected]");
        if (sel && el.value !== sel.value) el.value = sel.value;
      }
    });
  }

  function setValue(el, v) {
    var focused = document.activeElement === el, pos = null;
    try { pos = focused ? el.selectionStart : null; } catch (e) { pos = null; }
    el.value = v;
    if (focused && pos !== null) {
      try { el.setSelectionRange(Math.min(pos, v.length), Math.min(pos, v.length)); } catch (e) { /* no caret */ }
    }
  }

  // keep: index paths of fields the user is still typing in (their input is queued): their
  // values stay what the user typed, whatever this (older) answer says.
  function patch(preview, html, keep) {
    var active = document.activeElement;
    var activePath = active && preview.contains(active) ? indexPath(preview, active) : null;
    var sel = null;
    try { sel = activePath ? [active.selectionStart, active.selectionEnd] : null; } catch (e) { sel = null; }
    var typed = keep.map(function (p) { var el = atPath(preview, p); return el && typeof el.value === "string" ? [p, el.value] : null; })
      .filter(function (x) { return x; });
    var doc = new DOMParser().parseFromString("<body>" + html + "</body>", "text/html");
    var to = preview.cloneNode(false);
    to.replaceChildren.apply(to, Array.prototype.slice.call(doc.body.childNodes));
    patching = true;
    try {
      if (typeof window.kviewMorph === "function") window.kviewMorph(preview, to);
      else preview.replaceChildren.apply(preview, Array.prototype.slice.call(to.childNodes));
      preview.setAttribute("data-kv-live", "on");
      restore(preview, typed, activePath, sel);
    } finally {
      patching = false;
    }
  }

  function restore(preview, typed, activePath, sel) {
    var kept = [];
    typed.forEach(function (pv) {
      var el = atPath(preview, pv[0]);
      if (!el) return;
      kept.push(el);
      if (el.value !== pv[1]) el.value = pv[1];
    });
    syncFields(preview, kept);
    var now = activePath ? atPath(preview, activePath) : null;
    if (now && document.activeElement !== now) now.focus();
    if (now && sel && sel[0] !== null && typeof now.setSelectionRange === "function") {
      try {
        if (now.selectionStart !== sel[0] || now.selectionEnd !== sel[1]) now.setSelectionRange(sel[0], sel[1]);
      } catch (e) { /* not a text field */ }
    }
  }

  function typingPaths(key, answered) {
    var q = queues[key];
    var items = q ? q.items.slice() : [];
    if (q && q.current && q.current !== answered) items.push(q.current);
    return items.filter(function (i) { return i.type === "input"; }).map(function (i) { return i.path; });
  }

  /* ------------------------------------------------------------ requests */
  function post(url, body) {
    return fetch(url, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
      cache: "no-store", credentials: "same-origin"
    }).then(function (r) { return r.json(); });
  }

  function base(w) { return "/interact/" + encodeURIComponent(w.view).replace(/%2F/g, "/"); }

  function answer(preview, w, data, answered) {
    if (data.error) {
      showError(w.section, data.error);
      return data;
    }
    showError(w.section, null);
    if (typeof data.html === "string") patch(preview, data.html, typingPaths(w.key, answered));
    var items = (data.console || []).map(function (c) { return { kind: "console", level: c.level, text: c.text, line: c.line }; });
    addActivity(w.section, w.theme, (data.activity || []).concat(items));
    document.dispatchEvent(new CustomEvent("kview:interacted", { detail: { view: w.view, theme: w.theme, ms: data.ms } }));
    return data;
  }

  function ensureLive(preview, w) {
    if (preview.getAttribute("data-kv-live") === "on" && live[w.key]) return Promise.resolve(true);
    return post(base(w) + "/reload", { session: sessionId, theme: w.theme, scenario: w.scenario })
      .then(function (data) {
        answer(preview, w, data, null);
        if (data.error) return false;
        live[w.key] = true;
        return true;
      });
  }

  function handlerPath(preview, el, names) {
    var ids = [], targets = [];
    for (var n = el; n && n !== preview; n = n.parentElement) {
      var on = (n.getAttribute("data-kv-on") || "").split(" ");
      if (n.hasAttribute("data-kv-id") && names.some(function (x) { return on.indexOf(x) >= 0; })) {
        ids.push(n.getAttribute("data-kv-id"));
        targets.push(info(n));
      }
    }
    return { ids: ids, targets: targets };
  }

  function send(preview, w, item) {
    var el = atPath(preview, item.path);
    if (!el) return Promise.resolve();
    var names = REACT_NAMES[item.type] || [item.type];
    var hp = handlerPath(preview, el, names);
    var link = el.closest("a[href]");
    if (!hp.ids.length) {
      if (item.type === "click" && link && preview.contains(link)) {
        addActivity(w.section, w.theme, [{ kind: "open", url: link.getAttribute("href"), via: "link" }]);
      }
      return Promise.resolve();
    }
    var payload = item.fields;
    payload.target = item.target;
    payload.currentTargets = hp.targets;
    return post(base(w), { session: sessionId, theme: w.theme, scenario: w.scenario, handler: hp.ids, type: item.type, payload: payload })
      .then(function (data) {
        answer(preview, w, data, item);
        if (!data.error && item.type === "click" && link && preview.contains(link) && !data.defaultPrevented) {
          addActivity(w.section, w.theme, [{ kind: "open", url: link.getAttribute("href"), via: "link" }]);
        }
      });
  }

  function pump(preview, w) {
    var q = queues[w.key];
    if (q.busy || !q.items.length) return;
    q.busy = true;
    var item = q.current = q.items.shift();
    ensureLive(preview, w)
      .then(function (ok) { return ok ? send(preview, w, item) : null; })
      .catch(function (e) { showError(w.section, { kind: "NetworkError", message: "kview: " + (e && e.message || e) }); })
      .then(function () { q.busy = false; q.current = null; pump(preview, w); });
  }

  function enqueue(ev, type) {
    if (patching) return;
    var t = ev.target;
    if (!(t instanceof Element)) return;
    var preview = t.closest(".kvg-preview");
    if (!preview || preview.closest(".kvg-pane.is-stale")) return;
    var w = where(preview);
    if (!w) return;
    var path = indexPath(preview, t);
    if (!path) return;
    var q = queues[w.key] || (queues[w.key] = { busy: false, items: [] });
    var item = { type: type, path: path, target: info(t), fields: eventFields(ev) };
    if (type === "input") {
      for (var i = q.items.length - 1; i >= 0; i--) {  // coalesce: send only the latest value
        if (q.items[i].type === "input" && q.items[i].path.join() === path.join()) { q.items[i] = item; pump(preview, w); return; }
      }
    }
    q.items.push(item);
    pump(preview, w);
  }

  document.addEventListener("click", function (ev) {
    var t = ev.target instanceof Element ? ev.target : null;
    var preview = t && t.closest(".kvg-preview");
    if (!preview) {
      var reset = t && t.closest("[data-kv-reset]");
      if (reset) resetView(reset.closest("section[data-view]"));
      return;
    }
    if (t.closest("a[href]")) ev.preventDefault();  // previews never navigate the gallery
    enqueue(ev, "click");
  });
  document.addEventListener("input", function (ev) { enqueue(ev, "input"); });
  document.addEventListener("change", function (ev) {
    var t = ev.target;
    if (t && (t.tagName === "SELECT" || t.type === "checkbox" || t.type === "radio")) enqueue(ev, "change");
  });
  document.addEventListener("submit", function (ev) {
    if (ev.target instanceof Element && ev.target.closest(".kvg-preview")) { ev.preventDefault(); enqueue(ev, "submit"); }
  });
  document.addEventListener("dblclick", function (ev) { enqueue(ev, "doubleclick"); });  // React's onDoubleClick
  ["keydown", "keypress", "keyup"].forEach(function (type) {
    document.addEventListener(type, function (ev) { enqueue(ev, type); });
  });
  document.addEventListener("focusin", function (ev) { enqueue(ev, "focusin"); });
  document.addEventListener("focusout", function (ev) { enqueue(ev, "focusout"); });

  /* ------------------------------------------------------------ reset and hot reload */
  function resetView(sec) {
    if (!sec) return;
    var p = panel(sec);
    if (p) {
      p.querySelector(".kvg-activity-list").replaceChildren();
      p.classList.add("is-empty");
      var n = p.querySelector(".kvg-activity-count");
      if (n) n.textContent = "0";
      showError(sec, null);
    }
    sec.querySelectorAll(".kvg-preview").forEach(function (preview) {
      var w = where(preview);
      if (!w || !live[w.key]) return;
      var q = queues[w.key] || (queues[w.key] = { busy: false, items: [] });
      q.items = [];
      post(base(w) + "/reset", { session: sessionId, theme: w.theme, scenario: w.scenario })
        .then(function (data) { answer(preview, w, data, null); });
    });
  }

  document.addEventListener("kview:beforepatch", function (ev) {
    var d = ev.detail || {};
    var preview = d.preview || ev.target;
    if (!(preview instanceof Element)) return;
    var w = where(preview);
    if (!w || !live[w.key]) return;
    ev.preventDefault();  // keep the state: the session re-runs the new template instead
    post(base(w) + "/reload", { session: sessionId, theme: w.theme, scenario: w.scenario })
      .then(function (data) { answer(preview, w, data, null); });
  });
})();
