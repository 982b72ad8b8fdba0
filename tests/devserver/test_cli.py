"""`kview render` end to end: output, themes, pages, errors on stderr, exit codes, --help."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from devserver.cli import main
from tests.support.paths import CORPUS


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_render_jsx_with_data(runner: CliRunner, tmp_path: Path) -> None:
    tpl = write(tmp_path, "card.jsx", "<Segment><BasicRow label=\"Tier\" value={customer.custom.tierStr} /></Segment>")
    data = write(tmp_path, "data.json", json.dumps({"customer": {"name": "Ada", "custom": {"tierStr": "gold"}}}))
    result = runner.invoke(main, ["render", str(tpl), "--data", str(data)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith('<div class="kview kview-theme-light">')
    assert "gold" in out and "kv-segment" in out


def test_bare_expression_over_data_globals(runner: CliRunner, tmp_path: Path) -> None:
    tpl = write(tmp_path, "expr.jsx", "items.map(i => i * 2).join(', ')")
    data = write(tmp_path, "data.json", json.dumps({"items": [1, 2, 3]}))
    result = runner.invoke(main, ["render", str(tpl), "--data", str(data)])
    assert result.exit_code == 0
    assert "2, 4, 6" in result.stdout


def test_lodash_is_underscore_unless_data_overrides_it(runner: CliRunner, tmp_path: Path) -> None:
    tpl = write(tmp_path, "l.jsx", "<b>{typeof _ === 'function' || typeof _.get === 'function' ? 'lodash' : _}</b>")
    assert "lodash" in runner.invoke(main, ["render", str(tpl)]).stdout
    data = write(tmp_path, "d.json", json.dumps({"_": "mine"}))
    assert "mine" in runner.invoke(main, ["render", str(tpl), "--data", str(data)]).stdout


def test_dark_theme_and_standalone_page(runner: CliRunner, tmp_path: Path) -> None:
    tpl = write(tmp_path, "card.jsx", "<div>Hi</div>")
    result = runner.invoke(main, ["render", str(tpl), "--theme", "dark", "--page"])
    assert result.exit_code == 0
    page = result.stdout
    assert page.startswith("<!DOCTYPE html>")
    assert 'data-kview-theme="dark"' in page and "kview-theme-dark" in page
    assert "--background-primary-color" in page  # theme CSS inlined: the page opens from disk
    assert "<link" not in page and "src=\"/static" not in page


def test_syntax_error_goes_to_stderr_with_frame_and_exit_1(runner: CliRunner, tmp_path: Path) -> None:
    tpl = write(tmp_path, "bad.jsx", "const a = 1;\n<div>{a</div>")
    result = runner.invoke(main, ["render", str(tpl)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "bad.jsx:2:" in result.stderr
    assert "> 2 | <div>{a</div>" in result.stderr


def test_runtime_error_exit_1(runner: CliRunner, tmp_path: Path) -> None:
    tpl = write(tmp_path, "bad.jsx", "<div>{customer.profile.name}</div>")
    data = write(tmp_path, "d.json", json.dumps({"customer": {}}))
    result = runner.invoke(main, ["render", str(tpl), "--data", str(data)])
    assert result.exit_code == 1
    assert "TypeError: Cannot read properties of undefined (reading 'name')" in result.stderr


def test_bad_data_json_is_a_located_error(runner: CliRunner, tmp_path: Path) -> None:
    tpl = write(tmp_path, "c.jsx", "<div/>")
    data = write(tmp_path, "d.json", '{"customer": {"name": "x",}}')
    result = runner.invoke(main, ["render", str(tpl), "--data", str(data)])
    assert result.exit_code == 1
    assert "d.json:1:" in result.stderr and "invalid data file" in result.stderr


def test_app_definition_lists_views_then_renders_one(runner: CliRunner, tmp_path: Path) -> None:
    app = {"app": "demo", "kviews": [
        {"name": "demo.one", "resource": "customer", "context": "smartbar-card", "template": "<div>one</div>"},
        {"name": "demo.two", "resource": "conversation", "context": "smartbar-card", "template": "<div>two</div>"},
    ]}
    path = write(tmp_path, "app.json", json.dumps(app))
    listing = runner.invoke(main, ["render", str(path)])
    assert listing.exit_code == 0
    assert "demo.one" in listing.stdout and "demo.two" in listing.stdout and "--view" in listing.stdout
    result = runner.invoke(main, ["render", str(path), "--view", "demo.two"])
    assert result.exit_code == 0 and "two" in result.stdout
    wrong = runner.invoke(main, ["render", str(path), "--view", "demo.tow"])
    assert wrong.exit_code == 2 and "Did you mean 'demo.two'?" in wrong.stderr


def test_corpus_app_definition_renders(runner: CliRunner) -> None:
    app = CORPUS / "kustomer__kustomer-apps-starter-configs" / "resolved" / "my_first_app.app.json"
    result = runner.invoke(main, ["render", str(app)])
    assert result.exit_code == 0, result.output
    assert "Hello, " in result.stdout


def test_requests_table_and_no_settle(runner: CliRunner, tmp_path: Path) -> None:
    tpl = write(tmp_path, "h.jsx", """
