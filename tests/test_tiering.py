"""Tiering and inlining, in-process: what gets promoted, what gets inlined,
that inlined copies leave the optimised module, and that redefinition and
deopts reach callers that inlined a callee.  Output is always compared with
CPython running the same source."""

from __future__ import annotations

import re

import pytest

from modjit.driver.session import Session
from modjit.options import JitOptions

HELPERS = """
def sq(x):
    return x * x

def norm2(a, b):
    return sq(a) + sq(b)

def total(n):
    s = 0
    for i in range(n):
        s += norm2(i, 1)
    return s

def pair(a):
    return norm2(a, a + 1) - sq(a)

def count(n):
    s = 0
    for i in range(n):
        s += i * i
    return s
"""


def run_both(src: str, capsys: pytest.CaptureFixture[str], **options: object) -> tuple[str, str, Session]:
    exec(compile(src, "<cpython>", "exec"), {"__name__": "__main__"})
    expected = capsys.readouterr().out
    session = Session("<modjit>", keep_asm=True, options=JitOptions(**options))  # type: ignore[arg-type]
    session.run_source(src)
    return expected, capsys.readouterr().out, session


def optimised_ir(session: Session, name: str) -> str:
    records = [u for u in session.units if u.name.startswith(name) and u.name.endswith("[optimised]")]
    assert records, f"{name} was not promoted"
    return records[-1].ir


def test_hot_caller_inlines_its_callees_transitively(capsys: pytest.CaptureFixture[str]) -> None:
    src = HELPERS + "t = 0\nfor i in range(100):\n    t += pair(i)\nprint(t)\n"
    expected, got, s = run_both(src, capsys, hot_threshold=40)
    assert got == expected
    promoted = [p for p in s.stats.promoted if p.startswith("pair(int) after 40 ")]
    assert promoted and "sq(int)" in promoted[0] and "norm2(int, int)" in promoted[0]
    ir = optimised_ir(s, "pair(int)")
    # the copies were folded in and dropped: one function's body remains
    # (entries for CPython live in a module of their own)
    assert "define internal" not in ir and '.inl"(' not in ir
    assert len(re.findall(r'define [^@]*@"?([\w.]+)"?\(', ir)) == 1


def test_no_inline_keeps_calls_through_slots(capsys: pytest.CaptureFixture[str]) -> None:
    src = HELPERS + "t = 0\nfor i in range(100):\n    t += pair(i)\nprint(t)\nprint(total(50), total(60))\n"
    expected, got, s = run_both(src, capsys, hot_threshold=40, inline=False)
    assert got == expected
    assert s.stats.promoted and all(p.endswith("inlined nothing") for p in s.stats.promoted)
    assert "call i64 %" in optimised_ir(s, "pair(int)")  # indirect calls remain
    # a loop's baseline already has O2 code: without inlining, promotion adds nothing
    assert not any(p.startswith("total") for p in s.stats.promoted)


def test_cold_functions_are_not_promoted(capsys: pytest.CaptureFixture[str]) -> None:
    src = HELPERS + "print(pair(5), pair(6), count(10))\n"
    expected, got, s = run_both(src, capsys, hot_threshold=1000)
    assert got == expected
    assert s.stats.promoted == []
    assert not any(u.name.endswith("[optimised]") for u in s.units)


def kernel_tree(lines: int) -> str:
    body = "".join(f"        s = (s * {k + 3} + i) % 1000003\n" for k in range(lines))
    return (f"def kernel(n):\n    s = 1\n    for i in range(n):\n{body}    return s\n\n"
            "def driver(k, n):\n    t = 0\n    for _ in range(k):\n        t += kernel(n)\n    return t\n\n")


def test_promotion_is_decided_at_a_call(capsys: pytest.CaptureFixture[str]) -> None:
    # a long loop called once stays baseline; its second call is promoted
    # (30,000 iterations: more than a brief first call's, 256 x the threshold)
    src = HELPERS + "def scaled(k, n):\n    t = sq(n)\n    for i in range(k):\n        t += i\n    return t\n\n"
    expected, got, s = run_both(src + "print(scaled(30000, 3))\n", capsys, hot_threshold=100)
    assert got == expected and s.stats.promoted == []
    expected, got, s = run_both(src + "print(scaled(30000, 3), scaled(2, 3))\n", capsys, hot_threshold=100)
    assert got == expected and s.stats.promoted[0].startswith("scaled(int, int) after 30002 ")
    assert s.stats.promoted[0].endswith("inlined sq(int)")  # what promotion is for


def test_loops_without_callees_are_not_promoted(capsys: pytest.CaptureFixture[str]) -> None:
    expected, got, s = run_both(HELPERS + "print(count(5000), count(3), count(4))\n", capsys, hot_threshold=100)
    assert got == expected and s.stats.promoted == []


