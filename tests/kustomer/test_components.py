"""Kustomer components (renderer/kustomer/components), user components, the theme stylesheet and the docs."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from lxml import html as lxml_html

from renderer import RenderError, TemplateSyntaxError, render
from renderer.errors import Diagnostic
from renderer.html import RenderContext
from renderer.js.values import UNDEFINED
from renderer.kustomer.components import COMPONENTS, prop_table_markdown
from renderer.kustomer.components.fields import format_field, format_number, humanize

ROOT = Path(__file__).resolve().parents[2]
NOW = 1_790_000_000_000.0  # a fixed clock: 2026-09-21


def rendered(src: str, data: dict | None = None, **kw):
    """Render ``src`` and return (root element of the output, result)."""
    result = render(src, data, root_class="kview", now_ms=NOW, **kw)
    root = lxml_html.fragment_fromstring(result.html)
    assert root.get("class") == "kview"
    return root, result


def one(root, css_class: str):
    found = root.xpath(f'.//*[contains(concat(" ", normalize-space(@class), " "), " {css_class} ")]')
    assert len(found) == 1, (css_class, [lxml_html.tostring(f) for f in found])
    return found[0]


def classes(el) -> set[str]:
    return set((el.get("class") or "").split())


def messages(result) -> list[str]:
    return [w.message for w in result.warnings]


def text(el) -> str:
    return el.text_content()


# ------------------------------------------------------------------------------- layout


def test_segment_grid_column():
    root, result = rendered(
        '<Segment padded title="Order"><Grid columns="two">'
        '<Column size="eight">a</Column><Column size={4}>b</Column><Column width="16">c</Column>'
        "<Column>d</Column></Grid></Segment>"
    )
    seg = one(root, "kv-segment")
    assert seg.tag == "div" and {"kv-padded"} <= classes(seg)
    assert one(seg, "kv-segment-title").text == "Order"
    grid = one(seg, "kv-grid")
    assert classes(grid) == {"kv-grid", "kv-columns-two"}
    cols = grid.findall("div")
    assert [sorted(classes(c)) for c in cols] == [
        ["kv-column", "kv-wide-eight"],
        ["kv-column", "kv-wide-four"],
        ["kv-column", "kv-wide-sixteen"],
        ["kv-column"],
    ]
    assert [c.text for c in cols] == ["a", "b", "c", "d"]
    assert result.warnings == []


def test_column_bad_size_warns_and_renders():
    root, result = rendered('<Grid><Column size="huge">x</Column></Grid>')
    assert classes(one(root, "kv-column")) == {"kv-column"}
    assert any('size="huge"' in m for m in messages(result))


def test_classname_and_style_passthrough():
    root, _ = rendered('<Segment basic className="mine other" style={{marginTop: 4, color: "var(--font-primary-color)"}}>x</Segment>')
    seg = one(root, "kv-segment")
    assert classes(seg) == {"kv-segment", "kv-basic", "mine", "other"}
    assert seg.get("style") == "margin-top:4px;color:var(--font-primary-color)"


# ------------------------------------------------------------------------------- fields


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("startTimeAt", '"2026-10-02T15:04:05Z"', "Oct 2, 2026 3:04 PM"),
        ("startTimeAt", '"2026-10-02T00:30:00.000Z"', "Oct 2, 2026 12:30 AM"),
        ("startTimeAt", '"2026-10-02"', "Oct 2, 2026 12:00 AM"),
        ("startTimeAt", "1790000000000", "Sep 21, 2026 2:13 PM"),
        ("totalNum", "1840.5", "1,840.5"),
        ("totalNum", "1234567.8915", "1,234,567.892"),
        ("totalNum", "-42", "-42"),
        ("totalNum", '"3000"', "3,000"),
        ("optInBool", "true", "Yes"),
        ("optInBool", "false", "No"),
        ("tierStr", '"gold"', "gold"),
        ("orderId", '"5f1e2d3c4b5a69788796a5b4"', "5f1e2d3c4b5a69788796a5b4"),
        ("resolutionTree", '"closed.junk.spam"', "closed \u203a junk \u203a spam"),
        ("tierStr", "null", "\u2014"),
        ("tierStr", "undefined", "\u2014"),
        ("tagsStr", '["a", "b"]', "a, b"),
    ],
)
def test_field_formats_by_suffix(field, value, expected):
    root, result = rendered(f'<Field field="{field}" type="kobject.order" value={{{value}}} />')
    f = one(root, "kv-field")
    assert f.tag == "dl" and f.get("data-kv-field") == field
    assert text(one(f, "kv-value")) == expected
    assert result.warnings == []


def test_field_date_is_a_time_element_in_utc():
    root, _ = rendered('<Field field="placedAt" value="2026-10-02T17:04:05+02:00" />')
    t = one(root, "kv-date")
    assert t.tag == "time" and t.get("datetime") == "2026-10-02T15:04:05Z"
    assert t.text == "Oct 2, 2026 3:04 PM"
    assert "kv-field-at" in classes(one(root, "kv-field"))


def test_field_date_follows_the_render_time_zone():
    ctx = RenderContext()
    ctx.tz = "America/New_York"
    (node,) = format_field("placedAt", "2026-10-02T15:04:05Z", ctx)
    assert node.text == "Oct 2, 2026 11:04 AM"
    ctx.tz = "Not/AZone"
    (node,) = format_field("placedAt", "2026-10-02T15:04:05Z", ctx)
    assert node.text == "Oct 2, 2026 3:04 PM"
    assert any("time zone" in w.message for w in ctx.warnings)


def test_field_labels():
    assert humanize("startTimeAt") == "Start Time"
    assert humanize("custom.lifetimeValueNum") == "Lifetime Value"
    assert humanize("@acmeordLoyaltyTierStr") == "Acmeord Loyalty Tier"
    assert humanize("name") == "Name"
    root, _ = rendered('<div><Field field="startTimeAt" value={null} /><Field field="x" label="Custom" value="1" /></div>')
    labels = [dt.text for dt in root.iter("dt")]
    assert labels == ["Start Time", "Custom"]


def test_format_number_is_intl_en_us():
    assert format_number(0.0005) == "0.001"
    assert format_number(1e21) == "1,000,000,000,000,000,000,000"
    assert format_number(float("nan")) == "NaN"
    assert format_number(float("-inf")) == "-\u221e"


def test_field_txt_keeps_line_breaks():
    root, _ = rendered('<Field field="notesTxt" value={"Leave at\\nthe side door."} />')
    span = one(root, "kv-pre-line")
    assert span.text == "Leave at\nthe side door."


def test_field_url_is_a_safe_link():
    root, _ = rendered('<Field field="siteUrl" value="https://example.com/a?b=1&c=2" />')
    a = one(root, "kv-link")
    assert a.tag == "a" and a.get("href") == "https://example.com/a?b=1&c=2"
    assert a.get("target") == "_blank" and "noopener" in a.get("rel")


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "\x01javascript:x", "vbscript:x", "data:text/html,<b>"]
)
def test_field_refuses_script_urls(url):
    root, result = rendered(f"<Field field=\"siteUrl\" value={{{json.dumps(url)}}} />")
    assert root.xpath(".//a") == []
    assert "javascript" not in lxml_html.tostring(root, encoding="unicode").lower()
    assert text(one(root, "kv-value")) == "\u2014"
    assert any("unsafe URL" in m for m in messages(result))


def test_masked_values():
    masked = '{{isMasked: true, maskedPresentation: "****1234"}}'
    for src in (
        f'<Field field="cardNumberStr" value={masked} />',
        f'<BasicRow label="Card" value={masked} />',
        f'<BasicField label="Card" value={masked} />',
        f'<Row label="Card" value={masked} />',
    ):
        root, _ = rendered(src)
        m = one(root, "kv-masked")
        assert m.text == "****1234"
        assert m.get("title") == "Masked by data masking" == m.get("aria-label")


def test_basic_row_values():
    root, result = rendered(
        "<div>"
        '<BasicRow label="Tier" value={_tier} />'
        '<BasicRow label="Spent" value={1840.5} />'
        '<BasicRow label="None" value={null} />'
        '<BasicRow label="El" value={<b>bold</b>} />'
        '<BasicField label="Kids">child</BasicField>'
        "</div>",
        {"_tier": "gold"},
    )
    rows = root.xpath('.//dl[contains(@class, "kv-row") or contains(@class, "kv-field")]')
    assert [r.find("dt").text for r in rows] == ["Tier", "Spent", "None", "El", "Kids"]
    assert [text(r.find("dd")) for r in rows] == ["gold", "1840.5", "\u2014", "bold", "child"]
    assert "kv-basic-row" in classes(rows[0]) and "kv-basic-field" in classes(rows[4])
    assert rows[3].find("dd/b").text == "bold"
    assert "kv-empty" in classes(rows[2].find("dd/span"))
    assert result.warnings == []


def test_row_has_inert_edit_affordance():
    root, _ = rendered('<Row field="statusStr" value="open" />')
    row = one(root, "kv-details-row")
    assert row.find("dt").text == "Status"
    btn = one(row, "kv-row-edit")
    assert btn.tag == "button" and btn.get("type") == "button" and btn.get("aria-label") == "Edit Status"
    root, _ = rendered('<Row label="Status" value="open" editable={false} />')
    assert root.xpath(".//button") == []


def test_row_priority():
    root, _ = rendered("<RowPriority value={4} />")
    pill = one(root, "kv-priority")
    assert {"kv-pill", "kv-priority-4"} <= classes(pill)
    assert text(pill) == "4 High"
    assert root.find(".//dt").text == "Priority"
    root, result = rendered("<RowPriority value={9} />")
    assert root.xpath('.//*[contains(@class, "kv-priority")]') == []
    assert any("1 to 5" in m for m in messages(result))


def test_row_assignment_user_and_team():
    root, _ = rendered(
        '<RowAssignmentUser value={["Jane Doe", "5f1e2d3c4b5a69788796a5b4", {displayName: "Bob", avatarUrl: "javascript:x"}]} />'
    )
    avatars = root.xpath('.//li[contains(@class, "kv-avatar")]')
    assert [a.get("title") for a in avatars] == ["Jane Doe", "5f1e2d3c4b5a69788796a5b4", "Bob"]
    assert [text(a.find("span")) for a in avatars] == ["JD", "#", "BO"]
    assert avatars[1].get("data-kv-id") == "5f1e2d3c4b5a69788796a5b4"
    assert root.xpath(".//img") == []  # the javascript: avatar URL was refused
    assert root.find(".//dt").text == "Assigned Users"
    root, _ = rendered('<RowAssignmentTeam value={["Billing", "Tier 2", "Ops"]} max={2} />')
    assert text(one(root, "kv-avatar-more")) == "+1"
    root, _ = rendered("<RowAssignmentTeam value={[]} />")
    assert text(one(root, "kv-empty")) == "No team"


def test_create_form_row_inputs():
    root, _ = rendered(
        "<div>"
        '<CreateFormRow field="dueAt" value="2026-10-02T15:04:05Z" required />'
        '<CreateFormRow field="notesTxt" placeholder="Notes" />'
        '<CreateFormRow field="giftBool" value={true} />'
        '<CreateFormRow field="totalNum" value={12} disabled />'
        "</div>"
    )
    rows = root.xpath('.//label[contains(@class, "kv-form-row")]')
    assert [text(r.find("span")) for r in rows] == ["Due*", "Notes", "Gift", "Total"]
    due = rows[0].find("input")
    assert (due.get("type"), due.get("value"), due.get("name")) == ("datetime-local", "2026-10-02T15:04", "dueAt")
    assert due.get("required") is not None
    assert rows[1].find("textarea").get("placeholder") == "Notes"
    assert rows[2].find("input").get("type") == "checkbox" and rows[2].find("input").get("checked") is not None
    assert rows[3].find("input").get("type") == "number" and rows[3].find("input").get("disabled") is not None


# ------------------------------------------------------------------------------ display


def test_images_strip():
    root, result = rendered(
        '<Images size="small" images={["https://a.test/1.png", {url: "https://a.test/2.png", alt: "Two"}, '
        '{url: "javascript:alert(1)"}, "data:image/png;base64,AAAA"]} />'
    )
    strip = one(root, "kv-images")
    assert strip.tag == "ul" and "kv-images-small" in classes(strip)
    imgs = strip.findall(".//img")
    assert [i.get("src") for i in imgs] == ["https://a.test/1.png", "https://a.test/2.png", "data:image/png;base64,AAAA"]
    assert all(i.get("loading") == "lazy" for i in imgs)
    assert imgs[1].get("alt") == "Two"
    assert any("unsafe URL" in m for m in messages(result))


def test_pill_colours():
    root, result = rendered(
        '<div><Pill color="red" text="late" /><Pill color="#ff0088">custom</Pill><Pill>plain</Pill>'
        '<Pill color="red;background:url(x)">bad</Pill></div>'
    )
    pills = root.xpath('.//span[contains(@class, "kv-pill")]')
    assert [p.text for p in pills] == ["late", "custom", "plain", "bad"]
    assert classes(pills[0]) == {"kv-pill", "kv-pill-red"} and pills[0].get("style") is None
    assert classes(pills[1]) == {"kv-pill", "kv-pill-custom"}
    assert pills[1].get("style") == "--kv-pill-color:#ff0088"
    assert classes(pills[2]) == {"kv-pill", "kv-pill-grey"}
    assert classes(pills[3]) == {"kv-pill", "kv-pill-grey"} and pills[3].get("style") is None
    assert any("not a colour" in m for m in messages(result))


# ------------------------------------------------------------------------------ buttons


def test_buttons_and_handlers():
    root, result = rendered(
        '<ButtonGroup align="right"><Button variant="primary" onClick={() => 1}>Save</Button>'
        '<Button text="Off" disabled size="small" /><Button variant="subtle">More</Button></ButtonGroup>',
        mark_handlers=True,
    )
    group = one(root, "kv-button-group")
    assert group.get("role") == "group" and "kv-align-right" in classes(group)
    b = group.findall("button")
    assert [x.text for x in b] == ["Save", "Off", "More"]
    assert all(x.get("type") == "button" for x in b)
    assert classes(b[0]) == {"kv-button", "kv-button-primary"} and b[0].get("data-kv-on") == "click"
    assert classes(b[1]) == {"kv-button", "kv-button-secondary", "kv-button-small"}
    assert b[1].get("disabled") is not None
    assert classes(b[2]) == {"kv-button", "kv-button-subtle"}
    assert [(h[1], h[2].__class__.__name__) for h in result.handlers] == [("click", "Closure")]
    assert result.warnings == []


# -------------------------------------------------------------------------------- cards


def test_dynamic_card_iframe():
    root, result = rendered(
        '<div><DynamicCard src="https://cards.example.com/card?x=1#top" context={{conversation: {id: "c1"}, n: 2}} '
        "noPadding fillToWidth height={200} />"
        '<Card src="/local/card.html" /></div>'
    )
    frames = root.findall(".//iframe")
    assert len(frames) == 2
    wrap = frames[0].getparent()
    assert {"kv-card-embed", "kv-dynamic-card", "kv-no-padding", "kv-fill-width"} <= classes(wrap)
    url = urlsplit(frames[0].get("src"))
    assert (url.scheme, url.netloc, url.path, url.fragment) == ("https", "cards.example.com", "/card", "top")
    assert parse_qs(url.query) == {"x": ["1"], "parentUrl": ["about:blank"], "id": ["kv-card-1"]}
    assert frames[0].get("data-kv-card-id") == "kv-card-1"
    assert json.loads(frames[0].get("data-kv-context")) == {"conversation": {"id": "c1"}, "n": 2}
    assert frames[0].get("style") == "height:200px"
    assert parse_qs(urlsplit(frames[1].get("src")).query)["id"] == ["kv-card-2"]
    assert "kv-card" in classes(frames[1].getparent())
    assert result.warnings == []


def test_dynamic_card_parent_url_from_context():
    ctx = RenderContext()
    ctx.parent_url = "http://127.0.0.1:5000/preview/x"
    el = COMPONENTS["DynamicCard"].render({"src": "https://c.example/p"}, [], ctx)
    src = el.find("iframe").get("src")
    assert src == "https://c.example/p?parentUrl=http%3A%2F%2F127.0.0.1%3A5000%2Fpreview%2Fx&id=kv-card-1"


def test_dynamic_card_refuses_script_src():
    root, result = rendered('<DynamicCard src="javascript:alert(1)" />')
    assert root.xpath(".//iframe") == []
    assert "kv-card-missing" in classes(one(root, "kv-card-embed"))
    assert any("refused" in m for m in messages(result))


def test_dynamic_card_with_an_invalid_url():
    root, result = rendered('<DynamicCard fillToWidth src="https://[card-url]/index.html" />')
    assert root.xpath(".//iframe") == []
    assert "kv-card-missing" in classes(one(root, "kv-card-embed"))
    assert any("not a valid URL" in m for m in messages(result))


# ---------------------------------------------------------------------- unknown components


def test_unknown_component_placeholder_and_hint():
    root, result = rendered('<Segment><Buton text="Go" onClick={() => 1} data={{a: "x".repeat(200)}}><b>kid</b></Buton></Segment>')
    ph = one(root, "kv-unknown")
    assert ph.tag == "div" and ph.get("data-kv-component") == "Buton"
    assert one(ph, "kv-unknown-name").text == "<Buton>"
    props = dict(zip([dt.text for dt in ph.iter("dt")], [dd.text for dd in ph.iter("dd")]))
    assert props["text"] == '"Go"'
    assert props["onClick"].startswith("\u0192")
    assert len(props["data"]) <= 60 and props["data"].endswith("\u2026")
    assert one(ph, "kv-unknown-children").find("b").text == "kid"
    unknown = [w for w in result.warnings if w.kind == "unknown-component"]
    assert [(w.kind, w.message, w.line, w.column) for w in unknown] == [
        ("unknown-component", "Unknown component <Buton>: did you mean <Button>?", 1, 11)
    ]


def test_unknown_component_without_close_match():
    _, result = rendered("<Zzqxv />")
    assert "Unknown component <Zzqxv>" in messages(result)


def test_unknown_component_suggests_user_components():
    _, result = rendered("<FancyBadg />", components={"components/FancyBadge.jsx": "function FancyBadge() { return null; }"})
    assert "Unknown component <FancyBadg>: did you mean <FancyBadge>?" in messages(result)


# ---------------------------------------------------------------------------- prop checks


def test_unknown_prop_warns_and_still_renders():
    root, result = rendered('<Pill colour="red" text="x" />')
    assert one(root, "kv-pill").text == "x"
    assert any("unknown prop `colour`" in m for m in messages(result))


def test_prop_check_runs_once_whoever_calls_it():
    """the HTML walk may call check_props with the element's location before render; the
    wrapper then does not check again. Without it, the wrapper checks (once)."""
    pill = COMPONENTS["Pill"]
    ctx = RenderContext()
    props = {"colour": "red", "text": "x"}
    assert pill.check_props(props, ctx, (3, 4)) == ["colour"]
    pill.render(dict(props), [], ctx)
    assert ctx.warnings == [
        Diagnostic.warning("<Pill>: unknown prop `colour` (ignored); did you mean `color`?", (3, 4), "unknown-prop")
    ]
    ctx = RenderContext()
    pill.render(dict(props), [], ctx)
    pill.render(dict(props), [], ctx)  # same element again: ctx.warn de-duplicates
    assert len(ctx.warnings) == 1


def test_prop_check_marks_survive_nested_children():
    """Outer checked, then its children (checked or not) rendered, then the outer rendered."""
    seg = COMPONENTS["Segment"]
    ctx = RenderContext()
    seg.check_props({"bogus": 1}, ctx, (1, 0))
    seg.check_props({"bogus": 1}, ctx, (2, 2))
    seg.render({"bogus": 1}, [], ctx)  # inner
    COMPONENTS["Pill"].render({"text": "x", "wrong": 1}, [], ctx)  # an unchecked sibling
    seg.render({"bogus": 1}, [], ctx)  # outer
    assert [(w.message.split(";")[0], w.loc) for w in ctx.warnings] == [
        ("<Segment>: unknown prop `bogus` (ignored)", (1, 0)),
        ("<Segment>: unknown prop `bogus` (ignored)", (2, 2)),
        ("<Pill>: unknown prop `wrong` (ignored)", None),
    ]
    assert ctx._kv_checked == []


def test_placeholder_props_are_not_unknown_props():
    from renderer.kustomer.components.unknown import make_placeholder

    ctx = RenderContext()
    assert make_placeholder("Foo").check_props({"anything": 1}, ctx) == []
    assert ctx.warnings == []


def test_every_prop_spec_is_described():
    for name, comp in COMPONENTS.items():
        assert comp.prop_spec, name
        assert comp.context_hint, name
        for prop, desc in comp.prop_spec.items():
            assert " — " in desc, (name, prop)


def test_components_render_only_kv_classes_and_no_colours():
    src = (
        "<div><Segment><Grid><Column size='eight'><Field field='aAt' value='2026-01-01T00:00:00Z' />"
        "<Field field='bUrl' value='https://x.test' /><Images images={['https://x.test/i.png']} /></Column></Grid>"
        "<BasicRow label='l' value='v' /><RowPriority value={1} /><RowAssignmentUser value={['A B']} />"
        "<Pill color='blue'>p</Pill><ButtonGroup><Button>b</Button></ButtonGroup>"
        "<CreateFormRow field='cStr' /><DynamicCard src='https://x.test/c' /></Segment></div>"
    )
    root, result = rendered(src)
    assert result.warnings == []
    for el in root.iter():
        for c in classes(el) - {"kview"}:
            assert c.startswith("kv-"), c
        assert el.get("style") is None, lxml_html.tostring(el)


def test_builtin_components_are_fresh_per_render():
    render("Segment.leak = 1; <div />")
    r = render("<div>{String(Segment.leak)}</div>")
    assert r.html == "<div>undefined</div>"


# ---------------------------------------------------------------------- user components

BADGE = """
const Badge = ({ text }) => <Pill color="blue">{text}!</Pill>;
function helper() { return 1; }
"""


def test_user_components_become_globals():
    root, result = rendered('<Segment><Badge text="vip" /></Segment>', components={"components/Badge.jsx": BADGE})
    pill = one(root, "kv-pill")
    assert pill.text == "vip!" and "kv-pill-blue" in classes(pill)
    assert result.warnings == []
    # only capitalized bindings become globals
    with pytest.raises(RenderError, match="helper is not defined"):
        render("helper()", components={"components/Badge.jsx": BADGE})


def test_user_components_take_precedence_over_builtins():
    src = "const Segment = (props) => <section className='mine'>{props.children}</section>;"
    root, _ = rendered("<Segment>x</Segment>", components={"components/Segment.jsx": src})
    assert root.find("section").text == "x"
    assert root.xpath('.//*[contains(@class, "kv-segment")]') == []


def test_user_component_files_see_each_other_and_keep_var_globals():
    files = {
        "components/a.jsx": "var Inner = (p) => <b>{p.t}</b>;",
        "components/b.jsx": "function Outer(p) { return <i><Inner t={p.t} /></i>; }",
    }
    root, _ = rendered("<Outer t='hi' />", components=files)
    assert root.find("i/b").text == "hi"


def test_user_component_errors_name_their_file():
    with pytest.raises(TemplateSyntaxError) as info:
        render("<div />", components={"components/Broken.jsx": "const X = <div>;"})
    assert info.value.file == "components/Broken.jsx"
    with pytest.raises(RenderError) as info:
        render("<div />", components={"components/Throws.jsx": "\nconst X = null;\nX.y;"})
    assert (info.value.file, info.value.line) == ("components/Throws.jsx", 3)
    files = {"components/Bad.jsx": "function Bad(p) {\n  return p.missing.x;\n}"}
    with pytest.raises(RenderError) as info:
        render("<div>\n<Bad />\n</div>", components=files)
    assert (info.value.file, info.value.line) == ("components/Bad.jsx", 2)
    assert "p.missing.x" in info.value.code_frame()


def test_user_components_use_hooks():
    files = {
        "components/Counter.jsx": (
            "const { useState, useEffect } = React;\n"
            "function Counter({ start }) {\n"
            "  const [n, setN] = useState(start);\n"
            "  useEffect(() => { setN(n + 1); }, []);\n"
            "  return <Button onClick={() => setN(n + 1)} text={'n=' + n} />;\n"
            "}"
        )
    }
    root, result = rendered("<Counter start={2} />", components=files)
    assert one(root, "kv-button").text == "n=3"
    assert [h[1] for h in result.handlers] == ["click"]


def test_user_components_do_not_change_the_completion_value():
    r = render("const a = 1;", components={"components/X.jsx": "const X = 1; 'leftover';"})
    assert r.html == ""


# ------------------------------------------------------------------------------- themes

SPEC_VARIABLES = {
    # Kustomer's documented theme variables
    "--background-primary-color", "--background-primary-color-rgb",
    "--background-primary-color-inverse-rgb", "--background-primary-color-hover",
    "--background-primary-color-selected", "--background-secondary-color",
    "--background-tertiary-color", "--background-tertiary-color-rgb",
    "--background-tertiary-color-hover", "--background-tertiary-color-hover-rgb",
    "--background-nav-primary-color", "--background-modal-overlay-color-rgb",
    "--background-search-results-has-active-users-color",
    "--background-search-results-has-active-users-color-hover",
    "--font-primary-color", "--font-primary-color-inverse", "--font-secondary-color",
    "--font-secondary-hover-color", "--icon-primary-color", "--icon-primary-color-disabled",
    "--form-border-color", "--form-border-color-hover", "--form-border-color-disabled",
    "--color-hint",
    # theme variables seen in a Kustomer-built card
    "--background-primary-color-inverse", "--button-subtle-text", "--button-subtle-text-hover",
    "--border-primary",
}  # fmt: skip

CSS = (ROOT / "static" / "kview.css").read_text(encoding="utf-8")
_BLOCK = re.compile(r"([^{}]+)\{([^{}]*)\}")


def theme_blocks() -> dict[str, dict[str, str]]:
    """{theme: {variable: value}} for the light, dark and system-when-dark rule blocks."""
    out: dict[str, dict[str, str]] = {}
    css = re.sub(r"/\*.*?\*/", "", CSS, flags=re.S)
    media = re.search(r"@media \(prefers-color-scheme: dark\)\s*\{(.*?\})\s*\}", css, re.S)
    assert media, "no prefers-color-scheme block"
    for selector, body in _BLOCK.findall(css.replace(media.group(0), "")):
        decls = dict(re.findall(r"(--[\w-]+)\s*:\s*([^;]+);", body))
        for theme in ("light", "dark"):
            if f'[data-kview-theme="{theme}"]' in selector:
                assert f".kview-theme-{theme}" in selector
                out[theme] = decls
    (selector, body), = _BLOCK.findall(media.group(1))
    assert '[data-kview-theme="system"]' in selector and ".kview-theme-system" in selector
    out["system-dark"] = dict(re.findall(r"(--[\w-]+)\s*:\s*([^;]+);", body))
    return out


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_button_fills_keep_white_text_readable(theme: str) -> None:
    """The filled buttons (primary, danger), hovered or not, give their text (--kv-on-accent)
    WCAG's 4.5:1 in both themes: a dark theme's lighter hover used to drop it to 3:1."""
    block = theme_blocks()[theme]
    on = _luminance(block["--kv-on-accent"])
    for token in ("--kv-accent-fill", "--kv-accent-hover", "--kv-danger-fill", "--kv-danger-hover"):
        back = _luminance(block[token])
        ratio = (max(on, back) + 0.05) / (min(on, back) + 0.05)
        assert ratio >= 4.5, (theme, token, block[token], round(ratio, 2))
    for rule in re.findall(r"\.kv-button-(?:primary|danger)(?::hover)?\s*\{[^}]*\}", CSS):
        assert "background: var(--kv-accent-fill)" in rule or "background: var(--kv-danger-fill)" in rule \
            or "background: var(--kv-accent-hover)" in rule or "background: var(--kv-danger-hover)" in rule, rule


def test_css_defines_every_spec_variable_for_both_themes():
    blocks = theme_blocks()
    for theme in ("light", "dark", "system-dark"):
        missing = SPEC_VARIABLES - set(blocks[theme])
        assert not missing, (theme, missing)
    assert blocks["system-dark"] == blocks["dark"]
    assert blocks["light"].keys() == blocks["dark"].keys()
    assert blocks["light"]["--background-primary-color"] != blocks["dark"]["--background-primary-color"]
    for theme in ("light", "dark"):
        for name, value in blocks[theme].items():
            if name.endswith("-rgb"):
                assert re.fullmatch(r"\d{1,3}, \d{1,3}, \d{1,3}", value.strip()), (name, value)


def test_css_light_block_also_covers_system_and_root():
    css = re.sub(r"/\*.*?\*/", "", CSS, flags=re.S)
    light_selector = next(s for s, _ in _BLOCK.findall(css) if '[data-kview-theme="light"]' in s)
    for sel in (":root", '[data-kview-theme="system"]', ".kview-theme-system", ".kview-theme-light"):
        assert sel in light_selector


def test_css_component_rules_use_variables_not_colours():
    css = re.sub(r"/\*.*?\*/", "", CSS, flags=re.S)
    css = re.sub(r"@media[^{]*\{(?:[^{}]*\{[^{}]*\})*\s*\}", "", css)
    for selector, body in _BLOCK.findall(css):
        if "data-kview-theme" in selector:
            continue
        assert not re.search(r"#[0-9a-fA-F]{3,8}\b|\brgba?\(\s*\d", body), selector.strip()
    for cls in (".kv-segment", ".kv-grid", ".kv-wide-eight", ".kv-row", ".kv-pill", ".kv-button-primary",
                ".kv-card-iframe", ".kv-masked", ".kv-unknown", ".kview-page", ".kview-card-frame", ".kv-pre-line"):
        assert cls in css, cls


# --------------------------------------------------------------------------------- docs


def test_docs_components_md_is_generated():
    doc = (ROOT / "docs" / "components.md").read_text(encoding="utf-8")
    assert doc == prop_table_markdown(), "run: make docs"
    for name in COMPONENTS:
        assert f"## {name}\n" in doc


def test_field_value_ignores_undefined_props():
    ctx = RenderContext()
    assert format_field("xStr", UNDEFINED, ctx)[0].text == "\u2014"


def test_unknown_prop_warns_once_with_its_location_through_render():
    from renderer import render

    result = render('<div>\n  <Segment bogus={1}>x</Segment>\n</div>', {})
    unknown = [w for w in result.warnings if "bogus" in w.message]
    assert len(unknown) == 1
    assert (unknown[0].line, unknown[0].column) == (2, 3)
    assert "it takes padded" in unknown[0].message


def test_images_link_web_images_but_not_data_urls():
    """A data: image shows as a thumbnail without a link (browsers refuse to open data: pages,
    and kview writes no data: href); an http(s) image links to itself."""
    svg = "data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'/%3E"
    root, result = rendered("<Images images={[a, b]} />", {"a": svg, "b": "https://img.example/x.png"})
    links = root.xpath('.//*[contains(@class, "kv-image-link")]')
    assert [el.tag for el in links] == ["span", "a"] and links[1].get("href") == "https://img.example/x.png"
    assert [img.get("src") for img in root.iter("img")] == [svg, "https://img.example/x.png"]
    assert not [w for w in result.warnings if "data:" in w.message]
