"""React hooks, effects and the settle loop (renderer/react/).

Where the semantics are React's, a case is rendered by kview *and* by React 19 in Node
(``tests/support/node/settled.js``: react-test-renderer inside ``act()``, virtual timers, the settled
tree written with ``renderToStaticMarkup``) and both the final HTML and the console output
(which records render/effect/cleanup order) must be the same. The remaining tests cover
kview's own behaviour: ``settle_jobs=False``, the pass limit, hooks outside components,
``Kustomer.render``, ``KustomerRequest`` and the real corpus templates.
"""

from __future__ import annotations

import json
import os
import subprocess
import time

import pytest
from lxml import html as lxml_html

from renderer.errors import KViewError
from renderer.js.runtime import Budgets
from renderer.render import evaluate, render
from tests.support.jsoracle import (
    NODE_MODULES,
    REPO_ROOT,
    OracleUnavailable,
    _node,
    node_render_many,
)
from tests.support.paths import CORPUS

SETTLED_JS = REPO_ROOT / "tests" / "support" / "node" / "settled.js"

PRELUDE = (
    "const { useState, useEffect, useLayoutEffect, useMemo, useCallback, useRef, useReducer, "
    "useContext, useId, useTransition, useDeferredValue, useImperativeHandle } = React;\n"
)


def node_settled_many(sources: list[str] | list[dict]) -> list[dict]:
    """Render each template with React in Node, settled (see tests/support/node/settled.js);
    an item may be a whole job (``{"source", "globals", "events"}``, tests/react/test_live.py)."""
    node = _node()
    if not (NODE_MODULES / "react-test-renderer" / "package.json").is_file():
        raise OracleUnavailable("react-test-renderer missing from .cache/npm: run make install")
    env = dict(os.environ, TZ="UTC", NODE_ENV="development", NODE_PATH=str(NODE_MODULES),
               KVIEW_NODE_MODULES=str(NODE_MODULES))  # fmt: skip
    jobs = [s if isinstance(s, dict) else {"source": s, "globals": {}} for s in sources]
    proc = subprocess.run(
        [node, str(SETTLED_JS)], input=json.dumps(jobs).encode(), capture_output=True,
        env=env, timeout=120, check=False,
    )  # fmt: skip
    if proc.returncode != 0:
        raise AssertionError(f"settled.js failed: {proc.stderr.decode()}")
    return json.loads(proc.stdout)


def normalize(fragment: str) -> str:
    """Parse an HTML fragment and write it back, so serialiser spelling does not matter."""
    if not fragment.strip():
        return ""
    parts = lxml_html.fragments_fromstring(fragment)
    return "".join(p if isinstance(p, str) else lxml_html.tostring(p, encoding="unicode") for p in parts)


def kv(source: str, **kw) -> object:
    return render(PRELUDE + source, {}, **kw)


# --------------------------------------------------------------------------- parity with React

