"""The app model (``devserver.project``): files → App, one gatherer of a view's inputs for both
``kview render`` and the server, and AppLoadError as a located KViewError."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from devserver.cli import main
from devserver.project import (
    AppLoadError,
    FileError,
    Project,
    load,
    load_app,
    load_definition,
    load_template,
    read_inputs,
)
from devserver.project import inputs as inputs_module
from devserver.web import ServerConfig, create_app
from renderer import KViewError, RenderResult

SAMPLES = Path(__file__).resolve().parents[2] / "sample_views"


@pytest.fixture
def samples(tmp_path: Path) -> Path:
    dest = tmp_path / "sample_views"
    shutil.copytree(SAMPLES, dest)
    return dest


# ---------------------------------------------------------------------- files → App
def test_app_folder(samples: Path) -> None:
    app = load(samples)
    assert app.root == samples and app.title == "Acme Orders"
    assert sorted(v.name for v in app.views) == sorted(p.stem for p in (samples / "kviews").glob("*.jsx"))
    loyalty = app.view("loyalty")
    assert loyalty is not None and loyalty.display_name == "Loyalty"
    assert app.mock_for(app.view("recent-orders")) == samples / "mocks" / "recent-orders.json"
    assert app.mock_for(loyalty) is None  # no mocks/loyalty.json: generated data
    assert app.requests == samples / "mocks" / "requests.json"
    assert app.components == (samples / "components" / "StatusPill.jsx",)


def test_template_inside_an_app_folder_is_that_view_of_the_app(samples: Path) -> None:
    app = load(samples / "kviews" / "order-details.jsx")
    assert [v.name for v in app.views] == ["order-details"]
    assert app.root == samples and app.requests is not None and app.components
    assert app.views[0] == load_app(samples).view("order-details")  # same meta, same spec


def test_lone_template_and_definition(tmp_path: Path) -> None:
    (tmp_path / "card.jsx").write_text("<div/>", encoding="utf-8")
    lone = load_template(tmp_path / "card.jsx")
    assert lone.root is None and [v.name for v in lone.views] == ["card"]
    (tmp_path / "x.app.json").write_text(json.dumps({"kviews": [
        {"name": "a", "template": "<p/>", "context": "expanded-timeline"}, {"name": "iframe-only"}]}))
    defn = load_definition(tmp_path / "x.app.json")
    # a record without a template is an iframe view (Kustomer's template: null), previewed by a stand-in
    assert [(v.name, v.context, v.iframe) for v in defn.views] == [
        ("a", "expanded-timeline", False), ("iframe-only", "smartbar-card", True)]
    assert defn.views[0].template_name == f"{tmp_path / 'x.app.json'}#a"


def test_app_load_error_is_a_located_kview_error(tmp_path: Path) -> None:
    path = tmp_path / "x.app.json"
    path.write_text('{"kviews": [1, {"name": "ok", "template": "<p/>"}]}', encoding="utf-8")
    app = load(path)  # the bad record is the app's problem; the good one still loads
    assert [v.name for v in app.views] == ["ok"]
    (err,) = app.problems
    assert isinstance(err, AppLoadError) and isinstance(err, KViewError)
    assert err.file == str(path) and str(err) == f"{path}:1:2: kviews[0] is not an object but a JSON number"
    diag = err.diagnostic()
    assert (diag.severity, diag.kind, diag.file) == ("error", "AppLoadError", str(path))


def test_unreadable_template_is_that_views_located_error_on_the_page(tmp_path: Path) -> None:
    (tmp_path / "kviews").mkdir()
    (tmp_path / "kviews" / "bad.jsx").write_bytes(b"<div>\n  <p>\xff</p>\n</div>")
    (tmp_path / "kviews" / "good.jsx").write_text("<p>good</p>", encoding="utf-8")
    app = load(tmp_path)
    problem = app.view("bad").problem
    assert isinstance(problem, AppLoadError) and "not UTF-8" in problem.message
    assert (problem.file, problem.line, problem.column) == (str(tmp_path / "kviews" / "bad.jsx"), 2, 5)
    html = create_app(ServerConfig(views_dir=tmp_path, reload=False)).test_client().get("/").get_data(as_text=True)
    assert 'data-view="bad" data-state="error"' in html and 'data-kind="AppLoadError"' in html
    assert "kviews/bad.jsx" in html and "not UTF-8" in html
    assert 'data-view="good" data-state="ok"' in html and "<p>good</p>" in html


def test_unreadable_mock_is_a_file_error(samples: Path) -> None:
    (samples / "mocks" / "recent-orders.json").write_bytes(b'{"x": "\xff"}')
    app = load(samples)
    with pytest.raises(FileError, match="cannot read mock data: not UTF-8"):
        read_inputs(app, app.view("recent-orders"))
    err = create_app(ServerConfig(views_dir=samples, reload=False)).test_client().get(
        "/render/recent-orders?format=json").get_json()["error"]
    assert err["kind"] == "FileError" and err["file"] == "mocks/recent-orders.json"


# ---------------------------------------------------------------------- one gatherer
def spy_render(monkeypatch) -> list[tuple[object, dict]]:
    calls: list[tuple[object, dict]] = []

    def spy(source, data, **kwargs):
        calls.append((data, {"source": source, **kwargs}))
        return RenderResult('<div class="kview">ok</div>')

    monkeypatch.setattr(inputs_module, "render", spy)
    return calls


def test_both_themes_come_from_one_run_of_the_template(samples: Path, monkeypatch) -> None:
    """Themes are CSS variables only: the gallery runs a view once and gives the other theme
    the same HTML with the root's theme class swapped, identical to rendering it again."""
    project = Project(samples)
    spec = project.find("recent-orders")
    alone = {}  # each theme rendered on its own
    for theme in ("light", "dark"):
        other = Project(samples)
        alone[theme] = other.render(other.find("recent-orders"), theme)
        assert alone[theme].ok, alone[theme].error
    real = inputs_module.render
    runs: list[str] = []

    def counting(source, data, **kwargs):
        runs.append(kwargs["root_class"])
        return real(source, data, **kwargs)

    monkeypatch.setattr(inputs_module, "render", counting)
    state = project.state(spec)
    assert runs == ["kview kview-theme-light"]
    for theme in ("light", "dark"):
        assert state.outcomes[theme].html == alone[theme].html
        assert state.outcomes[theme].html.startswith(f'<div class="kview kview-theme-{theme}">')
    assert state.outcomes["dark"].console == alone["dark"].console


