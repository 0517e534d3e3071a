"""The loop-length estimate that decides a top-level statement's tier
(frontend/trips.py): bounds read from the namespace the statement runs in."""

from __future__ import annotations

import ast

import pytest

from modjit.frontend.trips import LONG, UNKNOWN, Scope, call_arguments, estimated_iterations

NS = {"n": 1000, "xs": [1, 2, 3], "s": "abcd", "big": 10**7, "f": 2.5}

CASES = {
    "no loop": ("x = 1", 1),
    "constant range": ("for i in range(10):\n    x = i", 10),
    "range of a global": ("for i in range(n):\n    x = i", 1000),
    "range with start, step, arithmetic": ("for i in range(2, n * 2 + 2, 2):\n    x = i", 1000),
    "nested ranges multiply": ("for i in range(n):\n    for j in range(n):\n        x = j", 1000 * 1000),
    "over a global list": ("for v in xs:\n    x = v", 3),
    "over a list of ints, from its first": ("for c in xs:\n    for v in range(c, n):\n        x = v", 3 * 999),
    "len of a global": ("for i in range(len(s)):\n    x = i", 4),
    # (not guessed from its condition: `while t < n: t += dt` runs as many steps as dt makes)
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


# A function's first call: its arguments by parameter name (frontend/trips.Scope)
FUNCTIONS = {
    "range of a parameter": ("def f(n):\n    for i in range(n):\n        x = i", {"n": 50}, 50),
    "triangle counts from the outer loop's start":
        ("def f(n):\n    for i in range(n):\n        for j in range(i + 1, n):\n            x = j", {"n": 5}, 5 * 4),
    "over a list argument": ("def f(xs):\n    for v in xs:\n        x = v", {"xs": [1, 2, 3, 4]}, 4),
    "a local from len() before the loop":
        ("def f(xs):\n    n = len(xs)\n    for i in range(n):\n        x = i", {"xs": [0] * 7}, 1 + 7),
    "a parameter assigned in the body is unknown":
        ("def f(n, xs):\n    n = n * 1000\n    for i in range(n):\n        x = i", {"n": 5, "xs": [0] * 9}, 1 + UNKNOWN),
    "a local hides the global of its name":
        ("def f():\n    for i in range(big):\n        big = 1", {}, UNKNOWN),
    "a tuple of lengths before the loop": ("def f(a, b):\n    n, m = len(a), len(b[0])\n    for i in range(n):\n"
                                           "        for j in range(m):\n            x = j", {"a": [0] * 4, "b": [[0] * 3]}, 1 + 12),
    "zip, enumerate and slices": ("def f(a, b):\n    for x, y in zip(a, b[1:]):\n        for i, z in enumerate(b):\n"
                                  "            t = z", {"a": [0] * 4, "b": [0] * 3}, 3 * 3),
    "an unknown argument is not the global of its name":
        ("def f(n):\n    for i in range(n):\n        x = i", {}, UNKNOWN),
    # fannkuch(10): `while True` runs 10! permutations
    "while is long, whatever the arguments": ("def f(n):\n    while True:\n        n -= 1", {"n": 10}, UNKNOWN),
    "globals are read": ("def f(k):\n    for i in range(n):\n        x = i", {"k": 1}, 1000),
}


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_first_call_estimate(name: str) -> None:
    src, args, expected = FUNCTIONS[name]
    fdef = ast.parse(src).body[0]
    assert isinstance(fdef, ast.FunctionDef)
    scope = Scope.of_call(fdef.body, [a.arg for a in fdef.args.args], args, NS)
    assert estimated_iterations(fdef.body, scope) == expected


def test_call_arguments_of_a_statement() -> None:
    call = ast.parse("f(xs, n + 1, 2.5, g(1), [4, 5], k=n)").body[0].value  # type: ignore[attr-defined]
    assert call_arguments(call, ["a", "b", "c", "d", "e", "k"], NS) == {"a": [1, 2, 3], "b": 1001, "e": [4, 5],
                                                                       "k": 1000}
