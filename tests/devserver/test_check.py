"""`kview check` on real apps: located findings with their views, exit codes, JSON and SARIF,
and the public corpus (no crash, no false errors on the definitions Kustomer accepted)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from devserver.check import check
from devserver.cli import main
from tests.support.paths import CORPUS

APP = {"app": "shop", "version": "1.0.0", "title": "Shop", "kviews": [
    {"name": "kustomer.app.shop.inline", "resource": "customer", "context": "smartbar-crad",
     "template": "<div>inline</div>"},
    {"name": "kustomer.app.shop.card", "resource": "customer", "context": "smartbar-card", "template": "<div/>"},
]}


def write(root: Path, rel: str, text: str) -> Path:
    p = root / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def meta(name: str, resource: str = "customer", context: str = "smartbar-card") -> str:
    return json.dumps({"name": f"kustomer.app.shop.{name}", "resource": resource, "context": context}, indent=2)


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    write(tmp_path, "app.json", json.dumps(APP, indent=2))
    write(tmp_path, "kviews/syntax.jsx", "<Segment>\n  <div>\n</Segment>\n")
    write(tmp_path, "kviews/syntax.json", meta("syntax"))
    write(tmp_path, "kviews/typo.jsx", "<Segment>\n  <BasicRw label=\"a\" value=\"b\" />\n</Segment>\n")
    write(tmp_path, "kviews/typo.json", meta("typo"))
    write(tmp_path, "kviews/colour.jsx", "<div style={{ padding: 4, color: '#333' }}>hi</div>\n")
    write(tmp_path, "kviews/colour.json", meta("colour"))
    write(tmp_path, "kviews/details.jsx", "<div>details</div>\n")
    write(tmp_path, "kviews/details.json", meta("details", context="expanded-timeline"))
    write(tmp_path, "kviews/card.jsx", "<div>again</div>\n")  # named like app.json's second view
    write(tmp_path, "kviews/card.json", meta("card"))
    return tmp_path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", *args])
    return result.exit_code, result.stdout


def findings_of(root: Path, *extra: str) -> tuple[int, list[dict]]:
    code, out = run(str(root), "--format", "json", *extra)
    return code, json.loads(out)["findings"]


def one(findings: list[dict], rule: str, **where: object) -> dict:
    hits = [f for f in findings if f["rule"] == rule and all(f[k] == v for k, v in where.items())]
    assert len(hits) == 1, (rule, where, findings)
    return hits[0]


def test_broken_app_names_each_problem_with_its_view_and_place(broken: Path) -> None:
    code, found = findings_of(broken)
    assert code == 1
    # unknown context: line 9 of app.json (json.dumps indent=2) holds the inline view's "context"
    ctx = one(found, "unknown-context", file="app.json")
    assert (ctx["line"], ctx["column"], ctx["view"], ctx["severity"]) == (9, 18, "kustomer.app.shop.inline", "error")
    assert "smartbar-card" in ctx["fix"]
    res = one(found, "resource-not-allowed", file="kviews/details.json")
    assert (res["line"], res["column"], res["view"]) == (3, 15, "kustomer.app.shop.details")
    syn = one(found, "syntax-error", file="kviews/syntax.jsx")
    assert (syn["line"], syn["view"], syn["severity"]) == (3, "kustomer.app.shop.syntax", "error")
    typo = one(found, "unknown-component", file="kviews/typo.jsx")
    assert (typo["line"], typo["column"], typo["severity"]) == (2, 4, "error")
    assert "did you mean <BasicRow>?" in typo["message"]
    col = one(found, "hard-coded-colour", file="kviews/colour.jsx")
    assert (col["line"], col["column"], col["severity"], col["view"]) == (1, 34, "warning", "kustomer.app.shop.colour")
    assert "#333" in col["message"] and "var(--" in col["fix"]
    dup = one(found, "duplicate", file="kviews/card.json")
    assert dup["line"] == 2 and "kviews[1]" in dup["message"]


def test_human_output_groups_by_file_plain_in_ci(broken: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "1")
    code, out = run(str(broken))
    assert code == 1 and "\x1b[" not in out
    lines = out.splitlines()
    i = lines.index("kviews/typo.jsx")
    assert lines[i + 1].startswith("  2:4  error  Unknown component <BasicRw>: did you mean <BasicRow>?")
    assert "(kustomer.app.shop.typo)" in lines[i + 1] and lines[i + 2].startswith("      fix: ")
    assert lines[-1] == "5 errors, 1 warning"


def test_clean_app_exits_0_and_strict_fails_on_warnings(tmp_path: Path) -> None:
    write(tmp_path, "app.json", json.dumps({**APP, "kviews": []}))
    write(tmp_path, "kviews/card.jsx", "<Segment><BasicRow label=\"Tier\" value=\"gold\" /></Segment>\n")
    write(tmp_path, "kviews/card.json", meta("card"))
    assert run(str(tmp_path)) == (0, "no problems found\n")
    write(tmp_path, "kviews/card.jsx", "<div style={{ background: 'white' }}>x</div>\n")
    code, found = findings_of(tmp_path)
    assert code == 0 and [f["rule"] for f in found] == ["hard-coded-colour"]
    assert findings_of(tmp_path, "--strict")[0] == 1


def test_usage_error_exits_2(tmp_path: Path) -> None:
    assert run(str(tmp_path / "missing"))[0] == 2
    assert run(str(tmp_path), "--format", "xml")[0] == 2


def test_sarif_is_a_valid_minimal_log(broken: Path) -> None:
    code, out = run(str(broken), "--format", "sarif")
    log = json.loads(out)
    assert code == 1 and log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    (run_,) = log["runs"]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "kview check"
    rule_ids = [r["id"] for r in driver["rules"]]
    assert rule_ids == sorted(set(rule_ids)) and "syntax-error" in rule_ids
    for r in run_["results"]:
        assert r["level"] in ("error", "warning") and r["message"]["text"]
        assert rule_ids[r["ruleIndex"]] == r["ruleId"]
        loc = r["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"] and loc["region"]["startLine"] >= 1 and loc["region"]["startColumn"] >= 1
    assert any(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "kviews/syntax.jsx"
               for r in run_["results"])


def test_json_summary_counts(broken: Path) -> None:
    data = json.loads(run(str(broken), "--format", "json")[1])
    assert data["summary"]["errors"] == sum(f["severity"] == "error" for f in data["findings"])
    assert set(data["findings"][0]) == {"severity", "rule", "message", "fix", "file", "line", "column", "view"}


def test_definition_cross_references(tmp_path: Path) -> None:
    defn = {
        "app": "shop", "version": "1.0.0", "title": "Shop",
        "settings": {"default": {"token": {"type": "secret"}}},
        "i18n": {"en_us": {"shop.settings.path.default.token.displayName": "Token"}, "fr_fr": {"shop.only.fr": "x"}},
        "widgets": [{"url": "https://x.example/?d={{{settings.default.domain}}}", "icon": "https://x.example/i.png",
                     "width": "wide"}],
        "commands": [{"name": "shop.app.get", "appSettings": {"authToken": {"key": "shop.default.tokn"}}}],
        "kviews": [{"name": "kustomer.app.shop.c", "resource": "customer", "context": "smartbar-card",
                    "template": "KustomerRequest({url: '/v1/commands/shop.app.gett/run', method: 'POST'}); <div/>"}],
        "klass": [],
    }
    write(tmp_path, "shop.app.json", json.dumps(defn, indent=1))
    found = {(f.rule, f.message.split(" (template")[0]) for f in check(tmp_path / "shop.app.json")}
    assert ("i18n-missing", "'shop.only.fr' has a fr_fr string but no en_us one") in found
    assert ("unknown-setting", "references settings.default.domain, which the app does not define") in found
    assert ("widget-size", "widget width 'wide' is not a CSS size") in found
    assert ("unknown-setting", "command 'shop.app.get' reads setting default.tokn, which the app does not define") in found
    assert ("unknown-command", "runs command 'shop.app.gett', which the app does not define") in found
    assert any(r == "unknown-key" and "klass" in m for r, m in found)


def test_attribute_nobody_defines(tmp_path: Path) -> None:
    defn = {**APP, "kviews": [], "klasses": [{"name": "customer", "metadata": {"standard": True, "properties": {
        "tierStr": {"displayName": "Tier"}}}}]}
    write(tmp_path, "app.json", json.dumps(defn))
    write(tmp_path, "kviews/card.jsx", "<div>{customer.custom.tierStr}\n{customer.custom.teirStr}</div>\n")
    write(tmp_path, "kviews/card.json", meta("card"))
    (f,) = [f for f in check(tmp_path) if f.rule == "unknown-attribute"]
    assert (f.file, f.line, f.column) == ("kviews/card.jsx", 2, 18) and "teirStr" in f.message
    write(tmp_path, "mocks/kustomer.app.shop.card.json", json.dumps({"customer": {"custom": {"teirStr": "x"}}}))
    assert not [f for f in check(tmp_path) if f.rule == "unknown-attribute"]  # the mock has it


def test_unreadable_files_are_located_findings(tmp_path: Path) -> None:
    write(tmp_path, "app.json", '{"app": "shop",\n  "version": 1,,}')
    code, found = findings_of(tmp_path)
    bad = one(found, "invalid-json", file="app.json")
    assert code == 1 and (bad["line"], bad["column"]) == (2, 16)


CORPUS_DEFINITIONS = sorted(
    p for p in CORPUS.rglob("*.json")
    if p.name.endswith(".app.json") or p.name in ("app.json", "old_app.json", "exampleApp.json")
)
CORPUS_RECORDS = sorted(CORPUS.rglob("*.kview.json"))


def test_corpus_definitions_have_no_false_errors() -> None:
    assert len(CORPUS_DEFINITIONS) == 15
    for path in CORPUS_DEFINITIONS:
        errors = [f for f in check(path) if f.severity == "error"]
        assert errors == [], path


def test_corpus_findings_are_the_real_ones() -> None:
    seen: dict[str, set[str]] = {}
    for path in CORPUS_DEFINITIONS + CORPUS_RECORDS:
        for f in check(path):
            seen.setdefault(path.name, set()).add(f"{f.severity}:{f.rule}")
    assert seen["my_first_widget_app.app.json"] == {"warning:widget-size", "warning:i18n-missing"}
    assert seen["my_first_app.app.json"] == {"warning:view-name"}  # '<<organization>>' placeholder
    assert "warning:hard-coded-colour" in seen["sample_authorai.app.json"]
    # records whose source never gave a name/resource/context: not registrable as they stand
    assert seen["alpha-insight-card.kview.json"] == {"error:missing-key"}
    assert seen["group-booking-reservations.kview.json"] == {"error:missing-key"}
    assert "effort_timer.app.json" not in seen and "joke-kview.kview.json" not in seen


def test_check_and_build_read_only_files_inside_the_app(tmp_path: Path) -> None:
    """check/build take an app's files from the app model, so a symlink out of the folder (an
    app.json or a widget) is reported, never read: its contents show up nowhere."""
    outside = tmp_path / "outside"
    write(outside, "secret.json", json.dumps({"app": "SECRET-APP", "widgets": [{"name": "SECRET-WIDGET"}]}))
    app = tmp_path / "app"
    write(app, "kviews/card.jsx", "<div>card</div>\n")
    write(app, "kviews/card.json", meta("card"))
    (app / "app.json").symlink_to(outside / "secret.json")
    (app / "widgets").mkdir()
    (app / "widgets" / "w.json").symlink_to(outside / "secret.json")
    code, out = run(str(app), "--format", "json")
    assert "SECRET" not in out
    found = json.loads(out)["findings"]
    assert code == 1 and any("outside the app folder" in f["message"] and f["file"] == "app.json" for f in found), found
    built = CliRunner().invoke(main, ["build", str(app), "-o", str(tmp_path / "built.json")])
    assert "SECRET" not in built.output
    assert not (tmp_path / "built.json").exists() or "SECRET" not in (tmp_path / "built.json").read_text()


def test_the_sample_app_passes_check_strict() -> None:
    result = CliRunner().invoke(main, ["check", "--strict", str(Path(__file__).resolve().parents[2] / "sample_views")])
    assert (result.exit_code, result.stdout) == (0, "no problems found\n")