PARITY: dict[str, str] = {
    "state_batching_and_updaters": """
function App() {
  const [a, setA] = useState(0);
  const [b, setB] = useState(() => 10);
  useEffect(() => {
    setA(a + 1); setA(a + 1); setA(a + 1);
    setB(x => x + 1); setB(x => x + 1); setB(x => x + 1);
  }, []);
  console.log('render', a, b);
  return <p>{a} {b}</p>;
}
<App/>""",
    "effect_order_deps_and_cleanup": """
function Child({ name, n }) {
  useEffect(() => { console.log('effect', name, n); return () => console.log('cleanup', name, n); }, [n]);
  useLayoutEffect(() => { console.log('layout', name, n); return () => console.log('layout cleanup', name, n); });
  return <li>{name}:{n}</li>;
}
function App() {
  const [n, setN] = useState(0);
  useEffect(() => { console.log('app effect', n); if (n < 2) setN(n + 1); }, [n]);
  useEffect(() => { console.log('app mount once'); return () => console.log('never'); }, []);
  useEffect(() => { console.log('app every render', n); });
  return <ul><Child name="a" n={n}/><Child name="b" n={0}/></ul>;
}
<App/>""",
    "unmount_runs_cleanup": """
function Timer({ label }) {
  useEffect(() => { console.log('mount', label); return () => console.log('unmount', label); }, []);
  return <span>{label}</span>;
}
function App() {
  const [show, setShow] = useState(true);
  useEffect(() => { setTimeout(() => setShow(false), 100); }, []);
  return <div>{show ? <Timer label="t1"/> : <em>gone</em>}<Timer label="t2"/></div>;
}
<App/>""",
    "keys_keep_state_when_reordered": """
function Item({ id }) {
  const [v] = useState(() => { console.log('init', id); return id * 10; });
  return <li>{id}={v}</li>;
}
function App() {
  const [ids, setIds] = useState([1, 2, 3]);
  useEffect(() => { setIds([3, 1, 2, 4]); }, []);
  return <ul>{ids.map(id => <Item key={id} id={id}/>)}</ul>;
}
<App/>""",
    "memo_and_callback": """
function App() {
  const [n, setN] = useState(0);
  const [m, setM] = useState(0);
  const sq = useMemo(() => { console.log('compute', n); return n * n; }, [n]);
  const cb = useCallback(() => n, [n]);
  useEffect(() => { console.log('cb changed'); }, [cb]);
  useEffect(() => { if (m < 3) setM(m + 1); else if (n < 1) setN(1); }, [m, n]);
  return <p>{sq} {m} {cb()}</p>;
}
<App/>""",
    "refs_persist_without_rerender": """
function App() {
  const renders = useRef(0);
  renders.current++;
  const [n, setN] = useState(0);
  const prev = useRef(null);
  useEffect(() => { prev.current = n; if (n < 3) setN(n + 1); }, [n]);
  return <p>renders={renders.current} n={n} prev={String(prev.current)}</p>;
}
<App/>""",
    "reducer_with_init_and_same_state_bailout": """
function reducer(s, a) {
  switch (a.type) {
    case 'inc': return { ...s, count: s.count + a.by };
    case 'same': return s;
    default: throw new Error('bad action');
  }
}
function App() {
  const [s, dispatch] = useReducer(reducer, 5, n => ({ count: n }));
  console.log('render', s.count);
  useEffect(() => { dispatch({ type: 'inc', by: 2 }); dispatch({ type: 'inc', by: 3 }); }, []);
  useEffect(() => { dispatch({ type: 'same' }); });
  return <p>{s.count}</p>;
}
<App/>""",
    "context_default_nesting_consumer": """
const Theme = React.createContext('light');
const User = React.createContext(null);
function Label() {
  const t = useContext(Theme);
  const u = useContext(User);
  return <span className={t}>{u ? u.name : 'anon'}</span>;
}
function App() {
  return <div>
    <Label/>
    <Theme.Provider value="dark">
      <Label/>
      <Theme.Provider value="blue"><User.Provider value={{ name: 'Ann' }}><Label/></User.Provider></Theme.Provider>
      <Label/>
      <Theme.Consumer>{v => <i>{v}</i>}</Theme.Consumer>
    </Theme.Provider>
    <Theme value="react19"><Label/></Theme>
  </div>;
}
<App/>""",
    "context_change_reaches_through_memo": """
const Ctx = React.createContext(0);
const Leaf = React.memo(function Leaf() { const v = useContext(Ctx); console.log('leaf', v); return <b>{v}</b>; });
const Middle = React.memo(function Middle() { console.log('middle'); return <Leaf/>; });
function App() {
  const [v, setV] = useState(1);
  useEffect(() => { setTimeout(() => setV(2), 10); }, []);
  return <Ctx.Provider value={v}><Middle/></Ctx.Provider>;
}
<App/>""",
    "children_prop_bails_out": """
function Parent({ children }) {
  const [n, setN] = useState(0);
  useEffect(() => { if (n < 2) setN(n + 1); }, [n]);
  console.log('parent', n);
  return <section>{n}{children}</section>;
}
function Kid() { console.log('kid'); return <i>kid</i>; }
<Parent><Kid/></Parent>""",
    "async_effect_loading_then_loaded": """
function App() {
  const [data, setData] = useState(null);
  useEffect(() => {
    let alive = true;
    (async () => {
      const v = await new Promise(r => setTimeout(() => r('loaded'), 50));
      if (alive) setData(v);
    })();
    return () => { alive = false; };
  }, []);
  return <div>{data === null ? 'Loading...' : data}</div>;
}
<App/>""",
    "interval_until_cleared": """
function App() {
  const [n, setN] = useState(0);
  useEffect(() => {
    if (n >= 3) return;
    const id = setInterval(() => setN(c => c + 1), 1000);
    return () => { console.log('clear', n); clearInterval(id); };
  }, [n]);
  return <p>{n}</p>;
}
<App/>""",
    "render_phase_update_derived_state": """
function Counter({ value }) {
  const [prev, setPrev] = useState(value);
  const [changes, setChanges] = useState(0);
  if (value !== prev) { setPrev(value); setChanges(changes + 1); }
  console.log('render', value, prev);
  return <p>{value} changes={changes}</p>;
}
function App() {
  const [v, setV] = useState(1);
  useEffect(() => { setV(2); }, []);
  return <Counter value={v}/>;
}
<App/>""",
    "kustomer_render_from_a_promise": """
(() => {
  Promise.resolve([{ id: 1, name: 'A' }, { id: 2, name: 'B' }]).then(rows =>
    Kustomer.render(React.createElement('ul', null,
      rows.map(r => React.createElement('li', { key: r.id }, r.name)))));
})();""",
    "create_element_children_rules": """
function Count(props) {
  return <p>{React.Children.count(props.children)}|{String('children' in props)}|{React.Children.toArray(props.children).length}</p>;
}
<div>
  {React.createElement('div', { id: 'x', key: 5 }, 'a', React.createElement('b', null), null, ['c', 'd'])}
  {React.createElement(Count, null)}
  {React.createElement(Count, { children: 'z' })}
  {React.createElement(Count, null, 'a', 'b', null)}
  {React.createElement(Count, null, ['a', ['b', 'c']])}
  {React.createElement(React.Fragment, null, 'f1', 'f2')}
</div>""",
    "children_map_and_clone_element": """
function List({ children }) {
  return <ul>{React.Children.map(children, (c, i) => React.cloneElement(c, { className: 'i' + i }, c.props.children + '!'))}</ul>;
}
function One({ children }) { return <div>{React.Children.only(children).type}</div>; }
<div>
  <List><li>a</li>{[<li key="x">b</li>, <li key="y">c</li>]}<li>d</li></List>
  <One><span/></One>
  {String(React.isValidElement(<br/>))}{String(React.isValidElement({}))}
</div>""",
    "forward_ref_imperative_handle": """
const Input = React.forwardRef((props, ref) => {
  useImperativeHandle(ref, () => ({ hello: () => 'hi ' + props.name }), [props.name]);
  return <span>{props.name}</span>;
});
function App() {
  const r = useRef(null);
  const [msg, setMsg] = useState('');
  useEffect(() => { setMsg(r.current.hello()); }, []);
  return <div><Input ref={r} name="Bo"/>{msg}</div>;
}
<App/>""",
    "use_id": """
function A() { const id = useId(); return <label htmlFor={id}>{id}</label>; }
<div><A/><A/></div>""",
    "wrappers_render_children": """
<React.StrictMode>
  <React.Fragment key="k"><p>a</p></React.Fragment>
  <React.Suspense fallback={<i>wait</i>}><p>b</p></React.Suspense>
  <React.Profiler id="p" onRender={() => {}}><p>c</p></React.Profiler>
</React.StrictMode>""",
    "component_stored_on_window": """
if (true) {
  const C = window.__kvTestComponent || (window.__kvTestComponent = function C(props) {
    const [x, setX] = useState('a');
    useEffect(() => { setX('b'); }, []);
    return <div>{props.label}{x}</div>;
  });
  <C label="L"/>
}""",
    "transition_and_deferred_value": """
function App() {
  const [isPending, start] = useTransition();
  const [q, setQ] = useState('a');
  const d = useDeferredValue(q);
  useEffect(() => { start(() => setQ('b')); }, []);
  return <p>{String(isPending)} {q} {d}</p>;
}
<App/>""",
    "more_hooks_than_before_throws": """
function App() {
  const [n, setN] = useState(0);
  if (n > 0) { useState(1); }
  useEffect(() => { setN(1); }, []);
  return <p>{n}</p>;
}
<App/>""",
    "too_many_rerenders_throws": """
function App() { const [n, setN] = useState(0); setN(n + 1); return <p>{n}</p>; }
<App/>""",
    "use_promise_suspends_until_resolved": """
const p = new Promise(r => setTimeout(() => r('data'), 20));
function D({ tag }) { const [n] = useState(7); const v = React.use(p); console.log('got', v, tag); return <b>{v}{n}</b>; }
<div>
  <React.Suspense fallback={<i>wait</i>}><D tag="a"/><span>sibling</span></React.Suspense>
</div>""",
    "type_change_remounts": """
function A() { const [s] = useState(() => { console.log('init A'); return 'a'; }); return <b>{s}</b>; }
function B() { const [s] = useState(() => { console.log('init B'); return 'b'; }); useEffect(() => () => console.log('bye B'), []); return <i>{s}</i>; }
function App() {
  const [k, setK] = useState(0);
  useEffect(() => { if (k < 2) setTimeout(() => setK(k + 1), 5); }, [k]);
  return <div>{k % 2 ? <A/> : <B/>}</div>;
}
<App/>""",
    # Class components (issue 11): React.Component and PureComponent on the hooks runtime
    "class_set_state_merges_in_order": """
class Counter extends React.Component {
  constructor(props) { super(props); this.state = { n: props.start, label: 'n' }; }
  componentDidMount() {
    this.setState({ n: this.state.n + 1 }, () => console.log('first callback', this.state.n));
    this.setState(s => ({ n: s.n * 10 }), () => console.log('second callback', this.state.n));
  }
  componentDidUpdate(prevProps, prevState) { console.log('didUpdate', prevState.n, this.state.n); }
  render() { console.log('render', this.state.n); return <p>{this.state.label}: {this.state.n}</p>; }
}
<Counter start={2}/>""",
    "class_timers_and_unmount": """
class Ticker extends React.Component {
  constructor(props) { super(props); this.state = { ticks: 0 }; }
  componentDidMount() { this.id = setInterval(() => this.setState(s => ({ ticks: s.ticks + 1 })), 100); }
  componentWillUnmount() { clearInterval(this.id); console.log('unmount at', this.state.ticks); }
  render() { return <b>{this.state.ticks}</b>; }
}
function App() {
  const [on, setOn] = useState(true);
  useEffect(() => { const id = setTimeout(() => setOn(false), 450); return () => clearTimeout(id); }, []);
  return <div>{on ? <Ticker/> : <i>stopped</i>}</div>;
}
<App/>""",
    "pure_and_should_component_update": """
class Pure extends React.PureComponent {
  render() { console.log('pure', this.props.v); return <i>{this.props.v}</i>; }
}
class Gate extends React.Component {
  shouldComponentUpdate(next) { return next.v % 2 === 0; }
  render() { console.log('gate', this.props.v); return <u>{this.props.v}</u>; }
}
class Parent extends React.Component {
  constructor(props) { super(props); this.state = { v: 1, other: 0 }; }
  componentDidMount() {
    setTimeout(() => this.setState({ other: 1 }), 10);
    setTimeout(() => this.setState({ v: 2 }), 20);
    setTimeout(() => this.setState({ v: 3 }), 30);
  }
  render() { return <div><Pure v={this.state.v}/><Gate v={this.state.v}/>{this.state.other}</div>; }
}
<Parent/>""",
    "derived_state_from_props": """
class Shown extends React.Component {
  constructor(props) { super(props); this.state = { doubled: 0, seen: 0 }; }
  static getDerivedStateFromProps(props, state) { return { doubled: props.v * 2, seen: state.seen + 1 }; }
  render() { return <p>{this.state.doubled} after {this.state.seen}</p>; }
}
function App() {
  const [v, setV] = useState(1);
  useEffect(() => { if (v < 3) { const id = setTimeout(() => setV(v + 1), 10); return () => clearTimeout(id); } }, [v]);
  return <Shown v={v}/>;
}
<App/>""",
    "sync_external_store_and_layout_effect": """
const store = { value: 1, listeners: new Set(),
  subscribe(l) { store.listeners.add(l); return () => store.listeners.delete(l); },
  set(v) { store.value = v; store.listeners.forEach(l => l()); } };
function Reader() {
  const v = React.useSyncExternalStore(store.subscribe, () => store.value, () => store.value);
  useLayoutEffect(() => { console.log('layout', v); });
  useEffect(() => { setTimeout(() => store.set(2), 10); setTimeout(() => store.set(3), 20); }, []);
  return <p>value {v}</p>;
}
<Reader/>""",
    # React.lazy under Suspense (issue 11)
    "lazy_component_under_suspense": """
function Inner({ name }) { useEffect(() => console.log('inner mounted', name)); return <b>hello {name}</b>; }
const Lazy = React.lazy(() => new Promise(r => setTimeout(() => r({ default: Inner }), 20)));
<div><React.Suspense fallback={<i>loading</i>}><Lazy name="ada"/></React.Suspense></div>""",
    # Error boundaries (issue 11)
    "boundary_renders_its_fallback": """
class Boundary extends React.Component {
  constructor(props) { super(props); this.state = { error: null }; }
  static getDerivedStateFromError(error) { return { error: error.message }; }
  componentDidCatch(error) { console.log('caught', error.message); }
  render() { return this.state.error ? <p>Something broke: {this.state.error}</p> : this.props.children; }
}
function Bad() { throw new Error('no orders'); }
function Ok() { useEffect(() => console.log('ok effect')); return <b>ok</b>; }
<div><Boundary><Ok/><Bad/></Boundary><i>after</i></div>""",
    "inner_boundary_catches_a_later_error": """
class Boundary extends React.Component {
  constructor(props) { super(props); this.state = { failed: false }; }
  static getDerivedStateFromError() { return { failed: true }; }
  render() { return this.state.failed ? <em>{this.props.name} fallback</em> : this.props.children; }
}
function Flaky() {
  const [n, setN] = useState(0);
  useEffect(() => { const id = setTimeout(() => setN(1), 10); return () => clearTimeout(id); }, []);
  if (n === 1) throw new Error('later');
  return <b>fine {n}</b>;
}
<Boundary name="outer"><div><Boundary name="inner"><Flaky/></Boundary><i>sibling</i></div></Boundary>""",
    "did_catch_alone_sets_state": """
class Catcher extends React.Component {
  constructor(props) { super(props); this.state = { message: null }; }
  componentDidCatch(error) { this.setState({ message: error.message }); }
  render() { return this.state.message ? <p>caught: {this.state.message}</p> : this.props.children; }
}
function Bad() { throw new TypeError('bad prop'); }
<section><Catcher><Bad/></Catcher></section>""",
    "error_outside_any_boundary": """
function Bad() { throw new Error('nobody catches this'); }
<div><Bad/></div>""",
    # Timers that run to a real end, after more renders than settle allows in a row (issue 11)
    "typewriter_reveal": """
const TEXT = 'Your order shipped and is on its way to you.';
function Typewriter() {
  const [n, setN] = useState(0);
  useEffect(() => {
    if (n >= TEXT.length) return;
    const id = setTimeout(() => setN(n + 1), 80);
    return () => clearTimeout(id);
  }, [n]);
  return <p>{TEXT.slice(0, n)}{n < TEXT.length ? '|' : ''}</p>;
}
<Typewriter/>""",
    "poll_until_done": """
function Poll() {
  const [tries, setTries] = useState(0);
  const [state, setState] = useState('pending');
  useEffect(() => {
    const id = setInterval(() => setTries(t => t + 1), 250);
    return () => clearInterval(id);
  }, []);
  useEffect(() => { if (tries >= 32) setState('delivered'); }, [tries]);
  return state === 'delivered' ? <b>delivered after {tries} polls</b> : <i>polling {tries}</i>;
}
<Poll/>""",
    "interval_to_the_clock_limit": """
function Ticker() {
  const [n, setN] = useState(0);
  useEffect(() => { const id = setInterval(() => setN(c => c + 1), 1000); return () => clearInterval(id); }, []);
  return <p>{n}</p>;
}
<Ticker/>""",
}


