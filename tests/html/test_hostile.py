"""Hostile templates: nothing kview renders can run script once a browser parses it.

Each payload is a template (and its data) rendered with ``renderer.render``; the output is
parsed the way a browser parses it (html5lib, the WHATWG algorithm, foreign content included)
and checked by rules written here independently of ``renderer/html/sanitize.py``: no script
element, no ``on*`` attribute, no ``srcdoc``, no ``<base>``, no meta refresh, every URL
attribute relative or http(s)/mailto/tel after the browser's own normalisation (leading and
trailing C0 controls and spaces stripped, tabs and newlines removed), ``data:image/`` only where
it is shown as an image, and no SVG animation writing such a URL. ``test_checker_catches``
shows the checker fails on the markup these payloads aim at. ``tests/browser/
test_hostile_pages.py`` loads the same payloads in Chromium.
"""

from __future__ import annotations

import re

import html5lib
import pytest

from renderer import render

# Every payload runs alert(…) or sets window.__pwned if it ever runs.
X = "alert(1)"
IMG = "<img src=x onerror=alert(1)>"

# (id, template, data)
PAYLOADS: list[tuple[str, str, dict]] = [
    # <style> raw text
    ("style-ctrl-in-end-tag", '<div><style>{"</\\u0001style><img src=x onerror=alert(1)>"}</style></div>', {}),
    ("style-nul-in-end-tag", '<div><style>{"</\\u0000style>' + IMG + '"}</style></div>', {}),
    ("style-ctrl-inside-name", '<div><style>{"</st\\u0001yle>' + IMG + '"}</style></div>', {}),
    ("style-case", '<div><style>{"</StYlE >' + IMG + '"}</style></div>', {}),
    ("style-data-value", "<div><style>{d.css}</style></div>", {"d": {"css": "</\u0008style/>" + IMG}}),
    ("style-in-svg", '<svg><style>{"' + IMG + '"}</style></svg>', {}),
    ("style-in-math", '<math><style>{"' + IMG + '"}</style></math>', {}),
    ("style-in-svg-mixed-case", '<sVg><style>{"' + IMG + '"}</style></sVg>', {}),
    ("style-in-math-in-svg", '<svg><foreignObject><math><style>{"' + IMG + '"}</style></math></foreignObject></svg>', {}),
    ("style-cdata-in-svg", '<svg><style>{"<![CDATA[</style>' + IMG + ']]>"}</style></svg>', {}),
    ("style-inner-html-in-svg", '<svg><style dangerouslySetInnerHTML={{__html: "' + IMG + '"}} /></svg>', {}),
    ("style-in-noscript", '<noscript><style>{"</noscript>' + IMG + '"}</style></noscript>', {}),
    ("style-in-iframe", '<iframe><style>{"</iframe>' + IMG + '"}</style></iframe>', {}),
    ("style-svg-elsewhere", '<div><svg /><style>{"' + IMG + '"}</style></div>', {}),
    # srcdoc and frames
    ("iframe-srcdoc", '<iframe srcDoc="<script>alert(1)</script>" />', {}),
    ("iframe-srcdoc-lower", '<iframe srcdoc={"' + IMG + '"} />', {}),
    ("iframe-srcdoc-upper", '<iframe SRCDOC="<script>alert(1)</script>" />', {}),
    ("iframe-srcdoc-spread", '<iframe {...{srcDoc: "<script>alert(1)</script>"}} />', {}),
    ("iframe-src-ctrl", '<iframe src={"java\\u0001script:alert(1)"} />', {}),
    ("iframe-src-data-html", '<iframe src="data:text/html,<script>alert(1)</script>" />', {}),
    ("iframe-src-leading-ctrl", '<iframe src={"\\u0000 \\u001f javascript:alert(1)"} />', {}),
    ("embed-object", '<div><embed src="javascript:alert(1)" /><object data="data:text/html,<script>alert(1)</script>" /><object data={"java\\tscript:alert(1)"} /></div>', {}),
    # URL attributes, every spelling
    ("href-upper-name", '<a HREF="javascript:alert(1)">x</a>', {}),
    ("href-mixed-name", '<a hReF="javascript:alert(1)">x</a>', {}),
    ("href-mixed-scheme", '<a href="JaVaScRiPt:alert(1)">x</a>', {}),
    ("href-whitespace", '<a href={" \\n\\t javascript:alert(1)"}>x</a>', {}),
    ("href-tab-inside", '<a href={"java\\tscr\\nipt:alert(1)"}>x</a>', {}),
    ("href-jsx-entities", '<a href="&#106;avascript&#58;alert(1)">x</a>', {}),
    ("href-data-ctrl", "<a href={d.u}>x</a>", {"d": {"u": "java\u0001script:alert(1)"}}),
    ("href-data-leading-ctrl", "<a href={d.u}>x</a>", {"d": {"u": "\u0001\u0002javascript:alert(1)"}}),
    ("href-data-nul", "<a href={d.u}>x</a>", {"d": {"u": "javascript\u0000:alert(1)"}}),
    ("href-spread", '<a {...{href: "javascript:alert(1)"}}>x</a>', {}),
    ("href-spread-data", "<a {...d}>x</a>", {"d": {"href": "jav\u000bascript:alert(1)", "onclick": X}}),
    ("href-data-url", '<a href="data:text/html,<script>alert(1)</script>">x</a>', {}),
    ("href-vbscript", '<a href="vbscript:msgbox(1)">x</a>', {}),
    ("href-object-tostring", "<a href={{toString: () => 'javascript:alert(1)'}}>x</a>", {}),
    ("form-actions", '<form action="javascript:alert(1)"><button formAction="javascript:alert(1)">b</button><input type="submit" formAction={"java\\u0001script:alert(1)"} /><button formaction="javascript:alert(1)">c</button></form>', {}),
    ("form-action-upper", '<form ACTION="javascript:alert(1)"><button>go</button></form>', {}),
    ("misc-url-attrs", '<div><video poster="javascript:alert(1)" /><img src="javascript:alert(1)" /><img srcSet="/a.png 1x, javascript:alert(1) 2x" /><a ping="javascript:alert(1)" href="#">p</a><blockquote cite="javascript:alert(1)">q</blockquote><table background="javascript:alert(1)" /></div>', {}),
    ("link-href", '<div><link rel="stylesheet" href="javascript:alert(1)" precedence="x" /><link rel="preload" as="image" imageSrcSet="javascript:alert(1) 1x" /></div>', {}),
    # SVG: namespaced attributes and animations
    ("svg-xlink-href", '<svg><a xlinkHref="javascript:alert(1)"><text>x</text></a></svg>', {}),
    ("svg-xlink-colon", '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', {}),
    ("svg-href", '<svg><a href={"\\u0001javascript:alert(1)"}><text>x</text></a><image href="javascript:alert(1)" /></svg>', {}),
    ("svg-use-data", '<svg><use href="data:image/svg+xml,<svg id=\'x\' xmlns=\'http://www.w3.org/2000/svg\'><image href=\'1\' onerror=\'alert(1)\'/></svg>#x" /></svg>', {}),
    ("svg-set-href", '<svg><a><set attributeName="href" to="javascript:alert(1)" /><text>x</text></a></svg>', {}),
    ("svg-animate-values", '<svg><a><animate attributeName="xlink:href" values="#a;javascript:alert(1)" /><text>x</text></a></svg>', {}),
    ("svg-animate-from", '<svg><a href="#"><animate attributeName="href" from="javascript:alert(1)" to="javascript:alert(1)" dur="9s" /><text>x</text></a></svg>', {}),
    ("svg-set-upper", '<svg><a><SET attributeName="HREF" to="javascript:alert(1)" /><text>x</text></a></svg>', {}),
    ("svg-set-onclick", '<svg><a><set attributeName="onclick" to="alert(1)" /><text>x</text></a></svg>', {}),
    ("svg-xml-base", '<svg xmlBase="javascript:alert(1)//"><a href="x"><text>x</text></a></svg>', {}),
    ("math-href", '<math href="javascript:alert(1)"><mi>x</mi></math>', {}),
    # <base>, <meta refresh>, <script>
    ("base-href", '<div><base href="javascript:alert(1)//" /><a href="x">x</a></div>', {}),
    ("base-evil-host", '<div><base href="https://evil.example/" target="_top" /></div>', {}),
    ("base-lower-case-spelling", '<div><bAsE href="https://evil.example/" /></div>', {}),
    ("meta-refresh", '<meta httpEquiv="refresh" content="0;url=javascript:alert(1)" />', {}),
    ("script-element", '<div><script>{"alert(1)"}</script><sCrIpT src="data:,alert(1)" /><svg><script>{"alert(1)"}</script></svg></div>', {}),
    # string event handlers
    ("onclick-string", '<div onclick="alert(1)" onClick="alert(1)">x</div>', {}),
    ("onerror-string", '<img src="x" onError="alert(1)" onerror={"alert(1)"} />', {}),
    ("on-upper", '<div ONMOUSEOVER="alert(1)" OnFocus="alert(1)" tabIndex={0}>x</div>', {}),
    ("custom-element-on", '<my-el onclick="alert(1)" ONLOAD="alert(1)" href="javascript:alert(1)" src={"java\\u0001script:x"}>x</my-el>', {}),
    ("custom-element-spread", "<my-el {...d} />", {"d": {"onmouseover": X, "xlink:href": "javascript:alert(1)"}}),
    ("svg-onload", '<svg onLoad="alert(1)" onload="alert(1)"><circle r="1" /></svg>', {}),
    # dangerouslySetInnerHTML and DOMPurify
    ("inner-img", '<div dangerouslySetInnerHTML={{__html: "' + IMG + '"}} />', {}),
    ("inner-svg-style", '<div dangerouslySetInnerHTML={{__html: "<svg><style>' + IMG + '</style></svg>"}} />', {}),
    ("inner-math-mglyph", '<div dangerouslySetInnerHTML={{__html: "<math><mtext><table><mglyph><style>' + IMG + '"}} />', {}),
    ("inner-noscript-title", "<div dangerouslySetInnerHTML={{__html: d.h}} />", {"d": {"h": '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'}}),
    ("inner-entities", "<div dangerouslySetInnerHTML={{__html: d.h}} />", {"d": {"h": '<a href="&#x6a;ava&#x09;script&colon;alert(1)">a</a><a href="java&#1;script:alert(1)">b</a>'}}),
    ("inner-svg-animate", "<div dangerouslySetInnerHTML={{__html: d.h}} />", {"d": {"h": '<svg><a><animate attributeName=href values=javascript:alert(1) /><set attributeName="xlink:href" to="javascript:alert(1)"/><text>x</text></a></svg>'}}),
    ("inner-srcdoc-base-form", "<div dangerouslySetInnerHTML={{__html: d.h}} />", {"d": {"h": '<base href="https://evil.example/"><iframe srcdoc="<script>alert(1)</script>"></iframe><form><button formaction="javascript:alert(1)">x</button></form><a href="data:text/html,x">d</a>'}}),
    ("dompurify", "<div dangerouslySetInnerHTML={{__html: DOMPurify.sanitize(d.h)}} />", {"d": {"h": '<a href=" javascript:alert(1)">a</a><svg><style><img src=x onerror=alert(1)></style></svg>'}}),
    # Kustomer components (their URL props use the same rule)
    ("dynamic-card-src", '<DynamicCard src="javascript:alert(1)" />', {}),
    ("card-src-ctrl", '<Card src={"java\\u0001script:alert(1)"} />', {}),
    ("card-src-data", '<Card src="data:text/html,<script>alert(1)</script>" />', {}),
    ("field-url", '<Field field="siteUrl" value={d.u} />', {"d": {"u": "java\u0001script:alert(1)"}}),
    ("images", "<Images images={d.imgs} />", {"d": {"imgs": ["javascript:alert(1)", {"url": "da\u0001ta:text/html,x"}, {"src": " \u0000javascript:alert(1)"}]}}),
]

