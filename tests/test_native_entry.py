"""The native entry (codegen/emit_native.py): calls from code running on
CPython reach compiled code without ctypes, and leave it for the dispatcher
whenever the fast path does not apply.  Results are compared with CPython."""

from __future__ import annotations

import sys
import types
from typing import Any

import pytest

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


TUPLES = """
def dist2(p, q):
    dx = p[0] - q[0]
    dy = p[1] - q[1]
    return dx * dx + dy * dy

def first(t):
    return t[0][1] + t[1]

def scale(v, k):
    for i in range(len(v)):
        v[i] = v[i] * k
    return v

def pick(flag, n):
    return n if flag else -n
"""


def test_tuple_and_list_arguments_take_the_native_call() -> None:
    s = session_with(TUPLES)
    ns = s.namespace
    dist2, first, scale, pick = ns["dist2"], ns["first"], ns["scale"], ns["pick"]
    assert dist2((1.0, 2.0), (4.0, 6.0)) == 25.0 and native_call(dist2)
    assert first(((1, 2), 3)) == 5 and native_call(first)
    v = [1.5, 2.5]
    assert scale(v, 2.0) is v and v == [3.0, 5.0] and native_call(scale)
    assert pick(True, 3) == 3 and native_call(pick) and pick(False, 3) == -3


def test_other_tuples_and_lists_leave_the_native_call_with_cpythons_result() -> None:
    s = session_with(TUPLES)
    ns = s.namespace
    dist2, first, scale = ns["dist2"], ns["first"], ns["scale"]
    assert dist2((1.0, 2.0), (4.0, 6.0)) == 25.0 and native_call(dist2)
    assert dist2((1.0, 2.0, 9.0), (4.0, 6.0)) == 25.0  # longer tuple: another specialization
    assert dist2([1.0, 2.0], (4.0, 6.0)) == 25.0  # a list is not a tuple
    assert dist2((1, 2), (4, 6)) == 25  # int items
    try:
        dist2((1.0, "a"), (4.0, 6.0))
    except TypeError as exc:
        assert str(exc) == "unsupported operand type(s) for -: 'str' and 'float'"
    else:
        raise AssertionError("no TypeError")
    assert first(((1, 2), 3)) == 5
    assert first(((1, 2**70), 3)) == 2**70 + 3  # a big int inside: CPython
    assert first(((1, 2.5), 3)) == 5.5
    w = [1, 2]
    assert scale(w, 3) == [3, 6] and w == [3, 6]
    u = [1.0, 2]  # mixed: the compiled code reads an int where it wanted a float
    assert scale(u, 2.0) == [2.0, 4.0] and type(u[1]) is float
    assert scale([], 2.0) == []
    floats = [0.5]
    assert scale(floats, 2.0) == [1.0] and native_call(scale)
    ints = [1, 2]  # the list[float] code reads an int: handed over, CPython's result
    assert scale(ints, 2.0) == [2.0, 4.0] and ints == [2.0, 4.0]


def test_a_stand_in_only_ever_sent_to_cpython_calls_it_plainly() -> None:
    from modjit.runtime.dispatch import HOPELESS_CALLS, JitFunction

    s = session_with("def echo(s):\n    return s\ndef twice(x):\n    return x * 2\ntwice(1)\n")
    echo, twice = s.namespace["echo"], s.namespace["twice"]
    assert isinstance(echo, JitFunction)
    for i in range(HOPELESS_CALLS + 1):
        assert echo(f"x{i}") == f"x{i}" and twice("ab") == "abab"
    # CPython calls the plain function directly, and the name keeps the object it held
    assert s.namespace["echo"] is echo and echo.calls_plainly()
    assert s.namespace["twice"] is twice  # it has compiled code for ints: kept
    assert twice(4) == 8 and native_call(twice)


