"""Interactive previews in real Chromium against a real ``kview serve`` (a subprocess).

A counter increments on clicks; a controlled input keeps focus and caret while its value is
upper-cased by the server; ``window.open`` shows a "would open" note; "Reset state" brings the
first render back; a handler that throws shows a located error card; saving the template while
the gallery's hot reload runs keeps the counter's state (``kview:beforepatch``). Everything is
read from the page's DOM.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.support.serve import kview_serve

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]

WAIT_MS = 10_000
COUNTER = """function Counter() {
  const [n, setN] = React.useState(0);
  return <div><button className="inc" onClick={() => setN(n + 1)}>clicked {n}</button></div>;
}
<Counter />
"""
SHOUT = """function Shout() {
  const [text, setText] = React.useState('');
  return <div><input className="shout" value={text} onChange={e => setText(e.target.value.toUpperCase())} />
    <p className="echo">{text.length} chars</p></div>;
}
<Shout />
"""
OPENER = """<div><Button text="Open order" onClick={() => window.open('https://shop.acme.example/orders/42')} />
  <a className="plain" href="https://shop.acme.example/help">help</a></div>
"""
THROWER = """function Thrower() {
  const [n, setN] = React.useState(0);
  return <button className="boom" onClick={() => {
    throw new Error('handler broke');
  }}>boom {n}</button>;
}
<Thrower />
"""
FOCUS = """function Focus() {
  const [focuses, setFocuses] = React.useState(0);
  const [text, setText] = React.useState('');
  return <form onSubmit={e => { e.preventDefault(); setText(''); }}>
    <input className="f" value={text} onFocus={() => setFocuses(n => n + 1)} onChange={e => setText(e.target.value)} />
    <p className="focuses">{focuses} focus, {text || 'empty'}</p></form>;
}
<Focus />
"""
VIEWS = {"counter": COUNTER, "shout": SHOUT, "opener": OPENER, "thrower": THROWER, "focus": FOCUS}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    app = tmp_path_factory.mktemp("interactive")
    (app / "kviews").mkdir()
    for name, src in VIEWS.items():
        (app / "kviews" / f"{name}.jsx").write_text(src, encoding="utf-8")
        (app / "kviews" / f"{name}.json").write_text(
            json.dumps({"resource": "customer", "context": "smartbar-card"}), encoding="utf-8")
    with kview_serve(app, "--theme", "light", "--no-reload") as s:  # reload.js stays out of the way
        s.app = app  # type: ignore[attr-defined]
        yield s


@pytest.fixture
def page(browser, served):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.errors = errors  # type: ignore[attr-defined]
    yield pg
    context.close()
    assert not errors, errors


def preview(name: str) -> str:
    return f'section[data-view="{name}"] .kvg-frame[data-theme="light"] .kvg-preview'


def test_counter_increments_and_resets(page, served) -> None:
    page.goto(f"{served.url}view/counter?theme=light", wait_until="load")
    button = page.locator(f"{preview('counter')} button.inc")
    assert button.inner_text() == "clicked 0"
    assert button.get_attribute("data-kv-id") is None  # the static render first
    for i in range(1, 4):
        button.click()
        page.wait_for_function(
            "([sel, want]) => document.querySelector(sel).textContent === want",
            arg=[f"{preview('counter')} button.inc", f"clicked {i}"], timeout=WAIT_MS)
    assert button.get_attribute("data-kv-on") == "click"
    page.locator('section[data-view="counter"] [data-kv-reset]').click()
    page.wait_for_function(
        "sel => document.querySelector(sel).textContent === 'clicked 0'",
        arg=f"{preview('counter')} button.inc", timeout=WAIT_MS)


def test_controlled_input_keeps_focus_and_caret(page, served) -> None:
    page.goto(f"{served.url}view/shout?theme=light", wait_until="load")
    field = page.locator(f"{preview('shout')} input.shout")
    field.click()
    page.keyboard.type("hello world", delay=15)
    page.wait_for_function(
        "sel => document.querySelector(sel).textContent === '11 chars'",
        arg=f"{preview('shout')} p.echo", timeout=WAIT_MS)
    page.wait_for_function("sel => document.querySelector(sel).value === 'HELLO WORLD'",
                           arg=f"{preview('shout')} input.shout", timeout=WAIT_MS)
    state = page.evaluate("""sel => { const el = document.querySelector(sel);
        return {focused: document.activeElement === el, caret: el.selectionStart, value: el.value}; }""",
                          f"{preview('shout')} input.shout")
    assert state == {"focused": True, "caret": 11, "value": "HELLO WORLD"}
    # typing in the middle keeps the caret where it was
    page.keyboard.press("Home")
    page.keyboard.type("x")
    page.wait_for_function("sel => document.querySelector(sel).value === 'XHELLO WORLD'",
                           arg=f"{preview('shout')} input.shout", timeout=WAIT_MS)
    caret = page.evaluate("sel => document.querySelector(sel).selectionStart", f"{preview('shout')} input.shout")
    assert caret == 1


def test_focus_fires_once_while_typing_and_submit_stays_on_the_page(page, served) -> None:
    page.goto(f"{served.url}view/focus?theme=light", wait_until="load")
    before = page.url
    page.locator(f"{preview('focus')} input.f").click()
    page.keyboard.type("abcdef", delay=10)
    out = f"{preview('focus')} p.focuses"
    page.wait_for_function("sel => document.querySelector(sel).textContent === '1 focus, abcdef'", arg=out,
                           timeout=WAIT_MS)
    page.keyboard.press("Enter")  # submits the form: onSubmit runs, the page does not navigate
    page.wait_for_function("sel => document.querySelector(sel).textContent === '1 focus, empty'", arg=out,
                           timeout=WAIT_MS)
    assert page.locator(f"{preview('focus')} input.f").input_value() == ""
    assert page.url == before


def test_window_open_and_links_are_notes(page, served) -> None:
    page.goto(f"{served.url}view/opener?theme=light", wait_until="load")
    page.locator(f"{preview('opener')} button.kv-button").click()
    note = page.locator('section[data-view="opener"] .kvg-act[data-kind="open"]').first
    note.wait_for(timeout=WAIT_MS)
    assert "would open https://shop.acme.example/orders/42" in note.inner_text()
    assert "window.open" in note.inner_text()
    before = page.url
    page.locator(f"{preview('opener')} a.plain").click()
    page.locator('section[data-view="opener"] .kvg-act[data-kind="open"]').nth(1).wait_for(timeout=WAIT_MS)
    assert "would open https://shop.acme.example/help" in page.locator(
        'section[data-view="opener"] .kvg-act[data-kind="open"]').nth(1).inner_text()
    assert page.url == before  # the gallery did not navigate


def test_handler_error_is_located(page, served) -> None:
    page.goto(f"{served.url}view/thrower?theme=light", wait_until="load")
    page.locator(f"{preview('thrower')} button.boom").click()
    card = page.locator('section[data-view="thrower"] .kvg-activity-error .kvg-error')
    card.wait_for(timeout=WAIT_MS)
    text = card.inner_text()
    assert "handler broke" in text and "line 4" in text
    assert "kviews/thrower.jsx:4" in text
    assert "Traceback" not in text
    # the preview stays, and the server keeps answering
    assert page.locator(f"{preview('thrower')} button.boom").inner_text() == "boom 0"


@pytest.fixture(scope="module")
def reloading(tmp_path_factory):
    """A server with hot reload on, serving the counter alone."""
    app = tmp_path_factory.mktemp("reloading")
    (app / "kviews").mkdir()
    (app / "kviews" / "counter.jsx").write_text(COUNTER, encoding="utf-8")
    (app / "kviews" / "counter.json").write_text(
        json.dumps({"resource": "customer", "context": "smartbar-card"}), encoding="utf-8")
    with kview_serve(app, "--theme", "light") as s:
        s.app = app  # type: ignore[attr-defined]
        yield s


def test_hot_edit_keeps_state(browser, reloading) -> None:
    """Saving the template while the counter shows 2: the gallery's hot reload hands the
    preview to its live session (``kview:beforepatch``), which re-runs the new template with
    the state it holds."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{reloading.url}view/counter?theme=light", wait_until="load")
        page.wait_for_selector('#kvg-live[data-state="live"]', timeout=WAIT_MS)
        sel = f"{preview('counter')} button.inc"
        page.locator(sel).click()
        page.locator(sel).click()
        page.wait_for_function("sel => document.querySelector(sel).textContent === 'clicked 2'", arg=sel,
                               timeout=WAIT_MS)
        path: Path = reloading.app / "kviews" / "counter.jsx"
        path.write_text(COUNTER.replace("clicked {n}", "pressed {n}"), encoding="utf-8")
        page.wait_for_function("sel => /^pressed /.test(document.querySelector(sel).textContent)", arg=sel,
                               timeout=WAIT_MS)
        assert page.locator(sel).inner_text() == "pressed 2"  # state kept across the edit
        page.locator(sel).click()
        page.wait_for_function("sel => document.querySelector(sel).textContent === 'pressed 3'", arg=sel,
                               timeout=WAIT_MS)
    finally:
        context.close()


