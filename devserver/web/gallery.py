"""The gallery: ``/`` lists every view of the app folder, ``/view/<name>`` shows one in detail.

Each view is rendered in light and dark side by side, framed like the place Kustomer shows it
(an insight card with its header for ``smartbar-card``, a timeline entry for
``expanded-timeline``, …), with its console output and warnings underneath. A view that fails
shows its error card (file, line, column, code frame) beside its last good render, dimmed.

HTML is built with f-strings: every interpolated value goes through ``escape`` except the
renderer's output, which lxml built and escaped by construction.
"""

from __future__ import annotations

import json
import time
from html import escape
from typing import Any
from urllib.parse import quote

from flask import Blueprint, Response, abort, current_app, request, url_for

from ..paths import static_dir
from ..project import RENDER_THEMES, Outcome, ViewSpec, ViewState
from .config import GALLERY_THEMES

bp = Blueprint("gallery", __name__)

CONTEXT_LABELS = {
    "smartbar-card": "Insight cards",
    "smartbar-details": "Insight details",
    "expanded-timeline": "Timeline",
    "create-form": "Create forms",
}


# ---------------------------------------------------------------------- routes
def _kv() -> Any:
    return current_app.extensions["kview"]


def _theme_mode() -> str:
    mode = request.args.get("theme") or _kv().config.theme
    return mode if mode in GALLERY_THEMES else "both"


def _themes(mode: str) -> tuple[str, ...]:
    return RENDER_THEMES if mode == "both" else (mode,)


@bp.get("/")
def index() -> Response:
    kv = _kv()
    mode = _theme_mode()
    specs = sorted(kv.project.views(), key=_group_key)  # the sidebar's order
    states = [kv.project.state(spec, _themes(mode)) for spec in specs]
    sections = "\n".join(view_section(s, mode) for s in states) or _empty_state(kv)
    errors = sum(1 for s in states if s.error)
    counts = f"{len(states)} view{'s' * (len(states) != 1)}"
    if errors:
        counts += f' · <span class="kvg-count-err">{errors} failing</span>'
    body = _toolbar("All views", counts, mode, request.path) + _app_error(kv.project.app_error) + sections
    return _page(kv, "All views", body, states, mode)


@bp.get("/view/<path:name>")
def view_page(name: str) -> Response:
    kv = _kv()
    mode = _theme_mode()
    spec = kv.project.find(name)
    if spec is None:
        abort(404, description=f"no view named {name!r} in {kv.config.views_dir}")
    state = kv.project.state(spec, _themes(mode))
    # the other views render too (memoised), so the sidebar's status dots are true
    states = [state if s.name == name else kv.project.state(s, _themes(mode)) for s in kv.project.views()]
    crumbs = f'<a href="{url_for("gallery.index", theme=_q(mode))}">All views</a> / {escape(spec.display_name)}'
    body = (_toolbar(crumbs, escape(spec.name), mode, request.path, raw_title=True)
            + _app_error(kv.project.app_error)
            + view_section(state, mode, detail=True)
            + _details(kv, spec, state))
    return _page(kv, spec.display_name, body, states, mode, current=name)


@bp.get("/_kview/gallery.css")
def gallery_css() -> Response:
    return Response(GALLERY_CSS, mimetype="text/css", headers={"Cache-Control": "no-cache"})


@bp.get("/favicon.ico")
def favicon() -> Response:
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" '
           'fill="#5b5bd6"/><path d="M10 8v16M10 16l9-8M13 14l7 10" stroke="#fff" stroke-width="3" '
           'fill="none" stroke-linecap="round"/></svg>')
    return Response(svg, mimetype="image/svg+xml")


def _group_key(spec: ViewSpec) -> tuple:
    order = list(CONTEXT_LABELS)
    ctx = spec.context
    return (order.index(ctx) if ctx in order else len(order), ctx)


def _q(mode: str) -> str | None:
    """The ``theme`` query value to keep in links (none when it is the server default)."""
    return None if mode == _kv().config.theme else mode


# ---------------------------------------------------------------------- page chrome
def _app_title(kv: Any) -> str:
    return kv.project.last_app.title or kv.project.root.name


def _page(kv: Any, title: str, body: str, states: list[ViewState], mode: str, current: str | None = None) -> Response:
    errors = [{"view": s.name, "title": s.spec.display_name, "error": s.error} for s in states if s.error]
    if kv.project.app_error:
        errors.insert(0, {"view": None, "title": "App folder", "error": kv.project.app_error})
    css_v = _mtime(static_dir() / "kview.css")
    js_v = _mtime(static_dir() / "reload.js")
    html = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} · {escape(_app_title(kv))} · kview</title>
