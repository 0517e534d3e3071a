"""Borrowed lists, in-process (frontend/arrays.borrowed_arrays, codegen/emit_arrays.py):
which code borrows, and that a function whose calls copy far more items than
they work on is compiled again without borrowing.  Output is always compared
with CPython running the same source."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_tiering import run_both

QUICKSORT = """
def partition(a, lo, hi):
    pivot = a[hi]
    i = lo - 1
    for j in range(lo, hi):
        if a[j] <= pivot:
            i += 1
            a[i], a[j] = a[j], a[i]
    a[i + 1], a[hi] = a[hi], a[i + 1]
    return i + 1

def quicksort(a, lo, hi):
    while lo < hi:
        p = partition(a, lo, hi)
        if p - lo < hi - p:
            quicksort(a, lo, p - 1)
            lo = p + 1
        else:
            quicksort(a, p + 1, hi)
            hi = p - 1

data = [(i * 7919) % 10007 for i in range(5000)]
quicksort(data, 0, len(data) - 1)
print(data == sorted(data), data[:3], data[-3:])
"""

# no loop bounds known as the call starts (a while loop): the waste is learnt
# from the calls themselves, WASTE_LIMIT of them
SEARCH = """
def find(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo

table = [i * 0.5 for i in range(4000)]
print(sum(find(table, k * 0.37) for k in range(50)))
"""

KERNEL = """
def scale(xs, ys, k, n):
    for i in range(n):
        ys[i] = xs[i] * k + ys[i]

xs = [float(i) for i in range(100)]
ys = [1.0] * 100
for r in range(30):
    scale(xs, ys, 0.5, 100)
print(ys[:3], ys[-1])
"""


def units(session: object, name: str) -> list[str]:
    return [u.ir for u in session.units if u.name.startswith(name)]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("src", "name"), [(QUICKSORT, "partition(list[int], int, int)"),
                                           (SEARCH, "find(list[float], float)")])
def test_calls_that_copy_more_than_they_work_on_stop_borrowing(src: str, name: str,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    expected, got, s = run_both(src, capsys)
    assert got == expected
    again = [p for p in s.stats.promoted if p.startswith(f"{name} compiled again without borrowing")]
    assert again, s.stats.promoted
    code = units(s, name)
    assert "mj.borrow" in code[0] and "mj.borrow" not in code[-1]


def test_a_kernel_borrows_for_all_its_calls(capsys: pytest.CaptureFixture[str]) -> None:
    expected, got, s = run_both(KERNEL, capsys)
    assert got == expected
    assert not any("without borrowing" in p for p in s.stats.promoted)
    code = units(s, "scale(")
    assert code and all("call ptr @mj.borrow.f64(" in ir and "call i1 @mj.jstore(" not in ir for ir in code)


CALLEES = """
def weight(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)

def peek(i):
    return table[i - 1]

def smooth(v, out, n):
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += weight(i, j) * v[j]
        out[i] = s

def shifted(v, out, n):
    for i in range(n):
        out[i] = v[i] + peek(i)

table = [1.0, 2.0, 3.0, 4.0]
out = [0.0] * 4
smooth(table, out, 4)
print(out)
shifted(table, table, 4)
print(table)
"""


def test_a_callee_that_sees_no_list_lets_the_caller_borrow(capsys: pytest.CaptureFixture[str]) -> None:
    expected, got, s = run_both(CALLEES, capsys)
    assert got == expected
    assert all("call ptr @mj.borrow.f64(" in ir for ir in units(s, "smooth("))
    assert not any("call ptr @mj.borrow" in ir for ir in units(s, "shifted("))  # (peek reads `table`)


def test_waste_found_too_deep_is_acted_on_later() -> None:
    """The call that finds the waste is too deep in a recursion for the runtime to
    compile the function again: a later call asks (it borrowed 200k items for
    each of 6,000 calls of two iterations: 90x python3's time)."""
    prog = Path(__file__).parent / "cases" / "borrowed_lists_waste_deep.py"
    proc = subprocess.run([sys.executable, "-m", "modjit", "run", "--stats", str(prog)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "peek(list[int], int) compiled again without borrowing" in " ".join(proc.stderr.split())


JOURNALED = """
def inc(a, k):
    for i in range(len(a)):
        a[i] += k

def from_cpython(a):
    seen = {}          # (a dict: this function runs on CPython)
    inc(a, 1)
    seen[0] = a[0]
    return len(seen)

def from_compiled(a):
    inc(a, 1)
    return a[0]

a = [0] * 1000
"""


@pytest.mark.parametrize(("call", "records"), [("from_cpython(a)", 0), ("from_compiled(a)", 1000)])
def test_the_put_back_is_journaled_only_under_a_compiled_frame(call: str, records: int,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """Only a compiled caller can hand over and re-run the call: a put-back into a
    list under the native entry CPython called by needs no records."""
    expected, got, s = run_both(JOURNALED + f"for _ in range(3):\n    {call}\nprint(a[:3])\n", capsys)
    assert got == expected
    before = s.rt.cells.journal.count
    s.run_source(f"{call}\n")
    assert s.rt.cells.journal.count - before == records
