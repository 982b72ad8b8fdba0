#!/usr/bin/env node
// Writes renderer/js/builtins/datetime_data.py: Intl.DateTimeFormat patterns (what
// Date.prototype.toLocale*String and Intl.DateTimeFormat show) for the locales kview does not
// format by hand, read out of Node's own ICU (Node 20, full ICU) by formatting known dates.
// kview never runs Node at render time: this table is Node's data, frozen as a Python literal.
//
// Regenerate (from the repository root, with the Node the differential tests use):
//     node tools/gen_date_data.js > renderer/js/builtins/datetime_data.py
// then run tests/js/test_intl_datetime_locales.py (it compares kview with this Node).
//
// Per locale tag:
//   date[skeleton]   [pattern, glue]: the date fields alone, and the text ICU puts between
//                    them and the time fields when both are asked for
//   time[skeleton]   pattern of the time fields (hour, minute, second; hour12 default/true/false)
//   wtime[W][time]   whole pattern of a weekday alone with time fields, where CLDR has one
//                    ("EHm": "E HH:mm") instead of date + glue + time
//   style[d|t]       pattern of dateStyle d / timeStyle t ("-" for none)
//   utc              [short, long] name of UTC (timeZoneName, timeStyle long/full)
//   cycle            the default hour cycle (resolvedOptions().hourCycle)
// A skeleton is the options in a fixed order, each as a letter and a width: W weekday,
// Y year, M month, D day, H hour, m minute, s second; n numeric, 2 2-digit, N narrow, s short,
// l long; a time skeleton ends in |d, |t or |f (hour12 default, true, false).
// A pattern is literal text and {field:...} tokens: {year:n|2} {month:n|2} {month:#<names>}
// {day:n|2} {weekday:#<names>} {hour:<cycle>:n|2} {minute:n|2} {second:n|2}
// {dayPeriod:#<names>} {timeZoneName:short|long}; <names> is an index into NAMES, the lists of
// month (12), weekday (7, Sunday first) and day period (AM, PM) names of all locales.
// A regional tag (fr-CA) holds only what differs from its language (fr): a dict with the
// language's keys only the keys that differ, {$whole: dict} a dict replaced whole.

'use strict';

const LANGS = {
  en: ['US', 'GB', 'CA', 'AU', 'NZ', 'IE', 'IN', 'ZA', 'SG', 'PH'],
  fr: ['FR', 'CA', 'BE', 'CH', 'LU'],
  es: ['ES', 'MX', 'AR', 'CO', 'CL', 'PE', 'US', '419'],
  de: ['DE', 'AT', 'CH', 'LU'],
  pt: ['BR', 'PT'],
  it: ['IT', 'CH'],
  nl: ['NL', 'BE'],
  ja: ['JP'],
};
const W = { N: 'narrow', s: 'short', l: 'long' };
const NUM = { n: 'numeric', 2: '2-digit' };
const REF = Date.UTC(2024, 2, 5, 4, 6, 7, 89); // Tuesday 5 March 2024, 04:06:07.089 UTC

function dateSkeletons() {
  const out = [];
  for (const w of ['', 'N', 's', 'l']) {
    for (const y of ['', 'n', '2']) {
      for (const m of ['', 'n', '2', 'N', 's', 'l']) {
        for (const d of ['', 'n', '2']) {
          const opts = {};
          const key = [];
          if (w) { opts.weekday = W[w]; key.push('W' + w); }
          if (y) { opts.year = NUM[y]; key.push('Y' + y); }
          if (m) { opts.month = NUM[m] || W[m]; key.push('M' + m); }
          if (d) { opts.day = NUM[d]; key.push('D' + d); }
          if (key.length) out.push([key.join(','), opts]);
        }
      }
    }
  }
  return out;
}

