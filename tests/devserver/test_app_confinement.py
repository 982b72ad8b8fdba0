"""Files stay inside the app folder: names with ``..`` and symlinks that lead elsewhere are refused
with a located error on the one view they concern; the rest of the app loads; links that stay
inside the folder work."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from devserver.cli import main
from devserver.project import Project, load_app
from devserver.web import ServerConfig, create_app

SECRET = "TOP-SECRET-42"
HELLO = '<div className="hello">Hello, {customer.name}!</div>\n'


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """Files next to the app folder, which the app must not read."""
    out = tmp_path / "outside"
    out.mkdir()
    (out / "secret.json").write_text(json.dumps({"customer": {"name": SECRET}}), encoding="utf-8")
    (out / "secret.jsx").write_text(f"<p>{SECRET}</p>\n", encoding="utf-8")
    (out / "Evil.jsx").write_text(f"function Evil() {{ return <b>{SECRET}</b>; }}\n", encoding="utf-8")
    (out / "requests.json").write_text(json.dumps({"GET /v1/x": {SECRET: 1}}), encoding="utf-8")
    (out / "meta.json").write_text(json.dumps({"name": SECRET}), encoding="utf-8")
    (out / "orders.app.json").write_text(json.dumps({"kviews": [{"name": "o", "template": f"<p>{SECRET}</p>"}]}),
                                         encoding="utf-8")
    (out / "app.json").write_text(json.dumps({"title": SECRET}), encoding="utf-8")
    return out


@pytest.fixture
def app(tmp_path: Path, outside: Path) -> Path:
    root = tmp_path / "app"
    for d in ("kviews", "mocks", "components"):
        (root / d).mkdir(parents=True)
    (root / "kviews" / "hello.jsx").write_text(HELLO, encoding="utf-8")
    (root / "mocks" / "hello.json").write_text(json.dumps({"customer": {"name": "Dana"}}), encoding="utf-8")
    return root


def client_for(root: Path):
    return create_app(ServerConfig(views_dir=root, reload=False)).test_client()


def render_json(client, name: str) -> dict:
    body = client.get(f"/render/{name}?format=json").get_json()
    assert body is not None
    return body


def assert_nothing_leaks(client, *names: str) -> None:
    pages = ["/", *[f"/view/{n}" for n in names], *[f"/render/{n}" for n in names],
             *[f"/render/{n}?format=json" for n in names]]
    for url in pages:
        assert SECRET not in client.get(url).get_data(as_text=True), url


def assert_hello_still_renders(client) -> None:
    assert "Hello, Dana!" in render_json(client, "hello")["html"]


# ---------------------------------------------------------------------- names with ..
@pytest.mark.parametrize("exists", [True, False])
def test_view_name_cannot_reach_a_mock_outside(app: Path, outside: Path, exists: bool) -> None:
    if not exists:
        (outside / "secret.json").unlink()
    (app / "kviews" / "card.jsx").write_text("<p>{customer.name}</p>\n", encoding="utf-8")
    (app / "kviews" / "card.json").write_text(json.dumps({"name": "../../outside/secret"}), encoding="utf-8")
    client = client_for(app)
    err = render_json(client, "../../outside/secret")["error"]
    # the same answer whether the file exists or not: the app learns nothing about the disk
    assert err["kind"] == "FileError" and "outside the app folder" in err["message"]
    assert err["file"] == "mocks/../../outside/secret.json"
    assert_nothing_leaks(client, "../../outside/secret")
    assert_hello_still_renders(client)


def test_app_definition_view_name_cannot_reach_a_mock_outside(app: Path) -> None:
    defn = {"kviews": [{"name": "../../outside/secret", "template": "<p>{customer.name}</p>"},
                       {"name": "fine", "template": "<p>fine</p>"}]}
    (app / "orders.app.json").write_text(json.dumps(defn), encoding="utf-8")
    client = client_for(app)
    err = render_json(client, "../../outside/secret")["error"]
    assert err["kind"] == "FileError" and err["file"] == "mocks/../../outside/secret.json"
    assert render_json(client, "fine")["html"].endswith("<p>fine</p></div>")
    assert_nothing_leaks(client, "../../outside/secret")


def test_a_name_that_stays_inside_is_fine(app: Path) -> None:
    (app / "mocks" / "sub").mkdir()
    (app / "mocks" / "sub" / "card.json").write_text(json.dumps({"customer": {"name": "Sub"}}), encoding="utf-8")
    (app / "kviews" / "card.jsx").write_text("<p>{customer.name}</p>\n", encoding="utf-8")
    (app / "kviews" / "card.json").write_text(json.dumps({"name": "sub/card"}), encoding="utf-8")
    assert "<p>Sub</p>" in render_json(client_for(app), "sub/card")["html"]


# ---------------------------------------------------------------------- symlinks
def test_symlinked_template_outside_is_a_located_view_error(app: Path, outside: Path) -> None:
    (app / "kviews" / "linked.jsx").symlink_to(outside / "secret.jsx")
    client = client_for(app)
    err = render_json(client, "linked")["error"]
    assert err["kind"] == "AppLoadError" and "template is outside the app folder" in err["message"]
    assert err["file"] == "kviews/linked.jsx"
    assert 'data-view="linked" data-state="error"' in client.get("/").get_data(as_text=True)
    assert_nothing_leaks(client, "linked")
    assert_hello_still_renders(client)


def test_symlinked_meta_and_app_files_outside_are_refused(app: Path, outside: Path) -> None:
    (app / "kviews" / "card.jsx").write_text("<p>card</p>\n", encoding="utf-8")
    (app / "kviews" / "card.json").symlink_to(outside / "meta.json")
    (app / "orders.app.json").symlink_to(outside / "orders.app.json")
    (app / "app.json").symlink_to(outside / "app.json")
    client = client_for(app)
    meta_err = render_json(client, "card")["error"]
    assert meta_err["kind"] == "AppLoadError" and meta_err["file"] == "kviews/card.json"
    assert "view meta is outside" in meta_err["message"]
    # a definition outside is one located problem of the folder, listed on the gallery page
    page = client.get("/").get_data(as_text=True)
    problems = json.loads(re.search(r'id="kvg-errors">(.*?)</script>', page, re.S).group(1))
    files = {p["error"]["file"]: p["error"] for p in problems if p["view"] is None}
    assert set(files) == {"orders.app.json", "app.json"}
    assert all(e["kind"] == "AppLoadError" and "app definition is outside" in e["message"] for e in files.values())
    assert "kvg-problems" in page and "2 files could not be loaded" in page
    assert_nothing_leaks(client, "card", "orders.app.json", "o")
    assert_hello_still_renders(client)


def test_symlinked_mock_requests_and_components_outside_are_refused(app: Path, outside: Path) -> None:
    (app / "mocks" / "hello.json").unlink()
    (app / "mocks" / "hello.json").symlink_to(outside / "secret.json")
    client = client_for(app)
    err = render_json(client, "hello")["error"]
    assert err["kind"] == "FileError" and err["file"] == "mocks/hello.json"
    assert "mock data is outside the app folder" in err["message"]
    assert_nothing_leaks(client, "hello")

    (app / "mocks" / "hello.json").unlink()
    (app / "mocks" / "requests.json").symlink_to(outside / "requests.json")
    err = render_json(client, "hello")["error"]
    assert err["file"] == "mocks/requests.json" and "request mocks is outside" in err["message"]

    (app / "mocks" / "requests.json").unlink()
    (app / "components" / "Evil.jsx").symlink_to(outside / "Evil.jsx")
    err = render_json(client, "hello")["error"]
    assert err["file"] == "components/Evil.jsx" and "component is outside" in err["message"]
    assert_nothing_leaks(client, "hello")

    (app / "components" / "Evil.jsx").unlink()
    assert "Hello, " in render_json(client, "hello")["html"]  # fixed: renders again


def test_symlinked_folders_outside_are_refused(app: Path, outside: Path) -> None:
    (app / "mocks" / "hello.json").unlink()
    (app / "mocks").rmdir()
    (app / "mocks").symlink_to(outside, target_is_directory=True)  # mocks/secret.json is outside
    (app / "kviews" / "secret.jsx").write_text("<p>{customer.name}</p>\n", encoding="utf-8")
    client = client_for(app)
    err = render_json(client, "secret")["error"]
    assert err["kind"] == "FileError" and err["file"] == "mocks/secret.json"
    assert_nothing_leaks(client, "secret", "hello")


def test_symlinks_inside_the_app_are_followed(app: Path) -> None:
    (app / "shared").mkdir()
    (app / "shared" / "data.json").write_text(json.dumps({"customer": {"name": "Linked"}}), encoding="utf-8")
    (app / "kviews" / "alias.jsx").symlink_to(app / "kviews" / "hello.jsx")
    (app / "mocks" / "alias.json").symlink_to(Path("..") / "shared" / "data.json")
    project = Project(app)
    spec = project.find("alias")
    assert spec is not None and spec.problem is None
    state = project.state(spec, ["light"])
    assert state.error is None and "Hello, Linked!" in (state.outcomes["light"].html or "")
    assert state.file == "kviews/alias.jsx" and state.data_source == "mocks/alias.json"


def test_loading_never_raises_for_an_escape(app: Path, outside: Path) -> None:
    (app / "kviews" / "linked.jsx").symlink_to(outside / "secret.jsx")
    (app / "kviews" / "loop.jsx").symlink_to(app / "kviews" / "loop.jsx")  # a symlink loop
    views = {v.name: v for v in load_app(app).views}
    assert views["hello"].problem is None
    assert views["linked"].problem is not None and views["linked"].source == ""
    assert views["loop"].problem is not None


def test_kview_render_refuses_a_view_outside(app: Path, outside: Path) -> None:
    (app / "kviews" / "linked.jsx").symlink_to(outside / "secret.jsx")
    result = CliRunner().invoke(main, ["render", str(app), "--view", "linked"])
    assert result.exit_code == 1
    assert "outside the app folder" in result.output and SECRET not in result.output
    ok = CliRunner().invoke(main, ["render", str(app), "--view", "hello"])
    assert ok.exit_code == 0 and "Hello, Dana!" in ok.stdout


def test_inside_decides_lexically_only_without_symlinks_or_dot_dot(tmp_path: Path) -> None:
    """``inside`` skips resolving only paths written below the root with no ``..`` and no
    symlink under the root; every other shape is resolved, and each answer matches resolving."""
    from devserver.project.confinement import inside

    root, elsewhere = tmp_path / "app", tmp_path / "elsewhere"
    (root / "mocks" / "deep").mkdir(parents=True)
    elsewhere.mkdir()
    (root / "out").symlink_to(elsewhere, target_is_directory=True)
    (root / "mocks" / "deep" / "up").symlink_to(root / "mocks", target_is_directory=True)
    via_link = tmp_path / "link-to-app"
    via_link.symlink_to(root, target_is_directory=True)
    cases = {
        root / "mocks" / "a.json": True,
        root / "mocks" / "missing" / "b.json": True,
        root / "out" / "a.json": False,  # a symlinked folder leading out
        root / "mocks" / "deep" / "up" / "a.json": True,  # a symlink that stays inside
        root / "mocks" / ".." / ".." / "elsewhere" / "a.json": False,
        root / "mocks" / ".." / "kviews" / "a.jsx": True,
        via_link / "mocks" / "a.json": True,  # the root named another way
        elsewhere / "a.json": False,
    }
    for path, expected in cases.items():
        assert inside(root, path) is expected, path
        assert inside(via_link, path) is expected, path