# Reconciliation (issue 11): where a component's state must survive a change of its parent's
# output, and where it must reset. ``Counter`` shows which mount it is (#1: kept, #2: remounted);
# the parent switches from ``before`` to ``after`` 100 ms in (virtual time).
RECONCILE_PRELUDE = """
let mounts = 0;
function Counter({ tag }) {
  const [mount] = useState(() => ++mounts);
  return <b>{tag || 'c'} #{mount}</b>;
}
const MemoCounter = React.memo(Counter);
const Ctx = React.createContext('x');
function A() { return <Counter/>; }
function B() { return <Counter/>; }
"""
RECONCILE: dict[str, tuple[str, str]] = {
    # an unkeyed fragment that is a whole children slot is transparent; keyed or in an array, not
    "child_into_fragment": ("<Counter/>", "<><Counter/><i>more</i></>"),
    "fragment_into_child": ("<div><><Counter/></></div>", "<div><Counter/></div>"),
    "keyed_fragment_around_it": ("<Counter/>", '<React.Fragment key="w"><Counter/></React.Fragment>'),
    "fragment_in_an_array": ('<div>{[<Counter/>, <i key="x">x</i>]}</div>',
                             '<div>{[<><Counter/></>, <i key="x">x</i>]}</div>'),
    "same_type_same_place": ("<Counter/>", "<Counter/>"),
    "host_wrapper_type_changes": ("<div><Counter/></div>", "<span><Counter/></span>"),
    "host_wrapper_props_change": ('<div className="a"><Counter/></div>', '<div className="b"><Counter/></div>'),
    "key_changes": ('<Counter key="a"/>', '<Counter key="b"/>'),
    "key_stays": ('<Counter key="a"/>', '<Counter key="a"/>'),
    "null_hole_keeps_position": ("<div><i/><Counter/></div>", "<div>{null}<Counter/></div>"),
    "false_hole_keeps_position": ("<div>{false}<Counter/></div>", "<div><i/><Counter/></div>"),
    "unkeyed_insert_before_moves_it": ("<div><Counter/></div>", "<div><i/><Counter/></div>"),
    "keyed_insert_before_keeps_it": ('<div><Counter key="c"/></div>', '<div><i key="i"/><Counter key="c"/></div>'),
    "single_child_to_one_item_array": ("<div><Counter/></div>", "<div>{[<Counter/>]}</div>"),
    "single_child_to_keyed_array_item": ("<div><Counter/></div>", '<div>{[<Counter key="x"/>]}</div>'),
    "array_to_nested_array": ("<div>{[<Counter/>]}</div>", "<div>{[[<Counter/>]]}</div>"),
    "parent_component_type_changes": ("<A/>", "<B/>"),
    "plain_to_memo_wrapper": ("<Counter/>", "<MemoCounter/>"),
    "memo_stays_memo": ('<MemoCounter tag="m"/>', '<MemoCounter tag="n"/>'),
    "keyed_list_reordered": ('<div>{[<Counter key="a" tag="a"/>, <Counter key="b" tag="b"/>]}</div>',
                             '<div>{[<Counter key="b" tag="b"/>, <Counter key="a" tag="a"/>]}</div>'),
    "unkeyed_list_reordered": ('<div>{[<Counter tag="a"/>, <Counter tag="b"/>]}</div>',
                               '<div>{[<Counter tag="b"/>, <Counter tag="a"/>]}</div>'),
    "keyed_middle_removed": ('<div>{["a", "b", "c"].map(k => <Counter key={k} tag={k}/>)}</div>',
                             '<div>{["a", "c"].map(k => <Counter key={k} tag={k}/>)}</div>'),
    "unkeyed_middle_removed": ('<div>{["a", "b", "c"].map(k => <Counter tag={k}/>)}</div>',
                               '<div>{["a", "c"].map(k => <Counter tag={k}/>)}</div>'),
    "text_to_element_before_it": ("<div>{'text'}<Counter/></div>", "<div><i/><Counter/></div>"),
    "fragment_alone_in_a_host_slot": ("<div><Counter/></div>", "<div><><Counter/></></div>"),
    "fragment_among_siblings": ("<div><Counter/><u/></div>", "<div><><Counter/></><u/></div>"),
    "suspense_wrapper_added": ("<Counter/>", "<React.Suspense fallback={null}><Counter/></React.Suspense>"),
    "provider_wrapper_added": ("<Counter/>", '<Ctx.Provider value="y"><Counter/></Ctx.Provider>'),
    "provider_value_changes": ('<Ctx.Provider value="x"><Counter/></Ctx.Provider>',
                               '<Ctx.Provider value="y"><Counter/></Ctx.Provider>'),
    "same_keyed_fragment": ('<React.Fragment key="k"><Counter/></React.Fragment>',
                            '<React.Fragment key="k"><Counter/><i/></React.Fragment>'),
    "keyed_fragments_differ": ('<React.Fragment key="k"><Counter/></React.Fragment>',
                               '<React.Fragment key="j"><Counter/></React.Fragment>'),
    "null_and_false_swap": ("<div>{null}<Counter/></div>", "<div>{false}<Counter/></div>"),
    "two_counters_swap_keys": ('<div><Counter key="a" tag="a"/><Counter key="b" tag="b"/></div>',
                               '<div><Counter key="b" tag="b"/><Counter key="a" tag="a"/></div>'),
    "array_grows_after_it": ("<div>{[<Counter/>]}</div>", "<div>{[<Counter/>, <i key='more'/>]}</div>"),
    "wrapped_in_same_component_twice": ("<A/>", "<div><A/></div>"),
}