@pytest.mark.parametrize("cli_source", ["folder", "template"])
def test_kview_render_and_the_server_render_a_view_with_the_same_inputs(samples: Path, monkeypatch,
                                                                         cli_source: str) -> None:
    monkeypatch.delenv("TZ", raising=False)  # kview render reads it; Project(root) has no zone
    calls = spy_render(monkeypatch)
    args = [str(samples), "--view", "order-activity"] if cli_source == "folder" else \
        [str(samples / "kviews" / "order-activity.jsx")]
    result = CliRunner().invoke(main, ["render", *args])
    assert result.exit_code == 0, result.output
    project = Project(samples)
    assert project.render(project.find("order-activity"), "light").ok
    (cli_data, cli_kw), (srv_data, srv_kw) = calls
    assert cli_data == srv_data and cli_data["customer"]  # mocks/order-activity.json
    for key in ("source", "name", "resource", "tz", "components", "requests", "root_class"):
        assert cli_kw[key] == srv_kw[key], key
    assert "GET /v1/users/current" in srv_kw["requests"]
    assert list(srv_kw["components"]) == [str(samples / "components" / "StatusPill.jsx")]
    # only what differs by nature: the server's compile cache and its URL for DynamicCard
    assert srv_kw["cache"] is project.cache and cli_kw["cache"] is None
    assert cli_kw["parent_url"] is None


def test_kview_render_of_a_template_in_an_app_folder_uses_the_apps_files() -> None:
    result = CliRunner().invoke(main, ["render", str(SAMPLES / "kviews" / "recent-orders.jsx")])
    assert result.exit_code == 0, result.output
    assert "#4417" in result.stdout  # mocks/recent-orders.json
    assert "kv-pill" in result.stdout  # components/StatusPill.jsx


def test_explicit_data_overrides_the_apps_mock(samples: Path, tmp_path: Path) -> None:
    data = tmp_path / "d.json"
    data.write_text(json.dumps({"customer": {"name": "Zed"}}), encoding="utf-8")
    app = load(samples)
    inputs = read_inputs(app, app.view("recent-orders"), data=data)
    assert inputs.data is not None and inputs.data.path == data and inputs.data.what == "data file"
    assert inputs.data_value() == {"customer": {"name": "Zed"}}
    assert inputs.requests is not None and inputs.requests.path == samples / "mocks" / "requests.json"


def test_inputs_key_follows_every_input(samples: Path) -> None:
    app = load(samples)
    view = app.view("recent-orders")
    before = read_inputs(app, view).key()
    assert read_inputs(app, view).key() == before
    (samples / "components" / "StatusPill.jsx").write_text("const StatusPill = () => <b/>;\n")
    after_component = read_inputs(app, view).key()
    assert after_component != before
    (samples / "mocks" / "requests.json").write_text("{}")
    assert read_inputs(app, view).key() != after_component
    assert read_inputs(app, view, tz="Europe/Paris").key() != read_inputs(app, view).key()