# ---------------------------------------------------------------------- the sample app, for real
@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    app = tmp_path_factory.mktemp("samples") / "sample_views"
    shutil.copytree(ROOT / "sample_views", app)
    with kview_serve(app, "--theme", "light", "--no-reload") as s:
        yield s


def test_sample_search_filters_and_show_all(page, samples) -> None:
    page.goto(f"{samples.url}view/recent-orders?theme=light", wait_until="load")
    pv = preview("recent-orders")
    rows = page.locator(f"{pv} li.acme-order")
    assert rows.count() == 4
    page.locator(f"{pv} .acme-more").click()
    page.wait_for_function("sel => document.querySelectorAll(sel).length === 5", arg=f"{pv} li.acme-order",
                           timeout=WAIT_MS)
    assert page.locator(f"{pv} .acme-more").inner_text() == "Show fewer"
    page.locator(f"{pv} input.acme-search").click()
    page.keyboard.type("deliv", delay=20)
    page.wait_for_function("sel => document.querySelectorAll(sel).length === 2", arg=f"{pv} li.acme-order",
                           timeout=WAIT_MS)
    assert page.locator(f"{pv} input.acme-search").input_value() == "deliv"
    assert page.evaluate("sel => document.activeElement === document.querySelector(sel)", f"{pv} input.acme-search")


def test_sample_refresh_and_window_open(page, samples) -> None:
    page.goto(f"{samples.url}?theme=light", wait_until="load")
    page.locator(f"{preview('order-activity')} button.kv-button").click()
    requests = page.locator('section[data-view="order-activity"] .kvg-act[data-kind="request"]')
    page.wait_for_function("sel => document.querySelectorAll(sel).length >= 4",
                           arg='section[data-view="order-activity"] .kvg-act[data-kind="request"]', timeout=WAIT_MS)
    texts = requests.all_inner_texts()
    assert sum("klasses/acme_orders-order" in t and "200" in t for t in texts) == 2  # first render + Refresh
    assert "3 orders synced" in page.locator(preview("order-activity")).inner_text()
    page.locator(f"{preview('customer-overview')} button.kv-button-primary").click()
    note = page.locator('section[data-view="customer-overview"] .kvg-act[data-kind="open"]')
    note.wait_for(timeout=WAIT_MS)
    assert "would open https://shop.acme.example/admin/customers/" in note.inner_text()