def _reconcile_program(before: str, after: str) -> str:
    return RECONCILE_PRELUDE + f"""function App() {{
  const [after, setAfter] = useState(false);
  useEffect(() => {{ const id = setTimeout(() => setAfter(true), 100); return () => clearTimeout(id); }}, []);
  return after ? {after} : {before};
}}
<App/>"""


PARITY.update({f"reconcile_{name}": _reconcile_program(*pair) for name, pair in RECONCILE.items()})


def test_enough_reconciliation_cases() -> None:
    assert len(RECONCILE) >= 30


@pytest.fixture(scope="module")
def react_results() -> dict[str, dict]:
    names = list(PARITY)
    try:
        results = node_settled_many([PRELUDE + PARITY[n] for n in names])
    except OracleUnavailable as exc:  # pragma: no cover - make install provides node
        pytest.fail(str(exc))
    return dict(zip(names, results, strict=True))


@pytest.mark.parametrize("name", list(PARITY))
def test_same_as_react(name: str, react_results: dict[str, dict]) -> None:
    expected = react_results[name]
    if "throw" in expected:
        with pytest.raises(KViewError) as info:
            kv(PARITY[name])
        assert expected["throw"]["message"] in str(info.value)
        return
    result = kv(PARITY[name])
    assert normalize(result.html) == normalize(expected["html"]), (result.html, expected["html"])
    assert [c["text"] for c in result.console] == expected["log"]