function timeSkeletons() {
  const out = [];
  for (const h of ['', 'n', '2']) {
    for (const mi of ['', 'n', '2']) {
      for (const s of ['', 'n', '2']) {
        for (const h12 of h ? ['d', 't', 'f'] : ['d']) {
          const opts = {};
          const key = [];
          if (h) { opts.hour = NUM[h]; key.push('H' + h); }
          if (mi) { opts.minute = NUM[mi]; key.push('m' + mi); }
          if (s) { opts.second = NUM[s]; key.push('s' + s); }
          if (!key.length) continue;
          if (h12 !== 'd') opts.hour12 = h12 === 't';
          out.push([key.join(',') + '|' + h12, opts]);
        }
      }
    }
  }
  return out;
}

// Name lists, shared by all locales so that a region's patterns equal its language's.
const names = [];

function make(tag) {
  const nameIndex = (list) => {
    const k = JSON.stringify(list);
    let i = names.findIndex((l) => JSON.stringify(l) === k);
    if (i < 0) { names.push(list); i = names.length - 1; }
    return i;
  };
  const fmt = (opts) => new Intl.DateTimeFormat(tag, { timeZone: 'UTC', ...opts });
  const partOf = (opts, t, type) => fmt(opts).formatToParts(t).find((p) => p.type === type).value;

  function pattern(opts) {
    const f = fmt(opts);
    let out = '';
    for (const p of f.formatToParts(REF)) {
      const v = p.value;
      switch (p.type) {
        case 'literal': out += v; break;
        case 'year': out += `{year:${v.length === 2 ? '2' : 'n'}}`; break;
        case 'day': out += `{day:${v.length === 2 ? '2' : 'n'}}`; break;
        case 'minute': out += `{minute:${v.length === 2 ? '2' : 'n'}}`; break;
        case 'second': out += `{second:${v.length === 2 ? '2' : 'n'}}`; break;
        case 'month':
          if (/^\d+$/.test(v)) out += `{month:${v.length === 2 ? '2' : 'n'}}`;
          else {
            const list = [];
            for (let m = 0; m < 12; m++) list.push(partOf(opts, Date.UTC(2024, m, 5, 4), 'month'));
            out += `{month:#${nameIndex(list)}}`;
          }
          break;
        case 'weekday': {
          const list = [];
          for (let d = 0; d < 7; d++) list.push(partOf(opts, Date.UTC(2024, 2, 3 + d, 4), 'weekday'));
          out += `{weekday:#${nameIndex(list)}}`;
          break;
        }
        case 'hour': {
          const h0 = partOf(opts, Date.UTC(2024, 2, 5, 0, 6), 'hour');
          const h12 = partOf(opts, Date.UTC(2024, 2, 5, 12, 6), 'hour');
          const cycle = h0 === '12' ? 'h12' : h0 === '24' ? 'h24' : /^0+$/.test(h12) ? 'h11' : 'h23';
          out += `{hour:${cycle}:${v.length === 2 ? '2' : 'n'}}`;
          break;
        }
        case 'dayPeriod': {
          const list = [partOf(opts, Date.UTC(2024, 2, 5, 4), 'dayPeriod'),
            partOf(opts, Date.UTC(2024, 2, 5, 16), 'dayPeriod')];
          out += `{dayPeriod:#${nameIndex(list)}}`;
          break;
        }
        case 'timeZoneName': out += `{timeZoneName:${v === utc[0] ? 'short' : 'long'}}`; break;
        default: throw new Error(`${tag}: unexpected part ${p.type}`);
      }
    }
    return out;
  }

  const utc = [partOf({ timeZoneName: 'short' }, REF, 'timeZoneName'),
    partOf({ timeZoneName: 'long' }, REF, 'timeZoneName')];
  const date = {};
  const time = {};
  const style = {};
  const times = timeSkeletons();
  for (const [key, opts] of times) time[key] = pattern(opts);
  const wtime = {};
  for (const [key, opts] of dateSkeletons()) {
    const d = pattern(opts);
    // The glue: what sits between the date and the time (the commonest over the time skeletons).
    // Only a weekday alone has whole patterns with a time in CLDR ("EHm": "E HH:mm"): those
    // combinations, where not date + glue + time, are kept whole in wtime.
    const checks = /^W.$/.test(key) ? times : times.filter(([k]) => ['Hn,m2|d', 'H2,m2,s2|f', 'Hn|t', 'Hn,mn|d'].includes(k));
    const combined = {};
    const glues = {};
    for (const [tk, topts] of checks) {
      const t = time[tk];
      const both = pattern({ ...opts, ...topts });
      combined[tk] = both;
      const g = both.startsWith(d) && both.endsWith(t) ? both.slice(d.length, both.length - t.length) : null;
      if (g !== null) glues[g] = (glues[g] || 0) + 1;
    }
    const glue = Object.keys(glues).sort((a, b) => glues[b] - glues[a])[0] ?? null;
    for (const [tk] of checks) {
      if (combined[tk] !== d + glue + time[tk]) {
        if (!/^W.$/.test(key)) throw new Error(`${tag}: ${key} + ${tk} is not date + glue + time`);
        wtime[key] = wtime[key] || {};
        wtime[key][tk] = combined[tk];
      }
    }
    date[key] = [d, glue];
  }
  for (const ds of ['-', 'full', 'long', 'medium', 'short']) {
    for (const ts of ['-', 'full', 'long', 'medium', 'short']) {
      if (ds === '-' && ts === '-') continue;
      const opts = {};
      if (ds !== '-') opts.dateStyle = ds;
      if (ts !== '-') opts.timeStyle = ts;
      style[`${ds}|${ts}`] = pattern(opts);
    }
  }
  const cycle = new Intl.DateTimeFormat(tag, { hour: 'numeric' }).resolvedOptions().hourCycle;
  return { date, time, wtime, style, utc, cycle };
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const isDict = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
function diff(d, base) {
  if (!isDict(d) || !isDict(base)) return d;
  if (!same(Object.keys(d).sort(), Object.keys(base).sort())) return { $whole: d };
  const out = {};
  for (const k of Object.keys(d)) if (!same(d[k], base[k])) out[k] = diff(d[k], base[k]);
  return out;
}

const locales = {};
for (const [lang, regions] of Object.entries(LANGS)) {
  const base = make(lang);
  locales[lang] = base;
  for (const r of regions) {
    const tag = `${lang}-${r}`;
    if (new Intl.DateTimeFormat(tag).resolvedOptions().locale !== tag) continue;
    const d = make(tag);
    locales[tag] = diff(d, base);
  }
}

function py(v, indent) {
  const pad = ' '.repeat(indent);
  if (typeof v === 'string') {
    return JSON.stringify(v).replace(/[\u0080-\uffff]/g, (c) => {
      return /[\s\u200e\u200f]/.test(c) ? '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0') : c;
    });
  }
  if (v === null) return 'None';
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    const flat = '[' + v.map((x) => py(x, 0)).join(', ') + ']';
    if (flat.length + indent < 90 && !flat.includes('\n')) return flat;
    return '[\n' + v.map((x) => pad + '    ' + py(x, indent + 4) + ',\n').join('') + pad + ']';
  }
  const keys = Object.keys(v);
  const flat = '{' + keys.map((k) => `${py(k, 0)}: ${py(v[k], 0)}`).join(', ') + '}';
  if (flat.length + indent < 90 && !flat.includes('\n')) return flat;
  return '{\n' + keys.map((k) => `${pad}    ${py(k, 0)}: ${py(v[k], indent + 4)},\n`).join('') + pad + '}';
}

process.stdout.write(`"""Intl.DateTimeFormat patterns per locale, read out of ICU.

GENERATED by tools/gen_date_data.js from Node ${process.version} (ICU ${process.versions.icu},
CLDR ${process.versions.cldr}); do not edit. Regenerate with
\`\`node tools/gen_date_data.js > renderer/js/builtins/datetime_data.py\`\`. The script's header
explains the skeleton keys and the pattern tokens.
"""

from __future__ import annotations

from typing import Any

NAMES: list[list[str]] = ${py(names, 0)}

LOCALES: dict[str, dict[str, Any]] = ${py(locales, 0)}
`);
