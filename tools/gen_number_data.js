// Number symbols per covered locale, from Node's ICU, for renderer/js/builtins/numberformat.py
// (_REGION_NUMBERS). Run: node tools/gen_number_data.js  — prints the Python table.
'use strict';
const TAGS = process.argv.slice(2).length ? process.argv.slice(2) : [
  'de', 'de-AT', 'de-CH', 'de-DE', 'de-LU', 'en', 'en-AU', 'en-CA', 'en-GB', 'en-IE', 'en-IN', 'en-NZ',
  'en-PH', 'en-SG', 'en-US', 'en-ZA', 'es', 'es-419', 'es-AR', 'es-CL', 'es-CO', 'es-ES', 'es-MX', 'es-PE',
  'es-US', 'fr', 'fr-BE', 'fr-CA', 'fr-CH', 'fr-FR', 'fr-LU', 'it', 'it-CH', 'it-IT', 'ja', 'ja-JP', 'nl',
  'nl-BE', 'nl-NL', 'pt', 'pt-BR', 'pt-PT'];
const py = (s) => JSON.stringify(s).replace(/[\u0080-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
const lines = [];
for (const tag of TAGS) {
  const parts = new Intl.NumberFormat(tag).formatToParts(1234567.891);
  const dec = parts.find((p) => p.type === 'decimal').value;
  const grp = parts.find((p) => p.type === 'group').value;
  const minGrouping = new Intl.NumberFormat(tag).formatToParts(1234).some((p) => p.type === 'group') ? 1 : 2;
  // the base pattern, without ICU's currency spacing (a symbol ending in a letter gets a space)
  const cur = new Intl.NumberFormat(tag, { style: 'currency', currency: 'USD', currencyDisplay: 'narrowSymbol' }).formatToParts(1234.5);
  const ci = cur.findIndex((p) => p.type === 'currency');
  const ii = cur.findIndex((p) => p.type === 'integer');
  let pattern = ci < ii ? (cur[ci + 1].type === 'literal' ? 'pre_space' : 'pre') : 'post';
  const pct = new Intl.NumberFormat(tag, { style: 'percent' }).formatToParts(0.25);
  const pi = pct.findIndex((p) => p.type === 'percentSign');
  const sign = (pct[pi - 1] && pct[pi - 1].type === 'literal' ? pct[pi - 1].value : '') + '%';
  lines.push(`    ${py(tag)}: (${py(dec)}, ${py(grp)}, ${minGrouping}, ${py(pattern)}, ${py(sign)}),`);
}
console.log('_REGION_NUMBERS = {\n' + lines.join('\n') + '\n}');
// Currency: ICU's currency decimal and group (de-AT groups money with '.', fr-CH uses '.'),
// and, when a negative amount puts its minus after the symbol, what stands between them
// (de-CH '$-1'234.50': nothing; nl '€ -1.234,50': a no-break space).
const cur = [];
for (const tag of TAGS) {
  const o = { style: 'currency', currency: 'USD', currencyDisplay: 'narrowSymbol' };
  const parts = new Intl.NumberFormat(tag, o).formatToParts(1234567.891);
  const dec = parts.find((p) => p.type === 'decimal').value;
  const grp = parts.find((p) => p.type === 'group').value;
  const neg = new Intl.NumberFormat(tag, o).formatToParts(-1234.5);
  const ci = neg.findIndex((p) => p.type === 'currency');
  const mi = neg.findIndex((p) => p.type === 'minusSign');
  // null: the minus comes first; else what stands between the symbol and the minus
  const between = ci < mi ? py(neg.slice(ci + 1, mi).map((p) => p.value).join('')) : 'None';
  cur.push(`    ${py(tag)}: (${py(dec)}, ${py(grp)}, ${between}),`);
}
console.log('_REGION_CURRENCY = {\n' + cur.join('\n') + '\n}');
