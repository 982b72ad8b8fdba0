/* kview gallery tools: the filter box, copy buttons and the data editor (no third-party code).
 *
 * Filter (on /): typing in #kvg-filter hides the views (sections and sidebar entries) whose
 *   name, title and context do not all contain the words typed; "/" focuses it, Esc clears it.
 * Copy: a .kvg-copy button copies the element its data-copy names (a textarea's value, a JSON
 *   <script>'s string, else the element's text) with the Clipboard API, or a hidden textarea and
 *   execCommand where that API is missing; the button says "Copied" for a moment.
 * Data editor (on /view/<name>): each edit, 150 ms after the last key, is POSTed to
 *   /api/preview/<name>; the answer's previews replace the page's (window.kviewMorph(from, to)
 *   when another script defines it). Invalid JSON shows its line and column, and the previews
 *   stay as they were. "Save as scenario" POSTs to /api/scenario/<name> and opens the saved
 *   scenario; "Revert" goes back to the data of the file.
 * reload.js may swap the page's sections when files change (kview:reloaded): the filter and an
 * unsaved edit are put back. Listeners are on the document, so swapped elements need none.
 * Everything shown from the server goes in as text or as nodes parsed by DOMParser (which runs
 * no script); the CSP forbids inline script anyway.
 */
(function () {
  "use strict";
  if (window.__kviewPanel) return;
  window.__kviewPanel = true;

  var $ = function (id) { return document.getElementById(id); };
  var DEBOUNCE_MS = 150;
  var NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

  function typing(el) {
    if (!el) return false;
    var tag = el.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || el.isContentEditable;
  }

  /* ------------------------------------------------------------ filter */
  var filterText = "";
  var filterFocused = false;

  function words(q) { return q.toLowerCase().split(/\s+/).filter(Boolean); }
  function matches(hay, ws) {
    hay = hay.toLowerCase();
    return ws.every(function (w) { return hay.indexOf(w) >= 0; });
  }
  function text(root, sel) {
    var el = root.querySelector(sel);
    return el ? el.textContent : "";
  }

  function applyFilter() {
    var ws = words(filterText);
    var shown = 0, total = 0;
    document.querySelectorAll("#kvg-main > section.kvg-view[data-view]").forEach(function (sec) {
      var hay = [sec.getAttribute("data-view"), text(sec, ".kvg-view-title h2"), text(sec, ".kvg-chip-ctx")].join(" ");
      var hit = matches(hay, ws);
      sec.hidden = !hit;
      total += 1;
      if (hit) shown += 1;
    });
    if ($("kvg-filter")) {
      document.querySelectorAll(".kvg-nav-group").forEach(function (group) {
        var label = text(group, ".kvg-nav-label");
        var any = false;
        group.querySelectorAll(".kvg-nav-item[data-view]").forEach(function (item) {
          var hay = [item.getAttribute("data-view"), item.getAttribute("data-context") || "", text(item, ".kvg-nav-name"), label].join(" ");
          var hit = matches(hay, ws);
          item.hidden = !hit;
          any = any || hit;
        });
        if (group.querySelector(".kvg-nav-item[data-view]")) group.hidden = !any;
      });
    }
    var none = $("kvg-filter-none");
    if (none) none.hidden = !(ws.length && total && !shown);
    document.body.setAttribute("data-filter", filterText);
  }

  document.addEventListener("input", function (ev) {
    if (ev.target && ev.target.id === "kvg-filter") {
      filterText = ev.target.value;
      applyFilter();
    }
  });
  document.addEventListener("keydown", function (ev) {
    var box = $("kvg-filter");
    if (!box) return;
    if (ev.key === "/" && !ev.ctrlKey && !ev.metaKey && !ev.altKey && !typing(document.activeElement)) {
      ev.preventDefault();
      box.focus();
      box.select();
    } else if (ev.key === "Escape" && document.activeElement === box && box.value) {
      box.value = "";
      filterText = "";
      applyFilter();
    }
  });
  document.addEventListener("focusin", function (ev) { if (ev.target && ev.target.id === "kvg-filter") filterFocused = true; });
  document.addEventListener("focusout", function (ev) { if (ev.target && ev.target.id === "kvg-filter") filterFocused = false; });

  /* ------------------------------------------------------------ copy */
  function copyText(id) {
    var el = $(id);
    if (!el) return null;
    if (el.tagName === "TEXTAREA" || el.tagName === "INPUT") return el.value;
    if (el.tagName === "SCRIPT") {
      try { return String(JSON.parse(el.textContent || '""')); } catch (e) { return null; }
    }
    return el.textContent;
  }

  function fallbackCopy(value) {
    var area = document.createElement("textarea");
    area.value = value;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.top = "-1000px";
    document.body.appendChild(area);
    area.select();
    var done = false;
    try { done = document.execCommand("copy"); } catch (e) { done = false; }
    area.remove();
    return done ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function writeClipboard(value) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(value).catch(function () { return fallbackCopy(value); });
    }
    return fallbackCopy(value);
  }

  function flash(button, label, state) {
    if (!button.hasAttribute("data-label")) button.setAttribute("data-label", button.textContent);
    button.textContent = label;
    button.setAttribute("data-copied", state);
    clearTimeout(button.__kvgTimer);
    button.__kvgTimer = setTimeout(function () {
      button.textContent = button.getAttribute("data-label");
      button.removeAttribute("data-copied");
    }, 1600);
  }

  document.addEventListener("click", function (ev) {
    var button = ev.target && ev.target.closest ? ev.target.closest(".kvg-copy") : null;
    if (!button) return;
    ev.preventDefault();  // a button in a <summary> must not open or close its <details>
    ev.stopPropagation();
    var value = copyText(button.getAttribute("data-copy"));
    if (value === null) { flash(button, "Nothing to copy", "no"); return; }
    writeClipboard(value).then(function () { flash(button, "Copied", "yes"); },
                               function () { flash(button, "Copy failed", "no"); });
  });

  /* ------------------------------------------------------------ data editor */
  var draft = null;      // the editor's text while it differs from the file's data
  var timer = null;
  var seq = 0;           // the latest request; older answers are dropped
  var inflight = null;   // its AbortController
  var confirmName = null;  // a scenario name whose overwrite the next click confirms
  var nameText = "";       // what is typed in the scenario name box (a reload swaps the box)

  function editor() { return $("kvg-editor"); }
  function area() { return $("kvg-editor-text"); }
  function original() {
    var el = $("kvg-editor-original");
    try { return el ? String(JSON.parse(el.textContent || '""')) : ""; } catch (e) { return ""; }
  }

  var h = window.kviewDom.h;  // static/dom.js

  function gutter(errorLine) {
    var ta = area(), lines = editor() && editor().querySelector(".kvg-editor-lines");
    if (!ta || !lines) return;
    var n = ta.value.split("\n").length, nodes = [];
    for (var i = 1; i <= n; i++) nodes.push(h("span", { "class": i === errorLine ? "is-hit" : "" }, [String(i)]));
    lines.replaceChildren.apply(lines, nodes);
    lines.scrollTop = ta.scrollTop;
  }

  function status(state, parts, where) {
    var el = $("kvg-editor-status");
    if (!el) return;
    el.setAttribute("data-state", state);
    ["data-line", "data-column"].forEach(function (a) { el.removeAttribute(a); });
    if (where && where.line != null) el.setAttribute("data-line", String(where.line));
    if (where && where.column != null) el.setAttribute("data-column", String(where.column));
    el.replaceChildren.apply(el, parts.map(function (p) { return typeof p === "object" ? p : document.createTextNode(p); }));
  }

  function located(e) {
    var at = [];
    if (e.file) at.push(e.file);
    if (e.line != null) at.push("line " + e.line + (e.column != null ? ", column " + e.column : ""));
    return at.length ? at.join(" · ") + ": " : "";
  }

  function markDirty() {
    var ta = area();
    if (!ta) return;
    draft = ta.value === original() ? null : ta.value;
    var revert = $("kvg-editor-revert");
    if (revert) revert.disabled = draft === null;
    editor().setAttribute("data-dirty", draft === null ? "no" : "yes");
  }

  function morph(from, to) {
    if (!from || !to) return;
    if (typeof window.kviewMorph === "function") window.kviewMorph(from, to);
    else from.replaceWith(to);
  }

  function patch(answer) {
    var ed = editor();
    if (!ed || !answer.section) return;
    var doc = new DOMParser().parseFromString(answer.section, "text/html");
    var fresh = doc.querySelector("section.kvg-view");
    var name = ed.getAttribute("data-view");
    var current = document.querySelector('#kvg-main > section.kvg-view[data-view="' + cssEsc(name) + '"]');
    if (!fresh || !current) return;
    [".kvg-stage", ".kvg-output"].forEach(function (sel) {
      var to = fresh.querySelector(sel);
      if (to) morph(current.querySelector(sel), document.importNode(to, true));
    });
    current.setAttribute("data-draft", draft === null ? "no" : "yes");  // previews of unsaved data
    Object.keys(answer.themes || {}).forEach(function (theme) {
      var pre = $("kvg-html-" + theme), html = answer.themes[theme].html;
      if (pre && html != null) pre.textContent = html;
    });
  }

  function cssEsc(s) {
    return window.CSS && CSS.escape ? CSS.escape(s) : String(s).replace(/["\\]/g, "\\$&");
  }

  function render() {
    var ed = editor(), ta = area();
    if (!ed || !ta) return;
    var mine = ++seq;
    if (inflight) inflight.abort();  // only the latest edit matters
    inflight = window.AbortController ? new AbortController() : null;
    status("busy", ["Rendering…"]);
    fetch(ed.getAttribute("data-preview-url"), {
      method: "POST",
      signal: inflight ? inflight.signal : undefined,
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ scenario: ed.getAttribute("data-scenario"), theme: document.body.getAttribute("data-theme-mode"), text: ta.value }),
      cache: "no-store"
    }).then(function (r) { return r.json(); }).then(function (answer) {
      if (mine !== seq) return;
      if (answer.json_error) {
        var e = answer.json_error;
        gutter(e.line);
        status("invalid", ["Invalid JSON — " + located(e) + e.message.replace(/^invalid edited data: /, "") + ". The previews show the last valid data."], e);
        return;
      }
      gutter(null);
      if (!answer.ok) {
        status("error", [located(answer.error || {}) + ((answer.error || {}).message || "the edit could not be rendered")], answer.error);
        return;
      }
      if (answer.error) {
        var err = answer.error;
        var where = err.file === "edited data" ? err : null;
        if (where) gutter(err.line);
        status("error", [h("b", {}, [(err.js_type || err.kind || "Error") + ": "]), located(err) + err.message + ". The previews show the last good render."], where);
        return;
      }
      patch(answer);
      var ms = Object.keys(answer.themes || {}).map(function (t) { return answer.themes[t].ms; });
      var warnings = (answer.warnings || []).length;
      status(draft === null ? "clean" : "ok", [draft === null ? "The file's data" : "Previews show your edit (not saved)",
        ms.length ? " · " + Math.round(Math.max.apply(null, ms)) + " ms" : "",
        warnings ? " · " + warnings + " warning" + (warnings === 1 ? "" : "s") : ""]);
      document.body.setAttribute("data-previews", String(Number(document.body.getAttribute("data-previews") || 0) + 1));
    }).catch(function (err) {
      if (mine === seq && err.name !== "AbortError") status("error", ["Could not reach kview: " + err.message]);
    });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(render, DEBOUNCE_MS);
  }

  var shownStatus = { state: "", parts: [] };  // put back when reload.js swaps the panel in anew
  function saveStatus(state, parts) {
    shownStatus = { state: state, parts: parts };
    var el = $("kvg-save-status");
    if (!el) return;
    el.setAttribute("data-state", state);
    el.replaceChildren.apply(el, parts.map(function (p) { return typeof p === "object" ? p.cloneNode(true) : document.createTextNode(p); }));
  }

  function save() {
    var ed = editor(), ta = area(), input = $("kvg-scenario-name"), button = $("kvg-scenario-save");
    if (!ed || !ta || !input) return;
    var name = input.value.trim();
    if (!NAME.test(name)) {
      saveStatus("error", ["A scenario name is 1–64 lower-case letters, digits, - or _ (starting with a letter or digit)."]);
      input.focus();
      return;
    }
    var overwrite = confirmName === name;
    button.disabled = true;
    fetch(ed.getAttribute("data-save-url"), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: name, text: ta.value, scenario: ed.getAttribute("data-scenario"),
                             theme: document.body.getAttribute("data-theme-mode"), overwrite: overwrite }),
      cache: "no-store"
    }).then(function (r) { return r.json().then(function (body) { return { status: r.status, body: body }; }); })
      .then(function (res) {
        button.disabled = false;
        var body = res.body, e = body.error || {};
        if (res.status === 409) {
          confirmName = name;
          button.textContent = "Overwrite";
          saveStatus("confirm", ["Scenario '" + name + "' exists (" + (e.file || "") + "). Click Overwrite to replace it."]);
          return;
        }
        if (!body.ok) { saveStatus("error", [located(e) + (e.message || "not saved")]); return; }
        draft = null;
        saveStatus("saved", ["Saved " + body.file]);
        window.location.assign(body.url);
      })
      .catch(function (err) { button.disabled = false; saveStatus("error", ["Could not reach kview: " + err.message]); });
  }

  document.addEventListener("input", function (ev) {
    var t = ev.target;
    if (!t) return;
    if (t.id === "kvg-editor-text") {
      markDirty();
      gutter(null);
      schedule();
    } else if (t.id === "kvg-scenario-name") {
      nameText = t.value;
      if (confirmName !== null && t.value.trim() !== confirmName) {
        confirmName = null;
        var b = $("kvg-scenario-save");
        if (b) b.textContent = "Save…";
        saveStatus("", []);
      }
    }
  });
  document.addEventListener("scroll", function (ev) {
    if (ev.target && ev.target.id === "kvg-editor-text") {
      var lines = editor() && editor().querySelector(".kvg-editor-lines");
      if (lines) lines.scrollTop = ev.target.scrollTop;
    }
  }, true);
  document.addEventListener("click", function (ev) {
    var t = ev.target;
    if (!t || !t.closest) return;
    if (t.closest("#kvg-editor-revert")) {
      var ta = area();
      if (!ta) return;
      ta.value = original();
      markDirty();
      gutter(null);
      render();
    } else if (t.closest("#kvg-scenario-save")) {
      save();
    }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.target && ev.target.id === "kvg-scenario-name" && ev.key === "Enter") { ev.preventDefault(); save(); }
  });

  /* ------------------------------------------------------------ after reload.js swapped the page */
  document.addEventListener("kview:reloaded", function () {
    var box = $("kvg-filter");
    if (box) {
      box.value = filterText;
      if (filterFocused) box.focus();
      applyFilter();
    }
    var input = $("kvg-scenario-name");  // so does a scenario name being typed, and its Overwrite
    if (input && nameText && input.value !== nameText) input.value = nameText;
    var button = $("kvg-scenario-save");
    if (button && confirmName !== null && nameText.trim() === confirmName) button.textContent = "Overwrite";
    var status = $("kvg-save-status");  // and what the last save said (an Overwrite to confirm)
    if (status && shownStatus.state && status.getAttribute("data-state") !== shownStatus.state) {
      saveStatus(shownStatus.state, shownStatus.parts);
    }
    var ta = area();
    if (ta && draft !== null) {  // the edit outlives a reload of the view's files
      if (ta.value !== draft) ta.value = draft;
      markDirty();
      render();
    }
    gutter(null);
  });

  function start() {
    var box = $("kvg-filter");
    if (box && box.value) { filterText = box.value; applyFilter(); }  // restored by the browser
    if (area()) { markDirty(); gutter(null); }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
