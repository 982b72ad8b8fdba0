// Reference for bench/render_bench.py: the same template, transpiled once by Babel, rendered by
// React's renderToStaticMarkup. Reads {template, data, runs} on stdin, prints timings as JSON.
const path = require('path');
const vm = require('vm');
const modules = path.join(__dirname, '..', '.cache', 'npm', 'node_modules');
const req = (m) => require(path.join(modules, m));
const Babel = req('@babel/standalone');
const React = req('react');
const { renderToStaticMarkup } = req('react-dom/server');
const _ = req('lodash');
let input = '';
process.stdin.on('data', (c) => (input += c));
process.stdin.on('end', () => {
  const { template, data, runs } = JSON.parse(input);
  const code = Babel.transform(template, { presets: [['react', { runtime: 'classic' }]], sourceType: 'script' }).code;
  const script = new vm.Script(code);
  const times = [];
  let html = '';
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const ctx = vm.createContext({ React, _, ...data });
    html = renderToStaticMarkup(script.runInContext(ctx));
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  process.stdout.write(JSON.stringify({ times, html }));
});
