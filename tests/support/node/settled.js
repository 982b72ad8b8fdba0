'use strict';
/*
 * Settled-render oracle for kview's hooks runtime (tests/test_hooks.py drives it).
 *
 * Reads a JSON list of jobs {"source": "<JSX template>", "globals": {...}} from stdin and
 * writes a JSON list of results: {"html": "...", "log": ["..."]} or {"throw": {name, message}}.
 *
 * Each template is compiled with @babel/standalone (classic runtime: JSX ->
 * React.createElement), run in a fresh vm context whose globals are React, lodash `_`, the
 * given globals, a recording `console`, `Kustomer.render` and *virtual* timers. Its completion
 * value is mounted with react-test-renderer inside React's `act()`, which runs effects and
 * state updates. Then, like kview's settle loop: drain microtasks, fire the next virtual timer
 * (inside act), repeat until no timer is left or the virtual clock passes 60 000 ms. The
 * final tree (`toJSON()`) is turned back into host elements and written with react-dom/server's
 * renderToStaticMarkup, so the HTML is spelled exactly like oracle.js's render jobs.
 */
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const Module = require('module');

const MODULES_DIR = process.env.KVIEW_NODE_MODULES
  || (process.env.NODE_PATH || '').split(path.delimiter).filter(Boolean)[0];
const req = Module.createRequire(path.join(MODULES_DIR, 'kview-oracle.js'));

const babel = req('@babel/standalone');
const React = req('react');
const TestRenderer = req('react-test-renderer');
const { renderToStaticMarkup } = req('react-dom/server');
const lodash = req('lodash');

globalThis.IS_REACT_ACT_ENVIRONMENT = true;
const MAX_TIMER_MS = 60000;

// React's own dev warnings (act, deprecated test renderer) are not what we compare.
const realError = console.error;
console.error = () => {};
console.warn = () => {};

function flush() {
  return new Promise((resolve) => setImmediate(resolve));
}

function describe(e) {
  if (e && typeof e === 'object' && 'message' in e) return { name: String(e.name), message: String(e.message) };
  return { name: null, message: String(e) };
}

function toElement(node) {
  if (node === null || typeof node === 'string') return node;
  if (Array.isArray(node)) return node.map(toElement);
  const kids = (node.children || []).map(toElement);
  return React.createElement(node.type, node.props, ...kids);
}

async function runJob(job) {
  const log = [];
  const timers = [];
  let seq = 0;
  let now = 0;
  const cancelled = new Set();
  let kustomerRoot;
  let kustomerCalled = false;
  const addTimer = (fn, delay, args, repeat) => {
    let d = Number(delay) || 0;
    if (d < 0) d = 0;
    seq += 1;
    timers.push({ due: now + d, seq, id: seq, fn, args, interval: repeat ? Math.max(d, 1) : null });
    return seq;
  };
  const fmt = (a) => (typeof a === 'string' ? a : JSON.stringify(a));
  const rec = (...a) => { log.push(a.map(fmt).join(' ')); };
  const ctx = vm.createContext({
    React,
    _: lodash,
    console: { log: rec, info: rec, warn: rec, error: rec, debug: rec },
    setTimeout: (fn, d, ...args) => addTimer(fn, d, args, false),
    setInterval: (fn, d, ...args) => addTimer(fn, d, args, true),
    clearTimeout: (id) => cancelled.add(id),
    clearInterval: (id) => cancelled.add(id),
    Kustomer: { render: (el) => { kustomerRoot = el; kustomerCalled = true; } },
  });
  vm.runInContext('globalThis.window = globalThis;', ctx);
  Object.assign(ctx, JSON.parse(JSON.stringify(job.globals || {})));
  try {
    const code = babel.transform(job.source, {
      presets: [['react', { runtime: 'classic' }]],
      sourceType: 'script',
      babelrc: false,
      configFile: false,
    }).code;
    const value = vm.runInContext(code, ctx, { timeout: 2000 });
    const rootElement = () => (value === undefined && kustomerCalled ? kustomerRoot : value);
    let shown = rootElement();
    let root;
    await React.act(async () => { root = TestRenderer.create(shown === undefined ? null : shown); });
    const settle = async () => {
      for (let step = 0; step < 10000; step++) {
        await React.act(async () => { await flush(); });
        if (rootElement() !== shown) {
          shown = rootElement();
          await React.act(async () => { root.update(shown); });
          continue;
        }
        timers.sort((a, b) => a.due - b.due || a.seq - b.seq);
        let t;
        while ((t = timers.shift()) && cancelled.has(t.id));
        if (!t || t.due > horizon + MAX_TIMER_MS) break;
        now = Math.max(now, t.due);
        if (t.interval !== null) {
          seq += 1;
          timers.push({ ...t, due: t.due + t.interval, seq });
        }
        await React.act(async () => { t.fn(...t.args); await flush(); });
      }
    };
    let horizon = 0;
    await settle();
    const markup = () => renderToStaticMarkup(React.createElement(React.Fragment, null, toElement(root.toJSON())));
    // Optional events (tests/react/test_live.py): {nth, prop, type, target}. The nth host element
    // (depth-first) that has a function on* prop gets its handler called inside act() with a
    // React-like event, then the tree settles again; the HTML after each event is kept.
    const steps = [];
    for (const ev of job.events || []) {
      const hosts = root.root.findAll((n) => typeof n.type === 'string'
        && Object.keys(n.props).some((k) => /^on[A-Z]/.test(k) && typeof n.props[k] === 'function'));
      const node = hosts[ev.nth];
      const target = Object.assign({}, ev.target || {});
      const e = {
        type: ev.type, target, currentTarget: target, defaultPrevented: false,
        preventDefault() { this.defaultPrevented = true; }, stopPropagation() {}, persist() {},
      };
      await React.act(async () => { node.props[ev.prop](e); await flush(); });
      horizon = now;
      await settle();
      steps.push({ html: markup(), prevented: e.defaultPrevented });
    }
    return { html: markup(), log, steps };
  } catch (e) {
    return { throw: describe(e), log };
  }
}

async function main() {
  const jobs = JSON.parse(fs.readFileSync(0, 'utf8'));
  const results = [];
  for (const job of jobs) results.push(await runJob(job));
  process.stdout.write(JSON.stringify(results));
}

main().catch((e) => { realError(e); process.exit(1); });
