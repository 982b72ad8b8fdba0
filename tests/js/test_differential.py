"""Differential tests: every case's completion value must be what Node gives (tests/support/jsoracle.py)."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

from tests.js import cases as case_tables
from tests.support.jsoracle import node_results as oracle_results
from tests.support.jsoracle import tagged_equal
from tests.support.kview_encode import kview_eval_result


def _load_cases() -> list[tuple[str, str]]:
    out = []
    for mod in pkgutil.iter_modules(case_tables.__path__):
        if mod.name.startswith("cases_"):
            cases = importlib.import_module(f"tests.js.cases.{mod.name}").CASES
            out.extend((mod.name[6:], c) for c in cases)
    return out


CASES = _load_cases()


@pytest.fixture(scope="module")
def node_results() -> dict[str, dict]:
    return oracle_results(c for _, c in CASES)


def test_enough_cases() -> None:
    assert len(CASES) >= 300


@pytest.mark.parametrize(("group", "case"), CASES, ids=[f"{g}:{c[:60]}" for g, c in CASES])
def test_same_as_node(group: str, case: str, node_results: dict[str, dict]) -> None:
    expected = node_results[case]
    actual = kview_eval_result(case)
    if "throw" in expected:
        assert "throw" in actual, f"Node threw {expected['throw']}, kview gave {actual}"
        exp, act = expected["throw"], actual["throw"]
        if exp.get("name") is None:  # a thrown non-Error value
            assert act.get("name") in (None, "Uncaught")
            return
        assert act["name"] == exp["name"], (act, exp)
        if exp["name"] != "SyntaxError":  # parser wording differs from V8's, by design
            assert act["message"] == exp["message"]
        return
    assert "ok" in actual, f"kview threw {actual['throw']}, Node gave {expected['ok']}"
    assert tagged_equal(actual["ok"], expected["ok"]), f"kview {actual['ok']!r} != node {expected['ok']!r}"
