/* kview: the Cards SDK's argument rules, read from the API description (self.KVIEW_SDK_API).
   Shared by the stub (a malformed call fails in the page) and the host (it is logged as an
   error). Functions cannot cross postMessage: the stub sends {"$fn": true} in their place. */
(function () {
  'use strict';
  var API = self.KVIEW_SDK_API;
  var byName = {};
  API.methods.forEach(function (m) { byName[m.name] = m; });
  var events = API.events.map(function (e) { return e.name; });

  function kind(v) {
    if (v === null) return 'null';
    if (Array.isArray(v)) return 'array';
    if (typeof v === 'function' || (v && typeof v === 'object' && v.$fn === true)) return 'function';
    return typeof v;
  }

  function fits(value, spec) {
    if (spec.type === 'any') return true;
    var types = Array.isArray(spec.type) ? spec.type : [spec.type];
    return types.indexOf(kind(value)) >= 0;
  }

  function enumOf(spec) { return spec.enum === 'events' ? events : spec.enum; }

  function checkValue(value, spec, where) {
    if (!fits(value, spec)) return where + ' must be ' + [].concat(spec.type).join(' or ') + ', not ' + kind(value);
    var allowed = enumOf(spec);
    if (allowed) {
      var v = spec.caseless && typeof value === 'string' ? value.toLowerCase() : value;
      if (allowed.indexOf(v) < 0) return where + ' must be one of ' + allowed.join(', ') + ', not ' + JSON.stringify(value);
    }
    if (spec.fields && kind(value) === 'object') {
      for (var key in spec.fields) {
        var f = spec.fields[key];
        if (!(key in value) || value[key] === undefined) {
          if (f.required) return where + '.' + key + ' is required';
          continue;
        }
        var err = checkValue(value[key], f, where + '.' + key);
        if (err) return err;
      }
    }
    return null;
  }

  /* Why a call is malformed (a message), or null. The legacy initialize(options, callback) and
     initialize(callback) are both fine: a function in first place shifts the arguments. */
  function check(name, args) {
    var m = byName[name];
    if (!m) return 'Kustomer.' + name + ' is not a Cards SDK method';
    var specs = m.args;
    if (name === 'initialize' && args.length === 1 && kind(args[0]) === 'function') specs = specs.slice(1);
    var required = specs.filter(function (s) { return !s.optional; }).length;
    if (args.length < required) return 'Kustomer.' + name + ' needs ' + required + ' argument' + (required === 1 ? '' : 's') + ', got ' + args.length;
    if (args.length > specs.length && !(args.length === specs.length + 1 && args[args.length - 1] === undefined)) {
      return 'Kustomer.' + name + ' takes at most ' + specs.length + ' argument' + (specs.length === 1 ? '' : 's') + ', got ' + args.length;
    }
    for (var i = 0; i < specs.length && i < args.length; i++) {
      if (args[i] === undefined && specs[i].optional) continue;
      var err = checkValue(args[i], specs[i], specs[i].name);
      if (err) return 'Kustomer.' + name + ': ' + err;
    }
    return null;
  }

  self.KViewSdk = { api: API, methods: byName, events: events, check: check, kind: kind };
})();
