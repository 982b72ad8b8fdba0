"""Live sessions (renderer/live.py): a kept render whose event handlers run.

Sequences of events on React programs are compared with React 19 in Node
(``tests/support/node/settled.js``: react-test-renderer, each handler called inside ``act()``,
then settled): the HTML after every event and the console output must be React's. The rest is
kview's own behaviour: handler ids, the synthetic event, budgets, errors, hot reload, activity.
"""

from __future__ import annotations

import re

import pytest

from renderer import LiveSession, render
from renderer.errors import BudgetError, KViewError
from renderer.js.runtime import Budgets
from renderer.render import start_render
from tests.react.test_hooks import PRELUDE, node_settled_many, normalize
from tests.support.jsoracle import OracleUnavailable

KV_ATTRS = re.compile(r' data-kv-(?:on|id)="[^"]*"')


def live(source: str, **kw) -> LiveSession:
    return LiveSession(PRELUDE + source, {}, **kw)


def plain(html: str) -> str:
    """The HTML without the handler marks (what a static render writes)."""
    return KV_ATTRS.sub("", html)


# --------------------------------------------------------------------------- parity with React
# name: (program, [(nth element with a handler, React prop, kview event type, target)])
PARITY: dict[str, tuple[str, list[tuple[int, str, str, dict]]]] = {
    "counter": ("""
function Counter() {
  const [n, setN] = useState(0);
  useEffect(() => { console.log('count is', n); }, [n]);
  return <div><button onClick={() => setN(n + 1)}>+1</button><button onClick={() => setN(c => c - 1)}>-1</button><b>{n}</b></div>;
}
<Counter/>""", [(0, "onClick", "click", {}), (0, "onClick", "click", {}), (1, "onClick", "click", {})]),
    "controlled_input_filters": ("""
const items = ['apple', 'banana', 'cherry', 'avocado'];
function Search() {
  const [q, setQ] = useState('');
  const shown = items.filter(i => i.includes(q));
  return <div><input value={q} onChange={e => setQ(e.target.value)} /><ul>{shown.map(i => <li key={i}>{i}</li>)}</ul></div>;
}
<Search/>""", [(0, "onChange", "input", {"value": "a"}), (0, "onChange", "input", {"value": "av"}),
               (0, "onChange", "input", {"value": ""})]),
    "submit_prevents_default": ("""
function Form() {
  const [sent, setSent] = useState([]);
  const [text, setText] = useState('');
  return <form onSubmit={e => { e.preventDefault(); setSent(s => s.concat(text)); setText(''); }}>
    <input value={text} onChange={e => setText(e.target.value)} />
    <ol>{sent.map((s, i) => <li key={i}>{s}</li>)}</ol></form>;
}
<Form/>""", [(1, "onChange", "input", {"value": "hi"}), (0, "onSubmit", "submit", {}),
             (1, "onChange", "input", {"value": "yo"}), (0, "onSubmit", "submit", {})]),
    "toggle_with_effect_cleanup_and_timer": ("""
function Details() {
  const [open, setOpen] = useState(false);
  const [ticks, setTicks] = useState(0);
  useEffect(() => {
    if (!open) return;
    console.log('opened');
    const t = setTimeout(() => setTicks(x => x + 1), 50);
    return () => { console.log('cleanup'); clearTimeout(t); };
  }, [open]);
  return <section><button onClick={() => setOpen(o => !o)}>{open ? 'less' : 'more'}</button>{open && <p>details {ticks}</p>}</section>;
}
<Details/>""", [(0, "onClick", "click", {}), (0, "onClick", "click", {}), (0, "onClick", "click", {})]),
    "reducer_and_checkbox": ("""
function reducer(s, a) { return a.type === 'toggle' ? { ...s, on: !s.on } : { ...s, n: s.n + a.by }; }
function App() {
  const [s, dispatch] = useReducer(reducer, { on: false, n: 1 });
  return <div><input type="checkbox" checked={s.on} onChange={() => dispatch({ type: 'toggle' })} />
    <button onClick={() => dispatch({ type: 'add', by: s.on ? 10 : 1 })}>add</button><i>{s.n}</i></div>;
}
<App/>""", [(1, "onClick", "click", {}), (0, "onChange", "change", {"checked": True}), (1, "onClick", "click", {})]),
}