# Programs whose first render React's server renderer (the oracle's renderToStaticMarkup) cannot
# stand for: the preview is a client render, and these differ between React's two renderers.
NOT_SERVER_RENDERABLE = {
    "use_id": "server ids are spelled _R_n_ and counted from 1; the client's (kview's) _r_n_ from 0",
    "component_stored_on_window": "the render oracle runs without browser globals (no window)",
    "boundary_renders_its_fallback": "the server renderer has no error boundaries: the error escapes",
    "did_catch_alone_sets_state": "the server renderer has no error boundaries: the error escapes",
}
FIRST_RENDERS = [n for n in PARITY if n not in NOT_SERVER_RENDERABLE]


@pytest.fixture(scope="module")
def react_first_renders() -> dict[str, dict]:
    """Each PARITY program's first render by React (renderToStaticMarkup: no effects, no timers)."""
    names = FIRST_RENDERS
    try:
        results = node_render_many([(PRELUDE + PARITY[n], {}) for n in names])
    except OracleUnavailable as exc:  # pragma: no cover - make install provides node
        pytest.fail(str(exc))
    return dict(zip(names, results, strict=True))


@pytest.mark.parametrize("name", FIRST_RENDERS)
def test_first_render_same_as_react(name: str, react_first_renders: dict[str, dict]) -> None:
    """The initial (loading) HTML, what ``--no-settle`` shows, is React's first render."""
    expected = react_first_renders[name]
    if "throw" in expected:
        with pytest.raises(KViewError) as info:
            kv(PARITY[name], settle_jobs=False)
        assert expected["throw"]["message"] in str(info.value)
        return
    result = kv(PARITY[name], settle_jobs=False)
    assert normalize(result.html) == normalize(expected["html"]), (result.html, expected["html"])


