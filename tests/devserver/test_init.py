"""`kview init`: a new app that `check --strict` passes and the gallery shows at once."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from devserver.cli import main
from devserver.project import load
from devserver.scaffold import app_id
from devserver.web import ServerConfig, create_app


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_init_then_check_strict_passes_and_gallery_shows_views(tmp_path: Path) -> None:
    target = tmp_path / "Acme Returns"
    code, out = invoke("init", str(target), "--title", 'Acme "Returns"')
    assert code == 0 and "kview serve" in out
    defn = json.loads((target / "app.json").read_text(encoding="utf-8"))
    assert defn["app"] == "acme_returns" and defn["title"] == 'Acme "Returns"'
    assert invoke("check", "--strict", str(target)) == (0, "no problems found\n")
    names = sorted(v.name for v in load(target).views)
    assert names == ["kustomer.app.acme_returns.order", "kustomer.app.acme_returns.overview"]
    client = create_app(ServerConfig(views_dir=target, reload=False)).test_client()
    page = client.get("/", headers={"Host": "localhost"})
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Acme &#34;Returns&#34;" in html or "Acme &quot;Returns&quot;" in html
    for name in names:
        frag = client.get(f"/render/{name}?format=json", headers={"Host": "localhost"})
        assert frag.status_code == 200, name
        body = frag.get_json()
        assert not body.get("errors") and "kv-segment" in json.dumps(body), body
    overview = client.get("/render/kustomer.app.acme_returns.overview?format=json", headers={"Host": "localhost"})
    assert "Ada Lovelace" in json.dumps(overview.get_json())  # the scaffold's mock, not generated data


def test_init_refuses_a_folder_with_files(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    code, out = invoke("init", str(tmp_path))
    assert code == 2 and "not an empty folder" in out
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]
    assert invoke("init", str(tmp_path / "x"), "--app", "bad-id")[0] == 2


def test_app_id_from_folder_names() -> None:
    assert app_id("My Orders-App") == "my_orders_app"
    assert app_id("2fast") == "app_2fast"
    assert app_id("---") == "my_app"
