"""Generated expressions (operators, coercions, methods, lodash) give Node's results in kview.

A seeded grammar, so failures reproduce; `KVIEW_FUZZ_SEED` / `KVIEW_FUZZ_CASES` widen a local run.
"""

from __future__ import annotations

import os
import random

import pytest

from tests.support.jsoracle import node_eval_many, tagged_equal
from tests.support.kview_encode import kview_eval_result

ATOMS = [
    "0", "-0", "1", "2.5", "-3", "NaN", "Infinity", "''", "'a'", "'10'", "' 7 '", "'abc'", "'😀x'", "null",
    "undefined", "true", "false", "[]", "[1,2]", "[0]", "['b','a','C']", "{}", "({a:1,b:'x'})",
    "[null, undefined, 3]", "1e21", "0.1", "2**53", "'1e3'", "'0x10'", "[[1],[2,[3]]]",
]
BINARY = ["+", "-", "*", "/", "%", "**", "==", "===", "!=", "<", ">", "<=", ">=", "&", "|", "^", "<<", ">>",
          ">>>", "&&", "||", "??"]
UNARY = ["-", "+", "!", "~", "typeof "]
METHODS = [
    "toString()", "length", "toFixed(2)", "slice(1)", "concat([9])", "join('-')", "indexOf(1)", "includes('a')",
    "toUpperCase()", "split('')", "at(-1)", "charCodeAt(0)", "padStart(4,'*')", "trim()", "sort()", "reverse()",
    "map(x => x + 1)", "filter(Boolean)", "reduce((a, b) => a + b, 0)", "flat()", "repeat(2)", "toPrecision(3)",
    "valueOf()", "some(x => x)", "every(x => x)", "findIndex(x => x)",
]
FUNCTIONS = ["String", "Number", "Boolean", "JSON.stringify", "Object.keys", "Array.isArray", "parseInt",
             "parseFloat", "Math.round", "Math.max", "Math.floor", "isNaN", "_.toString", "_.isEmpty", "_.size",
             "_.uniq", "_.sortBy", "_.get"]


def expression(rng: random.Random, depth: int = 0) -> str:
    r = rng.random()
    if depth > 3 or r < 0.25:
        return rng.choice(ATOMS)
    sub = lambda: expression(rng, depth + 1)  # noqa: E731
    if r < 0.5:
        return f"({sub()} {rng.choice(BINARY)} {sub()})"
    if r < 0.6:
        return f"({rng.choice(UNARY)}{sub()})"
    if r < 0.75:
        dot = "?." if rng.random() < 0.3 else "."
        return f"({sub()}){dot}{rng.choice(METHODS)}"
    if r < 0.9:
        return f"{rng.choice(FUNCTIONS)}({sub()})"
    if r < 0.95:
        return f"`${{{sub()}}}|${{{sub()}}}`"
    return f"({sub()} ? {sub()} : {sub()})"


SEED = int(os.environ.get("KVIEW_FUZZ_SEED", "20261125"))
COUNT = int(os.environ.get("KVIEW_FUZZ_CASES", "400"))


@pytest.fixture(scope="module")
def cases() -> list[tuple[str, dict]]:
    rng = random.Random(SEED)
    sources = [f"try {{ {expression(rng)} }} catch (e) {{ e.name }}" for _ in range(COUNT)]
    return list(zip(sources, node_eval_many(sources)))


def test_generated_expressions_match_node(cases: list[tuple[str, dict]]) -> None:
    mismatches = []
    for source, expected in cases:
        actual = kview_eval_result(source)
        same = ("ok" in expected and "ok" in actual and tagged_equal(actual["ok"], expected["ok"])) or (
            "throw" in expected and "throw" in actual
        )
        if not same:
            mismatches.append((source, expected, actual))
    assert not mismatches, "\n".join(f"{s}\n  node: {e}\n  kview: {a}" for s, e, a in mismatches[:10])
