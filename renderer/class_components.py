"""``React.Component`` and ``React.PureComponent``: class components, on top of the hooks runtime.

A class component is rendered by ``HOST``, a function component written in JavaScript: its
instance lives in a ref, ``setState`` queues an update and forces a re-render (a reducer), the
queued updates are merged at the next render (object and updater forms, in order, as React
does), ``getDerivedStateFromProps``, ``shouldComponentUpdate`` and ``PureComponent``'s shallow
comparison decide whether ``render`` runs, and a layout effect runs ``componentDidMount`` /
``componentDidUpdate`` and the ``setState`` callbacks after each commit, another
``componentWillUnmount``. One engine renders both kinds, so batching, effects order and bail-outs
are the hooks runtime's.

Error boundaries: for a class with ``getDerivedStateFromError`` or ``componentDidCatch``,
``hooks.walk_boundary`` catches an error thrown while its children render
and calls the host's ``recover``, which takes the new state and renders the fallback;
``componentDidCatch`` runs in the commit's layout effect.

The shim is compiled once per process and run per render that needs it (``install``): a render
whose template and components never mention ``Component`` does not pay for it.
"""

from __future__ import annotations

from typing import Any

from .js.scope import EMPTY, Scope
from .js.values import UNDEFINED, JSFunction
from .view import CompiledView, compile_view

SHIM = r"""
(function () {
  const R = React;
  function shallowEqual(a, b) {
    if (Object.is(a, b)) return true;
    if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return false;
    const ka = Object.keys(a), kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    return ka.every(k => Object.prototype.hasOwnProperty.call(b, k) && Object.is(a[k], b[k]));
  }
  class Component {
    static __kvClassComponent = true;  // the hooks runtime's test (static: subclasses inherit it)
    get isReactComponent() { return true; }
    constructor(props, context) { this.props = props; this.context = context; this.refs = {}; }
    setState(partial, callback) {
      const host = this.__kvHost;
      if (!host) return;  // before mount, as React: a warning there, nothing here
      host.queue.push([partial, callback]);
      host.force();
    }
    forceUpdate(callback) {
      const host = this.__kvHost;
      if (!host) return;
      host.forced = true;
      if (callback) host.callbacks.push(callback);
      host.force();
    }
  }
  class PureComponent extends Component {
    get isPureReactComponent() { return true; }
  }

  function ClassComponentHost(Cls, props) {
    const [, force] = R.useReducer(x => x + 1, 0);
    const box = R.useRef(null);
    let host = box.current;
    if (host === null) {
      host = box.current = { queue: [], callbacks: [], forced: false, force: () => force(),
                             inst: null, out: null, mounted: false, updated: false,
                             prevProps: undefined, prevState: undefined, caught: [] };
      host.recover = (error) => {  // a child threw while rendering (hooks.walk_boundary)
        const inst = host.inst;
        host.caught.push(error);
        if (typeof Cls.getDerivedStateFromError !== 'function') return host.out = null;
        const d = Cls.getDerivedStateFromError(error);
        if (d !== null && d !== undefined) inst.state = Object.assign({}, inst.state, d);
        return host.out = inst.render();
      };
      const inst = new Cls(props);
      inst.props = props;
      if (inst.state === undefined) inst.state = null;
      Object.defineProperty(inst, '__kvHost', { value: host, enumerable: false });
      if (typeof Cls.getDerivedStateFromProps === 'function') {
        const d = Cls.getDerivedStateFromProps(props, inst.state);
        if (d !== null && d !== undefined) inst.state = Object.assign({}, inst.state, d);
      }
      host.inst = inst;
      host.out = inst.render();
    } else {
      const inst = host.inst;
      let state = inst.state;
      for (const [partial, callback] of host.queue.splice(0)) {
        const part = typeof partial === 'function' ? partial.call(inst, state, props) : partial;
        if (part !== null && part !== undefined) state = Object.assign({}, state, part);
        if (callback) host.callbacks.push(callback);
      }
      if (typeof Cls.getDerivedStateFromProps === 'function') {
        const d = Cls.getDerivedStateFromProps(props, state);
        if (d !== null && d !== undefined) state = Object.assign({}, state, d);
      }
      let update = true;
      if (host.forced) host.forced = false;
      else if (typeof inst.shouldComponentUpdate === 'function') update = !!inst.shouldComponentUpdate(props, state);
      else if (inst.isPureReactComponent) update = !shallowEqual(inst.props, props) || !shallowEqual(inst.state, state);
      host.prevProps = inst.props;
      host.prevState = inst.state;
      inst.props = props;
      inst.state = state;
      host.updated = update;
      if (update) host.out = inst.render();
    }
    R.useLayoutEffect(() => {
      const inst = host.inst;
      if (!host.mounted) {
        host.mounted = true;
        if (typeof inst.componentDidMount === 'function') inst.componentDidMount();
      } else if (host.updated && typeof inst.componentDidUpdate === 'function') {
        inst.componentDidUpdate(host.prevProps, host.prevState);
      }
      for (const callback of host.callbacks.splice(0)) callback.call(inst);
      for (const error of host.caught.splice(0)) {
        if (typeof inst.componentDidCatch === 'function') inst.componentDidCatch(error, { componentStack: '' });
      }
    });
    R.useLayoutEffect(() => () => {
      if (typeof host.inst.componentWillUnmount === 'function') host.inst.componentWillUnmount();
    }, []);
    return host.out;
  }
  return [Component, PureComponent, ClassComponentHost];
})()
"""

_compiled: CompiledView | None = None


def wanted(*sources: str) -> bool:
    """Whether a render of these sources needs the shim (they name ``Component``)."""
    return any("Component" in s for s in sources)


def install(rt: Any, scope: Scope) -> None:
    """Define ``React.Component``/``PureComponent`` for this render and the host the hooks
    runtime renders class components with (``rt.class_component_host``)."""
    global _compiled
    if _compiled is None:
        _compiled = compile_view(SHIM, "<kview: React class components>")
    root = scope
    while root.parent is not None:
        root = root.parent
    saved = rt.completion
    value = _compiled.run(Scope({"this": UNDEFINED}, root, EMPTY, rt))
    rt.completion = saved
    component, pure, host = value
    react = root.vars["React"]
    react["Component"] = component
    react["PureComponent"] = pure
    if isinstance(host, JSFunction):
        rt.class_component_host = host