<link rel="icon" href="/favicon.ico">
<link rel="stylesheet" href="/static/kview.css?v={css_v}">
<link rel="stylesheet" href="{url_for('gallery.gallery_css')}">
<script src="/static/reload.js?v={js_v}" defer></script>
</head>
<body class="kvg-gallery" data-reload="{'on' if kv.config.reload else 'off'}" data-theme-mode="{mode}">
<aside class="kvg-sidebar" id="kvg-sidebar">{_sidebar(kv, states, mode, current)}</aside>
<main class="kvg-main" id="kvg-main">
{body}
</main>
<script type="application/json" id="kvg-errors">{_json_script(errors)}</script>
</body>
</html>
"""
    return Response(html, mimetype="text/html")


def _mtime(path: Any) -> str:
    try:
        return str(int(path.stat().st_mtime))
    except OSError:
        return "0"


def _json_script(value: Any) -> str:
    return json.dumps(value).replace("</", "<\\/").replace("<!--", "<\\!--")


def _sidebar(kv: Any, states: list[ViewState], mode: str, current: str | None) -> str:
    groups: dict[str, list[ViewState]] = {}
    for s in states:
        groups.setdefault(s.spec.context, []).append(s)
    order = list(CONTEXT_LABELS) + sorted(c for c in groups if c not in CONTEXT_LABELS)
    nav = []
    for ctx in order:
        if ctx not in groups:
            continue
        items = []
        for s in groups[ctx]:
            status = "err" if s.error else ("warn" if any(o.warnings for o in s.outcomes.values()) else "ok")
            if not s.outcomes:
                status = "idle"
            href = url_for("gallery.view_page", name=s.name, theme=_q(mode)) if current else f"#view-{_anchor(s.name)}"
            cur = ' aria-current="page"' if s.name == current else ""
            items.append(
                f'<a class="kvg-nav-item" href="{escape(href)}" data-view="{escape(s.name)}" data-status="{status}"{cur}>'
                f'<span class="kvg-dot" aria-hidden="true"></span>'
                f'<span class="kvg-nav-text"><span class="kvg-nav-name">{escape(s.spec.display_name)}</span>'
                f'<span class="kvg-nav-sub">{escape(s.name)}</span></span></a>'
            )
        label = CONTEXT_LABELS.get(ctx, ctx)
        nav.append(f'<div class="kvg-nav-group"><div class="kvg-nav-label">{escape(label)}'
                   f'<span>{len(groups[ctx])}</span></div>{"".join(items)}</div>')
    home = url_for("gallery.index", theme=_q(mode))
    return f"""
<a class="kvg-brand" href="{home}"><span class="kvg-logo" aria-hidden="true">k</span><span>kview</span></a>
<div class="kvg-app"><div class="kvg-app-title">{escape(_app_title(kv))}</div>
<div class="kvg-app-path" title="{escape(str(kv.project.root))}">{escape(kv.project.root.name)}/</div></div>
<nav class="kvg-nav">{''.join(nav) or '<p class="kvg-muted">No views yet.</p>'}</nav>
<footer class="kvg-side-foot"><span class="kvg-live" id="kvg-live" data-state="{'connecting' if kv.config.reload else 'off'}">
<span class="kvg-live-dot"></span><span class="kvg-live-text">{'Connecting…' if kv.config.reload else 'Live reload off'}</span></span></footer>
"""


def _toolbar(title: str, sub: str, mode: str, path: str, raw_title: bool = False) -> str:
    buttons = []
    for m, label in (("light", "Light"), ("both", "Both"), ("dark", "Dark")):
        href = escape(f"{quote(path)}?theme={m}")
        pressed = "true" if m == mode else "false"
        buttons.append(f'<a class="kvg-seg" href="{href}" aria-pressed="{pressed}">{label}</a>')
    return f"""<header class="kvg-toolbar">
<div class="kvg-toolbar-title"><h1>{title if raw_title else escape(title)}</h1><span class="kvg-toolbar-sub">{sub}</span></div>
<div class="kvg-segmented" role="group" aria-label="Theme">{''.join(buttons)}</div>
</header>"""


def _app_error(err: dict | None) -> str:
    if not err:
        return ""
    return (f'<section class="kvg-app-error" data-view="">'
            f'<div class="kvg-app-error-head">The app folder could not be read — showing the last good list of views.</div>'
            f"{error_card(err)}</section>")


def _empty_state(kv: Any) -> str:
    root = escape(str(kv.project.root))
    return (f'<div class="kvg-empty"><h2>No views in {root}</h2><p>Add a template as '
            f"<code>kviews/&lt;name&gt;.jsx</code> (and optional mock data as <code>mocks/&lt;name&gt;.json</code>); "
            f"this page updates by itself.</p></div>")


# ---------------------------------------------------------------------- one view
def _anchor(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in name)


def view_section(state: ViewState, mode: str, detail: bool = False) -> str:
    spec = state.spec
    err = state.error
    themes = list(state.outcomes)
    if err:
        panes = [error_card(err, view=spec.name)]
        if state.last_good:  # the last good render stays, dimmed, beside the error
            panes += [_pane(spec, t, state.last_good.get(t), stale=True) for t in themes]
    else:
        panes = [_pane(spec, t, state.outcomes[t]) for t in themes]
    data = (f'<span class="kvg-chip" title="mock data">{escape(state.data_source)}</span>' if state.data_source
            else '<span class="kvg-chip kvg-chip-gen" title="no mocks/&lt;name&gt;.json: kview generates data">generated data</span>')
    open_link = "" if detail else (
        f'<a class="kvg-open" href="{escape(url_for("gallery.view_page", name=spec.name, theme=_q(mode)))}">Open&nbsp;↗</a>')
    icon = spec.meta.get("icon")
    cls = "kvg-view" + (" has-error" if err else "") + (" is-detail" if detail else "")
    if err:
        layout = f"error-{len(themes)}" if state.last_good else "single"
    else:
        layout = "single" if len(themes) == 1 else "pair"
    return f"""<section class="{cls}" id="view-{escape(_anchor(spec.name))}" data-view="{escape(spec.name)}" data-state="{'error' if err else 'ok'}">
