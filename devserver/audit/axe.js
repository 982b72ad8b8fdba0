// kview audit --axe: axe-core's rules on the view (its root only, not kview's frame), without
// axe's colour-contrast (the audit's own contrast rule measures what is behind the text).
// Evaluated after axe.min.js; returns one entry per violating node.
async (root) => {
  const view = document.querySelector(root);
  if (!view || !window.axe) return [];
  const result = await window.axe.run(view, {
    resultTypes: ["violations"],
    rules: { "color-contrast": { enabled: false }, "color-contrast-enhanced": { enabled: false } },
  });
  const out = [];
  for (const v of result.violations) {
    for (const node of v.nodes) {
      const el = document.querySelector(node.target[0]);
      const r = el ? el.getBoundingClientRect() : null;
      out.push({ id: v.id, impact: node.impact || v.impact || "minor", help: v.help,
                 target: node.target.join(" "), html: node.html.slice(0, 200),
                 rect: r ? { x: r.left, y: r.top, w: r.width, h: r.height } : null });
    }
  }
  return out;
}
