"""No leaks: compiled code called many times from CPython leaves the reference
counts of its arguments and the memory CPython's allocator holds as they were
(tracemalloc sees every object compiled code creates through the C API)."""

from __future__ import annotations

import sys
import tracemalloc

import pytest

from modjit.driver.session import Session

SRC = """
def conditional(a, b, c):
    x = a[:] if c else b + [0]
    y = (a or [7]) + (b and [len(b)])
    z = sorted(a) if len(a) > 2 else [v * 2 for v in b]
    return len(x) + len(y) + len(z) + len(a[:] if c else []) + (len(b[:]) or 5)

def pairs(a, b):
    out = [(x, y) for x in a for y in b if x != y]
    return len(out), out[0] if out else (0, 0)

def rows(n):
    g = [[i * j for j in range(n)] for i in range(n)]
    g[0].append(1)
    return g[n - 1][1:], any(r[0] > 0 for r in g), g[0][-1]

def has_neg(a):  # a loop over a temporary list, with a return inside: ended normally
    for v in sorted(a):
        for w in (v, -v):
            if w < -100:
                return True
    return False

def inv_sum(a, b):  # an error leaves a loop over a temporary list
    t = 0.0
    for v in a[:] + b:
        t += 1 / (v - 1)
    return t

def rebinds(a, b):  # an error exit releases what list variables hold then (shadow slots)
    x = a
    y = [0] * 3
    for i in range(len(b) + 2):
        x = y
        y = [i] + b
        if i == 1:
            z = x + y
            return z[len(a) + 99]
    return len(x) + len(y)

def swaps(a, b, k):  # two items of a fresh list trade places: no counts change
    rows = [a, b, a]
    rows[0], rows[1] = rows[1], rows[0]
    rows[2], rows[-3] = rows[-3], rows[2]
    rows[k], rows[k] = rows[k], rows[k]
    return len(rows[k])

def arrays(n, k):  # native arrays: rebound in a loop, freed on every way out
    a = [0] * n
    b = [1.5] * n
    for i in range(n):
        a = [i] * n
        b[i] += a[i]
    if k == 1:
        return a[n + 5]  # IndexError: the error exit frees both
    if k == 2:
        return a[n - 1] * 2 ** 62  # leaves 64 bits: hands over, CPython runs the call again
    return a[0] + len(b)

def arrays_returned(n, k):  # arrays made into lists as they are returned (a NaN hands over)
    a = [k * 0.5] * n
    f = [0.25] * n
    if k == 3:
        f[0] = float("nan")
        return f
    if k == 1:
        return [a[0] + len(f)]
    return a

def grid_returned(n, k):
    g = [[0.5] * n for _ in range(k)]
    return g

def leave_early(a, b):
    for v in a + b:
        if v == 2:
            return v
    return 0
"""


def _raising(ns, a, b, k):
    try:
        return ns["inv_sum"](a, b)
    except ZeroDivisionError:
        return None


CALLS = {
    "conditional": lambda ns, a, b, k: ns["conditional"](a, b, k % 2 == 0),
    "pairs": lambda ns, a, b, k: ns["pairs"](a, b),
    "rows": lambda ns, a, b, k: ns["rows"](4 + k % 3),
    "loop_over_temporary_then_return": lambda ns, a, b, k: ns["has_neg"](a) or ns["leave_early"](a, b),
    "error_leaves_loop_over_temporary": _raising,
    "fresh_list_swaps": lambda ns, a, b, k: ns["swaps"](a, b, k % 3),
    "error_exit_releases_rebound_list_variables": lambda ns, a, b, k: _caught(ns["rebinds"], a, b),
    "native_arrays_returned": lambda ns, a, b, k: (ns["arrays_returned"](3 + k % 4, 3 if k % 500 == 9 else k % 3),
                                                   ns["grid_returned"](k % 4, 2 + k % 3)),
    "native_arrays_freed": lambda ns, a, b, k: _caught(lambda a, b: ns["arrays"](3 + k % 5, 2 if k % 400 == 7 else k % 2), a, b),
}


def _caught(fn, a, b):
    try:
        return fn(a, b)
    except IndexError:
        return None
N = 4000


@pytest.mark.parametrize("name", CALLS)
def test_calls_leave_references_and_memory_as_they_were(name: str) -> None:
    s = Session("<leaks>")
    s.run_source(SRC)
    ns, call = s.namespace, CALLS[name]
    a, b = [3, 1, 2], [5, 1]
    for k in range(50):  # compile, promote, settle
        call(ns, a, b, k)
    refs = sys.getrefcount(a), sys.getrefcount(b)
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for k in range(N):
            call(ns, a, b, k)
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert (sys.getrefcount(a), sys.getrefcount(b)) == refs
    assert grown < N * 8  # a leaked list per call would be >= 56 bytes each