@pytest.fixture(scope="module")
def react_steps() -> dict[str, dict]:
    names = list(PARITY)
    jobs = []
    for n in names:
        source, events = PARITY[n]
        jobs.append({"source": PRELUDE + source, "globals": {}, "events": [
            {"nth": nth, "prop": prop, "type": prop[2:].lower(), "target": target}
            for nth, prop, _t, target in events]})
    try:
        results = node_settled_many(jobs)
    except OracleUnavailable as exc:  # pragma: no cover - make install provides node
        pytest.fail(str(exc))
    return dict(zip(names, results, strict=True))


@pytest.mark.parametrize("name", list(PARITY))
def test_event_sequence_same_as_react(name: str, react_steps: dict[str, dict]) -> None:
    expected = react_steps[name]
    source, events = PARITY[name]
    session = live(source)
    assert normalize(plain(session.html)) == normalize(render(PRELUDE + source, {}).html)
    seen = []
    for (nth, _prop, etype, target), step in zip(events, expected["steps"], strict=True):
        out = session.dispatch(str(nth), etype, {"target": target})
        assert out.handled
        assert out.default_prevented == step["prevented"]
        seen.append(normalize(plain(out.html)))
        assert seen[-1] == normalize(step["html"]), (name, len(seen), out.html, step["html"])
    assert [c["text"] for c in session.console_log()] == expected["log"]


def test_first_render_is_the_static_render_plus_handler_marks() -> None:
    src = "<div><button onClick={() => 1}>a</button><Button text='b' onClick={() => 2} /><p>x</p></div>"
    session = LiveSession(src)
    static = render(src).html
    assert session.html != static and plain(session.html) == static
    assert '<button data-kv-on="click" data-kv-id="0">a</button>' in session.html
    assert 'data-kv-on="click" data-kv-id="1">b</button>' in session.html  # Kustomer's Button too
    assert 'data-kv' not in static


# --------------------------------------------------------------------------- kview's behaviour
COUNTER = """
function Counter() {
  const [n, setN] = useState(0);
  const [label] = useState('clicks');
  return <button onClick={() => setN(n + 1)}>{label} {n}</button>;
}
<Counter/>"""


def test_counter_increments_and_reset() -> None:
    session = live(COUNTER)
    for _ in range(3):
        out = session.dispatch("0", "click", {})
    assert ">clicks 3</button>" in out.html
    assert ">clicks 0</button>" in session.reset().html


def test_event_object_fields_and_bubbling() -> None:
    session = live("""
function App() {
  const [log, setLog] = useState([]);
  const add = s => setLog(l => l.concat(s));
  return <div onClick={e => add('div:' + e.currentTarget.id + '<' + e.target.id)}>
    <span id="outer" onClick={e => add('span:' + e.type + ':' + e.nativeEvent.type + ':' + e.shiftKey)}>
      <b id="b" onClick={e => { add('b:' + e.target.dataset.row); }}>x</b>
      <i id="i" onClick={e => { e.stopPropagation(); add('i'); }}>y</i></span>
    <p>{log.join(',')}</p></div>;
}
<App/>""")
    ids = re.findall(r'data-kv-id="(\d+)"', session.html)
    assert ids == ["0", "1", "2", "3"]  # div, span, b, i
    out = session.dispatch(["2", "1", "0"], "click", {
        "shiftKey": True, "target": {"id": "b", "tagName": "b", "dataset": {"row": "7"}},
        "currentTargets": [{"id": "b"}, {"id": "outer"}, {"id": ""}]})
    assert "<p>b:7,span:click:click:true,div:&lt;b</p>" in out.html
    out = session.dispatch(["3", "1", "0"], "click", {"target": {"id": "i"}})
    assert out.html.count("<p>b:7,span:click:click:true,div:&lt;b,i</p>") == 1  # stopped at <i>


