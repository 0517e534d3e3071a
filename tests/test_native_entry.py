"""The native entry (codegen/emit_native.py): calls from code running on
CPython reach compiled code without ctypes, and leave it for the dispatcher
whenever the fast path does not apply.  Results are compared with CPython."""

from __future__ import annotations

import types

from modjit.driver.session import Session

SRC = """
def inc(x):
    return x + 1

def twice(x):
    return inc(x) * 2

def half(x):
    return x / 2
"""


def session_with(src: str) -> Session:
    session = Session("<native>")
    session.run_source(src)
    return session


def native_call(fn: object) -> bool:
    return isinstance(type(fn).__dict__.get("__call__"), types.BuiltinFunctionType)


def test_a_scalar_specialization_becomes_the_native_call() -> None:
    s = session_with(SRC + "twice(3)\n")
    twice = s.namespace["twice"]
    assert not native_call(twice)  # compiled code calls it: no entries for CPython yet
    assert twice(3) == 8  # the first call from CPython makes them
    assert native_call(twice) and not native_call(s.namespace["inc"])
    assert twice(4) == 10 and twice(2.5) == 7.0  # another type: the dispatcher
    assert twice(2**70) == (2**70 + 1) * 2  # leaves 64 bits: CPython
    assert twice(x=1) == 4  # keywords: the dispatcher


def test_rebinding_a_dependency_is_seen_by_the_native_call() -> None:
    s = session_with(SRC + "twice(3)\n")
    twice = s.namespace["twice"]
    assert twice(3) == 8 and native_call(twice)
    s.run_source("def inc(x):\n    return x - 1\n")
    assert twice(4) == 6
    s.namespace["inc"] = lambda x: x * 10  # a write the compiler does not see
    assert twice(4) == 80


def test_errors_reach_cpython_as_cpython_raises_them() -> None:
    s = session_with(SRC + "half(3)\ndef inv(x):\n    return 1 / x\ninv(2)\n")
    inv = s.namespace["inv"]
    assert inv(2) == 0.5 and native_call(inv)
    try:
        inv(0)
    except ZeroDivisionError as exc:
        assert str(exc) == "division by zero"
    else:
        raise AssertionError("no ZeroDivisionError")
    assert inv(4) == 0.25


def test_invalidated_specialization_gives_back_the_python_call() -> None:
    s = session_with("def sq(x):\n    return x * x\nsq(3)\n")
    sq = s.namespace["sq"]
    assert sq(3) == 9 and native_call(sq)
    for _ in range(3):  # overflowing calls: handed over until the specialization is dropped
        assert sq(2**40) == 2**80
    assert sq(5) == 25 and native_call(sq)  # a new specialization, with its own entries
