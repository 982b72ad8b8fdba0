'use strict';
/*
 * kview differential test oracle (Node side).
 *
 * Reads a JSON list of jobs from stdin, writes a JSON list of results (same
 * order) to stdout.  Driven by tests/jsoracle.py, which documents the result
 * format.  Jobs:
 *
 *   {"kind": "eval",   "code": "<JS program or expression>"}
 *   {"kind": "render", "source": "<JSX template>", "globals": {name: json}}
 *
 * Every job runs in a fresh vm context (own realm, own microtask queue) with
 * an in-realm copy of lodash as `_` and a silent `console`; render jobs also
 * get `React` and the given globals.  Run with TZ=UTC and the npm modules on NODE_PATH /
 * KVIEW_NODE_MODULES (tests/jsoracle.py does both).
 */
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const util = require('util');
const Module = require('module');

const MODULES_DIR = process.env.KVIEW_NODE_MODULES
  || (process.env.NODE_PATH || '').split(path.delimiter).filter(Boolean)[0];
if (!MODULES_DIR) {
  process.stderr.write('oracle.js: set KVIEW_NODE_MODULES (run make install)\n');
  process.exit(2);
}
const req = Module.createRequire(path.join(MODULES_DIR, 'kview-oracle.js'));

// Generous by default: a loaded CI machine must not turn a slow first render into a "Timeout".
const TIMEOUT_MS = Number(process.env.KVIEW_ORACLE_TIMEOUT_MS || 5000);

// Errors from code in a context must never take the oracle down.
process.on('unhandledRejection', () => {});
process.on('rejectionHandled', () => {});

let lodashScript = null;
function lodashInRealm(ctx) {
  if (lodashScript === null) {
    const file = req.resolve('lodash/lodash.js');
    lodashScript = new vm.Script(fs.readFileSync(file, 'utf8'), { filename: file });
  }
  // lodash finds no `global`/`module` in a bare context and installs itself
  // as globalThis._ of that realm.
  lodashScript.runInContext(ctx);
}

// A silent in-realm console, so templates that log don't throw ReferenceError.
const consoleScript = new vm.Script(
  'globalThis.console = {};'
  + "for (const m of ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table'])"
  + ' console[m] = function () {};',
  { filename: 'kview-oracle-console.js' },
);

function newContext(extra, code) {
  const ctx = vm.createContext({}, { microtaskMode: 'afterEvaluate' });
  // Loading lodash costs ~20 ms per realm: only cases that can see `_` get it.
  if (code === undefined || /[_]/.test(code)) lodashInRealm(ctx);
  consoleScript.runInContext(ctx);
  if (extra) Object.assign(ctx, extra);
  return ctx;
}

function run(ctx, code, filename) {
  return vm.runInContext(code, ctx, { timeout: TIMEOUT_MS, filename });
}

// Call fn(...args) from inside the context, so the vm timeout guards it
// (getters, React components, ... run under the watchdog).
function guarded(ctx, fn, ...args) {
  ctx.__kviewOracleFn = fn;
  ctx.__kviewOracleArgs = args;
  try {
    return run(ctx, '__kviewOracleFn(...__kviewOracleArgs)', 'kview-oracle-call.js');
  } finally {
    delete ctx.__kviewOracleFn;
    delete ctx.__kviewOracleArgs;
  }
}

const toStr = (v) => Object.prototype.toString.call(v);

function isErrorLike(v) {
  return util.types.isNativeError(v) || v instanceof Error || toStr(v) === '[object Error]';
}

function encode(value) {
  const stack = new Set();
  function enc(v) {
    switch (typeof v) {
      case 'undefined': return { $: 'undefined' };
      case 'boolean': return v;
      case 'string': return v;
      case 'symbol': return { $: 'symbol' };
      case 'bigint': return { $: 'bigint', v: String(v) };
      case 'function': return { $: 'function' };
      case 'number':
        if (Number.isNaN(v)) return { $: 'NaN' };
        if (v === Infinity) return { $: 'Infinity' };
        if (v === -Infinity) return { $: '-Infinity' };
        if (Object.is(v, -0)) return { $: '-0' };
        return v;
      default: break;
    }
    if (v === null) return null;
    // typeof 'object' from here on.
    if (stack.has(v)) return { $: 'cycle' };
    if (util.types.isDate(v)) {
      const t = v.getTime();
      return { $: 'Date', v: Number.isNaN(t) ? 'Invalid Date' : v.toISOString() };
    }
    if (util.types.isRegExp(v)) return { $: 'RegExp', v: String(v) };
    if (util.types.isPromise(v)) return { $: 'Promise' };
    if (isErrorLike(v)) return { $: 'Error', name: String(v.name), message: String(v.message) };
    stack.add(v);
    try {
      if (Array.isArray(v)) {
        const out = new Array(v.length);
        for (let i = 0; i < v.length; i++) out[i] = (i in v) ? enc(v[i]) : { $: 'undefined' };
        return out;
      }
      if (util.types.isMap(v)) {
        return { $: 'Map', v: Array.from(v, ([k, x]) => [enc(k), enc(x)]) };
      }
      if (util.types.isSet(v)) return { $: 'Set', v: Array.from(v, (x) => enc(x)) };
      return { $: 'object', v: Object.keys(v).map((k) => [k, enc(v[k])]) };
    } finally {
      stack.delete(v);
    }
  }
  return enc(value);
}

