"""Every non-empty template of the public corpus renders, and shows what its author meant."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import html as lhtml

from renderer import render
from tests.support.paths import CORPUS

FILES = sorted(p for p in CORPUS.glob("**/kviews/*.kview.json") if json.loads(p.read_text()).get("template"))

# What a person would check on screen: visible text, else the embedded card's URL, else the console.
EXPECT: dict[str, tuple[str, str]] = {
    "JZimms2__sample-app-1/kviews/joke-kview.kview.json": ("iframe", "glitch.me"),
    "Maquendi__kustomer-apps-configurer/kviews/payment-invoice.kview.json": ("text", "Here is you output "),
    "NateSkiles__effort_timer/kviews/timer-card.kview.json": ("iframe", "sunny-forested-galleon.glitch.me"),
    "Tchelet__kustomer-giphy-app/kviews/randomgiphy.kview.json": ("iframe", "sage-bubble-fibula.glitch.me"),
    "arwinada__kustomer-demo/kviews/randomgiphy.kview.json": ("iframe", "arwinada.github.io"),
    "docs/kviews/docs-klass-views-div-classname.kview.json": ("text", "Order details here"),
    "docs/kviews/docs-kviews-segment-basicrow.kview.json": ("text", "Order count"),
    "kustomer__kustomer-apps-starter-configs/kviews/my-first-cardjscard-kview.kview.json": ("iframe", "INSERT_YOUR_TARGET_URL"),
    "kustomer__kustomer-apps-starter-configs/kviews/my-first-kview.kview.json": ("text", "Hello, "),
    "makskustomer__alpha_insight_card/kviews/alpha-insight-card.kview.json": ("text", "DynamicCard"),
    "parcelLab__kustomer-app_bak/kviews/parcellab-trackorders.kview.json": ("iframe", "parcellab"),
    "sangeethayesurajan-TU__Kustomer_AuthorAI/kviews/sample_authorai.kview.json": ("text", "Write/Paste/Select Text to Start"),
    "sangeethayesurajan-TU__taskGPT_Kustomer/kviews/taskgpt-old_app.kview.json": ("text", "Version: 1.0.0 | TaskUs @"),
    "sangeethayesurajan-TU__taskGPT_Kustomer/kviews/taskgpt-v2.1.0.kview.json": ("text", "Version: 2.1.0 | TaskUs @"),
    "unattributed/kviews/group-booking-reservations.kview.json": ("console", "[Debug] Script is starting..."),
    "watson-developer-cloud__assistant-web-chat-service-desk-starter/kviews/watson_assistant.chatHistory.insightCard.kview.json": ("iframe", "session_history_key="),
}


def test_corpus_is_where_we_expect() -> None:
    assert len(FILES) >= 16
    assert {str(p.relative_to(CORPUS)) for p in FILES} == set(EXPECT)


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(CORPUS)) for p in FILES])
def test_corpus_template_renders(path: Path) -> None:
    record = json.loads(path.read_text())
    result = render(record["template"], None, name=path.name, resource=record.get("resource") or "customer")
    kind, needle = EXPECT[str(path.relative_to(CORPUS))]
    tree = lhtml.fromstring(f"<div>{result.html}</div>")
    if kind == "text":
        assert needle in tree.text_content()
    elif kind == "iframe":
        srcs = [f.get("src", "") for f in tree.iter("iframe")]
        assert any(needle in s for s in srcs), srcs
        assert all("parentUrl=" in s and "id=" in s for s in srcs)
    else:
        assert any(needle in c["text"] for c in result.console), result.console
