"""Hypothesis: random arithmetic over ints and floats, compiled vs CPython.

Each example is a function of (a, b) built from random expressions, called with
several argument pairs (negatives, zeros, large magnitudes); printed results and
exception lines must equal CPython's.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from modjit.driver.session import Session

LITERALS = ["0", "1", "-1", "2", "3", "7", "-5", "0.5", "-2.5", "1e300", "1e-300", "2**62",
            "-(2**62)", "0.0", "-0.0", "True", "False", "10**18"]
BINOPS = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^"]
SHIFTS = ["0", "1", "2", "3", "-1", "63", "64"]
EXPONENTS = ["0", "1", "2", "3", "-1"]  # repeated ** 63 in a loop would build giant ints
VALUES = [0, 1, -1, 7, -13, 2**62, -(2**63), 0.0, -0.0, 0.5, -2.75, 1e300, 5e-324, 3, True]


def exprs() -> st.SearchStrategy[str]:
    leaf = st.sampled_from(["a", "b", "a", "b", *LITERALS])

    def extend(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        binop = st.tuples(inner, st.sampled_from(BINOPS), inner, st.sampled_from(SHIFTS),
                          st.sampled_from(EXPONENTS)).map(
            lambda t: f"({t[0]} {t[1]} {t[4] if t[1] == '**' else t[3] if t[1] in ('<<', '>>') else t[2]})")
        unary = st.tuples(st.sampled_from(["-", "+", "not ", "~"]), inner).map(lambda t: f"({t[0]}{t[1]})")
        compare = st.tuples(inner, st.sampled_from(["<", "<=", "==", "!=", ">", ">="]), inner).map(
            lambda t: f"({t[0]} {t[1]} {t[2]})")
        logic = st.tuples(inner, st.sampled_from(["and", "or"]), inner).map(lambda t: f"({t[0]} {t[1]} {t[2]})")
        cond = st.tuples(inner, inner, inner).map(lambda t: f"({t[0]} if {t[1]} else {t[2]})")
        call1 = st.tuples(st.sampled_from(["abs", "int", "float", "round", "bool"]), inner).map(
            lambda t: f"{t[0]}({t[1]})")
        call2 = st.tuples(st.sampled_from(["min", "max"]), inner, inner).map(lambda t: f"{t[0]}({t[1]}, {t[2]})")
        return st.one_of(binop, unary, compare, logic, cond, call1, call2)

    return st.recursive(leaf, extend, max_leaves=6)


def program(body: list[str], pairs: list[tuple[Any, Any]]) -> str:
    calls = "\n".join(
        f"try:\n    print(repr(f({a!r}, {b!r})))\nexcept Exception as e:\n    print(type(e).__name__, e)"
        for a, b in pairs)
    return "def f(a, b):\n" + "\n".join("    " + line for line in body) + "\n" + calls + "\n"


def compare(src: str, capsys: pytest.CaptureFixture[str]) -> None:
    exec(compile(src, "<cpython>", "exec"), {"__name__": "__main__"})
    expected = capsys.readouterr().out
    Session("<modjit>").run_source(src)
    assert capsys.readouterr().out == expected, src


PAIRS = st.lists(st.tuples(st.sampled_from(VALUES), st.sampled_from(VALUES)), min_size=1, max_size=4)
SETTINGS = settings(max_examples=150, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@SETTINGS
@given(expr=exprs(), pairs=PAIRS)
def test_expression(expr: str, pairs: list[tuple[Any, Any]], capsys: pytest.CaptureFixture[str]) -> None:
    compare(program([f"return {expr}"], pairs), capsys)


@SETTINGS
@given(init=exprs(), step=exprs(), test=exprs(), n=st.integers(0, 5), pairs=PAIRS)
def test_loop(init: str, step: str, test: str, n: int, pairs: list[tuple[Any, Any]],
              capsys: pytest.CaptureFixture[str]) -> None:
    body = [f"s = {init}", f"for i in range({n}):", f"    if {test}:", f"        s = {step}",
            "    else:", "        s = s + i", "    a = s", "return s"]
    compare(program(body, pairs), capsys)