def test_keyword_arguments_from_cpython_reach_compiled_code() -> None:
    s = session_with("def lerp(a, b, t=0.5):\n    return a + (b - a) * t\n")
    lerp = s.namespace["lerp"]
    assert lerp(1.0, b=3.0) == 2.0 and lerp(t=0.25, b=4.0, a=0.0) == 1.0
    assert "lerp(float, float, float)" in [u.name for u in s.units if u.kind == "function"]
    assert lerp(1, 2, t=1) == 2  # other types: another specialization
    for bad in ({"x": 1}, {"a": 1.0}):  # CPython's TypeError, from CPython
        try:
            lerp(1.0, 2.0, **bad)
        except TypeError as exc:
            assert "argument" in str(exc)
        else:
            raise AssertionError("no TypeError")


def dispatcher_calls(call: Any) -> int:
    """How many times the Python-level dispatcher ran during `call()`."""
    seen: list[str] = []
    sys.setprofile(lambda frame, event, arg: seen.append(frame.f_code.co_name) if event == "call" else None)
    try:
        call()
    finally:
        sys.setprofile(None)
    return seen.count("call_python")


def test_keyword_calls_take_the_native_call() -> None:
    s = session_with("def lerp(a, b, t=0.5):\n    return a + (b - a) * t\n")
    lerp = s.namespace["lerp"]
    assert lerp(1.0, 3.0) == 2.0 and native_call(lerp)
    assert dispatcher_calls(lambda: lerp(1.0, 3.0, t=0.25)) == 0
    assert dispatcher_calls(lambda: lerp(b=4.0, a=0.0)) == 0
    assert lerp(1.0, 3.0, t=0.25) == 1.5 and lerp(t=0.25, b=4.0, a=0.0) == 1.0
    assert dispatcher_calls(lambda: lerp(1.0, 3.0, **{"t" + "": 0.75})) <= 1  # a key not interned
    for bad, message in (({"a": 1.0}, "multiple values for argument 'a'"),
                         ({"x": 1.0}, "unexpected keyword argument 'x'")):
        with pytest.raises(TypeError, match=message):
            lerp(1.0, 2.0, **bad)
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'b'"):
        lerp(t=1.0, a=2.0)


def test_specializations_chain_their_native_entries() -> None:
    s = session_with("def f(x):\n    return x + 1\n")
    f = s.namespace["f"]
    assert f(1) == 2 and f(1.5) == 2.5 and f(True) == 2  # three specializations, three entries
    assert dispatcher_calls(lambda: (f(2), f(2.5), f(False))) == 0
    assert dispatcher_calls(lambda: f("a" if False else 2**70)) == 1  # none takes it
    middle = next(spec for key, spec in f._specs.items() if key[0].name == "float")
    s.rt.invalidate(middle)  # out of the chain: the others still answer, and 2.5 compiles again
    assert (f(2), f(2.5), f(False)) == (3, 3.5, 1)
    assert dispatcher_calls(lambda: (f(3), f(False))) == 0
    s.run_source("def f(x):\n    return x - 1\n")  # redefined: the new one starts a chain
    assert s.namespace["f"](2.5) == 1.5 and f(2) == 3


def test_calls_leaving_out_defaults_take_the_native_call() -> None:
    s = session_with("def lerp(a, b, t=0.5):\n    return a + (b - a) * t\n"
                     "def push(x, acc=[0]):\n    acc.append(x)\n    return len(acc)\n")
    lerp, push = s.namespace["lerp"], s.namespace["push"]
    assert lerp(1, 3) == 2.0 and native_call(lerp) and lerp(1, 3, 0.25) == 1.5
    assert lerp(0, 8, t=0.25) == 2.0  # a keyword: the dispatcher
    lerp._fn.__defaults__ = (2.0,)  # CPython would use the new default: so must the entry
    assert lerp(1, 3) == 5.0
    lerp._fn.__defaults__ = (1,)  # another type: another specialization
    assert lerp(1, 3) == 3
    assert [push(i) for i in range(3)] == [2, 3, 4]  # one list object across calls, as in CPython
    assert push._fn.__defaults__[0] == [0, 0, 1, 2]