# --------------------------------------------------------------------------- the checker

HTML_NS = "http://www.w3.org/1999/xhtml"
SVG_NS = "http://www.w3.org/2000/svg"
MATH_NS = "http://www.w3.org/1998/Math/MathML"
XLINK = "{http://www.w3.org/1999/xlink}"
URL_NAMES = {
    "href", "src", "action", "formaction", "poster", "cite", "background", "codebase",
    "longdesc", "lowsrc", "dynsrc", "manifest", "icon", "profile", "classid", "usemap",
}  # fmt: skip
LIST_NAMES = {"srcset", "imagesrcset", "ping", "archive"}
IMAGE_PLACES = {("img", "src"), ("img", "srcset"), ("source", "src"), ("source", "srcset"),
                ("video", "poster"), ("input", "src"), ("image", "href")}  # fmt: skip
SCHEMES = {"http", "https", "mailto", "tel"}
ANIMATIONS = {"set", "animate", "animateMotion", "animateTransform", "animateColor"}


def browser_scheme(url: str) -> str | None:
    """The URL standard's view: strip leading/trailing C0 and space, drop tab/newline."""
    s = re.sub("[\t\n\r]", "", url.strip("".join(map(chr, range(33)))))
    m = re.match(r"([A-Za-z][A-Za-z0-9+.\-]*):", s)
    return m.group(1).lower() if m else None