<header class="kvg-view-head">
<div class="kvg-view-title"><h2>{escape(spec.display_name)}</h2><code class="kvg-view-name">{escape(spec.name)}</code></div>
<div class="kvg-view-meta"><span class="kvg-chip kvg-chip-ctx">{escape(spec.context)}</span><span class="kvg-chip">{escape(spec.resource)}</span>
{f'<span class="kvg-chip" title="meta.icon">{_icon(str(icon))}{escape(str(icon))}</span>' if icon else ''}
<span class="kvg-chip kvg-chip-file" title="template">{escape(state.file or spec.name)}</span>{data}{open_link}</div>
</header>
<div class="kvg-stage" data-layout="{layout}">{''.join(panes)}</div>
{_output(state)}
</section>"""


def _pane(spec: ViewSpec, theme: str, out: Outcome | None, stale: bool = False) -> str:
    label = "Light" if theme == "light" else "Dark"
    if stale:
        when = time.strftime("%H:%M:%S", time.localtime(out.at)) if out else ""
        badge = (f'<span class="kvg-pane-badge">last good render · {when}</span>' if out
                 else '<span class="kvg-pane-badge">no good render yet</span>')
    else:
        badge = f'<span class="kvg-pane-ms">{out.ms:.0f} ms</span>' if out else ""
    inner = frame(spec, theme, out.html or "") if out and out.html is not None else (
        '<div class="kvg-pane-empty">Fix the error to see this view.</div>')
    return (f'<div class="kvg-pane{" is-stale" if stale else ""}" data-theme="{theme}">'
            f'<div class="kvg-pane-label"><span>{label}</span>{badge}</div>'
            f'<div class="kvg-desk" data-theme="{theme}">{inner}</div></div>')


def frame(spec: ViewSpec, theme: str, fragment: str) -> str:
    """The rendered fragment inside a frame that looks like its Kustomer context."""
    title = escape(spec.display_name)
    icon = str(spec.meta.get("icon") or "")
    theme_cls = f"kvg-frame kview-theme-{theme}"
    ctx = spec.context
    if ctx == "smartbar-card":
        collapsed = spec.meta.get("state") == "close"
        return (f'<div class="{theme_cls} kvg-frame-card" data-theme="{theme}" data-context="{escape(ctx)}">'
                f'<div class="kvg-card-head"><span class="kvg-card-icon" title="{escape(icon or "no icon")}">{_icon(icon)}</span>'
                f'<span class="kvg-card-title">{title}</span>'
                f'<span class="kvg-card-state" title="meta.state: {escape(str(spec.meta.get("state", "open")))}">{"▸" if collapsed else "▾"}</span></div>'
                f'<div class="kvg-card-body">{fragment}</div></div>')
    if ctx == "expanded-timeline":
        klass = spec.resource.removeprefix("kobject.")
        return (f'<div class="{theme_cls} kvg-frame-timeline" data-theme="{theme}" data-context="{escape(ctx)}">'
                f'<div class="kvg-tl-rail"><span class="kvg-tl-dot">{_icon(icon)}</span></div>'
                f'<div class="kvg-tl-item"><div class="kvg-tl-head"><span class="kvg-tl-title">{title}</span>'
                f'<span class="kvg-tl-meta">{escape(klass)} · just now</span></div>'
                f'<div class="kvg-tl-body">{fragment}</div></div></div>')
    if ctx == "smartbar-details":
        return (f'<div class="{theme_cls} kvg-frame-details" data-theme="{theme}" data-context="{escape(ctx)}">'
                f'<div class="kvg-details-head">{_icon(icon)}<span>{title}</span></div>{fragment}</div>')
    if ctx == "create-form":
        klass = spec.resource.removeprefix("kobject.")
        return (f'<div class="{theme_cls} kvg-frame-form" data-theme="{theme}" data-context="{escape(ctx)}">'
                f'<div class="kvg-form-head">New {escape(klass)}</div><div class="kvg-form-body">{fragment}</div>'
                f'<div class="kvg-form-foot"><span class="kvg-btn-fake">Cancel</span>'
                f'<span class="kvg-btn-fake is-primary">Create</span></div></div>')
    return (f'<div class="{theme_cls} kvg-frame-plain" data-theme="{theme}" data-context="{escape(ctx)}">'
            f"{fragment}</div>")


def error_card(err: dict, view: str | None = None) -> str:
    """File, line, column, message and code frame of an error (also used by /render)."""
    kind = err.get("js_type") or err.get("kind") or "Error"
    loc = escape(str(err.get("file") or ""))
    if err.get("line") is not None:
        loc += f':<b class="kvg-err-line">{int(err["line"])}</b>'
        if err.get("column") is not None:
            loc += f":{int(err['column'])}"
    frame_txt = err.get("frame") or ""
    tb = err.get("traceback")
    where = ""
    if err.get("line") is not None:
        where = f'<span class="kvg-err-where">line {int(err["line"])}' + (
            f", column {int(err['column'])}" if err.get("column") is not None else "") + "</span>"
    return (f'<div class="kvg-error" role="alert" data-kind="{escape(kind)}"{f" data-error-view={_attr(view)}" if view else ""}>'
            f'<div class="kvg-err-head"><span class="kvg-err-kind">{escape(kind)}</span>{where}</div>'
            f'<div class="kvg-err-msg">{escape(str(err.get("message") or ""))}</div>'
            + (f'<div class="kvg-err-loc">{loc}</div>' if loc else "")
            + (f'<pre class="kvg-code-frame">{_frame_html(frame_txt)}</pre>' if frame_txt else "")
            + (f'<details class="kvg-tb"><summary>Python traceback</summary><pre>{escape(tb)}</pre></details>' if tb else "")
            + "</div>")


def _attr(value: str) -> str:
    return '"' + escape(value, quote=True) + '"'


def _frame_html(frame_txt: str) -> str:
    rows = []
    for line in frame_txt.splitlines():
        cls = "kvg-fl-hit" if line.startswith(">") else ("kvg-fl-caret" if line.strip().startswith("|") else "")
        rows.append(f'<span class="kvg-fl {cls}">{escape(line)}</span>')
    return "".join(rows)  # block spans: a newline between them would double the spacing


def _output(state: ViewState) -> str:
    """Console output and warnings (from the first theme: the template runs the same in both)."""
    outs = [o for o in state.outcomes.values() if o.ok] or list(state.outcomes.values())
    first = outs[0] if outs else None
    console = first.console if first else []
    warnings: list[dict] = []
    for o in state.outcomes.values():
        for w in o.warnings:
            if w not in warnings:
                warnings.append(w)
    rows = []
    for w in warnings:
        line = f'<span class="kvg-log-line">L{w["line"]}</span>' if w.get("line") else ""
        rows.append(f'<li class="kvg-log" data-level="warning"><span class="kvg-log-lvl">warning</span>'
                    f'<span class="kvg-log-text">{escape(str(w.get("message", "")))}</span>{line}</li>')
    for c in console:
        line = f'<span class="kvg-log-line">L{c["line"]}</span>' if c.get("line") else ""
        level = str(c.get("level", "log"))
        rows.append(f'<li class="kvg-log" data-level="{escape(level)}"><span class="kvg-log-lvl">{escape(level)}</span>'
                    f'<span class="kvg-log-text">{escape(str(c.get("text", "")))}</span>{line}</li>')
    summary = (f'<span class="kvg-out-title">Console</span><span class="kvg-count">{len(console)}</span>'
               f'<span class="kvg-out-title">Warnings</span><span class="kvg-count{" is-warn" if warnings else ""}">{len(warnings)}</span>')
    if not rows:
        return f'<footer class="kvg-output is-empty">{summary}<span class="kvg-muted">no output</span></footer>'
    return f'<footer class="kvg-output"><div class="kvg-out-head">{summary}</div><ol class="kvg-log-list">{"".join(rows)}</ol></footer>'


def _details(kv: Any, spec: ViewSpec, state: ViewState) -> str:
    """The per-view page extras: template source, mock data, rendered HTML."""
    src_lines = spec.source.splitlines() or [""]
    width = len(str(len(src_lines)))
    err_line = (state.error or {}).get("line")
    src = "".join(  # block spans, no newlines between them
        f'<span class="kvg-src-line{" is-hit" if err_line == i else ""}"><span class="kvg-ln">{i:>{width}}</span>{escape(t)}</span>'
        for i, t in enumerate(src_lines, 1)
    )
    if state.data_source is not None:
        data = f'<p class="kvg-muted">{escape(state.data_source)}</p><pre class="kvg-pre">{escape(state.data_text or "")}</pre>'
    else:
        data = (f'<p class="kvg-muted">No <code>mocks/{escape(spec.name)}.json</code>: kview generates mock data '
                f"for <code>{escape(spec.resource)}</code>. Save a file there to pin the data.</p>")
    out = next((o for o in state.outcomes.values() if o.html), None)
    html_src = escape(out.html) if out else "(no successful render)"
    return f"""<section class="kvg-details">