def test_enough_parity_cases() -> None:
    assert len(PARITY) >= 40


# --------------------------------------------------------------------------- kview's own rules

LOADING = """
function App() {
  const [data, setData] = useState(null);
  useEffect(() => { new Promise(r => setTimeout(() => r('loaded'), 50)).then(setData); }, []);
  return <div>{data || 'loading'}</div>;
}
<App/>"""


def test_use_promise_first_render_shows_the_fallback() -> None:
    src = """
const p = new Promise(r => setTimeout(() => r('data'), 20));
function D() { return <b>{React.use(p)}</b>; }
<React.Suspense fallback={<i>wait</i>}><D/></React.Suspense>"""
    assert kv(src, settle_jobs=False).html == "<i>wait</i>"
    assert kv(src).html == "<b>data</b>"


def test_settle_turns_loading_into_loaded() -> None:
    assert kv(LOADING).html == "<div>loaded</div>"


def test_no_settle_is_the_first_render_without_effects() -> None:
    src = LOADING.replace("useEffect(() => {", "useEffect(() => { console.log('effect ran');")
    result = kv(src, settle_jobs=False)
    assert result.html == "<div>loading</div>"
    assert result.console == []


def test_runaway_effect_warns_and_keeps_last_render() -> None:
    src = """
function App() { const [n, setN] = useState(0); useEffect(() => setN(n + 1)); return <p>{n}</p>; }
<App/>"""
    result = kv(src)
    limit = Budgets().max_settle_passes
    assert result.html == f"<p>{limit - 1}</p>"
    messages = [w.message for w in result.warnings]
    assert f"kview: the view kept updating after {limit} passes (an effect sets state on every render?)" in messages
    small = kv(src, budgets=Budgets(max_settle_passes=3))
    assert small.html == "<p>2</p>"


def test_endless_interval_is_bounded() -> None:
    """An interval that never ends: at 1 s it runs to the virtual clock's limit, as React's
    settled render does (``interval_to_the_clock_limit`` above), and says so; at 10 ms it stops
    after ``max_timer_renders`` renders, fast, naming the timer's line."""
    src = """
function App() {
  const [n, setN] = useState(0);
  useEffect(() => {
    const id = setInterval(() => setN(c => c + 1), 1000);
    return () => clearInterval(id);
  }, []);
  return <p>{n}</p>;
}
<App/>"""
    result = kv(src)
    assert result.html == "<p>60</p>"
    [horizon] = [w for w in result.warnings if "virtual time" in w.message]
    assert "stopped at 60 s of virtual time with timers still pending" in horizon.message
    fast = src.replace("1000)", "10)")
    t0 = time.perf_counter()
    result = kv(fast)
    assert time.perf_counter() - t0 < 0.5
    limit = Budgets().max_timer_renders
    assert result.html == f"<p>{limit}</p>"
    [runaway] = [w for w in result.warnings if "renders caused by timers" in w.message]
    assert f"{limit} renders caused by timers, 3.01 s into virtual time" in runaway.message
    assert runaway.line == PRELUDE.count("\n") + 5  # the setInterval callback's line
    assert kv(fast, budgets=Budgets(max_timer_renders=20)).html == "<p>20</p>"
    ends = kv(src.replace("setN(c => c + 1)", "setN(c => { if (c >= 5) clearInterval(id); return Math.min(c + 1, 5); })"))
    assert ends.html == "<p>5</p>" and not ends.warnings  # an interval that is cleared is honest


def test_hooks_outside_components_throw_reacts_error() -> None:
    for src in ("useState(0); <p/>", "React.useEffect(() => {}); <p/>", "useContext(React.createContext(1))"):
        with pytest.raises(KViewError) as info:
            kv(src)
        assert "Invalid hook call. Hooks can only be called inside of the body of a function component." in str(
            info.value
        )
    with pytest.raises(KViewError, match="Invalid hook call"):
        evaluate("React.useRef(1)")


def test_hook_called_inside_an_effect_is_reported_not_fatal() -> None:
    src = "function App() { useEffect(() => { useState(1); }, []); return <p>ok</p>; } <App/>"
    result = kv(src)
    assert result.html == "<p>ok</p>"
    assert any("Invalid hook call" in w.message for w in result.warnings)


def test_error_in_effect_is_reported_and_view_kept() -> None:
    src = """
function App() {
  const [n, setN] = useState(0);
  useEffect(() => { setN(1); null.boom; }, []);
  return <p>{n}</p>;
}
<App/>"""
    result = kv(src)
    assert result.html == "<p>1</p>"
    assert any("Cannot read properties of null" in w.message for w in result.warnings)
    assert any(c["level"] == "error" for c in result.console)


def test_async_effect_function_warns_like_react() -> None:
    src = """
function App() {
  const [v, setV] = useState('a');
  useEffect(async () => { setV(await Promise.resolve('b')); }, []);
  return <p>{v}</p>;
}
<App/>"""
    result = kv(src)
    assert result.html == "<p>b</p>"
    assert any("useEffect must not return anything besides a function" in w.message for w in result.warnings)


def test_effects_run_children_first_and_cleanups_before_setups() -> None:
    src = """
function Leaf({ n }) { useEffect(() => { console.log('leaf', n); return () => console.log('leaf-', n); }, [n]); return null; }
function Mid({ n }) { useEffect(() => { console.log('mid', n); return () => console.log('mid-', n); }, [n]); return <Leaf n={n}/>; }
function App() {
  const [n, setN] = useState(0);
  useEffect(() => { console.log('app', n); if (!n) setN(1); return () => console.log('app-', n); }, [n]);
  return <Mid n={n}/>;
}
<App/>"""
    log = [c["text"] for c in kv(src).console]
    assert log == ["leaf 0", "mid 0", "app 0", "leaf- 0", "mid- 0", "app- 0", "leaf 1", "mid 1", "app 1"]