def url_ok(url: str, image: bool) -> bool:
    scheme = browser_scheme(url)
    if scheme is None or scheme in SCHEMES:
        return True
    rest = re.sub("[\t\n\r]", "", url.strip("".join(map(chr, range(33)))))
    return image and scheme == "data" and rest[5:].lstrip().lower().startswith("image/")


def list_urls(value: str) -> list[str]:
    return [c.strip().split()[0] for c in value.split(",") if c.strip()]


def problems(markup: str) -> list[str]:
    """What a browser would find runnable in ``markup`` (empty when safe)."""
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"))
    frag = parser.parseFragment(markup, container="div", scripting=True)  # as in a browser
    found = []
    for el in frag.iter():
        if not isinstance(el.tag, str):
            continue
        ns, _, local = el.tag[1:].partition("}") if el.tag.startswith("{") else ("", "", el.tag)
        if local.lower() in ("script", "base"):
            found.append(f"<{local}> element")
        if local == "meta" and (el.get("http-equiv") or "").strip().lower() == "refresh":
            found.append("meta refresh")
        if local == "style" and ns in (SVG_NS, MATH_NS) and len(el):
            found.append(f"markup inside <style> in {ns}")
        for name, value in el.attrib.items():
            is_xlink = name.startswith(XLINK)
            attr = name[len(XLINK):] if is_xlink else name.split("}")[-1].lower()
            if (attr.startswith("on") and len(attr) > 2) or attr == "srcdoc":
                found.append(f"<{local} {attr}>")
            elif attr in URL_NAMES or (attr == "data" and local in ("object", "embed")) or (
                name == "{http://www.w3.org/XML/1998/namespace}base"
            ):
                if not url_ok(value, (local, attr) in IMAGE_PLACES):
                    found.append(f"<{local} {name}={value!r}>")
            elif attr in LIST_NAMES and not all(
                url_ok(u, (local, attr) in IMAGE_PLACES) for u in list_urls(value)
            ):
                found.append(f"<{local} {attr}={value!r}>")
        if ns == SVG_NS and local in ANIMATIONS:
            target = (el.get("attributeName") or "").strip().lower()
            if target.startswith("on") or target.endswith("href"):
                for key in ("to", "from", "by", "values"):
                    value = el.get(key)
                    if value is not None and (
                        target.startswith("on") or not all(url_ok(v, False) for v in value.split(";"))
                    ):
                        found.append(f"<{local} attributeName={target} {key}={value!r}>")
    return found