<details open><summary>Template <span class="kvg-muted">{escape(state.file)}</span></summary><pre class="kvg-pre kvg-src">{src}</pre></details>
<details><summary>Mock data</summary>{data}</details>
<details><summary>Rendered HTML</summary><pre class="kvg-pre">{html_src}</pre></details>
</section>"""


# ---------------------------------------------------------------------- icons
# Material Design Icons names (meta.icon) mapped by keyword onto a few simple line icons.
_ICON_PATHS = {
    "cart": '<circle cx="9" cy="20" r="1.4"/><circle cx="18" cy="20" r="1.4"/><path d="M2 3h3l2.6 12.2a1.6 1.6 0 0 0 1.6 1.3h8.6a1.6 1.6 0 0 0 1.6-1.2L21 7H6"/>',
    "clock": '<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>',
    "calendar": '<rect x="3" y="5" width="18" height="16" rx="2"/><path d="M16 3v4M8 3v4M3 10h18"/>',
    "account": '<circle cx="12" cy="8" r="4"/><path d="M4 21v-1a6 6 0 0 1 6-6h4a6 6 0 0 1 6 6v1"/>',
    "truck": '<path d="M2 5h12v11H2zM14 9h4l3 3v4h-7"/><circle cx="6" cy="18" r="2"/><circle cx="17" cy="18" r="2"/>',
    "star": '<path d="M12 3l2.8 5.8 6.2.9-4.5 4.4 1.1 6.2L12 17.4l-5.6 2.9 1.1-6.2L3 9.7l6.2-.9z"/>',
    "receipt": '<path d="M6 2h12v20l-3-2-3 2-3-2-3 2z"/><path d="M9 7h6M9 11h6M9 15h4"/>',
    "earth": '<circle cx="12" cy="12" r="9"/><path d="M3 12h18M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18"/>',
    "apps": '<rect x="4" y="4" width="6" height="6" rx="1"/><rect x="14" y="4" width="6" height="6" rx="1"/><rect x="4" y="14" width="6" height="6" rx="1"/><rect x="14" y="14" width="6" height="6" rx="1"/>',
    "flash": '<path d="M13 2L4 14h7l-1 8 9-12h-7z"/>',
    "message": '<path d="M21 15a2 2 0 0 1-2 2H8l-5 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/>',
    "image": '<rect x="3" y="3" width="18" height="18" rx="2"/><circle cx="9" cy="9" r="1.5"/><path d="M21 15l-5-5L5 21"/>',
    "package": '<path d="M21 16V8l-9-5-9 5v8l9 5z"/><path d="M3 8l9 5 9-5M12 13v8"/>',
    "card": '<rect x="2" y="5" width="20" height="14" rx="2"/><path d="M2 10h20"/>',
    "web": '<rect x="3" y="4" width="18" height="16" rx="2"/><path d="M3 9h18M7 6.5h.01M10 6.5h.01"/>',
}
_ICON_ALIASES = {
    "basket": "cart", "shopping": "cart", "calendly": "calendar", "user": "account", "person": "account",
    "delivery": "truck", "shipping": "truck", "invoice": "receipt", "file": "receipt", "document": "receipt",
    "globe": "earth", "grid": "apps", "lightning": "flash", "bolt": "flash", "chat": "message",
    "comment": "message", "photo": "image", "credit": "card", "iframe": "web", "open-in": "web",
}


def _icon(name: str) -> str:
    key = next((k for k in _ICON_PATHS if k in name), None)
    if key is None:
        key = next((v for k, v in _ICON_ALIASES.items() if k in name), None)
    if key is None:
        letter = escape((name[:1] or "•").upper())
        return f'<span class="kvg-icon kvg-icon-letter" aria-hidden="true">{letter}</span>'
    return (f'<svg class="kvg-icon" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" '
            f'stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">{_ICON_PATHS[key]}</svg>')


# ---------------------------------------------------------------------- styles
# The gallery's own chrome. Colours of the framed cards come from the theme variables that
# static/kview.css defines for `.kview-theme-light` / `.kview-theme-dark`, with fallbacks here
# (the mock palette of the Kustomer reference §5) so the frames look right without it.
GALLERY_CSS = r"""
:root {
  --g-bg: #f4f5f8; --g-panel: #fff; --g-side: #fbfbfd; --g-border: #e3e5eb; --g-border-2: #eceef2;
  --g-text: #1b1f2b; --g-muted: #6a7184; --g-faint: #9aa1b1; --g-accent: #5b5bd6; --g-accent-soft: #eef0ff;
  --g-err: #e5484d; --g-err-soft: #fff4f4; --g-warn: #e79a12; --g-ok: #2fa36b;
  --g-mono: ui-monospace, "SF Mono", "JetBrains Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace;
  --g-sans: Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Liberation Sans", Arial, sans-serif;
  --g-side-w: 264px;
}
* { box-sizing: border-box; }
html, body { margin: 0; }
body.kvg-gallery { background: var(--g-bg); color: var(--g-text); font: 14px/1.45 var(--g-sans); -webkit-font-smoothing: antialiased; }
.kvg-gallery a { color: inherit; }
.kvg-muted { color: var(--g-muted); }
code, pre { font-family: var(--g-mono); }

