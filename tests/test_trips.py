"""The loop-length estimate that decides a top-level statement's tier
(frontend/trips.py): bounds read from the namespace the statement runs in."""

from __future__ import annotations

import ast

import pytest

from modjit.frontend.trips import LONG, UNKNOWN, estimated_iterations

NS = {"n": 1000, "xs": [1, 2, 3], "s": "abcd", "big": 10**7, "f": 2.5}

CASES = {
    "no loop": ("x = 1", 1),
    "constant range": ("for i in range(10):\n    x = i", 10),
    "range of a global": ("for i in range(n):\n    x = i", 1000),
    "range with start, step, arithmetic": ("for i in range(2, n * 2 + 2, 2):\n    x = i", 1000),
    "nested ranges multiply": ("for i in range(n):\n    for j in range(n):\n        x = j", 1000 * 1000),
    "over a global list": ("for v in xs:\n    x = v", 3),
    "len of a global": ("for i in range(len(s)):\n    x = i", 4),
    "while is long": ("while n > 0:\n    n -= 1", UNKNOWN),
    "unknown bound is long": ("for i in range(m):\n    x = i", UNKNOWN),
    "float bound is unknown": ("for i in range(f):\n    x = i", UNKNOWN),
    "comprehension": ("t = sum([i * i for i in range(big)])", 10**7 + 1),
    "if takes the longer branch": ("if n:\n    for i in range(5):\n        x = i\nelse:\n    x = 0", 5),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_estimated_iterations(name: str) -> None:
    src, expected = CASES[name]
    assert estimated_iterations(ast.parse(src).body, dict(NS)) == expected


def test_long_means_optimised() -> None:
    assert estimated_iterations(ast.parse("for i in range(big):\n    x = i").body, NS) >= LONG
    assert estimated_iterations(ast.parse("for i in range(n):\n    x = i").body, NS) < LONG