def test_keyboard_and_focus_events() -> None:
    session = live("""
function App() {
  const [s, setS] = useState('');
  return <input value={s} onKeyDown={e => { if (e.key === 'Enter') setS('sent'); }}
    onFocus={() => setS(x => x + 'F')} onBlur={() => setS(x => x + 'B')} onChange={() => {}} />;
}
<App/>""")
    assert 'data-kv-on="keydown focus blur change"' in session.html
    assert 'value="F"' in session.dispatch("0", "focusin", {}).html
    assert 'value="FB"' in session.dispatch("0", "focusout", {}).html
    assert 'value="FB"' in session.dispatch("0", "keydown", {"key": "a"}).html
    assert 'value="sent"' in session.dispatch("0", "keydown", {"key": "Enter"}).html


def test_a_handler_that_throws_is_located_and_the_session_lives_on() -> None:
    session = live(COUNTER.replace("onClick={() => setN(n + 1)}", "onClick={() => {\n  setN(n + 1);\n  null.x;\n}}"))
    with pytest.raises(KViewError) as info:
        session.dispatch("0", "click", {})
    err = info.value.diagnostic()
    assert err.js_type == "TypeError" and err.line == 8 and "null" in err.message
    assert "null.x" in err.frame
    # the update queued before the throw shows on the next turn, as React would batch it
    with pytest.raises(KViewError):
        session.dispatch("0", "click", {})
    assert "clicks" in session.reset().html


def test_a_runaway_handler_stops_on_its_budget() -> None:
    session = live("""
function App() {
  const [n, setN] = useState(0);
  return <button onClick={() => { while (true) {} }}>{n}</button>;
}
<App/>""", budgets=Budgets(max_steps=50_000))
    with pytest.raises(BudgetError) as info:
        session.dispatch("0", "click", {})
    assert "step budget" in str(info.value) and info.value.diagnostic().line == 5
    # each turn has its own budget: a normal render still works
    assert session.reset().html.endswith("<button data-kv-on=\"click\" data-kv-id=\"0\">0</button>")


def test_activity_records_window_open_navigation_and_requests() -> None:
    session = live("""
function App() {
  const [user, setUser] = useState(null);
  return <div>
    <a href="#" onClick={e => { e.preventDefault(); window.open('https://shop.example/o/1', '_blank'); }}>open</a>
    <button onClick={() => KustomerRequest({ url: '/v1/commands/acme.refund/run', method: 'post', body: { id: 1 } })
      .then(r => setUser(r.data.ok))}>refund</button>
    <button onClick={() => { location.href = '/app/customers/42'; }}>go</button>
    <p>{String(user)}</p></div>;
}
<App/>""", requests={"POST /v1/commands/acme.refund/run": {"data": {"ok": "done"}}})
    out = session.dispatch("0", "click", {})
    assert out.default_prevented
    assert out.activity == [{"kind": "open", "url": "https://shop.example/o/1",
                             "via": "window.open", "target": "_blank"}]
    out = session.dispatch("1", "click", {})
    assert "<p>done</p>" in out.html
    [req] = out.activity
    assert req["kind"] == "request" and req["method"] == "POST" and req["status"] == 200
    assert req["body"] == {"id": 1} and req["response"] == {"data": {"ok": "done"}}
    assert req["matched"] == "POST /v1/commands/acme.refund/run"
    out = session.dispatch("2", "click", {})
    assert out.activity == [{"kind": "open", "url": "/app/customers/42", "via": "location.href"}]
    assert "location.href" not in session.dispatch("2", "click", {}).html  # href restored each time


def test_first_render_activity() -> None:
    session = live("""
function App() {
  const [u, setU] = useState('');
  useEffect(() => { KustomerRequest({ url: '/v1/users/current' }).then(r => setU(r.data.attributes.name)); }, []);
  return <p>{u}</p>;
}
<App/>""")
    assert "<p>Alex Agent</p>" in session.html
    assert [a["url"] for a in session.first.activity] == ["/v1/users/current"]


