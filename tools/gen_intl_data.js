#!/usr/bin/env node
// Writes renderer/js/builtins/intl_data.py: the CLDR data kview's Intl.RelativeTimeFormat,
// Intl.PluralRules and Intl.ListFormat use, read out of Node's own ICU (Node 20, full ICU).
// kview never runs Node at render time: this table is Node's data, frozen as a Python literal.
//
// Regenerate (from the repository root, with the Node the differential tests use):
//     node tools/gen_intl_data.js > renderer/js/builtins/intl_data.py
// then run tests/js/test_intl_relative_plural_list.py (it compares kview with this Node).
//
// What is read, per locale tag:
//   rtf[style][unit]  {future: {category: [prefix, suffix]}, past: {...}, auto: {offset: word}}
//                     prefix/suffix are the text around the number in formatToParts
//   list[type][style] {pair, start, middle, end}: "{0}…{1}" patterns got by formatting
//                     placeholders (ICU's own list patterns)
//   plural[type]      {categories: resolvedOptions().pluralCategories,
//                     ranges: {start category: {end category: selectRange's category}}}
//   num               [decimal, group, minimumGroupingDigits, 'standard'|'indian' grouping] of
//                     the default NumberFormat
// A regional tag (fr-CA) is listed only if ICU knows it (resolvedOptions keeps the region), with
// only what differs from its language (fr): a dict with the same keys as the language's is
// stored key by key, a dict with other keys whole as {$whole: dict}, anything else whole. Its `resolved` names the locale an API reports when
// that is not the tag itself ({plural: 'fr'}: ICU's plural rules are per language).

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
const UNITS = ['second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year'];
const STYLES = ['long', 'short', 'narrow'];
const LIST_TYPES = ['conjunction', 'disjunction', 'unit'];
// Numbers tried to find one of each plural category (the number shown does not matter).
const SAMPLES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 21, 22, 100, 1000000, 1.5, 0.5, 2.5];

function around(parts) {
  const i = parts.findIndex((p) => p.type !== 'literal');
  let j = parts.length - 1;
  while (parts[j].type === 'literal') j--;
  const text = (ps) => ps.map((p) => p.value).join('');
  return [text(parts.slice(0, i)), text(parts.slice(j + 1))];
}

function rtfData(tag) {
  const out = {};
  const pr = new Intl.PluralRules(tag);
  const samples = {};
  for (const n of SAMPLES) {
    const c = pr.select(n);
    if (!(c in samples)) samples[c] = n;
  }
  for (const style of STYLES) {
    out[style] = {};
    const always = new Intl.RelativeTimeFormat(tag, { style });
    const auto = new Intl.RelativeTimeFormat(tag, { style, numeric: 'auto' });
    for (const unit of UNITS) {
      const u = { future: {}, past: {}, auto: {} };
      for (const c of Object.keys(samples).sort()) {
        u.future[c] = around(always.formatToParts(samples[c], unit));
        u.past[c] = around(always.formatToParts(-samples[c], unit));
      }
      for (let k = -3; k <= 3; k++) {
        const parts = auto.formatToParts(k, unit);
        if (parts.every((p) => p.type === 'literal')) u.auto[String(k)] = parts[0].value;
      }
      out[style][unit] = u;
    }
  }
  return out;
}

function listData(tag) {
  const out = {};
  const ph = ['{0}', '{1}', '{2}', '{3}'];
  for (const type of LIST_TYPES) {
    out[type] = {};
    for (const style of STYLES) {
      const lf = new Intl.ListFormat(tag, { type, style });
      const two = lf.format(ph.slice(0, 2));
      const three = lf.format(ph.slice(0, 3));
      const four = lf.format(ph.slice(0, 4));
      // three = start("{0}", end("{1}", "{2}")); four adds a middle.
      const endAt = three.indexOf('{1}');
      const start = three.slice(0, endAt) + '{1}';
      const end = three.slice(endAt).replace('{1}', '{0}').replace('{2}', '{1}');
      const m = four.slice(four.indexOf('{1}'), four.indexOf('{2}') + 3);
      const middle = m.replace('{1}', '{0}').replace('{2}', '{1}');
      out[type][style] = { pair: two, start, middle, end };
    }
  }
  return out;
}