/* ---------------------------------------------------------------- sidebar */
.kvg-sidebar { position: fixed; inset: 0 auto 0 0; width: var(--g-side-w); background: var(--g-side);
  border-right: 1px solid var(--g-border); display: flex; flex-direction: column; overflow: hidden; z-index: 5; }
.kvg-brand { display: flex; align-items: center; gap: 10px; padding: 18px 20px 10px; font-weight: 700; font-size: 15px;
  letter-spacing: -.01em; text-decoration: none; }
.kvg-logo { width: 26px; height: 26px; border-radius: 7px; background: linear-gradient(135deg, #6e6ef0, #4646c8);
  color: #fff; display: grid; place-items: center; font: 700 15px/1 var(--g-sans); box-shadow: 0 1px 2px rgba(70,70,200,.35); }
.kvg-app { margin: 6px 14px 12px; padding: 10px 12px; border: 1px solid var(--g-border); border-radius: 10px; background: #fff; }
.kvg-app-title { font-weight: 600; font-size: 13px; }
.kvg-app-path { font: 11.5px/1.4 var(--g-mono); color: var(--g-muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.kvg-nav { flex: 1; overflow-y: auto; padding: 4px 10px 16px; }
.kvg-nav-group { margin-top: 10px; }
.kvg-nav-label { display: flex; justify-content: space-between; padding: 6px 10px; font-size: 11px; font-weight: 600;
  letter-spacing: .06em; text-transform: uppercase; color: var(--g-faint); }
.kvg-nav-item { display: flex; align-items: center; gap: 10px; padding: 7px 10px; border-radius: 8px; text-decoration: none; }
.kvg-nav-item:hover { background: #f0f1f5; }
.kvg-nav-item[aria-current="page"], .kvg-nav-item.is-active { background: var(--g-accent-soft); }
.kvg-nav-item[aria-current="page"] .kvg-nav-name { color: var(--g-accent); }
.kvg-nav-text { display: flex; flex-direction: column; min-width: 0; }
.kvg-nav-name { font-size: 13px; font-weight: 500; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.kvg-nav-sub { font: 11px/1.3 var(--g-mono); color: var(--g-faint); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.kvg-dot { flex: none; width: 8px; height: 8px; border-radius: 50%; background: var(--g-ok); box-shadow: 0 0 0 3px rgba(47,163,107,.14); }
[data-status="warn"] > .kvg-dot { background: var(--g-warn); box-shadow: 0 0 0 3px rgba(231,154,18,.16); }
[data-status="err"] > .kvg-dot { background: var(--g-err); box-shadow: 0 0 0 3px rgba(229,72,77,.16); }
[data-status="idle"] > .kvg-dot { background: #c5c9d3; box-shadow: none; }
.kvg-side-foot { border-top: 1px solid var(--g-border); padding: 12px 20px; font-size: 12px; color: var(--g-muted); }
.kvg-live { display: inline-flex; align-items: center; gap: 8px; }
.kvg-live-dot { width: 7px; height: 7px; border-radius: 50%; background: #c5c9d3; }
.kvg-live[data-state="live"] .kvg-live-dot { background: var(--g-ok); box-shadow: 0 0 0 3px rgba(47,163,107,.16); }
.kvg-live[data-state="reloading"] .kvg-live-dot { background: var(--g-accent); }
.kvg-live[data-state="down"] .kvg-live-dot { background: var(--g-err); }

/* ---------------------------------------------------------------- main + toolbar */
.kvg-main { margin-left: var(--g-side-w); padding: 0 32px 64px; min-width: 0; }
.kvg-toolbar { position: sticky; top: 0; z-index: 4; display: flex; align-items: center; justify-content: space-between;
  gap: 16px; height: 64px; margin: 0 -32px; padding: 0 32px; background: rgba(244,245,248,.88);
  backdrop-filter: saturate(1.4) blur(8px); border-bottom: 1px solid transparent; }
.kvg-toolbar-title { display: flex; align-items: baseline; gap: 12px; min-width: 0; }
.kvg-toolbar h1 { margin: 0; font-size: 18px; font-weight: 650; letter-spacing: -.01em; white-space: nowrap; }
.kvg-toolbar h1 a { color: var(--g-muted); text-decoration: none; font-weight: 500; }
.kvg-toolbar h1 a:hover { color: var(--g-accent); }
.kvg-toolbar-sub { color: var(--g-muted); font-size: 13px; white-space: nowrap; }
.kvg-count-err { color: var(--g-err); font-weight: 600; }
.kvg-segmented { display: inline-flex; padding: 3px; background: #e8eaf0; border-radius: 9px; }
.kvg-seg { padding: 5px 14px; border-radius: 7px; font-size: 12.5px; font-weight: 500; color: var(--g-muted); text-decoration: none; }
.kvg-seg[aria-pressed="true"] { background: #fff; color: var(--g-text); box-shadow: 0 1px 2px rgba(16,24,40,.12); }

/* ---------------------------------------------------------------- a view */
.kvg-view { background: var(--g-panel); border: 1px solid var(--g-border); border-radius: 14px; margin-top: 20px;
  overflow: hidden; box-shadow: 0 1px 2px rgba(16,24,40,.04); scroll-margin-top: 76px; }
.kvg-view.has-error { border-color: #f0c3c5; }
.kvg-view.kvg-flash { animation: kvg-flash 1.2s ease-out; }
@keyframes kvg-flash { from { box-shadow: 0 0 0 3px rgba(91,91,214,.35); } to { box-shadow: 0 1px 2px rgba(16,24,40,.04); } }
.kvg-view-head { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 8px 16px;
  padding: 14px 20px; border-bottom: 1px solid var(--g-border-2); }
.kvg-view-title { display: flex; align-items: baseline; gap: 10px; min-width: 0; }
.kvg-view-title h2 { margin: 0; font-size: 15px; font-weight: 650; }
.kvg-view-name { font-size: 12px; color: var(--g-faint); }
.kvg-view-meta { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
.kvg-chip { display: inline-flex; align-items: center; gap: 5px; padding: 2px 9px; border-radius: 999px; font-size: 11.5px;
  color: var(--g-muted); background: #f3f4f7; border: 1px solid var(--g-border-2); white-space: nowrap; }
.kvg-chip .kvg-icon { width: 13px; height: 13px; }
.kvg-chip-ctx { color: #4747b8; background: var(--g-accent-soft); border-color: #dfe2ff; font-weight: 500; }
.kvg-chip-file { font-family: var(--g-mono); font-size: 11px; }
.kvg-chip-gen { color: #8a5a00; background: #fff7e6; border-color: #fbe3b4; }
.kvg-open { margin-left: 4px; font-size: 12.5px; font-weight: 500; color: var(--g-accent) !important; text-decoration: none;
  padding: 3px 10px; border-radius: 7px; }
.kvg-open:hover { background: var(--g-accent-soft); }

/* stage: the panes side by side */
.kvg-stage { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); }
.kvg-stage[data-layout="single"] { grid-template-columns: minmax(0, 1fr); }
.kvg-stage[data-layout="error-1"] { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
.kvg-stage[data-layout="error-2"] { grid-template-columns: minmax(360px, 1.2fr) repeat(2, minmax(0, 1fr)); }
@media (max-width: 1500px) {
  .kvg-stage[data-layout="error-2"] { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .kvg-stage[data-layout="error-2"] > .kvg-error { grid-column: 1 / -1; }
}
.kvg-pane { position: relative; min-width: 0; display: flex; flex-direction: column; }
.kvg-pane[data-theme="light"] { background: #eef0f4; }
.kvg-pane[data-theme="dark"] { background: #101217; }
.kvg-pane-label { display: flex; justify-content: space-between; align-items: center; padding: 10px 16px 0;
  font-size: 10.5px; font-weight: 600; letter-spacing: .08em; text-transform: uppercase; }
.kvg-pane[data-theme="light"] .kvg-pane-label { color: #8a91a2; }
.kvg-pane[data-theme="dark"] .kvg-pane-label { color: #6f7686; }
.kvg-pane-ms, .kvg-pane-badge { font-weight: 500; letter-spacing: .02em; text-transform: none; font-size: 11px; }
.kvg-pane-badge { color: #b07400; }
.kvg-pane[data-theme="dark"] .kvg-pane-badge { color: #e0a84a; }
.kvg-desk { flex: 1; display: flex; justify-content: center; align-items: flex-start; padding: 14px 24px 28px; }
.kvg-pane.is-stale .kvg-desk > * { opacity: .42; filter: grayscale(.7); pointer-events: none; user-select: none; }
.kvg-pane-empty { align-self: center; font-size: 12.5px; color: var(--g-faint); padding: 40px 0; }

/* ---------------------------------------------------------------- frames (per Kustomer context) */
.kvg-frame { --kvg-surface: var(--background-primary-color, #ffffff); --kvg-surface-2: var(--background-secondary-color, #f6f7f9);
  --kvg-text: var(--font-primary-color, #1f2430); --kvg-muted: var(--font-secondary-color, #6b7280);
  --kvg-border: var(--form-border-color, #dfe2e8); --kvg-icon: var(--icon-primary-color, #5f6675);
  width: 100%; background: var(--kvg-surface); color: var(--kvg-text); border: 1px solid var(--kvg-border);
  border-radius: 8px; box-shadow: 0 1px 3px rgba(16,24,40,.06), 0 1px 2px rgba(16,24,40,.04); text-align: left; }
.kvg-frame[data-theme="dark"] { --kvg-surface: var(--background-primary-color, #1e2128); --kvg-surface-2: var(--background-secondary-color, #252932);
  --kvg-text: var(--font-primary-color, #e8eaed); --kvg-muted: var(--font-secondary-color, #a0a6b1);
  --kvg-border: var(--form-border-color, #343a45); --kvg-icon: var(--icon-primary-color, #b4bac6);
  box-shadow: 0 1px 3px rgba(0,0,0,.5); }
.kvg-frame .kvg-icon { width: 16px; height: 16px; color: var(--kvg-icon); flex: none; }
.kvg-icon-letter { display: inline-grid; place-items: center; width: 16px; height: 16px; border-radius: 4px; font-size: 10px; font-weight: 700;
  background: currentColor; }
.kvg-icon-letter { color: inherit; background: rgba(127,127,127,.18); }
.kvg-frame-card { max-width: 360px; overflow: hidden; }
.kvg-card-head { display: flex; align-items: center; gap: 9px; height: 42px; padding: 0 14px; border-bottom: 1px solid var(--kvg-border); }
.kvg-card-title { flex: 1; font-size: 13px; font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.kvg-card-state { color: var(--kvg-muted); font-size: 12px; }
.kvg-card-body { padding: 4px 0; overflow-x: auto; }
/* The frame is the card: a view's outermost Segment sits in it without a second border. */
.kvg-card-body > .kview > .kv-segment, .kvg-tl-body > .kview > .kv-segment,
.kvg-frame-details > .kview > .kv-segment { border-color: transparent; background: transparent; }
.kvg-frame-details { max-width: 360px; padding: 4px 0 8px; }
.kvg-details-head { display: flex; align-items: center; gap: 8px; padding: 10px 14px 6px; font-size: 11px; font-weight: 600;
  letter-spacing: .06em; text-transform: uppercase; color: var(--kvg-muted); }
.kvg-frame-timeline { max-width: 680px; display: flex; gap: 0; background: transparent; border: 0; box-shadow: none; }
.kvg-tl-rail { position: relative; flex: none; width: 44px; display: flex; justify-content: center; }
.kvg-tl-rail::before { content: ""; position: absolute; top: 0; bottom: -28px; width: 2px; background: var(--kvg-border); }
.kvg-tl-dot { position: relative; margin-top: 8px; width: 30px; height: 30px; border-radius: 50%; display: grid; place-items: center;
  background: var(--kvg-surface); border: 2px solid var(--kvg-border); }
.kvg-tl-item { flex: 1; min-width: 0; background: var(--kvg-surface); border: 1px solid var(--kvg-border); border-radius: 8px;
  box-shadow: 0 1px 3px rgba(16,24,40,.06); overflow: hidden; }
.kvg-frame-timeline[data-theme="dark"] .kvg-tl-item { box-shadow: 0 1px 3px rgba(0,0,0,.5); }
.kvg-tl-head { display: flex; justify-content: space-between; align-items: baseline; gap: 12px; padding: 11px 16px;
  border-bottom: 1px solid var(--kvg-border); background: var(--kvg-surface-2); }
.kvg-tl-title { font-weight: 600; font-size: 13px; }
.kvg-tl-meta { font-size: 11.5px; color: var(--kvg-muted); white-space: nowrap; }
.kvg-tl-body { padding: 6px 4px; overflow-x: auto; }
.kvg-frame-form { max-width: 480px; overflow: hidden; }
.kvg-form-head { padding: 14px 18px; font-weight: 600; border-bottom: 1px solid var(--kvg-border); }
.kvg-form-body { padding: 8px 4px; }
.kvg-form-foot { display: flex; justify-content: flex-end; gap: 8px; padding: 12px 16px; border-top: 1px solid var(--kvg-border); }
.kvg-btn-fake { padding: 5px 14px; border-radius: 6px; border: 1px solid var(--kvg-border); font-size: 12.5px; color: var(--kvg-muted); }
.kvg-btn-fake.is-primary { background: #5b6cf9; border-color: #5b6cf9; color: #fff; opacity: .6; }
.kvg-frame-plain { max-width: 680px; padding: 4px 0; }

/* ---------------------------------------------------------------- errors */
.kvg-error { margin: 16px; padding: 14px 16px 16px; border: 1px solid #f3c6c8; border-left: 4px solid var(--g-err);
  border-radius: 10px; background: var(--g-err-soft); color: #4a1517; min-width: 0; align-self: start; }
.kvg-err-head { display: flex; align-items: center; gap: 10px; margin-bottom: 6px; }
.kvg-err-kind { padding: 2px 8px; border-radius: 6px; background: var(--g-err); color: #fff; font-size: 11.5px; font-weight: 600; }
.kvg-err-where { font-size: 12px; color: #9b2c30; font-weight: 500; }
.kvg-err-msg { font-size: 14px; font-weight: 600; color: #8f1d22; margin-bottom: 4px; overflow-wrap: anywhere; }
.kvg-err-loc { font: 12px/1.5 var(--g-mono); color: #9b4347; margin-bottom: 10px; }
.kvg-code-frame { margin: 0; padding: 12px 0; background: #1c1e25; color: #d4d7de; border-radius: 8px; font-size: 12px;
  line-height: 1.55; overflow-x: auto; }
.kvg-fl { display: block; padding: 0 14px; white-space: pre; }
.kvg-fl-hit { background: rgba(229,72,77,.22); color: #fff; }
.kvg-fl-caret { color: #ff7b80; font-weight: 700; }
.kvg-tb { margin-top: 10px; font-size: 12px; }
.kvg-tb pre { white-space: pre-wrap; background: #fff; border: 1px solid #f3c6c8; border-radius: 6px; padding: 10px; }
.kvg-app-error { margin-top: 16px; border: 1px solid #f0c3c5; border-radius: 14px; background: #fff; }
.kvg-app-error-head { padding: 12px 20px 0; font-weight: 600; color: #8f1d22; }

/* ---------------------------------------------------------------- console + warnings */
.kvg-output { border-top: 1px solid var(--g-border-2); padding: 8px 20px 10px; font-size: 12px; }
.kvg-output.is-empty { display: flex; align-items: center; gap: 6px; padding: 9px 20px; }
.kvg-out-head { display: flex; align-items: center; gap: 6px; margin-bottom: 4px; }
.kvg-out-title { font-weight: 600; color: var(--g-muted); font-size: 11px; letter-spacing: .05em; text-transform: uppercase; }
.kvg-count { min-width: 18px; padding: 0 5px; margin-right: 8px; border-radius: 999px; background: #eef0f4; color: var(--g-muted);
  font-size: 11px; text-align: center; }
.kvg-count.is-warn { background: #fff1d6; color: #8a5a00; }
.kvg-log-list { list-style: none; margin: 0; padding: 0; font: 12px/1.5 var(--g-mono); }
.kvg-log { display: flex; gap: 10px; align-items: baseline; padding: 3px 8px; border-radius: 6px; }
.kvg-log + .kvg-log { margin-top: 1px; }
.kvg-log-lvl { flex: none; width: 56px; font-size: 10.5px; text-transform: uppercase; letter-spacing: .04em; color: var(--g-faint); }
.kvg-log-text { flex: 1; white-space: pre-wrap; overflow-wrap: anywhere; }
.kvg-log-line { color: var(--g-faint); font-size: 11px; }
.kvg-log[data-level="warning"], .kvg-log[data-level="warn"] { background: #fff8e8; color: #7a4d00; }
.kvg-log[data-level="warning"] .kvg-log-lvl, .kvg-log[data-level="warn"] .kvg-log-lvl { color: #b07400; }
.kvg-log[data-level="error"] { background: #fff2f2; color: #9b1c22; }
.kvg-log[data-level="error"] .kvg-log-lvl { color: var(--g-err); }

/* ---------------------------------------------------------------- view page extras */
.kvg-details { margin-top: 20px; background: var(--g-panel); border: 1px solid var(--g-border); border-radius: 14px; overflow: hidden; }
.kvg-details details + details { border-top: 1px solid var(--g-border-2); }
.kvg-details summary { padding: 12px 20px; cursor: pointer; font-weight: 600; font-size: 13px; }
.kvg-details summary .kvg-muted { font: 400 12px var(--g-mono); margin-left: 8px; }
.kvg-details p { margin: 0 20px 12px; font-size: 13px; }
.kvg-pre { margin: 0 20px 16px; padding: 12px 14px; background: #f7f8fa; border: 1px solid var(--g-border-2); border-radius: 8px;
  font-size: 12px; line-height: 1.55; overflow: auto; max-height: 480px; white-space: pre; }
.kvg-src-line { display: block; }
.kvg-src-line.is-hit { background: rgba(229,72,77,.14); }
.kvg-ln { display: inline-block; min-width: 2.5em; margin-right: 14px; color: var(--g-faint); text-align: right; user-select: none; }
.kvg-empty { margin-top: 40px; padding: 48px; text-align: center; background: #fff; border: 1px dashed var(--g-border); border-radius: 14px; }
.kvg-empty h2 { margin: 0 0 8px; font-size: 16px; }

/* ---------------------------------------------------------------- the error overlay (reload.js) */
.kvg-overlay { position: fixed; z-index: 50; left: calc(var(--g-side-w) + 32px); right: 32px; bottom: 20px; max-height: 45vh;
  display: flex; flex-direction: column; background: #17191f; color: #e7e9ee; border-radius: 12px; overflow: hidden;
  box-shadow: 0 24px 48px -12px rgba(0,0,0,.45), 0 0 0 1px rgba(255,255,255,.06); border-top: 3px solid var(--g-err);
  animation: kvg-rise .18s ease-out; }
.kvg-overlay[hidden] { display: none; }
@keyframes kvg-rise { from { transform: translateY(12px); opacity: 0; } to { transform: none; opacity: 1; } }
.kvg-ov-head { display: flex; align-items: center; justify-content: space-between; padding: 10px 16px; background: #1f222a;
  border-bottom: 1px solid rgba(255,255,255,.06); font-size: 13px; font-weight: 600; }
.kvg-ov-head button { all: unset; cursor: pointer; padding: 2px 8px; border-radius: 6px; color: #9aa1b1; font-size: 18px; line-height: 1; }
.kvg-ov-head button:hover { background: rgba(255,255,255,.08); color: #fff; }
.kvg-ov-body { overflow: auto; padding: 6px 0 10px; }
.kvg-ov-item { padding: 10px 16px; }
.kvg-ov-item + .kvg-ov-item { border-top: 1px solid rgba(255,255,255,.06); }
.kvg-ov-title { display: flex; gap: 10px; align-items: baseline; font-size: 13px; }
.kvg-ov-title a { color: #a5a8ff; text-decoration: none; font-weight: 600; }
.kvg-ov-msg { margin: 4px 0; color: #ff9a9e; font-weight: 600; overflow-wrap: anywhere; }
.kvg-ov-loc { font: 12px var(--g-mono); color: #9aa1b1; margin-bottom: 8px; }
.kvg-overlay .kvg-code-frame { background: #0f1115; }

@media (max-width: 900px) {
  .kvg-sidebar { display: none; }
  .kvg-main { margin-left: 0; padding: 0 16px 48px; }
  .kvg-toolbar { margin: 0 -16px; padding: 0 16px; }
  .kvg-stage, .kvg-stage[data-layout^="error"] { grid-template-columns: minmax(0, 1fr); }
  .kvg-stage > .kvg-error { grid-column: auto; }
  .kvg-overlay { left: 16px; right: 16px; }
}
"""