def test_same_value_update_does_not_rerender() -> None:
    src = """
function App() {
  const [v, setV] = useState(NaN);
  console.log('render');
  useEffect(() => { setV(NaN); setV(x => x); });
  return <p>{String(v)}</p>;
}
<App/>"""
    result = kv(src)
    assert [c["text"] for c in result.console] == ["render"]
    assert not result.warnings


def test_kustomer_render_replaces_undefined_completion() -> None:
    src = """
(() => { Kustomer.render(React.createElement('div', { className: 'first' }, 'one'));
         setTimeout(() => Kustomer.render(React.createElement('div', null, 'two')), 10); })();"""
    assert kv(src).html == "<div>two</div>"
    assert kv(src, settle_jobs=False).html == '<div class="first">one</div>'
    assert kv("Kustomer.render(<p>x</p>); <b>own value wins</b>").html == "<b>own value wins</b>"


def test_kustomer_request_in_effect() -> None:
    try:
        from renderer.kustomer.records import DEFAULT_USER  # Kustomer globals (another module)
    except ImportError:  # pragma: no cover
        pytest.skip("renderer/kustomer/requests.py (KustomerRequest) is not there yet")
    src = """
function App() {
  const [name, setName] = useState('loading');
  useEffect(() => {
    KustomerRequest({ url: '/v1/users/current' }).then(r => setName(r.data.attributes.name));
  }, []);
  return <p>{name}</p>;
}
<App/>"""
    assert kv(src).html == f"<p>{DEFAULT_USER['name']}</p>"
    assert kv(src, settle_jobs=False).html == "<p>loading</p>"
    table = {"GET /v1/users/current": {"data": {"attributes": {"name": "Mock Agent"}}}}
    assert kv(src, requests=table).html == "<p>Mock Agent</p>"


def test_element_properties_and_fragment() -> None:
    r = evaluate(
        "const e = React.createElement('a', { key: 5, id: 'i' }, 'x');"
        "[e.key, e.type, e.props.id, e.props.children, React.Fragment === React.Fragment,"
        " <React.Fragment/>.type === React.Fragment, React.createElement('b').key]"
    )
    assert r[:5] == ["5", "a", "i", "x", True]
    assert r[5] is True and r[6] is None


def test_children_only_rejects_non_elements() -> None:
    with pytest.raises(KViewError, match="React.Children.only expected to receive a single React element child."):
        kv("function One({ children }) { return React.Children.only(children); } <One>a{'b'}</One>")


def test_consumer_needs_a_function_child() -> None:
    with pytest.raises(KViewError, match="context consumer"):
        kv("const C = React.createContext(1); <C.Consumer><p/></C.Consumer>")


def test_memo_custom_compare_and_default_props() -> None:
    src = """
const Show = React.memo(function Show({ v, label }) { console.log('show', v); return <b>{label}{v}</b>; },
                        (a, b) => Math.floor(a.v / 10) === Math.floor(b.v / 10));
function Hello({ who }) { return <i>hi {who}</i>; }
Hello.defaultProps = { who: 'world' };
function App() {
  const [v, setV] = useState(1);
  useEffect(() => { if (v < 12) setV(v + 5); }, [v]);
  return <div><Show v={v} label="v="/>{React.createElement(Hello)}</div>;
}
<App/>"""
    result = kv(src)
    assert result.html == "<div><b>v=11</b><i>hi world</i></div>"
    assert [c["text"] for c in result.console] == ["show 1", "show 11"]


def test_component_renderer_for_components_html_meets_itself() -> None:
    """The HTML walk calls ``ctx.component_renderer`` for components the walk did not expand."""
    from renderer.html import RenderContext, to_html
    from renderer.react.hooks import hooks_for
    from renderer.realm import make_scope, new_runtime
    from renderer.view import compile_view

    rt = new_runtime()
    view = compile_view(PRELUDE + """
const Ctx = React.createContext('d');
function Inner() { const [n] = useState(2); return <b>{n}{useContext(Ctx)}</b>; }
function Outer() { return <p><Inner/><Ctx.Provider value="p"><Inner/></Ctx.Provider></p>; }
<Outer/>""", "late")
    value = view.run(make_scope(rt, {}))
    ctx = RenderContext(component_renderer=hooks_for(rt).component_renderer)
    assert to_html(value, ctx) == "<p><b>2d</b><b>2p</b></p>"


# --------------------------------------------------------------------------- real templates


def _template(rel: str) -> dict:
    path = CORPUS / rel
    if not path.is_file():  # pragma: no cover
        pytest.skip(f"corpus file {rel} not available")
    return json.loads(path.read_text())


@pytest.mark.parametrize(
    "rel",
    [
        "sangeethayesurajan-TU__taskGPT_Kustomer/kviews/taskgpt-v2.1.0.kview.json",
        "sangeethayesurajan-TU__taskGPT_Kustomer/kviews/taskgpt-old_app.kview.json",
        "sangeethayesurajan-TU__Kustomer_AuthorAI/kviews/sample_authorai.kview.json",
    ],
)
def test_corpus_react_programs_render_settled(rel: str) -> None:
    d = _template(rel)
    resource = d.get("resource") or "customer"
    first = render(d["template"], resource=resource, settle_jobs=False)
    settled = render(d["template"], resource=resource)
    assert len(first.html) > 1000 and len(settled.html) > 1000
    assert not any("kept updating" in w.message for w in settled.warnings)


def test_taskgpt_component_on_window_renders_with_state() -> None:
    d = _template("sangeethayesurajan-TU__taskGPT_Kustomer/kviews/taskgpt-v2.1.0.kview.json")
    result = render(d["template"], resource=d.get("resource") or "conversation")
    assert "<style>" in result.html  # the component's own output, not a placeholder