def test_reload_keeps_state_when_the_shape_is_the_same() -> None:
    session = live(COUNTER)
    session.dispatch("0", "click", {})
    session.dispatch("0", "click", {})
    out = session.reload(PRELUDE + COUNTER.replace("{label} {n}", "{label}: {n}!"), {})
    assert ">clicks: 2!</button>" in out.html
    assert ">clicks: 3!</button>" in session.dispatch("0", "click", {}).html


def test_reload_resets_a_component_whose_hooks_changed() -> None:
    session = live("""
function Keep() { const [k, setK] = useState(0); return <button onClick={() => setK(k + 1)}>keep {k}</button>; }
function Change() { const [c, setC] = useState(0); return <button onClick={() => setC(c + 1)}>change {c}</button>; }
<div><Keep/><Change/></div>""")
    session.dispatch("0", "click", {})
    session.dispatch("1", "click", {})
    out = session.reload(PRELUDE + """
function Keep() { const [k, setK] = useState(0); return <button onClick={() => setK(k + 1)}>keep {k}</button>; }
function Change() { const r = useRef(5); const [c, setC] = useState(0); return <button onClick={() => setC(c + 1)}>change {c} {r.current}</button>; }
<div><Keep/><Change/></div>""", {})
    assert ">keep 1</button>" in out.html and ">change 0 5</button>" in out.html
    # a different component at the same place resets too
    out = session.reload(PRELUDE + """
function Other() { const [k] = useState(9); return <b>{k}</b>; }
<div><Other/></div>""", {})
    assert "<b>9</b>" in out.html


def test_reload_with_a_broken_template_keeps_the_session() -> None:
    session = live(COUNTER)
    session.dispatch("0", "click", {})
    with pytest.raises(KViewError):
        session.reload(PRELUDE + "function Counter( {", {})
    assert ">clicks 2</button>" in session.dispatch("0", "click", {}).html


def test_unknown_handler_ids_do_nothing() -> None:
    session = live(COUNTER)
    out = session.dispatch("99", "click", {})
    assert not out.handled and ">clicks 0</button>" in out.html
    assert not session.handles("0", "keydown") and session.handles("0", "click")


def test_static_renders_record_no_activity() -> None:
    src = "window.open('https://x.example'); KustomerRequest({ url: '/v1/users/current' }); <p>x</p>"
    static = start_render(src)
    static.render()
    assert static.rt.activity == [] and static.rt.request_log  # requests are still logged as before
    assert [a["kind"] for a in LiveSession(src).first.activity] == ["open", "request"]


def test_double_click_and_key_up_are_react_events_too() -> None:
    session = live("""
function App() {
  const [s, setS] = useState('');
  return <p onDoubleClick={() => setS(x => x + 'D')} onKeyUp={e => setS(x => x + e.key)}>[{s}]</p>;
}
<App/>""")
    assert 'data-kv-on="doubleclick keyup"' in session.html
    session.dispatch("0", "doubleclick", {})
    assert ">[Dz]</p>" in session.dispatch("0", "keyup", {"key": "z"}).html


def test_a_long_session_keeps_reporting_console_and_activity() -> None:
    session = live("""
function App() {
  const [n, setN] = useState(0);
  return <button onClick={() => { for (let i = 0; i < 300; i++) console.log('tick', n, i); window.open('/x/' + n); setN(n + 1); }}>{n}</button>;
}
<App/>""")
    for turn in range(5):  # 1500 lines in all: more than one render's console holds
        out = session.dispatch("0", "click", {})
        assert len(out.console) == 300 and out.console[-1]["text"] == f"tick {turn} 299"
        assert out.activity == [{"kind": "open", "url": f"/x/{turn}", "via": "window.open", "target": "_blank"}]
    assert len(session.console_log()) == 1000
