"""`kview build`: the registrable definition, byte-identical across runs, round-tripping."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from devserver.cli import main
from devserver.project import load
from tests.support.paths import ROOT

SAMPLE = ROOT / "sample_views"


def build(args: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["build", *args])
    return result.exit_code, result.stdout, result.stderr


def test_byte_identical_across_runs_and_sorted(tmp_path: Path) -> None:
    app = tmp_path / "app"
    shutil.copytree(SAMPLE, app)
    a, b = tmp_path / "a.json", tmp_path / "out" / "b.json"
    assert build([str(app), "-o", str(a)])[0] == 0
    (app / "kviews" / "loyalty.jsx").touch()  # a newer mtime changes nothing
    assert build([str(app), "-o", str(b)])[0] == 0
    assert a.read_bytes() == b.read_bytes()
    text = a.read_text(encoding="utf-8")
    assert text.endswith("}\n") and text == json.dumps(json.loads(text), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert build([str(app)])[1] == text  # stdout without -o


def test_templates_inlined_and_loading_the_build_gives_the_same_app(tmp_path: Path) -> None:
    out = tmp_path / "built.json"
    assert build([str(SAMPLE), "-o", str(out)])[0] == 0
    defn = json.loads(out.read_text(encoding="utf-8"))
    source = json.loads((SAMPLE / "app.json").read_text(encoding="utf-8"))
    for key in ("settings", "commands", "klasses"):
        assert defn[key] == source[key]
    # the folder's views, under the names they are registered with (kustomer.app.<app>.<file>)
    folder = {f"kustomer.app.{source['app']}.{v.name}": v for v in load(SAMPLE).views}
    built = {v.name: v for v in load(out).views}
    assert set(built) == set(folder) and len(folder) == len(defn["kviews"]) >= 7
    for name, v in folder.items():
        b = built[name]
        assert (b.source, b.resource, b.context, dict(b.meta)) == (v.source, v.resource, v.context, dict(v.meta))
    assert [k["name"] for k in defn["kviews"]] == sorted(folder)


def test_widgets_folder_and_refusal_with_located_errors(tmp_path: Path) -> None:
    (tmp_path / "widgets").mkdir()
    (tmp_path / "app.json").write_text(json.dumps({"app": "shop", "version": "1.0.0", "title": "Shop"}), encoding="utf-8")
    (tmp_path / "widgets" / "rail.json").write_text(
        json.dumps({"name": "rail", "url": "https://x.example", "icon": "https://x.example/i.png", "width": "24vw"}),
        encoding="utf-8")
    code, out, _ = build([str(tmp_path)])
    assert code == 0 and json.loads(out)["widgets"] == [
        {"icon": "https://x.example/i.png", "name": "rail", "url": "https://x.example", "width": "24vw"}]
    (tmp_path / "widgets" / "rail.json").write_text('{"url": "https://x.example",\n "width": "huge"}', encoding="utf-8")
    code, out, err = build([str(tmp_path), "-o", str(tmp_path / "never.json")])
    assert code == 1 and out == "" and not (tmp_path / "never.json").exists()
    assert "widgets/rail.json" in err and "1:1  error" in err and "lacks required key 'icon'" in err
    assert "2:11  error  widget width 'huge' is not a CSS size" in err


def test_folder_views_named_by_their_file_are_registered_under_the_app(tmp_path: Path) -> None:
    """``kviews/tracking.jsx`` without a name in its meta is ``kustomer.app.<app>.tracking`` in the
    built definition; a name the meta gives is kept as written."""
    (tmp_path / "kviews").mkdir()
    (tmp_path / "app.json").write_text(json.dumps({"app": "shop", "version": "1.0.0", "title": "Shop"}), encoding="utf-8")
    (tmp_path / "kviews" / "tracking.jsx").write_text("<div>t</div>\n", encoding="utf-8")
    (tmp_path / "kviews" / "own.jsx").write_text("<div>o</div>\n", encoding="utf-8")
    (tmp_path / "kviews" / "own.json").write_text(json.dumps({"name": "shop.view.own"}), encoding="utf-8")
    out = tmp_path / "built.json"
    assert CliRunner().invoke(main, ["build", str(tmp_path), "-o", str(out)]).exit_code == 0
    names = sorted(v["name"] for v in json.loads(out.read_text(encoding="utf-8"))["kviews"])
    assert names == ["kustomer.app.shop.tracking", "shop.view.own"]