function describeThrow(e) {
  if (e !== null && (typeof e === 'object' || typeof e === 'function') && isErrorLike(e)) {
    let name; let message;
    try { name = String(e.name); } catch (_) { name = 'Error'; }
    try { message = String(e.message); } catch (_) { message = ''; }
    if (e.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') name = 'Timeout';
    return { name, message };
  }
  let value;
  try { value = encode(e); } catch (_) { value = { $: 'unencodable' }; }
  return { name: null, message: null, value };
}

// If v is a promise, let it settle inside its realm and return
// {value} / {error}; pending after the microtask drain counts as a timeout.
function settle(ctx, v) {
  if (!util.types.isPromise(v)) return { value: v };
  ctx.__kviewOracleP = v;
  try {
    run(ctx, '__kviewOracleP.then('
      + 'function (v) { globalThis.__kviewOracleR = { ok: true, v: v }; },'
      + 'function (e) { globalThis.__kviewOracleR = { ok: false, v: e }; });',
    'kview-oracle-settle.js');
    const r = ctx.__kviewOracleR;
    if (r === undefined) {
      const e = new Error('promise did not settle');
      e.code = 'ERR_SCRIPT_EXECUTION_TIMEOUT';
      return { error: e };
    }
    return r.ok ? { value: r.v } : { error: r.v };
  } finally {
    delete ctx.__kviewOracleP;
    delete ctx.__kviewOracleR;
  }
}

function evalJob(job) {
  const ctx = newContext(undefined, job.code);
  let s;
  try {
    s = settle(ctx, run(ctx, job.code, 'case.js'));
  } catch (e) {
    return { throw: describeThrow(e) };
  }
  if ('error' in s) return { throw: describeThrow(s.error) };
  try {
    return { ok: guarded(ctx, encode, s.value) };
  } catch (e) {
    const d = describeThrow(e);
    const what = d.name === null ? `threw ${JSON.stringify(d.value)}` : `${d.name}: ${d.message}`;
    return { throw: { name: 'OracleEncodeError', message: what } };
  }
}

let babel = null;
let React = null;
let renderToStaticMarkup = null;
function renderJob(job) {
  if (babel === null) {
    babel = req('@babel/standalone');
    React = req('react');
    renderToStaticMarkup = req('react-dom/server').renderToStaticMarkup;
  }
  try {
    const code = babel.transform(job.source, {
      presets: [['react', { runtime: 'classic' }]],
      sourceType: 'script',
      filename: 'template.jsx',
      babelrc: false,
      configFile: false,
    }).code;
    const ctx = newContext({ React }, job.source);
    ctx.__kviewOracleGlobals = JSON.stringify(job.globals || {});
    const g = run(ctx, 'JSON.parse(__kviewOracleGlobals)', 'kview-oracle-globals.js');
    delete ctx.__kviewOracleGlobals;
    Object.assign(ctx, g);
    const s = settle(ctx, run(ctx, code, 'template.js'));
    if ('error' in s) return { throw: describeThrow(s.error) };
    return { html: guarded(ctx, renderToStaticMarkup, s.value) };
  } catch (e) {
    return { throw: describeThrow(e) };
  }
}

function main() {
  const jobs = JSON.parse(fs.readFileSync(0, 'utf8'));
  const results = jobs.map((job) => {
    if (job.kind === 'eval') return evalJob(job);
    if (job.kind === 'render') return renderJob(job);
    return { throw: { name: 'OracleError', message: `unknown job kind ${job.kind}` } };
  });
  // JSON.stringify escapes lone surrogates (\udXXX), so stdout is valid UTF-8.
  process.stdout.write(JSON.stringify(results));
}

main();