const { useState, useEffect } = React;
function Agent() {
  const [name, setName] = useState(null);
  useEffect(() => { KustomerRequest({ url: '/v1/users/current' }).then(r => setName(r.data.attributes.name)) }, []);
  return <div>{name ? `Agent: ${name}` : 'Loading…'}</div>;
}
<Agent />
""")
    table = write(tmp_path, "req.json", json.dumps({"GET /v1/users/current": {"data": {"attributes": {"name": "Grace"}}}}))
    settled = runner.invoke(main, ["render", str(tpl), "--requests", str(table)])
    assert settled.exit_code == 0 and "Agent: Grace" in settled.stdout
    first = runner.invoke(main, ["render", str(tpl), "--requests", str(table), "--no-settle"])
    assert "Loading…" in first.stdout


def test_help_explains_every_option(runner: CliRunner) -> None:
    out = runner.invoke(main, ["render", "--help"]).output
    for opt in ("--data", "--view", "--theme", "--page", "--requests", "--no-settle", "exit status"):
        assert opt in out
    top = runner.invoke(main, ["--help"]).output
    assert "render" in top and "serve" in top


def test_missing_file_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(main, ["render", "/nonexistent/x.jsx"])
    assert result.exit_code == 2


def test_app_folder_uses_its_mocks_requests_and_components(runner: CliRunner) -> None:
    samples = Path(__file__).resolve().parents[2] / "sample_views"
    result = runner.invoke(main, ["render", str(samples), "--view", "recent-orders"])
    assert result.exit_code == 0, result.output
    assert "#4417" in result.stdout  # from mocks/recent-orders.json, not generated data
    assert "kv-pill" in result.stdout  # the app's own StatusPill component (components/)


ENDLESS = """function App() {
  const [n, setN] = React.useState(0);
  React.useEffect(() => { const id = setInterval(() => setN(c => c + 1), 10); return () => clearInterval(id); }, []);
  return <p>{n}</p>;
}
<App/>
"""


def test_settle_options_raise_the_runaway_bounds(runner: CliRunner, tmp_path: Path) -> None:
    """An endless 10 ms interval stops after 300 timer renders by default, located and named;
    --settle-renders and --settle-time move the bound, and the warning says which one it was."""
    tpl = tmp_path / "endless.jsx"
    tpl.write_text(ENDLESS, encoding="utf-8")
    out = runner.invoke(main, ["render", str(tpl)])
    assert out.exit_code == 0 and "<p>300</p>" in out.stdout
    assert "endless.jsx:3:" in out.stderr and "300 renders caused by timers" in out.stderr
    more = runner.invoke(main, ["render", str(tpl), "--settle-renders", "1000"])
    assert "<p>1000</p>" in more.stdout and "1000 renders caused by timers" in more.stderr
    short = runner.invoke(main, ["render", str(tpl), "--settle-time", "2"])
    assert "<p>200</p>" in short.stdout and "stopped at 2 s of virtual time" in short.stderr
    bad = runner.invoke(main, ["render", str(tpl), "--settle-renders", "0"])
    assert bad.exit_code == 2


def test_the_server_renders_with_its_budgets(tmp_path: Path) -> None:
    """What `kview serve --settle-renders` sets (ServerConfig.budgets) bounds every render."""
    from devserver.web import ServerConfig, create_app
    from renderer import Budgets

    (tmp_path / "kviews").mkdir()
    (tmp_path / "kviews" / "endless.jsx").write_text(ENDLESS, encoding="utf-8")
    budgets = Budgets(max_timer_renders=50)
    app = create_app(ServerConfig(views_dir=tmp_path, reload=False, budgets=budgets))
    client = app.test_client()
    body = client.get("/render/endless?theme=light", headers={"Host": "127.0.0.1:5000"}).get_data(as_text=True)
    assert "<p>50</p>" in body


def test_python_m_devserver_cli_is_the_kview_command(tmp_path: Path) -> None:
    """``python -m devserver.cli`` (what the benchmarks run) is the command, named kview."""
    import subprocess
    import sys

    tpl = write(tmp_path, "card.jsx", "<Segment><BasicRow label=\"Tier\" value=\"gold\" /></Segment>")
    out = subprocess.run([sys.executable, "-m", "devserver.cli", "render", str(tpl)],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "gold" in out.stdout
    usage = subprocess.run([sys.executable, "-m", "devserver.cli", "nope"], capture_output=True, text=True, timeout=60)
    assert usage.returncode == 2 and "Usage: kview" in usage.stderr
