// kview audit: what the page shows of the view in the snapshot stage, measured in the page.
// Evaluated by Playwright (the DevTools protocol; the page's CSP runs no script of its own).
// For every element of the view with a direct text node: its colour, font, and the colour
// behind it as the cascade paints it (ancestors' background-colors alpha-composited, opacity,
// overlays above it at the text's centre), or why that cannot be known (an image, a gradient,
// a layer that is not an ancestor): those are sampled from pixels by the Python side. For
// every <img>/<svg>: its box. For every element with an inline background: its colour and the
// colour behind it. Colours are [r, g, b, a] with channels 0-255 and a in 0-1.
(root) => {
  const view = document.querySelector(root);
  if (!view) return null;
  const canvasEl = document.createElement("canvas");
  canvasEl.width = canvasEl.height = 1;
  const ctx = canvasEl.getContext("2d", { willReadFrequently: true });
  const cache = new Map();
  const color = (text) => {
    if (cache.has(text)) return cache.get(text);
    let out = null;
    const m = /^rgba?\(([^)]*)\)$/.exec(text.trim());
    if (m) {
      const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
      out = [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    } else {  // any other syntax (color(), oklch(), named): let a canvas resolve it
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = "rgba(0, 0, 0, 0)";
      ctx.fillStyle = text;
      ctx.fillRect(0, 0, 1, 1);
      const d = ctx.getImageData(0, 0, 1, 1).data;
      out = [d[0], d[1], d[2], d[3] / 255];
    }
    cache.set(text, out);
    return out;
  };
  const over = (top, bottom) => {
    const a = top[3] + bottom[3] * (1 - top[3]);
    if (a <= 0) return [0, 0, 0, 0];
    const mix = (i) => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a;
    return [mix(0), mix(1), mix(2), a];
  };
  // The page's canvas under its color-scheme: whatever the theme paints when nothing else does.
  const probe = document.createElement("div");
  probe.style.cssText = "position:absolute;left:-9999px;background:Canvas;color:CanvasText";
  document.body.appendChild(probe);
  const canvas = color(getComputedStyle(probe).backgroundColor);
  probe.remove();

  const key = (el) => {
    const parts = [];
    for (let n = el; n && n !== view; n = n.parentElement) {
      const siblings = n.parentElement ? Array.from(n.parentElement.children) : [n];
      parts.unshift(`${n.tagName.toLowerCase()}[${siblings.indexOf(n)}]`);
    }
    return parts.join("/");
  };
  const label = (el) => {
    const parts = [];
    for (let n = el; n && n !== view && parts.length < 3; n = n.parentElement) {
      const cls = typeof n.className === "string" && n.className.trim() ? "." + n.className.trim().split(/\s+/)[0] : "";
      parts.unshift(n.tagName.toLowerCase() + cls);
    }
    return parts.join(" > ");
  };
  const rectOf = (r) => ({ x: r.left, y: r.top, w: r.width, h: r.height });
  const hasImage = (cs) => cs.backgroundImage && cs.backgroundImage !== "none";
  const isPicture = (n) => ["IMG", "SVG", "CANVAS", "VIDEO", "PICTURE"].includes(n.tagName.toUpperCase());
  // The inline declaration of ``prop`` as the template wrote it (the renderer keeps the literal).
  const inline = (n, prop) => {
    const m = new RegExp(`(?:^|;)\\s*${prop}\\s*:\\s*([^;]+)`, "i").exec(n.getAttribute("style") || "");
    return m ? m[1].trim() : null;
  };
  // Where an element's colour comes from, when an inline style of the view hard-codes it.
  const hardColor = (el) => {
    for (let n = el; n && n !== view.parentElement; n = n.parentElement) {
      const v = inline(n, "color");
      if (v === null || /^(inherit|currentcolor|unset)$/i.test(v)) continue;
      if (/var\(/i.test(v)) return null;
      return getComputedStyle(n).color === getComputedStyle(el).color ? { key: key(n), literal: v } : null;
    }
    return null;
  };
  const hardBackground = (n) => {
    const v = inline(n, "background-color") ?? inline(n, "background");
    return v !== null && !/var\(/i.test(v) && !/gradient|url\(/i.test(v) ? v : null;
  };
  // The colour an <svg> is painted with as the template wrote it: a fill or stroke attribute, or
  // the hard-coded colour its currentColor takes.
  const paint = (el) => {
    if (el.tagName.toLowerCase() !== "svg") return null;
    for (const n of [el, ...el.querySelectorAll("*")]) {
      for (const attr of ["fill", "stroke"]) {
        const v = n.getAttribute(attr) ?? inline(n, attr);
        if (v && !/^(none|transparent)$/i.test(v)) {
          if (/^currentcolor$/i.test(v)) { const h = hardColor(el); if (h) return h.literal; continue; }
          if (!/var\(/i.test(v)) return v;
        }
      }
    }
    return null;
  };
  const opacityChain = (el) => {
    let o = 1;
    for (let n = el; n; n = n.parentElement) o *= parseFloat(getComputedStyle(n).opacity);
    return o;
  };

  // The colours behind ``el`` (and of ``text`` drawn on it) from the cascade, bottom-up.
  const behind = (el, text) => {
    let accT = text ? text.slice() : [0, 0, 0, 0];
    let accB = [0, 0, 0, 0];
    let unknown = null;
    let from = null;
    for (let n = el; n; n = n.parentElement) {
      const cs = getComputedStyle(n);
      if (accB[3] < 0.999 && !unknown && hasImage(cs)) unknown = "background image or gradient";
      if (accB[3] < 0.999 && !unknown && n !== el && isPicture(n)) unknown = "inside an image";
      const bg = color(cs.backgroundColor);
      if (bg[3] > 0 && accB[3] < 0.999 && from === null && view.contains(n)) from = key(n);
      accT = over(accT, bg);
      accB = over(accB, bg);
      const o = parseFloat(cs.opacity);
      accT[3] *= o;
      accB[3] *= o;
    }
    return { text: over(accT, canvas), bg: over(accB, canvas), unknown, from };
  };

  // What the stack at a point adds: overlays above ``el``, and non-ancestor layers beneath it.
  const stackAt = (el, x, y) => {
    const stack = document.elementsFromPoint(x, y);
    const at = stack.indexOf(el);
    const result = { overlays: [], unknown: null };
    if (at < 0) return result;
    for (const n of stack.slice(0, at)) {
      if (el.contains(n) || n.contains(el)) continue;
      const cs = getComputedStyle(n);
      if (hasImage(cs) || isPicture(n)) { result.unknown = "covered by an image"; continue; }
      const bg = color(cs.backgroundColor);
      if (bg[3] > 0) result.overlays.unshift([bg[0], bg[1], bg[2], bg[3] * opacityChain(n)]);
    }
    for (const n of stack.slice(at + 1)) {
      if (n.contains(el)) {
        const cs = getComputedStyle(n);
        if (color(cs.backgroundColor)[3] >= 0.999 && !hasImage(cs) && opacityChain(n) >= 0.999) break;
        continue;
      }
      const cs = getComputedStyle(n);
      if (hasImage(cs) || isPicture(n) || color(cs.backgroundColor)[3] > 0) {
        result.unknown = isPicture(n) ? "an image beneath it" : "a layer beneath it";
        break;
      }
    }
    return result;
  };

  const texts = [];
  const backgrounds = [];
  const images = [];
  const all = [view, ...view.querySelectorAll("*")];
  for (const el of all) {
    const cs = getComputedStyle(el);
    const inSvg = el.closest("svg") !== null && el.tagName.toLowerCase() !== "svg";
    if (inSvg) continue;
    if (cs.visibility !== "visible" || cs.display === "none") continue;
    const box = el.getBoundingClientRect();
    if (box.width <= 0 || box.height <= 0) continue;
    const hb = hardBackground(el);
    if (hb !== null && color(cs.backgroundColor)[3] > 0) {
      const parent = el.parentElement ? behind(el.parentElement, null) : { bg: canvas };
      backgrounds.push({ key: key(el), label: label(el), literal: hb, color: color(cs.backgroundColor),
                         behind: parent.bg, rect: rectOf(box) });
    }
    if (isPicture(el)) {
      images.push({ key: key(el), label: label(el), tag: el.tagName.toLowerCase(), rect: rectOf(box),
                    name: el.getAttribute("alt") || el.getAttribute("aria-label") || "", literal: paint(el) });
      continue;
    }
    const nodes = Array.from(el.childNodes).filter((n) => n.nodeType === 3 && n.data.trim());
    if (!nodes.length) continue;
    const range = document.createRange();
    range.setStartBefore(nodes[0]);
    range.setEndAfter(nodes[nodes.length - 1]);
    const r = range.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) continue;
    if (opacityChain(el) < 0.01) continue;  // not shown (a row's edit button until hovered)
    const textColor = color(cs.color);
    const own = behind(el, textColor);
    const stack = stackAt(el, r.left + r.width / 2, r.top + r.height / 2);
    let textOut = own.text;
    let bgOut = own.bg;
    for (const layer of stack.overlays) {
      textOut = over(layer, textOut);
      bgOut = over(layer, bgOut);
    }
    texts.push({
      key: key(el), label: label(el), text: nodes.map((n) => n.data).join(" ").replace(/\s+/g, " ").trim(),
      color: textColor, opacity: opacityChain(el), fontSize: parseFloat(cs.fontSize),
      fontWeight: parseInt(cs.fontWeight, 10) || 400, text_on: textOut, bg: bgOut,
      overlays: stack.overlays, unknown: own.unknown || stack.unknown, bgFrom: own.from,
      hard: hardColor(el), rect: rectOf(r),
    });
  }
  const frame = view.closest(".kvg-frame") || view;
  return { canvas, frame: rectOf(frame.getBoundingClientRect()), texts, backgrounds, images };
}
