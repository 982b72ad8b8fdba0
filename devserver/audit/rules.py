"""The audit's rules, judged from the measurements of one view in one scenario in both themes.

``contrast``: text below WCAG 2's minimum contrast (4.5:1, large text 3:1) with what is behind
it (from the cascade, or from pixels when an image or gradient is behind it). APCA's Lc is
given alongside. ``image-contrast``: an <svg> whose most visible pixels stand out less than 3:1
from the background behind it (WCAG's non-text minimum), an <img> less than 1.5:1: a black icon
on the dark theme. ``axe/<id>``: axe-core's violations, when the run asks for them.
``hardcoded-color``: text whose colour a template's inline style fixes, identical in light and
dark while the background behind it changed. ``hardcoded-background``: an inline background
identical in both themes while what is around it changed. A contrast failure caused by a
hard-coded colour is reported once, with the hard-coded colour (an error), not twice.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from . import pixels
from .color import apca_lc, contrast_ratio, css, is_large, over, same
from .probe import Measured

# An inline <svg> is an icon: WCAG's 3:1 for graphics. An <img> may be a photo or a thumbnail
# whose edges are soft by nature: it is reported when it all but vanishes.
IMAGE_MINIMUM = {"svg": 3.0, "img": 1.5}


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str  # "error" | "warning"
    view: str
    scenario: str
    theme: str  # "light" | "dark" | "both"
    element: str  # a short CSS-like path
    key: str  # the element's tag[index] path from the view's root
    text: str
    message: str
    ratio: float | None = None
    required: float | None = None
    lc: float | None = None
    color: str | None = None
    background: str | None = None
    sampled: bool = False  # the background was read from pixels
    source: str = "unknown"  # file:line of the colour's literal
    rect: dict[str, float] | None = None  # the element's box in the view's screenshot
    themes: dict[str, dict[str, Any]] = field(default_factory=dict)  # per theme numbers (hard-coded rules)
    status: str = "new"  # axe rules: "new" or "pre-existing" (in the baseline); the audit's own: "new"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _in_frame(rect: Mapping[str, float], frame: Mapping[str, float]) -> dict[str, float]:
    return {"x": rect["x"] - frame["x"], "y": rect["y"] - frame["y"], "w": rect["w"], "h": rect["h"]}


@dataclass
class _Text:
    item: dict[str, Any]
    ratio: float
    required: float
    lc: float
    text_on: tuple[float, ...]
    bg: tuple[float, ...]
    sampled: bool

    @property
    def fails(self) -> bool:
        return self.ratio < self.required


def _judge_text(item: dict[str, Any], measured: Measured) -> _Text:
    bg: tuple[float, ...] = tuple(item["bg"])
    text_on: tuple[float, ...] = tuple(item["text_on"])
    sampled = False
    if item["unknown"]:
        seen = pixels.median(measured.textless, item["rect"])
        if seen is not None:
            sampled = True
            bg = seen
            color = item["color"]
            text_on = over((color[0], color[1], color[2], color[3] * item["opacity"]), bg)
    required = 3.0 if is_large(item["fontSize"], item["fontWeight"]) else 4.5
    return _Text(item, contrast_ratio(text_on, bg), required, abs(apca_lc(text_on, bg)), text_on, bg, sampled)


def _clip(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def judge(view: str, scenario: str, themes: Mapping[str, Measured],
          locate: Callable[[str, tuple[float, ...] | None], str]) -> list[Finding]:
    """The findings of one view in one scenario, from its measurements per theme (``light`` and/or
    ``dark``); ``locate(literal, colour)`` is the file:line a colour is written at, or "unknown"."""
    findings: list[Finding] = []
    judged: dict[str, dict[str, _Text]] = {}
    data: dict[str, dict[str, Any]] = {t: m.data for t, m in themes.items() if m.data}
    for theme, d in data.items():
        judged[theme] = {item["key"]: _judge_text(item, themes[theme]) for item in d["texts"]}
    folded: set[tuple[str, str]] = set()  # (theme, key) of contrast failures told by a hard-coded finding

    if "light" in data and "dark" in data:
        light, dark = judged["light"], judged["dark"]
        for key, lt in light.items():
            dt = dark.get(key)
            hard = lt.item["hard"]
            if dt is None or hard is None or dt.item["hard"] is None:
                continue
            if same(lt.item["color"], dt.item["color"]) and not same(lt.bg, dt.bg):
                bad = [t for t, j in (("light", lt), ("dark", dt)) if j.fails]
                folded.update((t, key) for t in bad)
                worst = min((lt, dt), key=lambda j: j.ratio)
                findings.append(Finding(
                    "hardcoded-color", "error" if bad else "warning", view, scenario, "both",
                    lt.item["label"], key, _clip(lt.item["text"]),
                    f"text colour {hard['literal']} is the same in light and dark"
                    + (f"; contrast {worst.ratio:.2f}:1 in {', '.join(bad)}" if bad else ""),
                    round(worst.ratio, 2), worst.required, round(worst.lc, 1), css(lt.item["color"]), css(worst.bg),
                    worst.sampled, locate(hard["literal"], tuple(lt.item["color"])),
                    _in_frame(lt.item["rect"], data["light"]["frame"]),
                    {t: {"ratio": round(j.ratio, 2), "lc": round(j.lc, 1), "background": css(j.bg)}
                     for t, j in (("light", lt), ("dark", dt))}))
        dark_bgs = {b["key"]: b for b in data["dark"]["backgrounds"]}
        for lb in data["light"]["backgrounds"]:
            db = dark_bgs.get(lb["key"])
            if db is None or not same(lb["color"], db["color"]) or same(lb["behind"], db["behind"]):
                continue
            under = [(t, k) for t in ("light", "dark") for k, j in judged[t].items()
                     if j.fails and j.item["bgFrom"] == lb["key"] and (t, k) not in folded]
            folded.update(under)
            findings.append(Finding(
                "hardcoded-background", "error" if under else "warning", view, scenario, "both",
                lb["label"], lb["key"], "",
                f"background {lb['literal']} is the same in light and dark"
                + (f"; {len(under)} text{'s' if len(under) != 1 else ''} on it below contrast" if under else ""),
                color=css(lb["color"]), background=css(db["behind"]),
                source=locate(lb["literal"], tuple(lb["color"])),
                rect=_in_frame(lb["rect"], data["light"]["frame"]),
                themes={"light": {"around": css(lb["behind"])}, "dark": {"around": css(db["behind"])}}))

    for theme, d in data.items():
        for key, j in judged[theme].items():
            if not j.fails or (theme, key) in folded:
                continue
            findings.append(Finding(
                "contrast", "error", view, scenario, theme, j.item["label"], key, _clip(j.item["text"]),
                f"contrast {j.ratio:.2f}:1, needs {j.required:g}:1 (APCA Lc {j.lc:.0f})"
                + (" on a background read from pixels" if j.sampled else ""),
                round(j.ratio, 2), j.required, round(j.lc, 1), css(j.text_on), css(j.bg), j.sampled,
                locate(j.item["hard"]["literal"], tuple(j.item["color"])) if j.item["hard"] else "unknown",
                _in_frame(j.item["rect"], d["frame"])))
        for img in d["images"]:
            behind = pixels.median(themes[theme].bare, img["rect"])
            if behind is None:
                continue
            seen = pixels.visibility(themes[theme].textless, img["rect"], behind)
            minimum = IMAGE_MINIMUM.get(img["tag"], 3.0)
            if seen >= minimum:
                continue
            findings.append(Finding(
                "image-contrast", "error", view, scenario, theme, img["label"], img["key"], img["name"],
                f"<{img['tag']}> stands out {seen:.2f}:1 from the background behind it, needs {minimum:g}:1",
                round(seen, 2), minimum, None, None, css(behind), True,
                locate(img["literal"], None) if img.get("literal") else "unknown",
                _in_frame(img["rect"], d["frame"])))
        for v in themes[theme].axe or ():
            findings.append(Finding(
                f"axe/{v['id']}", "error" if v["impact"] in ("critical", "serious") else "warning", view, scenario,
                theme, v["target"], v["target"], "", f"{v['help']} ({v['impact']}): {_clip(v['html'], 80)}",
                rect=_in_frame(v["rect"], d["frame"]) if v["rect"] else None))
    order = {"hardcoded-color": 0, "hardcoded-background": 1, "contrast": 2, "image-contrast": 3}
    return sorted(findings, key=lambda f: (f.theme, order.get(f.rule, 4), f.rule, f.key))
