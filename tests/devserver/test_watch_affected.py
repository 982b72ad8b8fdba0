"""A change re-renders only the views it affects (counted template runs on a copy of sample_views:
one per view, whose HTML serves both themes), and
the ``reload`` event it publishes carries what changed: each re-rendered view's new fragment per
theme, its status and error, so an open page patches it without asking the server."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from devserver.project import Project
from devserver.project import workspace as workspace_module
from devserver.web import ServerConfig, create_app
from devserver.web import push as push_module
from devserver.web.events import Broadcaster

SAMPLES = Path(__file__).resolve().parents[2] / "sample_views"
KOBJECT_VIEWS = ["new-order", "order-details", "order-panel"]


@pytest.fixture
def samples(tmp_path: Path) -> Path:
    dest = tmp_path / "sample_views"
    shutil.copytree(SAMPLES, dest)
    return dest


@pytest.fixture
def counted(monkeypatch):
    """Counts ``render_view`` calls per template file stem."""
    calls: Counter[str] = Counter()
    real = workspace_module.render_view

    def spy(inputs, **kwargs):
        calls[Path(inputs.view.template_name).stem] += 1
        return real(inputs, **kwargs)

    monkeypatch.setattr(workspace_module, "render_view", spy)
    return calls


def warmed(root: Path) -> Project:
    project = Project(root)
    for spec in project.views():
        assert project.state(spec).outcomes  # every view rendered once, as an open gallery has
    return project


def edit(path: Path, old: str, new: str) -> Path:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_component_change_re_renders_only_the_views_that_use_it(samples: Path, counted: Counter) -> None:
    project = warmed(samples)
    counted.clear()
    done = project.refresh([edit(samples / "components" / "StatusPill.jsx", "'grey'", "'purple'")])
    assert done.views == ["recent-orders"] and not done.everything
    assert counted == {"recent-orders": 1}  # one run gives light and dark; nothing else


def test_renaming_a_component_re_renders_the_views_of_its_old_name(samples: Path, counted: Counter) -> None:
    project = warmed(samples)
    counted.clear()
    comp = edit(samples / "components" / "StatusPill.jsx", "function StatusPill(", "function StatusBadge(")
    done = project.refresh([comp])
    assert done.views == ["recent-orders"]
    assert counted == {"recent-orders": 1}


def test_component_used_through_another_component(samples: Path, counted: Counter) -> None:
    (samples / "components" / "Wrapper.jsx").write_text(
        "function Wrapper({ s }) { return <div><StatusPill status={s} /></div>; }\n", encoding="utf-8")
    edit(samples / "kviews" / "loyalty.jsx", "<Segment>", "<Segment><Wrapper s=\"shipped\" />")
    project = warmed(samples)
    assert project.state(project.find("loyalty")).error is None
    counted.clear()
    done = project.refresh([edit(samples / "components" / "StatusPill.jsx", "'grey'", "'purple'")])
    assert done.views == ["loyalty", "recent-orders"]
    assert set(counted) == {"loyalty", "recent-orders"}


def test_a_component_that_no_longer_compiles_re_renders_every_view(samples: Path) -> None:
    project = warmed(samples)
    done = project.refresh([edit(samples / "components" / "StatusPill.jsx", "return <Pill", "return <Pill (")])
    assert done.everything  # every view runs every component file: all of them show the error now
    assert {spec.name for spec, _ in done.errors} == {v.name for v in project.views()}


def test_mock_and_scenario_changes_re_render_their_view_only(samples: Path, counted: Counter) -> None:
    project = warmed(samples)
    counted.clear()
    mock = samples / "mocks" / "recent-orders.json"
    data = json.loads(mock.read_text(encoding="utf-8"))
    mock.write_text(json.dumps(data | {"extra": 1}), encoding="utf-8")
    assert project.refresh([mock]).views == ["recent-orders"]
    assert counted == {"recent-orders": 1}
    counted.clear()
    scenario = samples / "mocks" / "order-activity" / "empty.json"
    scenario.write_text(scenario.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert project.refresh([scenario]).views == ["order-activity"]
    assert counted == {}  # its default scenario did not change: the memo answers


def test_kobject_fixture_re_renders_the_views_of_that_klass(samples: Path, counted: Counter) -> None:
    project = warmed(samples)
    counted.clear()
    fixture = samples / "mocks" / "kobject.acme_orders-order.json"
    fixture.write_text(fixture.read_text(encoding="utf-8") + "\n ", encoding="utf-8")
    done = project.refresh([fixture])
    assert done.views == KOBJECT_VIEWS and not done.everything


def test_template_change_re_renders_that_view_only(samples: Path, counted: Counter) -> None:
    project = warmed(samples)
    counted.clear()
    done = project.refresh([edit(samples / "kviews" / "loyalty.jsx", "<Segment>", "<Segment><b>new</b>")])
    assert done.views == ["loyalty"] and counted == {"loyalty": 1}



def test_removing_a_view_re_renders_no_other_view_but_says_the_list_changed(samples: Path, counted: Counter) -> None:
    (samples / "kviews" / "extra.jsx").write_text("<p>extra</p>", encoding="utf-8")
    project = warmed(samples)
    counted.clear()
    (samples / "kviews" / "extra.jsx").unlink()
    done = project.refresh([samples / "kviews" / "extra.jsx"])
    assert (done.views, done.everything, done.listed) == ([], False, True) and not counted
    assert project.find("extra") is None


def test_removing_one_of_a_duplicate_re_renders_the_other(samples: Path, counted: Counter) -> None:
    """Two files defining one view name: removing one clears the error of the view left."""
    (samples / "kviews" / "twin.jsx").write_text("<p>twin</p>", encoding="utf-8")
    (samples / "kviews" / "twin.json").write_text('{"name": "loyalty"}', encoding="utf-8")
    project = warmed(samples)
    assert "defined twice" in str(project.find("loyalty").problem)
    counted.clear()
    (samples / "kviews" / "twin.jsx").unlink()
    (samples / "kviews" / "twin.json").unlink()
    done = project.refresh([samples / "kviews" / "twin.jsx", samples / "kviews" / "twin.json"])
    assert (done.views, done.everything, done.listed) == (["loyalty"], False, False)
    assert project.find("loyalty").problem is None and counted == {"loyalty": 1}


def test_a_removed_view_is_pushed_as_a_list_change(samples: Path) -> None:
    (samples / "kviews" / "extra.jsx").write_text("<p>extra</p>", encoding="utf-8")
    kv = create_app(ServerConfig(views_dir=samples, reload=False)).extensions["kview"]
    for spec in kv.project.views():
        kv.project.state(spec)
    client = kv.broadcaster.register()
    (samples / "kviews" / "extra.jsx").unlink()
    kv.on_files_changed([samples / "kviews" / "extra.jsx"])
    (event, data), = published(kv.broadcaster, client)
    assert event == "reload" and data["views"] == [] and data["changes"] == [] and not data["all"]
    assert "extra" not in data["names"] and "loyalty" in data["names"]

# ---------------------------------------------------------------------- the pushed payload
def published(broadcaster: Broadcaster, client) -> list[tuple[str, dict]]:
    out = []
    while not client.queue.empty():
        msg = client.queue.get_nowait()
        event = msg.split("event: ", 1)[1].split("\n", 1)[0]
        out.append((event, json.loads(msg.split("data: ", 1)[1])))
    return out


def test_reload_event_carries_the_new_fragments(samples: Path) -> None:
    kv = create_app(ServerConfig(views_dir=samples, reload=False)).extensions["kview"]
    for spec in kv.project.views():
        kv.project.state(spec)
    client = kv.broadcaster.register()
    kv.on_files_changed([edit(samples / "kviews" / "loyalty.jsx", "<Segment>", "<Segment><b>Pushed text</b>")])
    (event, data), = published(kv.broadcaster, client)
    assert event == "reload" and data["views"] == ["loyalty"] and not data["all"]
    assert sorted(data["names"]) == sorted(v.name for v in kv.project.views())
    assert data["files"] == ["kviews/loyalty.jsx"]
    (change,) = data["changes"]
    assert change["view"] == "loyalty" and change["state"] == "ok" and change["scenario"] == "default"
    assert change["error"] is None and change["status"] in ("ok", "warn")
    state = kv.project.state(kv.project.find("loyalty"))
    assert change["chrome"] == state.chrome_key
    for theme in ("light", "dark"):
        html = change["themes"][theme]["html"]
        assert "<b>Pushed text</b>" in html and f"kview-theme-{theme}" in html
        assert html == state.outcomes[theme].html


def test_reload_event_carries_the_error_and_no_html(samples: Path) -> None:
    kv = create_app(ServerConfig(views_dir=samples, reload=False)).extensions["kview"]
    client = kv.broadcaster.register()
    kv.on_files_changed([edit(samples / "kviews" / "loyalty.jsx", "<", "<b {")])
    events = published(kv.broadcaster, client)
    assert [e for e, _ in events] == ["reload", "error"]
    (change,) = events[0][1]["changes"]
    assert change["state"] == "error" and change["status"] == "err"
    err = change["error"]
    assert err["file"] == "kviews/loyalty.jsx" and err["line"] >= 1 and err["column"] is not None and err["frame"]
    assert all("html" not in t for t in change["themes"].values())


def test_a_huge_fragment_is_a_fetch_marker(samples: Path, monkeypatch) -> None:
    monkeypatch.setattr(push_module, "MAX_FRAGMENT", 100)
    kv = create_app(ServerConfig(views_dir=samples, reload=False)).extensions["kview"]
    client = kv.broadcaster.register()
    kv.on_files_changed([edit(samples / "kviews" / "loyalty.jsx", "<Segment>", "<Segment><b>x</b>")])
    (_, data), = published(kv.broadcaster, client)
    assert data["changes"][0]["themes"]["light"] == {"ms": data["changes"][0]["themes"]["light"]["ms"], "fetch": True}


# ---------------------------------------------------------------------- missed events
def test_a_reconnecting_page_that_missed_events_is_told_to_resync() -> None:
    b = Broadcaster(heartbeat=0.05)
    b.publish("reload", {"views": ["a"]})
    b.publish("reload", {"views": ["b"]})
    stream = b.stream(last_event_id=1)
    assert next(stream) == "retry: 1000\n\n"
    assert "event: hello" in next(stream)
    assert "event: resync" in next(stream)
    stream.close()
    up_to_date = b.stream(last_event_id=2)
    next(up_to_date), next(up_to_date)
    assert next(up_to_date) == ": heartbeat\n\n"  # nothing missed: no resync
    up_to_date.close()


def test_a_page_whose_queue_overflowed_is_told_to_resync() -> None:
    b = Broadcaster(maxsize=2, heartbeat=0.05)
    client = b.register()
    for i in range(5):
        b.publish("reload", {"n": i})
    stream = b.stream(client)
    next(stream), next(stream)
    assert "event: resync" in next(stream)
    assert '"n":3' in next(stream)
    stream.close()


def test_files_kview_does_not_read_affect_no_view(samples: Path) -> None:
    project = Project(samples)
    for rel in ("kviews/sedqKFkk8", "kviews/notes.md", "components/README", "mocks/x.csv"):
        assert project.affected([samples / rel]) == ([], False), rel


@pytest.fixture
def folder_reads(monkeypatch):
    """Counts full reads of the app folder (``load_app``) by ``Project``."""
    reads: list[Path] = []
    real = workspace_module.load_app

    def spy(root, *args, **kwargs):
        reads.append(root)
        return real(root, *args, **kwargs)

    monkeypatch.setattr(workspace_module, "load_app", spy)
    return reads


def test_a_content_edit_reuses_the_app_and_a_shape_change_reads_the_folder(samples: Path, folder_reads) -> None:
    """Editing a template, a component or a view's mock cannot change the app's shape: the
    refresh re-reads just that file. A new file, a meta edit, a removed file or a template that
    now leads outside the folder reads the whole folder again, as before."""
    project = warmed(samples)
    folder_reads.clear()
    loyalty = edit(samples / "kviews" / "loyalty.jsx", "<Segment>", "<Segment><p>Edited</p>")
    done = project.refresh([loyalty])
    assert folder_reads == [] and done.views == ["loyalty"]
    assert "Edited" in (done.states[0].outcomes["light"].html or "")
    view = project.last_app.view("loyalty")
    assert view is not None and "Edited" in view.source
    for path in (edit(samples / "components" / "StatusPill.jsx", "text={_.startCase(status)}",
                      "text={'S ' + _.startCase(status)}"),
                 edit(samples / "mocks" / "recent-orders.json", '"number": "4417"', '"number": "4418"')):
        project.refresh([path])
        assert folder_reads == [], path
    orders = project.last_app.view("recent-orders")
    assert orders is not None and "#4418" in (project.state(orders).outcomes["dark"].html or "")

    # what can change the app's shape reads the folder
    new_mock = samples / "mocks" / "loyalty.json"
    assert not new_mock.exists()
    new_mock.write_text('{"customer": {"name": "New Mock"}}', encoding="utf-8")
    meta = edit(samples / "kviews" / "loyalty.json", '"resource"', '"resource"')
    for path in (new_mock, meta):
        folder_reads.clear()
        project.refresh([path])
        assert folder_reads == [samples], path
    outside = samples.parent / "outside.jsx"
    outside.write_text("<div>secret outside</div>", encoding="utf-8")
    loyalty.unlink()
    loyalty.symlink_to(outside)
    folder_reads.clear()
    done = project.refresh([loyalty])
    assert folder_reads == [samples]
    view = project.last_app.view("loyalty")
    assert view is not None and "secret outside" not in view.source and view.problem is not None
    assert all("secret outside" not in (o.html or "") for st in done.states for o in st.outcomes.values())