def test_group_booking_template_runs() -> None:
    d = _template("unattributed/kviews/group-booking-reservations.kview.json")
    rows = [
        {"id": "r1", "attributes": {"custom": {"confirmationCodeStr": "C1", "guestNameStr": "Ann", "unitStr": "7"}}},
    ]
    ok = render(d["template"], resource=d.get("resource") or "customer",
                requests={"POST /v1/customers/search": {"data": rows}})  # fmt: skip
    assert ok.html == ""  # the template only logs the response (it never calls renderReservationsTable)
    assert any("[Debug] Fetching reservations" in c["text"] for c in ok.console)



# --------------------------------------------------------------------------- trees without components

HOST_ONLY = """<div>
  <ul>{['a', 'b', 'a', 'a'].map(k => <li key={k}>{[<i key="x"/>, <i key="x"/>]}</li>)}</ul>
  <p key="p"/><p key="p"/>
  <BasicRow label="l" value={[<b key="v"/>, <b key="v"/>]}/>
  {[[<em key="n"/>], [<em key="n"/>, <em key="n"/>]]}
</div>"""


def test_duplicate_keys_warned_in_host_only_trees() -> None:
    """No component at all (the walk's fast path): its warnings, in its order, each once."""
    result = render(HOST_ONLY, {})

    def dup(key: str, line: int, column: int) -> tuple[str, int, int]:
        message = (
            f"Encountered two children with the same key, `{key}`. Keys should be unique so that "
            "components maintain their identity across updates."
        )
        return message, line, column

    assert [(w.message, w.line, w.column) for w in result.warnings] == [
        dup("x", 2, 66),  # inside the first <li>, walked before the list's next keys
        dup("a", 2, 38),  # the third and fourth <li> (one entry)
        dup("p", 3, 15),  # JSX siblings
        dup("v", 4, 45),  # elements in a Kustomer component's props are walked too
        dup("n", 5, 38),  # each nested list has keys of its own
    ]


FAST_PATH_CASES = {
    "host only": HOST_ONLY,
    "component inside": HOST_ONLY.replace("<p key=\"p\"/><p", "<p key=\"p\"/><P/><p")
    + ";\nfunction P() { const [n] = useState(1); return <i>{n}</i>; }",
    "component in props": "function X() { return <u key='k'/>; }\n"
    "<div>{[<b key='k'/>, <b key='k'/>]}<BasicRow label='l' value={[<X key='a'/>, <X key='a'/>]}/></div>",
    "context": "const C = React.createContext(1); <div>{[<b key='k'/>, <b key='k'/>]}<C value={2}/></div>",
    "promise child": "<div>{[<b key='k'/>, <b key='k'/>]}{Promise.resolve(<i key='k'/>)}</div>",
    "kustomer render": "Kustomer.render(<div>{[<b key='k'/>, <b key='k'/>]}</div>);"
    "setTimeout(() => Kustomer.render(<p>{[<i key='j'/>, <i key='j'/>]}</p>), 5); undefined",
    "timer mutates the tree": "const kids = [<b key='k'/>]; setTimeout(() => kids.push(<b key='k'/>), 5);"
    "function Late() { return <i>late</i>; } setTimeout(() => kids.push(<Late key='l'/>), 6); <div>{kids}</div>",
    "effects of a late component": "function Late() { useEffect(() => console.log('never')); return <i/>; }"
    "const kids = []; setTimeout(() => kids.push(<Late/>), 1); <div>{kids}</div>",
    "invalid type": "const T = undefined; <div>{[<b key='k'/>, <b key='k'/>]}{React.createElement(T)}</div>",
    "deep": "let el = <b key='k'/>; for (let i = 0; i < 1200; i++) el = [el, <b key='k'/>]; <div>{el}</div>",
    "too deep": "let el = 'x'; for (let i = 0; i < 6000; i++) el = <div>{el}</div>; el",
}


@pytest.mark.parametrize("name", sorted(FAST_PATH_CASES))
def test_fast_path_is_the_full_walk(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The walk's fast path for trees without components changes nothing: same HTML, console,
    warnings (or error) as the full walk, also when timers change things afterwards."""
    import renderer.react.hooks as hooks

    def outcome() -> object:
        try:
            r = kv(FAST_PATH_CASES[name])
        except KViewError as exc:
            return str(exc)
        return r.html, r.console, r.warnings

    fast = outcome()
    monkeypatch.setattr(hooks, "_host_only", lambda value, depth, dups: False)
    assert fast == outcome()


def test_fast_path_is_taken_only_without_components() -> None:
    from renderer.react.hooks import _host_only

    host = evaluate("const T = undefined; <div>{[<b/>, 'x', 1, null, [<i/>]]}<BasicRow value={<b/>}/>"
                    "<T/><>{false}</></div>")  # fmt: skip
    assert _host_only(host, 0, [])
    for src in (
        "function F() {} <div><p>{[<F/>]}</p></div>",
        "<div>{[<b/>, Promise.resolve(1)]}</div>",
        "<BasicRow value={[<React.StrictMode/>]}/>",
        "let el = <b/>; for (let i = 0; i < 1001; i++) el = <i>{el}</i>; el",
    ):
        assert not _host_only(evaluate(PRELUDE + src), 0, []), src


def test_create_portal_renders_in_place_and_says_so() -> None:
    result = kv("<div>{ReactDOM.createPortal(<u>in a portal</u>, document.body)}<i>after</i></div>")
    assert result.html == "<div><u>in a portal</u><i>after</i></div>"
    assert [w.kind for w in result.warnings] == ["portal-in-place"]
    assert "createPortal renders its children in place" in result.warnings[0].message
    assert kv("ReactDOM.flushSync(() => 3) + 1; <p>{ReactDOM.flushSync(() => 'synced')}</p>").html == "<p>synced</p>"
