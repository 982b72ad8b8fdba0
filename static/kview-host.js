/* kview's Cards SDK host: answers the postMessage calls of widget, DynamicCard and modal frames
   the way Kustomer's agent desktop does, from kview's mock store (never the network).
   Served at /static/kview-host.js with the API description and kview-sdk-check.js before it.

   Frames it hosts: iframe[data-kvh-id] (widgets, modals; the desktop page) and
   iframe[data-kv-card-id] (DynamicCards in rendered views; any gallery page). A message counts
   only when its source is such a frame's window, its origin is the frame's ("null" for pages
   kview serves sandboxed) and it carries the frame's id; anything else is refused and logged.
   Every call is logged with its arguments, answer and latency (window.kviewSdkLog too). */
(function () {
  'use strict';
  if (window.__kviewHost) return;
  window.__kviewHost = true;
  var SDK = self.KViewSdk;
  var API = SDK.api;
  var TAG = 'kview-card-sdk';
  var dataEl = document.getElementById('kvh-data');
  var DATA = dataEl ? JSON.parse(dataEl.textContent) : { kind: 'gallery', frames: [] };
  var desktop = DATA.kind === 'widget';
  var frames = new Map(); // iframe element → its state
  var modals = {}; // modal id → {opener, options, overlay, frame}
  var customerIndex = 0;
  var lastModal = null;
  var entries = [];
  window.kviewSdkLog = entries;

  /* ------------------------------------------------------------ DOM helpers */
  var h = window.kviewDom.h;  // static/dom.js

  function container(id, cls, parent) {
    var el = document.getElementById(id);
    if (!el) { el = h('div', { id: id, class: cls }); (parent || document.body).appendChild(el); }
    return el;
  }

  /* the gallery gets the panel only when a card first talks (pages without cards are untouched) */
  function chrome() {
    if (!document.getElementById('kvh-log')) {
      var panel = h('aside', { class: 'kvh-panel kvh-float', id: 'kvh-panel', 'aria-label': 'Cards SDK host' }, [
        h('section', { class: 'kvh-log-box' }, [h('h2', {}, ['Cards SDK calls']), h('ol', { class: 'kvh-log', id: 'kvh-log' })])
      ]);
      document.body.appendChild(panel);
    }
    container('kvh-toasts', 'kvh-toasts');
    container('kvh-modals', 'kvh-modals');
  }

  function short(value) {
    if (value === undefined) return '';
    var text;
    try { text = JSON.stringify(value); } catch (e) { text = String(value); }
    return text && text.length > 400 ? text.slice(0, 400) + '…' : text;
  }

  /* ------------------------------------------------------------ the log */
  // window.kviewSdkLog keeps the newest LOG_MAX entries (a widget that polls would otherwise
  // grow it, arguments and answers included, for as long as the page is open).
  var LOG_MAX = 5000;
  function log(entry) {
    chrome();
    entry.at = new Date().toISOString();
    entries.push(entry);
    if (entries.length > LOG_MAX) entries.splice(0, entries.length - LOG_MAX + 500);
    unshown.push(entry);
    if (!flushing) {
      flushing = true;
      setTimeout(showLog, 200);
    }
  }

  /* The panel takes the entries of 200 ms at once, drawn then (not on the call's path): a list
     laid out per call cost a burst of calls (or a bench) a layout of the whole list each, some
     10 ms, before the next message. */
  var SHOWN = 300;
  var unshown = [];
  var flushing = false;
  function showLog() {
    flushing = false;
    if (!unshown.length) return;
    var list = document.getElementById('kvh-log');
    var batch = document.createDocumentFragment();
    var newest = unshown.slice(-SHOWN);
    unshown = [];
    for (var i = newest.length - 1; i >= 0; i--) batch.appendChild(entryItem(newest[i]));
    list.insertBefore(batch, list.firstChild);
    while (list.children.length > SHOWN) list.removeChild(list.lastChild);
  }

  function entryItem(entry) {
    return h('li', { class: 'kvh-log-entry', 'data-status': entry.status, 'data-method': entry.method || '' }, [
      h('span', { class: 'kvh-log-method' }, [(entry.frame ? entry.frame + ' · ' : '') + (entry.method || '')]),
      entry.ms != null ? h('span', { class: 'kvh-log-ms' }, [entry.ms.toFixed(1) + ' ms' + (entry.via ? ' · ' + entry.via : '')]) : null,
      entry.args !== undefined ? h('code', { class: 'kvh-log-args' }, [short(entry.args)]) : null,
      entry.answer !== undefined ? h('code', { class: 'kvh-log-answer' }, ['→ ' + short(entry.answer)]) : null,
      entry.message ? h('span', { class: 'kvh-log-message' }, [entry.message]) : null
    ]);
  }

  /* ------------------------------------------------------------ frames */
  function originOf(el) {
    if (el.dataset.kvhOrigin) return el.dataset.kvhOrigin;
    var url;
    try { url = new URL(el.getAttribute('src') || 'about:blank', location.href); } catch (e) { return 'null'; }
    var sandboxed = el.hasAttribute('sandbox') && !/allow-same-origin/.test(el.getAttribute('sandbox'));
    if (sandboxed || (url.origin === location.origin && url.pathname.indexOf('/_kview/pages/') === 0)) return 'null';
    return url.origin;
  }

  function stateOf(el) {
    var s = frames.get(el);
    if (s) return s;
    s = { el: el, id: el.dataset.kvhId || el.dataset.kvCardId, kind: el.dataset.kvhKind || 'card',
          origin: originOf(el), widget: el.dataset.widget || null, initialized: false, pendingEvents: [] };
    if (s.kind === 'card') {
      var section = el.closest('[data-view]');
      s.view = section ? section.getAttribute('data-view') : null;
      s.scenario = new URLSearchParams(location.search).get('scenario');
      if (el.dataset.kvContext) {
        try { s.customContext = JSON.parse(el.dataset.kvContext); } catch (e) { s.customContext = undefined; }
      }
    }
    frames.set(el, s);
    return s;
  }

  function frameOf(win) {
    var all = document.querySelectorAll('iframe[data-kvh-id], iframe[data-kv-card-id]');
    for (var i = 0; i < all.length; i++) if (all[i].contentWindow === win) return stateOf(all[i]);
    return null;
  }

  function send(f, msg) {
    if (!f.el.contentWindow) return;
    msg.tag = TAG;
    msg.id = f.id;
    // a sandboxed page has the opaque origin "null", which cannot be targeted: the message
    // goes to that frame's window only (never broadcast), and carries mock data only
    f.el.contentWindow.postMessage(msg, f.origin === 'null' ? '*' : f.origin);
  }

  function emit(f, event, payload) {
    send(f, { kind: 'event', event: event, payload: payload });
    log({ status: 'event', frame: f.id, method: 'event ' + event, answer: payload });
  }

  /* ------------------------------------------------------------ the server
     The same asks go over kview's WebSocket (/_kview/sdk/socket: about 1 ms an answer) when it
     is open and by fetch() (3-6 ms in Chromium) otherwise: the first call opens the socket,
     a closed one (a server restart) is opened again by the next call. */
  var socket = null;
  var socketSeq = 0;
  var waiting = {}; // seq → {resolve, reject}

  function openSocket() {
    try {
      socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/_kview/sdk/socket');
    } catch (e) { socket = null; return; }
    var ws = socket;
    ws.onmessage = function (event) {
      var msg;
      try { msg = JSON.parse(event.data); } catch (e) { return; }
      var w = waiting[msg.seq];
      if (!w) return;
      delete waiting[msg.seq];
      w.resolve({ status: msg.status, json: msg.body, text: '' });
    };
    ws.onopen = function () { ws.opened = true; };
    ws.onclose = function () {
      if (socket === ws) socket = null;
      if (ws.opened) log({ status: 'info', method: 'socket closed', message: 'the socket to kview closed (a restart?): calls go by fetch() until the next one opens it again' });
      Object.keys(waiting).forEach(function (seq) {  // a call in flight may have been done: not resent
        waiting[seq].reject(new Error('the connection to kview closed before it answered'));
        delete waiting[seq];
      });
    };
  }

  function viaSocket(name, body) {
    var seq = ++socketSeq;
    return new Promise(function (resolve, reject) {
      waiting[seq] = { resolve: resolve, reject: reject };
      socket.send(JSON.stringify({ seq: seq, name: name, body: body }));
    });
  }

  function viaFetch(name, body) {
    return fetch('/_kview/sdk/' + name, { method: 'POST', headers: { 'Content-Type': 'application/json' },
                                          body: JSON.stringify(body), credentials: 'same-origin' })
      .then(function (r) {
        return r.text().then(function (text) {
          var json = null;
          try { json = JSON.parse(text); } catch (e) { json = null; }
          return { status: r.status, json: json, text: text || r.statusText };
        });
      });
  }

  function socketOpen() { return !!socket && socket.readyState === WebSocket.OPEN; }

  function post(name, body) {
    var open = socketOpen();
    if (!socket && 'WebSocket' in window) openSocket();
    return (open ? viaSocket(name, body) : viaFetch(name, body)).then(function (r) {
      if (r.status >= 400) {
        throw { status: r.status, errors: [{ status: r.status, code: 'kview_error', title: 'kview',
                detail: (r.json && r.json.description) || r.text }] };
      }
      return r.json;
    });
  }

  function context(f, open) {
    var ask = f.kind === 'card' ? { view: f.view, scenario: f.scenario }
      : { customer: customerIndex, open: open !== undefined ? open : isOpen(f.widget) };
    if (f.kind === 'modal') ask = { customer: customerIndex, open: true, view: f.opener && f.opener.view };
    return post('context', ask).then(function (answer) {
      if (f.customContext !== undefined) answer.context.customContext = f.customContext;
      return answer;
    });
  }

  function apiCall(options) {
    var method = String(options.method || 'get').toUpperCase();
    return post('request', { method: method, url: options.url, body: options.body })
      .then(function (answer) {
        if (answer.status >= 400) throw Object.assign({ status: answer.status }, answer.body || {});
        return answer.body && answer.body.data !== undefined ? answer.body.data : (answer.body || undefined);
      });
  }

  /* ------------------------------------------------------------ widgets */
  function section(name) { return document.querySelector('.kvh-widget[data-widget="' + CSS.escape(name || '') + '"]'); }
  function isOpen(name) { var s = section(name); return !!(s && !s.hidden); }

  function setOpen(name, open) {
    var sec = section(name);
    if (!sec) return;
    var changed = sec.hidden === open;  // an open widget told to open again hears nothing
    sec.hidden = !open;
    sec.setAttribute('data-open', open ? 'true' : 'false');
    document.querySelectorAll('.kvh-rail-item[data-widget="' + CSS.escape(name) + '"]').forEach(function (b) {
      b.setAttribute('aria-pressed', open ? 'true' : 'false');
    });
    var frame = sec.querySelector('iframe');
    if (open && frame && !frame.getAttribute('src') && frame.dataset.src) frame.setAttribute('src', frame.dataset.src);
    var f = frame ? stateOf(frame) : null;
    if (f && f.initialized && changed) {
      context(f, open).then(function (a) { emit(f, 'context', a.context); });
    }
  }

  /* ------------------------------------------------------------ presentation */
  function toast(type, message) {
    chrome();
    var el = h('div', { class: 'kvh-toast', 'data-type': type, role: 'status' }, [message]);
    document.getElementById('kvh-toasts').appendChild(el);
    setTimeout(function () { el.remove(); }, 6000);
  }

  function statusOf(f) {
    var holder = f.el.closest('.kvh-widget');
    var el = holder ? holder.querySelector('.kvh-status') : f.el.previousElementSibling;
    if (!el || !el.classList.contains('kvh-status')) {
      el = h('div', { class: 'kvh-status', 'data-kv-host': '' });  // not the render's: morph.js leaves it
      f.el.parentNode.insertBefore(el, f.el);
    }
    return el;
  }

  function cssSize(v) { return typeof v === 'number' || /^\d+(\.\d+)?$/.test(String(v)) ? v + 'px' : String(v); }

  /* ------------------------------------------------------------ modals */
  function showModal(m) {
    chrome();
    if (m.overlay) { m.overlay.hidden = false; if (m.frame && m.frame.initialized) emit(m.frame, 'modal_show', { id: m.options.id }); return; }
    var o = m.options;
    var opener = m.opener;
    var url = new URL(o.url, opener.el.src);
    var frameId = 'kv-modal-' + o.id;
    url.searchParams.set('parentUrl', location.href);
    url.searchParams.set('id', frameId);
    var attrs = { class: 'kvh-modal-frame', 'data-kvh-id': frameId, 'data-kvh-kind': 'modal', src: url.href, title: o.title || o.id };
    var local = url.origin === location.origin && url.pathname.indexOf('/_kview/pages/') === 0;
    if (local || opener.origin === 'null') attrs.sandbox = 'allow-scripts allow-forms allow-popups allow-modals';
    attrs['data-kvh-origin'] = local || opener.origin === 'null' ? 'null' : url.origin;
    var iframe = h('iframe', attrs);
    if (o.height) iframe.style.height = cssSize(o.height);
    var closeBtn = h('button', { type: 'button', class: 'kvh-modal-close', 'aria-label': 'Close ' + (o.title || o.id) }, ['×']);
    var dialog = h('div', { class: 'kvh-modal', role: 'dialog', 'aria-label': o.title || o.id, 'data-modal': o.id }, [
      h('header', { class: 'kvh-modal-head' }, [h('span', {}, [o.title || o.id]), closeBtn]), iframe
    ]);
    if (o.width) dialog.style.width = cssSize(o.width);
    m.overlay = h('div', { class: 'kvh-modal-backdrop' }, [dialog]);
    closeBtn.addEventListener('click', function () { hideModal(m); });
    document.getElementById('kvh-modals').appendChild(m.overlay);
    m.frame = stateOf(iframe);
    m.frame.opener = opener;
    m.frame.modal = m;
    lastModal = m;
  }

  function hideModal(m) {
    if (!m.overlay || m.overlay.hidden) return;
    m.overlay.hidden = true;
    if (m.frame && m.frame.initialized) emit(m.frame, 'modal_hide', { id: m.options.id });
    emit(m.opener, 'modal_hide', { id: m.options.id });
  }

  function destroyModal(m) {
    if (m.overlay) m.overlay.remove();
    delete modals[m.options.id];
    if (lastModal === m) lastModal = null;
    emit(m.opener, 'modal_close', { id: m.options.id });
  }

  function kustomerError(status, code, detail) {
    return { status: status, errors: [{ status: status, code: code, title: code, detail: detail }] };
  }

  /* ------------------------------------------------------------ the methods */
  var handlers = {
    initialize: function (f) {
      return context(f).then(function (answer) {
        f.initialized = true;
        if (f.kind === 'modal' && f.modal) {
          setTimeout(function () {
            emit(f, 'modal_initialize', { modalAdditionalData: f.modal.options.additionalData });
            emit(f, 'modal_show', { id: f.modal.options.id });
          }, 0);
        }
        return answer;
      });
    },
    request: function (f, args) { return apiCall(args[0]); },
    'command.run': function (f, args) {
      var name = args[0];
      var opts = args[1] || {};
      return apiCall({ method: 'post', url: '/v1/commands/' + encodeURIComponent(name) + '/run', body: opts })
        .then(function (data) { return data && data.attributes ? data.attributes : data; });
    },
    resize: function (f, args) {
      var size = args[0] || {};
      var target = f.el;
      // the rendered size stays on record: a re-render that keeps it keeps this one (morph.js)
      if (!target.hasAttribute('data-kv-was-style')) target.setAttribute('data-kv-was-style', target.getAttribute('style') || '');
      if (size.height !== undefined) {
        target.style.height = cssSize(size.height);
        var sec = f.el.closest('.kvh-widget');
        if (sec) { sec.style.height = 'auto'; target.style.flex = 'none'; }
      }
      if (size.width !== undefined) target.style.width = cssSize(size.width);
      return Promise.resolve();
    },
    open: function (f) {
      if (f.kind === 'widget') setOpen(f.widget, true); else f.el.hidden = false;
      return Promise.resolve();
    },
    close: function (f) {
      if (f.kind === 'widget') setOpen(f.widget, false); else if (f.kind === 'modal' && f.modal) hideModal(f.modal); else f.el.hidden = true;
      return Promise.resolve();
    },
    updateStatus: function (f, args) {
      var el = statusOf(f);
      el.hidden = false;
      el.setAttribute('data-level', args[0]);
      el.textContent = args[1];
      return Promise.resolve();
    },
    handleTriggerToast: function (f, args) { toast(args[0].type, args[0].message); return Promise.resolve(); },
    openCustomerEvent: function (f, args) {
      toast('info', 'Kustomer would open KObject ' + args[1] + ' on the timeline of customer ' + args[0]);
      return Promise.resolve();
    },
    'modal.init': function (f, args) {
      var o = args[0];
      if (!modals[o.id] && Object.keys(modals).length >= API.maxModals) {
        return Promise.reject(kustomerError(400, 'too_many_modals', 'at most ' + API.maxModals + ' modals can be registered; destroy one first'));
      }
      if (modals[o.id] && modals[o.id].overlay) modals[o.id].overlay.remove();
      modals[o.id] = { opener: f, options: o, overlay: null, frame: null };
      return Promise.resolve();
    },
    'modal.show': function (f, args) {
      var m = modals[args[0]];
      if (!m) return Promise.reject(kustomerError(404, 'modal_not_found', 'no modal ' + JSON.stringify(args[0]) + ' was registered with modal.init'));
      showModal(m);
      return Promise.resolve();
    },
    'modal.destroy': function (f, args) {
      var m = modals[args[0]];
      if (!m) return Promise.reject(kustomerError(404, 'modal_not_found', 'no modal ' + JSON.stringify(args[0]) + ' was registered with modal.init'));
      destroyModal(m);
      return Promise.resolve();
    }
  };

  var SERVED = { initialize: true, request: true, 'command.run': true };  // answered by kview's server

  function unwire(v) {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      if (v.$undef === true) return undefined;
    }
    return v;
  }

  function handle(f, msg) {
    var t0 = performance.now();
    var args = Array.isArray(msg.args) ? msg.args.map(unwire) : [];
    var entry = { frame: f.id, method: msg.method, args: args };
    if (SERVED[msg.method]) entry.via = socketOpen() ? 'socket' : 'fetch';
    var problem = typeof msg.method !== 'string' ? 'a call without a method name' : SDK.check(msg.method, args);
    var run = !problem && handlers[msg.method];
    if (!run && !problem) problem = 'Kustomer.' + msg.method + ' is not answered by the host';
    var done = problem ? Promise.reject(kustomerError(400, 'bad_request', problem))
      : Promise.resolve().then(function () { return run(f, args); });
    done.then(function (data) {
      send(f, { kind: 'answer', seq: msg.seq, data: data });
      entry.status = 'ok';
      entry.answer = data;
    }, function (error) {
      var err = error && error.errors ? error : kustomerError(500, 'host_error', String(error && error.message || error));
      send(f, { kind: 'answer', seq: msg.seq, error: err });
      entry.status = 'error';
      entry.answer = err;
      entry.message = problem || (err.errors[0] && err.errors[0].detail) || '';
    }).then(function () {
      entry.ms = performance.now() - t0;
      log(entry);
    });
  }

  window.addEventListener('message', function (event) {
    var msg = event.data;
    if (!msg || typeof msg !== 'object' || msg.tag !== TAG) return;
    var f = frameOf(event.source);
    var what = msg.method || msg.kind;
    if (!f) {
      log({ status: 'refused', method: what, message: 'refused: a message from ' + event.origin + ' that is not a hosted frame' });
      return;
    }
    if (event.origin !== f.origin) {
      log({ status: 'refused', frame: f.id, method: what, message: 'refused: a message from ' + event.origin + ' in a frame of ' + f.origin });
      return;
    }
    if (msg.id !== f.id) {
      log({ status: 'refused', frame: f.id, method: what, message: 'refused: id ' + JSON.stringify(msg.id) + ' is not this frame\'s' });
      return;
    }
    if (msg.kind === 'hello') {
      send(f, { kind: 'welcome' });
      log({ status: 'info', frame: f.id, method: 'connected', message: 'the page loaded the SDK (' + f.kind + ')' });
    } else if (msg.kind === 'call') {
      handle(f, msg);
    } else if (msg.kind === 'listen') {
      log({ status: 'ok', frame: f.id, method: msg.detail.on ? 'on' : 'off', args: [msg.detail.event] });
    } else if (msg.kind === 'unknown') {
      log({ status: 'error', frame: f.id, method: msg.detail.method, message: 'Kustomer.' + msg.detail.method + ' is not a Cards SDK method (calling it throws a TypeError)' });
    } else if (msg.kind === 'malformed') {
      log({ status: 'error', frame: f.id, method: msg.detail.method, message: msg.detail.message });
    } else {
      log({ status: 'error', frame: f.id, method: String(msg.kind), message: 'unknown message kind' });
    }
  });

  /* ------------------------------------------------------------ the desktop's controls */
  function currentWidget() {
    var open = document.querySelector('.kvh-widget:not([hidden])');
    return open ? open.getAttribute('data-widget') : DATA.current;
  }

  document.addEventListener('click', function (event) {
    var el = event.target.closest('[data-widget].kvh-rail-item, .kvh-widget-close, .kvh-rail-menu-button, [data-kvh-action]');
    if (!el) return;
    if (el.classList.contains('kvh-rail-menu-button')) {
      var menu = document.getElementById('kvh-rail-menu');
      menu.hidden = !menu.hidden;
      el.setAttribute('aria-expanded', menu.hidden ? 'false' : 'true');
    } else if (el.classList.contains('kvh-widget-close')) {
      setOpen(el.getAttribute('data-widget'), false);
    } else if (el.classList.contains('kvh-rail-item')) {
      var name = el.getAttribute('data-widget');
      var opening = !isOpen(name);
      document.querySelectorAll('.kvh-widget').forEach(function (s) {
        var n = s.getAttribute('data-widget');
        if (n !== name && !s.hidden) setOpen(n, false);
      });
      setOpen(name, opening);
    } else {
      action(el.getAttribute('data-kvh-action'));
    }
  });

  function initializedFrames() {
    var out = [];
    frames.forEach(function (f) { if (f.initialized && f.el.isConnected) out.push(f); });
    return out;
  }

  function action(name) {
    if (name === 'next-customer') {
      customerIndex += 1;
      initializedFrames().forEach(function (f) {
        if (f.kind !== 'card') context(f).then(function (a) { emit(f, 'context', a.context); });
      });
    } else if (name === 'toggle-widget') {
      var w = currentWidget();
      setOpen(w, !isOpen(w));
    } else if (name === 'reset-store') {
      post('reset', {}).then(function (a) {
        log({ status: 'info', method: 'reset', message: 'store reset' + (a.views.length ? '; re-rendering ' + a.views.join(', ') : '') });
      });
    } else if (name === 'modal-event') {
      var event = document.getElementById('kvh-modal-event').value;
      var m = lastModal;
      if (!m) { log({ status: 'error', method: event, message: 'no modal is open: open one with modal.init and modal.show' }); return; }
      var payload = event === 'modal_initialize' ? { modalAdditionalData: m.options.additionalData } : { id: m.options.id };
      emit(m.frame, event, payload);
    } else if (name === 'clear-log') {
      unshown = [];
      document.getElementById('kvh-log').textContent = '';
    }
  }

  /* ------------------------------------------------------------ DynamicCards from the app folder */
  // A DynamicCard whose src ends in /<name> is framed from widgets/<name>/ when the app folder
  // has that page (DATA.pages, from the server): the page deployed elsewhere, worked on here.
  // The card keeps its query (parentUrl, id); the rendered src stays in data-kv-was-src, so a
  // re-render that still asks for it keeps this frame (morph.js).
  var PAGES = DATA.pages || {};
  function localCard(el) {
    var url;
    try { url = new URL(el.getAttribute('src') || '', location.href); } catch (e) { return; }
    if (url.origin === location.origin || !/^https?:$/.test(url.protocol)) return;
    var name = url.pathname.replace(/\/+$/, '').split('/').pop();
    if (!name || !Object.prototype.hasOwnProperty.call(PAGES, name)) return;
    var local = new URL(PAGES[name], location.href);
    // a fresh iframe: the first one's navigation to the deployed URL may still be under way
    var fresh = el.cloneNode(false);
    fresh.setAttribute('data-kv-was-src', el.getAttribute('src'));
    fresh.setAttribute('src', local.pathname + url.search);
    el.replaceWith(fresh);
  }
  function localCards(root) { root.querySelectorAll('iframe[data-kv-card-id][src]').forEach(localCard); }
  if (Object.keys(PAGES).length) {
    localCards(document);
    new MutationObserver(function (records) {  // previews patched or swapped in by reload.js
      records.forEach(function (r) {
        if (r.type === 'attributes') { if (r.target.matches('iframe[data-kv-card-id][src]')) localCard(r.target); return; }
        r.addedNodes.forEach(function (n) {
          if (n.nodeType !== 1) return;
          if (n.matches('iframe[data-kv-card-id][src]')) localCard(n); else localCards(n);
        });
      });
    }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['src'] });
  }

  /* ------------------------------------------------------------ hot reload of local pages */
  // A change to widgets/<name>/… reloads the frames showing that page (widgets, modals,
  // DynamicCards); a change to the app's definition reloads every widget of the desktop.
  function pageOf(el) {
    var m = /^\/_kview\/pages\/[^/]+\/([^/]+)\//.exec(new URL(el.getAttribute('src') || '', location.href).pathname);
    return m ? decodeURIComponent(m[1]) : null;
  }
  function reloadFrame(el) {
    var f = frames.get(el);
    if (f) f.initialized = false;
    el.setAttribute('src', el.getAttribute('src'));
  }
  function onPush(data) {
    var pages = data.pages || [];
    var all = desktop && data.all;  // a data change (the store) names views: the pages stay
    if (!all && !pages.length) return;
    var hit = [];
    document.querySelectorAll('iframe[data-kvh-id][src], iframe[data-kv-card-id][src]').forEach(function (el) {
      var page = pageOf(el);
      if (all ? el.matches('.kvh-frame[sandbox]') : page !== null && pages.indexOf(page) >= 0) hit.push(el);
    });
    if (!hit.length) return;
    log({ status: 'info', method: 'reload', message: (all ? 'app files' : 'widgets/' + pages.join(', widgets/')) +
      ' changed: reloading ' + hit.length + (hit.length === 1 ? ' frame' : ' frames') });
    hit.forEach(reloadFrame);
    if (all) Object.keys(modals).forEach(function (id) { destroyModal(modals[id]); });
  }
  if (window.__kviewReload) {  // a gallery page: reload.js holds the connection
    document.addEventListener('kview:push', function (event) { onPush(event.detail || {}); });
  } else if (document.body.getAttribute('data-reload') === 'on' && window.EventSource) {
    new EventSource('/events').addEventListener('reload', function (event) {
      var data = {};
      try { data = JSON.parse(event.data); } catch (e) { data = {}; }
      onPush(data);
    });
  }

  if (desktop) {
    document.querySelectorAll('.kvh-widget:not([hidden])').forEach(function (s) {
      setOpen(s.getAttribute('data-widget'), true);
    });
  }
})();
