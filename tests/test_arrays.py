"""Which local lists a function may keep as native arrays (frontend/arrays.py).

Each case: a function of `n` and a list parameter `p`, and the names the
front end picks.  Picking one the unsafe way means a program could see a
buffer where it expects a list: printed, passed, aliased or iterated."""

from __future__ import annotations

import math
import textwrap

import pytest

from modjit.frontend.arrays import borrowed_arrays, loop_bounds, native_arrays
from modjit.frontend.types import FLOAT, INT, list_of
from tests.test_infer import infer

CASES = [
    ("a = [0] * n\na[0] = 1\nreturn a[0] + len(a)", {"a"}),
    ("a = n * [0.5]\na[-1] += 2.0\nreturn a[0]", {"a"}),
    ("f = [True] * n\nf[0] = f[1] = False\nreturn f[0]", {"f"}),
    ("a = [0] * n\nb = [n] * 3\na[0], b[0] = b[0], a[0]\nreturn a[0]", {"a", "b"}),
    ("a = [0] * n\nreturn [a[i] for i in range(n)]", {"a"}),
    ("a = list(range(n))\nb = a[:]\nb[0] = a[-1]\nreturn b[0]", {"a", "b"}),
    ("a = list(range(1, n, 2))\nreturn a[0]", {"a"}),
    ("a = [0.5] * n\nb = a[:]\nreturn b", {"a", "b"}),  # (b becomes a list as it is returned)
    ("a = [0.5] * n\nb = a[:]\nreturn b, 1", set()),  # (in a tuple: b escapes, so a is copied into a list)
    ("a = [0] * n\nb = a[1:]\nreturn b[0]", set()),
    ("a = [0] * n\nb = a[:]\nreturn b[0]", {"a", "b"}),
    ("a = [0] * n\nb = a[:]\nc = b\nreturn c[0]", set()),
    ("a = p[:]\nreturn a[0]", set()),  # (a copy of a list: a list)
    # every other use keeps the list a list
    ("a = [0] * n\nreturn a", {"a"}),
    ("g = [[0] * n for _ in range(n)]\nreturn g", {"g"}),
    ("a = [0] * n\nreturn (a)", {"a"}),
    ("a = [0] * n\nreturn a if n else p", set()),
    ("a = [0] * n\nprint(a)", set()),
    ("a = [0] * n\nb = a\nb[0] = 1", set()),
    ("a = [0] * n\nfor x in a:\n    a[0] = x", {"a"}),
    ("a = [0] * n\nt = 0\nfor x in a:\n    a = [1] * 2", set()),  # (the loop's list rebound inside)
    ("a = [0] * n\nreturn [x + 1 for x in a]", {"a"}),
    ("a = [0] * n\nreturn a[1:]", set()),
    ("a = [0] * n\na.append(1)", set()),
    ("a = [0] * n\nreturn a == p", set()),
    ("a = [0] * n\nreturn len(a[:])", set()),
    ("a = [0] * n\na = [1, 2]\nreturn a[0]", set()),
    ("a = [0, 1] * n\nreturn a[0]", set()),
    ("a = [0] * n\nreturn sum(a) + max(a) - min(a)", {"a"}),
    ("a = [0] * n\nreturn sum(a[1:]) + max(a[:-1]) - min(a[n // 2:n])", {"a"}),  # (summed in place)
    ("a = [0] * n\nreturn sum(a[::2])", set()),  # (a step: a list)
    ("a = [0] * n\nreturn len(a[1:])", set()),
    ("g = [[0] * n for _ in range(n)]\nreturn sum(g[0])", set()),
    ("a = [0] * n\nreturn sorted(a)[0]", set()),
    ("a = [0] * n\nreturn 1 in a", set()),
    ("a = [0] * n\np[0] = a[0]\nreturn len(p)", {"a"}),
    # grids: one buffer of rows * cols
    ("g = [[0] * n for _ in range(n)]\ng[1][0] += g[0][-1]\nreturn len(g) + len(g[0])", {"g"}),
    ("g = [[0.5] * (n + 1) for i in range(n)]\nreturn g[0][0]", {"g"}),
    ("g = [[i] * n for i in range(n)]\nreturn g[0][0]", set()),  # (rows differ)
    ("g = [[0] * n for _ in range(n)]\nr = g[0]\nreturn r[0]", set()),
    ("g = [[0] * n for _ in range(n)]\ng[0] = [1] * n\nreturn g[0][0]", set()),
    ("g = [[0] * n for _ in range(n)]\nfor r in g:\n    pass", set()),
    ("g = [[0] * n for _ in range(n) if n]\nreturn g[0][0]", set()),
    ("g = [[0] * len(p) for _ in range(n)]\nreturn g[0][0]", set()),  # (a call per row)
    ("g = [[0] * n for _ in p]\nreturn g[0][0]", set()),
    ("g = [[0] * n for _ in range(n)]\nreturn g[0]", set()),
    ("p = [0] * n\nreturn p[0]", set()),  # a parameter: the caller's list first
    ("global g\ng = [0] * n\nreturn g[0]", set()),
    ("a = [0] * n\nreturn [a for a in range(3)]", {"a"}),  # (a comprehension's own `a` is renamed)
]