def test_loops_calling_functions_start_optimised(capsys: pytest.CaptureFixture[str]) -> None:
    # a main loop runs once: promoting it later would come too late to inline
    src = HELPERS + "print(total(3000))\n"
    expected, got, s = run_both(src, capsys, hot_threshold=10)
    assert got == expected
    assert "call i64 %" not in optimised_ir(s, "total(int)")
    # callees that were only inlined are never compiled on their own
    assert not any(u.name.startswith(("count", "norm2", "sq")) for u in s.units)


def test_loop_calling_a_big_call_tree_waits_for_promotion(capsys: pytest.CaptureFixture[str]) -> None:
    # O2 over a big inlined tree costs more than a loop that calls it a few times gains
    src = kernel_tree(60) + "print(driver(3, 100))\n"
    expected, got, s = run_both(src, capsys)
    assert got == expected
    names = [u.name for u in s.units if u.kind == "function"]
    assert "driver(int, int)" in names and "kernel(int)" in names  # baseline, called through its slot


def test_without_tiering_everything_is_optimised_once(capsys: pytest.CaptureFixture[str]) -> None:
    src = HELPERS + "print(total(50))\n"
    expected, got, s = run_both(src, capsys, tier=False)
    assert got == expected
    assert s.stats.promoted == []
    functions = [u for u in s.units if u.kind == "function"]
    assert functions and all(u.name.endswith("[optimised]") for u in functions)
    total_ir = next(u.ir for u in functions if u.name.startswith("total"))
    assert '.inl"(' not in total_ir and "call i64 %" not in total_ir  # inlined at first compile


def test_redefined_callee_reaches_caller_that_inlined_it(capsys: pytest.CaptureFixture[str]) -> None:
    src = (HELPERS + "print(total(3000), total(50))\n"
           "def sq(x):\n    return x + 100\n"
           "print(total(3000), total(50))\n"
           "class R:\n    def rebind(self):\n        global sq\n        sq = abs\n"
           "R().rebind()\nprint(total(50))\n")
    expected, got, s = run_both(src, capsys, hot_threshold=10)
    assert got == expected
    assert sum(u.name == "total(int) [optimised]" for u in s.units) == 2


def test_deopt_of_inlined_callee_hands_over_whole_call(capsys: pytest.CaptureFixture[str]) -> None:
    # sq overflows 64 bits inside the inlined copy: the call continues on CPython
    src = (HELPERS + "print(total(50), total(50))\n"
           "def big(n):\n    return norm2(n, n)\n"
           "for i in range(30):\n    big(i)\n"
           "print(big(3), big(4), big(3037000500), big(5))\n")
    expected, got, s = run_both(src, capsys, hot_threshold=10)
    assert got == expected
    assert any(p.startswith("big(int)") and "sq(int)" in p for p in s.stats.promoted)
    assert s.stats.deopts >= 1


def test_first_code_is_chosen_by_the_shape_of_the_function(capsys: pytest.CaptureFixture[str]) -> None:
    # loop-free: cheapest code, promotion at calls covers it; loops that may
    # run long in the call (more than 256 x the threshold of 10 here): optimised
    # baseline (no switching mid-call); such loops calling small helpers: optimised
    src = HELPERS + "print(pair(3), count(3000), total(3000))\n"
    expected, got, s = run_both(src, capsys, hot_threshold=10)
    assert got == expected
    tiers = {spec.title: spec.handle.tier for spec in s.rt.specs}
    assert tiers == {"pair(int)": "light", "count(int)": "opt", "total(int)": "hot",
                     "norm2(int, int)": "light", "sq(int)": "light"}


def test_brief_first_calls_get_baseline_code_until_hot(capsys: pytest.CaptureFixture[str]) -> None:
    # first calls whose loops run briefly, with their arguments as the calls
    # pass them (from CPython, or a statement's names): the cheapest code
    # (n-body's energy() on 5 bodies, called twice, cost 42 ms of O2 code);
    # their loops count toward promotion, at 256 x the threshold (2,560)
    src = HELPERS + ("def tri(n):\n    t = 0\n    for i in range(n):\n        for j in range(i + 1, n):\n"
                     "            t += i * j\n    return t\n\n"
                     "k = 5\nprint(count(k), total(k))\n"
                     "class C:\n    def go(self):\n        return [count(200) for _ in range(20)]\n"
                     "    def tri(self, n):\n        return tri(n)\n"
                     "print(sum(C().go()), count(7), total(2), C().tri(40), C().tri(3))\n")
    expected, got, s = run_both(src, capsys, hot_threshold=10)
    assert got == expected
    first = {u.name for u in s.units if u.kind == "function"}
    assert {"count(int)", "total(int)"} <= first
    tiers = {spec.title: spec.handle.tier for spec in s.rt.specs}
    assert tiers["total(int)"] == "light"  # 5 + 2 iterations: never hot
    assert tiers["tri(int)"] == "light"  # first called from CPython: 40 x 39 iterations at most
    assert tiers["count(int)"] == "hot"  # 20 calls of 200 from CPython
    assert any(p.startswith("count(int) after ") for p in s.stats.promoted)


