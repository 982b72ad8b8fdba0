/* kview's Cards SDK stub: window.Kustomer as the real card-js gives it, answered by kview's
   host (kview-host.js) over postMessage. Served at /static/kustomer-card.js with the API
   description (self.KVIEW_SDK_API) and the argument rules (kview-sdk-check.js) before it.

   - Hosted when the page has ?parentUrl=…&id=… (Kustomer adds both); otherwise it warns that it
     runs outside the host, as the real SDK does, and every call fails.
   - Messages go to window.parent only, with parentUrl's origin as the target; messages are
     read only from window.parent with that origin and this frame's id.
   - Handshake: "hello" until the host says "welcome" (so a host that loads late, or a reload
     of this frame, still connects); calls wait for it; a call the host never answers fails
     after API.timeoutMs.
   - Unknown members (Kustomer.foo) are reported to the host's log; calling one throws a
     TypeError, as with the real SDK. Malformed calls throw a TypeError and are reported. */
(function () {
  'use strict';
  var SDK = self.KViewSdk;
  var API = SDK.api;
  var TAG = 'kview-card-sdk';
  var params = new URLSearchParams(location.search);
  var parentUrl = params.get('parentUrl');
  var frameId = params.get('id');
  var timeoutMs = Number(params.get('kviewTimeout')) || API.timeoutMs;
  var parentOrigin = null;
  try { parentOrigin = parentUrl ? new URL(parentUrl).origin : null; } catch (e) { parentOrigin = null; }
  var hosted = !!(frameId && parentOrigin && parentOrigin !== 'null' && window.parent !== window);
  if (!hosted) {
    console.warn('Kustomer Cards SDK: this page is running outside of Kustomer (no parentUrl and id query ' +
                 'parameters, or no parent window); calls will fail. Open it from kview (a widget or a DynamicCard).');
  }

  var seq = 0;
  var pending = {};
  var listeners = {};
  var welcomed = false;
  var queue = [];
  var helloTimer = null;

  function post(msg) {
    msg.tag = TAG;
    msg.id = frameId;
    window.parent.postMessage(msg, parentOrigin);
  }

  /* what crosses postMessage: functions become {$fn: true}, undefined {$undef: true}, the rest
     JSON (a value JSON cannot carry fails the call instead of arriving half-made) */
  function wire(value) {
    if (typeof value === 'function') return { $fn: true };
    if (value === undefined) return { $undef: true };
    return JSON.parse(JSON.stringify(value));
  }

  function kustomerError(code, detail) {
    return { status: 0, errors: [{ status: 0, code: code, title: code, detail: detail }] };
  }

  function call(method, args) {
    return new Promise(function (resolve, reject) {
      if (!hosted) {
        reject(kustomerError('outside_kustomer', 'Kustomer.' + method + ': the page is not hosted by Kustomer'));
        return;
      }
      var n = ++seq;
      var wired;
      try { wired = args.map(wire); } catch (e) {
        reject(kustomerError('bad_arguments', 'Kustomer.' + method + ': arguments must be JSON: ' + e.message));
        return;
      }
      var timer = setTimeout(function () {
        delete pending[n];
        reject(kustomerError('timeout', 'Kustomer.' + method + ': no answer from the host in ' + timeoutMs + ' ms'));
      }, timeoutMs);
      pending[n] = { resolve: resolve, reject: reject, timer: timer, sent: performance.now() };
      var msg = { kind: 'call', seq: n, method: method, args: wired };
      if (welcomed) post(msg); else queue.push(msg);
    });
  }

  function note(kind, detail) {
    if (!hosted) return;
    var msg = { kind: kind, detail: detail };
    if (welcomed) post(msg); else queue.push(msg);
  }

  function checked(method, args) {
    var err = SDK.check(method, args);
    if (err) {
      note('malformed', { method: method, message: err });
      throw new TypeError(err);
    }
  }

  /* A Node-style callback and a promise for the same answer: callback(err, data). */
  function both(promise, cb) {
    if (typeof cb === 'function') {
      promise.then(function (d) { cb(null, d); }, function (e) { cb(e); });
      promise.catch(function () {}); // the callback handled it
    }
    return promise;
  }

  window.addEventListener('message', function (event) {
    if (!hosted || event.source !== window.parent || event.origin !== parentOrigin) return;
    var msg = event.data;
    if (!msg || msg.tag !== TAG || msg.id !== frameId) return;
    if (msg.kind === 'welcome') {
      if (welcomed) return;
      welcomed = true;
      clearInterval(helloTimer);
      queue.splice(0).forEach(post);
    } else if (msg.kind === 'answer') {
      var p = pending[msg.seq];
      if (!p) return;
      delete pending[msg.seq];
      clearTimeout(p.timer);
      if (msg.error) p.reject(msg.error); else p.resolve(msg.data);
    } else if (msg.kind === 'event') {
      (listeners[msg.event] || []).slice().forEach(function (cb) {
        try { cb(msg.payload); } catch (e) { console.error(e); }
      });
    }
  });

  function sayHello() { post({ kind: 'hello' }); }
  if (hosted) {
    sayHello();
    helloTimer = setInterval(function () { if (!welcomed) sayHello(); }, 100);
    setTimeout(function () {
      if (!welcomed) {
        clearInterval(helloTimer);
        console.warn('Kustomer Cards SDK: no answer from ' + parentOrigin + ' (is the page framed by Kustomer or kview?)');
      }
    }, timeoutMs);
  }

  function fitHeight() {
    var root = document.documentElement;
    var body = document.body;
    var h = root.getBoundingClientRect().height;
    if (body) {
      var style = getComputedStyle(body);
      h = Math.max(h, body.getBoundingClientRect().bottom + parseFloat(style.marginBottom || '0'));
    }
    return Math.ceil(h) + 'px';
  }

  var target = {
    initialize: function () {
      var args = [].slice.call(arguments);
      checked('initialize', args);
      var cb = args.length && typeof args[args.length - 1] === 'function' ? args[args.length - 1] : null;
      return call('initialize', args).then(function (answer) {
        if (cb) cb(answer.context, answer.config);
        return answer.context;
      });
    },
    on: function (event, cb) {
      checked('on', [].slice.call(arguments));
      (listeners[event] = listeners[event] || []).push(cb);
      note('listen', { event: event, on: true });
    },
    off: function (event, cb) {
      checked('off', [].slice.call(arguments));
      listeners[event] = cb ? (listeners[event] || []).filter(function (f) { return f !== cb; }) : [];
      note('listen', { event: event, on: false });
    },
    request: function (options, cb) {
      checked('request', [].slice.call(arguments));
      return both(call('request', [options]), cb);
    },
    resize: function (size) {
      var args = [].slice.call(arguments);
      checked('resize', args);
      return call('resize', [size === undefined ? { height: fitHeight(), fit: true } : size]);
    },
    open: function () { checked('open', [].slice.call(arguments)); return call('open', []); },
    close: function () { checked('close', [].slice.call(arguments)); return call('close', []); },
    updateStatus: function (level, text) {
      checked('updateStatus', [].slice.call(arguments));
      return call('updateStatus', [level, text]);
    },
    handleTriggerToast: function (toast) {
      checked('handleTriggerToast', [].slice.call(arguments));
      return call('handleTriggerToast', [toast]);
    },
    openCustomerEvent: function (customerId, kobjectId) {
      checked('openCustomerEvent', [].slice.call(arguments));
      return call('openCustomerEvent', [customerId, kobjectId]);
    },
    command: guarded('command', {
      run: function (name, options, cb) {
        checked('command.run', [].slice.call(arguments));
        return both(call('command.run', [name, options === undefined ? {} : options]), cb);
      }
    }),
    modal: guarded('modal', {
      init: function (options, cb) {
        checked('modal.init', [].slice.call(arguments));
        return both(call('modal.init', [options]), cb);
      },
      show: function (id) { checked('modal.show', [].slice.call(arguments)); return call('modal.show', [id]); },
      destroy: function (id) { checked('modal.destroy', [].slice.call(arguments)); return call('modal.destroy', [id]); }
    })
  };

  /* Reading a member the real SDK lacks is logged by the host (calling it then throws). Names
     libraries probe on any object (then, toJSON, Symbol keys…) are not reported. */
  var QUIET = { then: 1, toJSON: 1, constructor: 1, $$typeof: 1, nodeType: 1, asymmetricMatch: 1, prototype: 1,
                length: 1, toString: 1, valueOf: 1, hasOwnProperty: 1, inspect: 1, __proto__: 1 };
  function guarded(prefix, obj) {
    return new Proxy(obj, {
      get: function (t, key) {
        if (typeof key === 'string' && !(key in t) && !QUIET[key]) {
          note('unknown', { method: (prefix ? prefix + '.' : '') + key });
        }
        return t[key];
      }
    });
  }

  window.Kustomer = guarded('', target);
})();