@pytest.mark.parametrize(("body", "names"), CASES)
def test_native_arrays(body: str, names: set[str]) -> None:
    src = "def f(n, p):\n" + textwrap.indent(body, "    ")
    u = infer(src, INT, list_of(INT))
    assert set(native_arrays(u)) == names


# Which list parameters a function may borrow as arrays (frontend/arrays.borrowed_arrays):
# `def f(n, p, q)`, p and q lists of floats, a global list `g`.  Borrowing one the unsafe
# way means code could see the list while the function holds its items in a buffer.
BORROWED = [
    ("for i in range(n):\n    p[i] += q[i]", {"p", "q"}),
    ("s = 0.0\nfor x in p:\n    s += x\nreturn s + sum(q) + max(q) - min(q) + len(p)", {"p", "q"}),
    ("return [x * 2.0 for x in p]", {"p"}),  # (q: never touched, never copied)
    ("for i in range(n):\n    p[i], p[-1 - i] = p[-1 - i], p[i]", set()),  # (floats moved: objects in CPython)
    ("for i in range(n):\n    p[i], p[-1 - i] = p[-1 - i] + 0.0, p[i] * 1.0", {"p"}),
    ("for i in range(n):\n    q[i] = math.sqrt(abs(p[i]))", {"p", "q"}),
    ("a = [0.0] * n\nfor i in range(n):\n    a[i] = 2.0 * p[i]\nreturn a[0]", {"p"}),  # (a: an array of its own)
    ("return p[0] + q[0]", set()),  # no loop: the copies would be all the work
    ("for i in range(n):\n    p[i] = 1.0\nreturn p", set()),  # the list itself goes back
    ("for i in range(n):\n    p[i] = q[i]\nr = p", set()),
    ("for i in range(n):\n    p[i] = 1.0\nprint(n)", set()),  # print may run the program's write()
    ("for i in range(n):\n    p[i] = float(len(q[1:]))", {"p"}),  # (q sliced: a list; p still alone)
    ("for i in range(n):\n    p.append(1.0)", set()),
    ("for i in range(n):\n    p[i] = g[i]", set()),  # g may be p
    ("for i in range(n):\n    p[i] = 1.0\np = q", set()),
    ("for x in p:\n    q[0] = x\nreturn p == q", set()),
    ("for x in p:\n    q[0] = x\nreturn p[0] == q[0]", {"p", "q"}),
]


@pytest.mark.parametrize(("body", "names"), BORROWED)
def test_borrowed_arrays(body: str, names: set[str]) -> None:
    src = "def f(n, p, q):\n" + textwrap.indent(body, "    ")
    ns = {"math": math, "g": [1.0, 2.0], "h": lambda i: 1.0}
    u = infer(src, INT, list_of(FLOAT), list_of(FLOAT), ns=ns)
    assert set(borrowed_arrays(u, native_arrays(u))) == names


BOUNDS = [
    ("for i in range(n):\n    p[i] += 1.0", 1),
    ("x = n + 1\nfor i in range(1, n + n, 3):\n    p[i] += 1.0\nfor j in range(n):\n    q[j] = 0.0", 2),
    ("for i in range(n // 2):\n    p[i] += 1.0", None),  # (could raise before CPython would)
    ("for i in range(n * 2):\n    p[i] += 1.0", None),
    ("n = n - 1\nfor i in range(n):\n    p[i] += 1.0", None),  # (n rebound before the loop)
    ("for i in range(len(p)):\n    p[i] += 1.0", None),  # (p's buffer: made after the bounds)
    ("i = 0\nwhile i < n:\n    p[i] = 0.0\n    i += 1", None),
    ("if n:\n    for i in range(n):\n        p[i] = 0.0", None),
    ("for x in q:\n    p[0] = x", None),
    ("p[0] = 1.0\nreturn [x for x in q]", None),
]


@pytest.mark.parametrize(("body", "count"), BOUNDS)
def test_loop_bounds(body: str, count: int | None) -> None:
    src = "def f(n, p, q):\n" + textwrap.indent(body, "    ")
    u = infer(src, INT, list_of(FLOAT), list_of(FLOAT))
    bounds = loop_bounds(u, borrowed_arrays(u, native_arrays(u)))
    assert (None if bounds is None else len(bounds)) == count


def test_lists_of_floats_whose_items_move_are_not_borrowed() -> None:
    src = ("def f(n, p, q):\n    for i in range(n):\n        p[i], p[n - i] = p[n - i], p[i]\n"
           "        q[i] = p[0]\n    return p[0] + q[0]\n")
    assert borrowed_arrays(infer(src, INT, list_of(FLOAT), list_of(FLOAT)), {}) == {}
    ints = infer(src, INT, list_of(INT), list_of(INT))  # (ints are values in compiled code anyway)
    assert set(borrowed_arrays(ints, {})) == {"p", "q"}
