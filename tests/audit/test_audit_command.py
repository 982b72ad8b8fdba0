"""``kview audit`` end to end, in real Chromium: the planted-defect corpus (``corpus/``, one view
per defect; ``corpus/expected.json`` names the rules each must give, nothing else), the sample
app (no finding in either theme), the template lines named, the report, exit codes and the
errors a user sees without a Chromium or with a view that matches nothing.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("playwright")
pytest.importorskip("numpy")
pytest.importorskip("PIL")

from devserver.cli import main  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("audit-command")]

CORPUS = Path(__file__).parent / "corpus"
SAMPLE = Path(__file__).resolve().parents[2] / "sample_views"
EXPECTED: dict[str, list[str]] = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))


def audit(app: Path, *args: str) -> tuple[int, dict, str]:
    """Run ``kview audit APP --format json ARGS…`` in process: (exit code, JSON, all output)."""
    result = CliRunner().invoke(main, ["audit", str(app), "--format", "json", "--workers", "2", *args])
    text = result.stdout
    data = json.loads(text[text.index("{"):]) if result.exit_code in (0, 1) and "{" in text else {}
    return result.exit_code, data, text + result.stderr


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, int, dict, str]:
    app = tmp_path_factory.mktemp("audit") / "corpus"
    shutil.copytree(CORPUS, app)
    return (app, *audit(app, "--fail-on", "never"))


def test_the_corpus_has_twenty_kinds_and_the_run_measures_every_shot(corpus) -> None:
    app, code, data, out = corpus
    assert code == 0, out
    assert len(EXPECTED) >= 20 and sorted(p.stem for p in (app / "kviews").glob("*.jsx")) == sorted(EXPECTED)
    assert data["shots"] == 2 * len(EXPECTED) and data["errors"] == {}


@pytest.mark.parametrize("view", sorted(EXPECTED))
def test_each_planted_defect_gives_exactly_its_rule(corpus, view: str) -> None:
    _, _, data, _ = corpus
    rules = sorted({f["rule"] for f in data["findings"] if f["view"] == view})
    assert rules == sorted(EXPECTED[view])


def test_where_the_defect_shows(corpus) -> None:
    _, _, data, _ = corpus
    by_view: dict[str, list[dict]] = {}
    for f in data["findings"]:
        by_view.setdefault(f["view"], []).append(f)
    themes = {v: sorted(f["theme"] for f in fs) for v, fs in by_view.items()}
    assert themes["low-dark-only"] == ["dark"] and themes["low-light-only"] == ["light"]
    assert themes["large-fails"] == ["light"] and themes["faded"] == ["dark", "light"]
    assert themes["component-color-prop"] == ["dark"]  # <Pill color="#000">: its text mixes black in
    for view in ("gradient", "background-image", "image-under-text", "black-svg", "black-png"):
        assert themes[view] == ["dark"], view
        assert all(f["sampled"] for f in by_view[view]), view
    low = by_view["low-dark-only"][0]
    assert low["ratio"] == pytest.approx(3.46, abs=0.01) and low["required"] == 4.5 and low["lc"] > 0
    assert low["color"] == "#3670dc" and low["background"] == "#1e2128"
    assert by_view["large-fails"][0]["required"] == 3.0


def test_hard_coded_colours_name_their_template_line(corpus) -> None:
    _, _, data, _ = corpus
    hard = {f["view"]: f for f in data["findings"] if f["rule"].startswith("hardcoded-")}
    assert hard["hardcoded-text"]["source"] == "kviews/hardcoded-text.jsx:2"
    assert hard["inherited"]["source"] == "kviews/inherited.jsx:1"  # the parent that sets it
    assert hard["named-color"]["source"] == "kviews/named-color.jsx:2"
    assert hard["rgb-color"]["source"] == "kviews/rgb-color.jsx:2"
    assert hard["hardcoded-background"]["source"] == "kviews/hardcoded-background.jsx:1"
    # A pair that reads fine in both themes is still hard-coded, as a warning, not a contrast error.
    assert hard["hardcoded-pair"]["severity"] == "warning"
    icons = {f["view"]: f["source"] for f in data["findings"] if f["rule"] == "image-contrast"}
    assert icons == {"black-svg": "kviews/black-svg.jsx:2", "black-currentcolor-svg": "kviews/black-currentcolor-svg.jsx:2",
                     "black-png": "unknown"}
    assert hard["hardcoded-readable"]["severity"] == "warning"  # large text, 3:1 or more in both themes
    assert hard["hardcoded-text"]["severity"] == "error"
    assert hard["hardcoded-text"]["themes"]["dark"]["ratio"] < 4.5 <= hard["hardcoded-text"]["themes"]["light"]["ratio"]


def test_the_report_outlines_each_finding_on_its_picture(corpus) -> None:
    app, _, data, _ = corpus
    report = Path(data["report"])
    assert report == app / "__audit__" / "report.html"
    assert (app / "__audit__" / ".gitignore").read_text(encoding="utf-8") == "report.html\n"
    html = report.read_text(encoding="utf-8")
    assert "http" not in re.sub(r'xmlns="http://www.w3.org/2000/svg"', "", html.split("<body>", 1)[1])
    shots = {f"{f['view']}.default.{t}" for f in data["findings"]
             for t in (("light", "dark") if f["theme"] == "both" else (f["theme"],))}
    assert html.count('<img src="data:image/png;base64,') == len(shots)
    assert html.count('class="box"') == sum(2 if f["theme"] == "both" else 1 for f in data["findings"])


def test_fail_on_picks_the_exit_code_and_text_names_rule_numbers_and_line(tmp_path) -> None:
    app = tmp_path / "app"
    shutil.copytree(CORPUS, app)
    code, _, out = audit(app, "--view", "hardcoded-pair")
    assert code == 0, out  # a warning only
    code, _, out = audit(app, "--view", "hardcoded-pair", "--fail-on", "warning")
    assert code == 1, out
    result = CliRunner().invoke(main, ["audit", str(app), "--view", "hardcoded-te*", "--workers", "1"])
    assert result.exit_code == 1
    assert "hardcoded-color" in result.stdout and "kviews/hardcoded-text.jsx:2" in result.stdout
    assert "1.28:1" in result.stdout and "#333333 on #1e2128" in result.stdout
    assert "\x1b[" not in result.stdout  # no colour outside a terminal


def test_the_sample_app_has_no_finding_in_either_theme(tmp_path) -> None:
    pytest.importorskip("axe_playwright_python")
    app = tmp_path / "sample"
    shutil.copytree(SAMPLE, app, ignore=shutil.ignore_patterns("__snapshots__", "__audit__"))
    code, data, out = audit(app, "--fail-on", "warning", "--axe")
    assert code == 0, out
    assert data["findings"] == [] and data["errors"] == {}
    assert data["shots"] >= 20


def test_usage_errors_are_one_line_and_exit_2(tmp_path, monkeypatch) -> None:
    app = tmp_path / "app"
    shutil.copytree(CORPUS, app)
    code, _, out = audit(app, "--view", "no-such-view")
    assert code == 2 and "no shot matches" in out and "Traceback" not in out
    monkeypatch.setenv("KVIEW_CHROMIUM", str(app / "no-chromium"))
    code, _, out = audit(app, "--view", "faded")
    assert code == 2 and "no-chromium" in out and "Traceback" not in out
    code, _, out = audit(app, "--fail-on", "sometimes")
    assert code == 2


def test_without_the_snapshot_extra_a_one_line_error(tmp_path, monkeypatch) -> None:
    app = tmp_path / "app"
    shutil.copytree(CORPUS, app)
    import devserver.audit

    for name in ("run", "rules", "pixels", "report"):  # as if never imported: numpy is looked for again
        monkeypatch.delitem(sys.modules, f"devserver.audit.{name}", raising=False)
        monkeypatch.delattr(devserver.audit, name, raising=False)
    monkeypatch.setitem(sys.modules, "numpy", None)  # import numpy raises ImportError(name="numpy")
    code, _, out = audit(app, "--view", "faded")
    assert code == 2 and "needs the snapshot extra (numpy is missing)" in out and "Traceback" not in out


def test_one_theme_judges_contrast_alone(tmp_path) -> None:
    app = tmp_path / "app"
    shutil.copytree(CORPUS, app)
    code, data, out = audit(app, "--view", "hardcoded-text", "--theme", "dark")
    assert code == 1, out
    assert [(f["rule"], f["theme"], f["source"]) for f in data["findings"]] == [
        ("contrast", "dark", "kviews/hardcoded-text.jsx:2")]
    code, data, out = audit(app, "--view", "hardcoded-text", "--theme", "light")
    assert code == 0 and data["findings"] == [], out


def test_axe_violations_are_new_then_pre_existing_then_resolved(tmp_path) -> None:
    pytest.importorskip("axe_playwright_python")
    app = tmp_path / "app"
    (app / "kviews").mkdir(parents=True)
    template = app / "kviews" / "logo.jsx"
    image = (CORPUS / "kviews" / "black-png.jsx").read_text(encoding="utf-8").split('src="', 1)[1].split('"', 1)[0]
    template.write_text(f'<div>\n  <img src="{image}" width="24" height="24" />\n</div>\n', encoding="utf-8")
    code, data, out = audit(app, "--axe", "--theme", "light")
    assert code == 1, out
    assert [(f["rule"], f["status"], f["severity"]) for f in data["findings"]] == [("axe/image-alt", "new", "error")]
    code, data, out = audit(app, "--axe", "--theme", "light", "--update-axe-baseline")
    baseline = json.loads((app / "__audit__" / "axe-baseline.json").read_text(encoding="utf-8"))
    assert baseline["violations"] == ["logo.default.light axe/image-alt img"]
    code, data, out = audit(app, "--axe", "--theme", "light")
    assert code == 0, out  # pre-existing violations do not fail the run
    assert [f["status"] for f in data["findings"]] == ["pre-existing"]
    template.write_text(f'<div>\n  <img src="{image}" alt="Acme" width="24" height="24" />\n</div>\n', encoding="utf-8")
    code, data, out = audit(app, "--axe", "--theme", "light")
    assert code == 0 and data["findings"] == [] and data["resolved"] == ["logo.default.light axe/image-alt img"], out
    assert audit(app, "--update-axe-baseline")[0] == 2  # needs --axe


def test_a_view_that_does_not_render_is_an_error_not_a_traceback(tmp_path) -> None:
    app = tmp_path / "app"
    (app / "kviews").mkdir(parents=True)
    (app / "kviews" / "broken.jsx").write_text("<div>{customer.name.</div>\n", encoding="utf-8")
    (app / "kviews" / "fine.jsx").write_text("<div><p>Fine</p></div>\n", encoding="utf-8")
    code, data, out = audit(app)
    assert code == 1, out
    assert set(data["errors"]) == {"broken.default.light", "broken.default.dark"} and data["findings"] == []
    code, data, out = audit(app, "--fail-on", "never")
    assert code == 0, out
    result = CliRunner().invoke(main, ["audit", str(app), "--workers", "1"])
    assert "broken.default.dark: not audited" in result.stdout and "Traceback" not in result.output
