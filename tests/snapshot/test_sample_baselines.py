"""The sample app's committed baselines (``sample_views/__snapshots__/``, compared by ``make test``
through ``--kview-app sample_views``) match its shots one for one, and the folder is invisible to
``kview serve``: the loader, the gallery and the file watcher ignore it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from devserver.app_shots import app_shots
from devserver.project import load
from devserver.snapshot.store import Store
from devserver.watch import Watcher, is_ignored
from devserver.web import ServerConfig, create_app
from devserver.widget_shots import WidgetServer, widget_shots

SAMPLES = Path(__file__).resolve().parents[2] / "sample_views"


def test_every_sample_shot_has_a_committed_baseline_and_every_baseline_a_shot() -> None:
    app = load(SAMPLES)
    views = {s.name for s in app_shots(app)}
    widgets = {s.name for s in widget_shots(app, WidgetServer(SAMPLES)) if s.skip is None}
    assert len(views) == 26
    assert len(widgets) == 4  # order-lookup and shipment-tracker × default × 2 themes: no scenario sets settings
    shots = views | widgets
    assert Store(SAMPLES).baseline_names() == shots
    assert (SAMPLES / "__snapshots__" / "widgets" / "order-lookup.default.dark.png").is_file()
    for name in shots:
        assert Store(SAMPLES).baseline_path(name).read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_the_snapshots_folder_changes_nothing_kview_serve_shows(tmp_path: Path) -> None:
    bare = tmp_path / "sample_views"
    shutil.copytree(SAMPLES, bare, ignore=shutil.ignore_patterns("__snapshots__"))
    assert (SAMPLES / "__snapshots__").is_dir() and not (bare / "__snapshots__").exists()
    assert [v.name for v in load(SAMPLES).views] == [v.name for v in load(bare).views]
    with_snapshots = create_app(ServerConfig(views_dir=SAMPLES, reload=False)).test_client().get("/")
    without = create_app(ServerConfig(views_dir=bare, reload=False)).test_client().get("/")
    assert with_snapshots.status_code == without.status_code == 200
    assert same_page(with_snapshots.get_data(as_text=True), SAMPLES) == same_page(without.get_data(as_text=True), bare)


def same_page(html: str, app: Path) -> str:
    """The gallery's page without what differs from one server to the next (path, page tokens,
    render times)."""
    html = re.sub(r"/_kview/pages/[\w-]+/", "/_kview/pages/TOKEN/", html.replace(str(app), "APP"))
    return re.sub(r">[\d.]+ ms<", ">N ms<", html)


def test_the_watcher_ignores_baselines_and_results(tmp_path: Path) -> None:
    assert is_ignored(Path("__snapshots__") / "card.default.light.png")
    assert is_ignored(Path("__snapshots__") / ".results" / "card.default.light.diff.png")
    assert is_ignored(Path("__snapshots__") / "widgets" / "order-lookup.default.light.png")
    assert not is_ignored(Path("kviews") / "card.jsx")
    (tmp_path / "__snapshots__").mkdir()
    (tmp_path / "__snapshots__" / "card.default.light.png").write_bytes(b"png")
    (tmp_path / "card.jsx").write_text("<div/>", encoding="utf-8")
    watcher = Watcher(tmp_path, lambda changed: None)
    assert set(watcher._scan()) == {tmp_path / "card.jsx"}