function numData(tag) {
  const parts = new Intl.NumberFormat(tag).formatToParts(1234567.5);
  const get = (t) => parts.find((p) => p.type === t).value;
  const minGrouping = new Intl.NumberFormat(tag).format(1234).length === 4 ? 2 : 1;
  const groups = new Intl.NumberFormat(tag).formatToParts(12345678).filter((p) => p.type === 'group');
  const indian = groups.length === 3 ? 'indian' : 'standard';
  return [get('decimal'), get('group'), minGrouping, indian];
}

function pluralData(tag) {
  const out = {};
  for (const type of ['cardinal', 'ordinal']) {
    const pr = new Intl.PluralRules(tag, { type });
    const samples = {};
    for (const n of SAMPLES) {
      const c = pr.select(n);
      if (!(c in samples)) samples[c] = n;
    }
    const ranges = {};
    for (const a of Object.keys(samples).sort()) {
      ranges[a] = {};
      for (const b of Object.keys(samples).sort()) {
        ranges[a][b] = pr.selectRange(samples[a], samples[b]);
      }
    }
    out[type] = { categories: pr.resolvedOptions().pluralCategories, ranges };
  }
  return out;
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const isDict = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

// What of `d` differs from `base`: dicts with the same keys are compared key by key, anything
// else is kept whole (intl_data's reader merges it back over the language's data).
function diff(d, base) {
  if (!isDict(d) || !isDict(base)) return d;
  if (!same(Object.keys(d).sort(), Object.keys(base).sort())) return { $whole: d };
  const out = {};
  for (const k of Object.keys(d)) if (!same(d[k], base[k])) out[k] = diff(d[k], base[k]);
  return out;
}

const locales = {};
for (const [lang, regions] of Object.entries(LANGS)) {
  const base = { rtf: rtfData(lang), list: listData(lang), num: numData(lang), plural: pluralData(lang) };
  locales[lang] = base;
  for (const r of regions) {
    const tag = `${lang}-${r}`;
    if (new Intl.RelativeTimeFormat(tag).resolvedOptions().locale !== tag) continue;
    const d = { rtf: rtfData(tag), list: listData(tag), num: numData(tag), plural: pluralData(tag) };
    const entry = diff(d, base);
    // ICU has some data only per language: PluralRules('de-AT') resolves to 'de'.
    const resolved = {
      rtf: new Intl.RelativeTimeFormat(tag).resolvedOptions().locale,
      plural: new Intl.PluralRules(tag).resolvedOptions().locale,
      list: new Intl.ListFormat(tag).resolvedOptions().locale,
    };
    for (const k of Object.keys(resolved)) if (resolved[k] === tag) delete resolved[k];
    if (Object.keys(resolved).length) entry.resolved = resolved;
    locales[tag] = entry;
  }
}

function py(v, indent) {
  const pad = ' '.repeat(indent);
  if (typeof v === 'string') {
    return JSON.stringify(v).replace(/[\u0080-\uffff]/g, (c) => {
      return /[\s\u200e\u200f]/.test(c) ? '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0') : c;
    });
  }
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

const header = `"""CLDR data for Intl.RelativeTimeFormat, Intl.PluralRules and Intl.ListFormat.

GENERATED by tools/gen_intl_data.js from Node ${process.version} (ICU ${process.versions.icu},
CLDR ${process.versions.cldr}); do not edit. Regenerate with
\`\`node tools/gen_intl_data.js > renderer/js/builtins/intl_data.py\`\`.

\`\`LOCALES[tag]\`\` holds, for a language (\`\`fr\`\`), all of: \`\`rtf\`\`
(style -> unit -> {future|past: {plural category: [prefix, suffix]}, auto: {offset: word}}),
\`\`list\`\` (type -> style -> {pair, start, middle, end} patterns), \`\`num\`\` ([decimal, group,
minimum grouping digits, "standard" or "indian" grouping]) and \`\`plural\`\` (type ->
{categories, ranges: {start category: {end category: category}}}); for a region ICU knows
(\`\`fr-CA\`\`) only what differs from its language (a dict with the language's keys holds only
the keys that differ; {"$whole": dict} replaces a dict; anything else is whole), and in
\`\`resolved\`\` ({"rtf"|"plural"|"list": locale}) the locale an API's resolvedOptions() reports
when it is not the tag.
"""

from __future__ import annotations

from typing import Any

ICU_VERSION = ${JSON.stringify(process.versions.icu)}
CLDR_VERSION = ${JSON.stringify(process.versions.cldr)}

LOCALES: dict[str, dict[str, Any]] = ${py(locales, 0)}
`;
process.stdout.write(header);