# --------------------------------------------------------------------------- tests


def test_enough_payloads() -> None:
    assert len(PAYLOADS) >= 40
    assert len({p[0] for p in PAYLOADS}) == len(PAYLOADS)


@pytest.mark.parametrize(
    "markup",
    [
        '<style></style><img src=x onerror=alert(1)>',
        "<svg><style><img src=x onerror=alert(1)></style></svg>",
        '<iframe srcdoc="x"></iframe>',
        '<a href="java\tscript:alert(1)">x</a>',
        '<a href=" \x01javascript:alert(1)">x</a>',
        '<a HREF="JavaScript:alert(1)">x</a>',
        '<svg><a xlink:href="javascript:alert(1)"></a></svg>',
        '<svg><set attributeName="href" to="javascript:alert(1)"></set></svg>',
        '<base href="/">',
        '<img srcset="a 1x, javascript:x 2x">',
        '<a href="data:image/png,x">x</a>',
        '<meta http-equiv="refresh" content="0;url=x">',
        '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    ],
)
def test_checker_catches(markup: str) -> None:
    """The checker is not vacuous: it flags the markup the payloads aim at."""
    assert problems(markup)


def test_checker_passes_safe_markup() -> None:
    assert problems(
        '<a href="https://x.example/?q=javascript:x">a</a><a href="#top">b</a><a href="mailto:a@b">c</a>'
        '<img src="data:image/png;base64,AA" srcset="/a.png 1x, data:image/png;base64,AA 2x">'
        "<style>a{} </\\73 tyle><img src=x onerror=alert(1)></style>"
    ) == []


@pytest.mark.parametrize("name,source,data", PAYLOADS, ids=[p[0] for p in PAYLOADS])
def test_payload_is_inert(name: str, source: str, data: dict) -> None:
    result = render(source, data, name=f"{name}.jsx")
    assert problems(result.html) == [], result.html


@pytest.mark.parametrize(
    "source,warning",
    [
        ('<a href="javascript:alert(1)">x</a>', "javascript:"),
        ('<a HREF={"java\\u0001script:x"}>x</a>', "javascript:"),
        ('<iframe srcDoc="<b>x</b>" />', "srcdoc"),
        ('<div><base href="/" /></div>', "<base>"),
        ('<div onclick="alert(1)">x</div>', "onclick"),
        ('<svg><set attributeName="href" to="javascript:alert(1)" /></svg>', "animation"),
        ('<meta httpEquiv="refresh" content="0" />', "refresh"),
        ('<Card src="javascript:alert(1)" />', "refused"),
    ],
)
def test_dropped_with_a_warning(source: str, warning: str) -> None:
    result = render(source, {}, name="t.jsx")
    assert any(warning in w.message for w in result.warnings), result.warnings


def test_allowed_urls_are_kept() -> None:
    html = render(
        '<div><a href="https://x.example/a?b=1">a</a><a href="/rel">b</a><a href="#frag">c</a>'
        '<a href="mailto:a@b.example">d</a><a href="tel:+100">e</a><a href="//cdn.example/x">f</a>'
        '<img src="data:image/png;base64,AA" alt="" /><form action="/go"><button formAction="?x=1">g</button></form>'
        '<svg><a xlinkHref="#b"><text>t</text></a><image href="data:image/png;base64,AA" /></svg></div>',
        {},
    ).html
    for part in ('href="https://x.example/a?b=1"', 'href="/rel"', 'href="#frag"', 'href="mailto:a@b.example"',
                 'href="tel:+100"', 'href="//cdn.example/x"', 'src="data:image/png;base64,AA"',
                 'action="/go"', 'formAction="?x=1"', 'xlink:href="#b"', 'href="data:image/png;base64,AA"'):
        assert part in html, (part, html)


def test_style_keeps_css_and_escapes_only_breakouts() -> None:
    html = render('<div><style>{"a > b { content: \\"<\\" } </style>"}</style></div>', {}).html
    assert html == '<div><style>a > b { content: "<" } </\\73 tyle></style></div>'
    html = render('<svg><style>{"a { content: \\"<\\" }"}</style></svg>', {}).html
    assert html == '<svg><style>a { content: "\\3C " }</style></svg>'


def test_million_text_children_render_in_linear_time() -> None:
    """Text appends are buffered per element (they were quadratic: minutes for 1e6)."""
    import time

    start = time.perf_counter()
    html = render('<div>{Array(1e6).fill("x")}</div>', {}).html
    elapsed = time.perf_counter() - start
    assert html == "<div>" + "x" * 1_000_000 + "</div>"
    assert elapsed < 10, elapsed