@pytest.mark.parametrize("raised", [KeyboardInterrupt, SystemExit])
def test_interrupt_during_promotion_reaches_the_program(
        raised: type[BaseException], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A signal handler that raises while the runtime compiles a promotion (a
    Python callback of compiled code): the exception reaches the program from
    the call that asked for the promotion, as python3 raises it at the next
    line it runs. ctypes used to print it as ignored and drop it; tripping the
    signal again from the callback ran the handler again inside it."""
    import modjit.pipeline

    asked: list[object] = []

    def handler_raises(rt: object, spec: object) -> None:
        asked.append(spec)
        if len(asked) == 1:  # (the first promotion asked for: the others compile nothing)
            raise raised

    monkeypatch.setattr(modjit.pipeline, "promote", handler_raises)
    src = HELPERS + (f"try:\n    print(sum(pair(i) for i in range(100)))\n"
                     f"except {raised.__name__}:\n    print('stopped')\nprint(pair(3))\n")
    session = Session("<modjit>", options=JitOptions(hot_threshold=40))
    session.run_source(src)
    captured = capsys.readouterr()
    assert captured.out == f"stopped\n{3 * 3 + 4 * 4 - 9}\n"
    assert "Exception ignored" not in captured.err
    assert not session.stats.internal_errors


def test_leaf_called_from_cpython_is_not_promoted(capsys: pytest.CaptureFixture[str]) -> None:
    """A loop-free function that calls none of ours, called from CPython: its
    calls do not count toward promotion (the call costs more than its O0 body,
    and there is nothing to inline); called from compiled code, they do, up
    to LEAF_FACTOR times the threshold (a hot caller inlines it anyway)."""
    from modjit.pipeline import LEAF_FACTOR
    src = ("def sq(x):\n    return x * x + 1\n"
           "def cube(x):\n    return x * x * x\n"
           "t = 0\nfor i in range(300):\n    t += sq(i)\n    s = str(i)\n"  # a loop on CPython
           f"for i in range({100 * LEAF_FACTOR + 10}):\n    t += cube(i) % 7\n"  # a compiled loop
           "print(t, sq(3), cube(3))\n")
    expected, got, s = run_both(src, capsys, hot_threshold=100)
    assert got == expected
    assert not any(p.startswith("sq(int)") for p in s.stats.promoted)
    assert any(p.startswith("cube(int)") for p in s.stats.promoted)


def test_a_statement_passes_no_stale_values(capsys: pytest.CaptureFixture[str]) -> None:
    """`for n in [600]: work(n)`: the namespace's n is the one from before the
    statement (2), not what the call passes; the first call is not taken for a
    brief one: its loops' length unknown, it starts in baseline code and,
    once hot (600 x 600 iterations), restarts in optimised code."""
    src = ("n = 2\ndef work(k):\n    t = 0\n    for i in range(k):\n        for j in range(k):\n"
           "            t += i ^ j\n    return t\n\nfor n in [600]:\n    print(work(n))\n")
    expected, got, s = run_both(src, capsys)
    assert got == expected
    assert {spec.title: spec.handle.tier for spec in s.rt.specs}["work(int)"] == "hot"
    assert s.rt.restarts == 1


LOOP_OF_UNKNOWN_LENGTH = ("def f(limit):\n    n = 0\n    s = 0\n    while n < limit:\n        s += n % 7\n"
                          "        n += 1\n    return s\n")


def test_a_long_first_call_restarts_in_optimised_code(capsys: pytest.CaptureFixture[str]) -> None:
    """A `while` loop's length is not known at the first call: baseline code
    first; past the threshold the call is promoted and run again optimised."""
    expected, got, s = run_both(LOOP_OF_UNKNOWN_LENGTH + "print(f(3000000))\n", capsys)
    assert got == expected
    assert {spec.title: spec.handle.tier for spec in s.rt.specs}["f(int)"] == "hot"
    assert s.rt.restarts == 1
    assert "restarted" in s.stats.promoted[0]


def test_a_brief_first_call_stays_in_baseline_code(capsys: pytest.CaptureFixture[str]) -> None:
    expected, got, s = run_both(LOOP_OF_UNKNOWN_LENGTH + "print(f(300))\n", capsys)
    assert got == expected
    assert {spec.title: spec.handle.tier for spec in s.rt.specs}["f(int)"] == "light"
    assert s.rt.restarts == 0 and not s.stats.promoted


def test_known_long_loops_start_optimised(capsys: pytest.CaptureFixture[str]) -> None:
    src = "def g(k):\n    t = 0\n    for i in range(k):\n        t += i ^ 3\n    return t\nprint(g(3000000))\n"
    expected, got, s = run_both(src, capsys)
    assert got == expected
    assert {spec.title: spec.handle.tier for spec in s.rt.specs}["g(int)"] == "opt"
    assert s.rt.restarts == 0
