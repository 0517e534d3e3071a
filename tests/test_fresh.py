"""Which list mutations no one outside a function can see (frontend/fresh.py).

Each case: a function body, its parameters, a mutated list expression, and
whether mutating it is unseen.  Getting one wrong the unsafe way means a
hand-over re-runs a call whose mutation was never undone."""

from __future__ import annotations

import ast

import pytest

from modjit.frontend.fresh import fresh_depths, mutation_is_unseen, seen_from_before

CASES = [
    ("dp = [0] * n", [], "dp", True),
    ("g = [[1] * c for _ in range(r)]", [], "g[i]", True),
    ("g = [[1] * c for _ in range(r)]\nrow = g[i]", [], "row", True),
    ("g = [[1] * c for _ in range(r)]\nfor row in g:\n    pass", [], "row", True),
    ("ps = [a, b]", ["a", "b"], "ps", True),
    ("ps = [a, b]", ["a", "b"], "ps[0]", False),
    ("a[0] = 1", ["a"], "a", False),
    ("h = g[:]", ["g"], "h", True),
    ("h = g[:]", ["g"], "h[0]", False),
    # a shared list stored into a fresh one makes that level shared
    ("g = [[0] * 3 for _ in range(2)]\ng[0] = p\nrow = g[0]", ["p"], "row", False),
    ("g = [[0] * 3 for _ in range(2)]\ng.append(p)", ["p"], "g[1]", False),
    ("g = [[0] * 3 for _ in range(2)]\ng.extend(p)\nr = g[0]", ["p"], "r", False),
    ("g = [[0] * 3 for _ in range(2)]\ng[0][:] = p", ["p"], "g[0]", True),
    ("for row in p:\n    pass", ["p"], "row", False),
    ("s = [0]\ns += [1]", [], "s", True),
    ("s = [0]\ns += p", ["p"], "s[0]", False),
    ("x = [0]\nx = p", ["p"], "x", False),
    ("a, b = [0], [1]", [], "a", False),
    ("a = [[1]]\na = a[0]", [], "a", False),
    ("global G\nG = [0]", [], "G", False),
    # a name the function never binds is a global: its items are shared
    ("g[0] = g[0] * 2", [], "g", False),
    ("d.append(x)", ["x"], "d", False),
    ("grid[0][0] += 1", [], "grid[0]", False),
    ("d.extend([1])", [], "d", False),
    # a store through an alias stores into what it aliases (`a[0][0] += 1` changed p unrecorded)
    ("a = [[0]]\nb = a\nb[0] = p", ["p"], "a[0]", False),
    ("a = [[0]]\nb = a\nb[0] = [1]", [], "a[0]", True),
    ("g = [[[0]] * 3 for _ in range(2)]\nrow = g[0]\nrow[1] = p", ["p"], "g[0][1]", False),
    ("g = [[[0]] * 3 for _ in range(2)]\nfor row in g:\n    row[0] = p", ["p"], "g[1][0]", False),
    ("g = [[[0]] * 3 for _ in range(2)]\nfor row in g:\n    row[0] = [0]", [], "g[1][0]", True),
    ("a = [[0]]\nb = a\nc = b\nc[0] = p", ["p"], "a[0]", False),
    ("a = [[0]]\nb = [a]\nb[0][0] = p", ["p"], "a[0]", False),
    ("a = [[0]]\nb = [a, a][0]\nb[0] = p", ["p"], "a[0]", False),
    ("a = [[0]]\nb = a\nb.append(p)", ["p"], "a[1]", False),
    ("a = [[0]]\nb = a\nb += [p]", ["p"], "a[1]", False),
    ("a = [[0]]\nb = a\ng(b)", [], "a[0]", False),
    ("a = [[0]]\nb = a if n else [[1]]\nb[0] = p", ["p", "n"], "a[0]", False),
]


@pytest.mark.parametrize(("src", "params", "target", "unseen"), CASES)
def test_mutation_is_unseen(src: str, params: list[str], target: str, unseen: bool) -> None:
    body = ast.parse(src).body
    globals_ = {n for s in body if isinstance(s, ast.Global) for n in s.names}
    depths = fresh_depths(body, params, globals_)
    assert mutation_is_unseen(ast.parse(target, mode="eval").body, depths) is unseen


# A top-level statement: its names are globals, fresh only where every read
# follows an assignment in the statement (else it may see the list from before).
STATEMENT_CASES = [
    ("for t in range(9):\n    un = [0.0] * n\n    un[1] = u[0]\n    u = un", "un", True),
    ("for t in range(9):\n    un = [0.0] * n\n    un[1] = u[0]\n    u = un", "u", False),
    ("for t in range(9):\n    un[1] = 2\n    un = [0.0] * n", "un", False),
    ("for _ in r:\n    if c:\n        a = [1]\n    else:\n        a = [2]\n    a[0] = 3", "a", True),
    ("for _ in r:\n    if c:\n        a = [1]\n    a[0] = 3", "a", False),
    ("for _ in r:\n    while k < 3:\n        a = [0]\n        k += 1\n    a.append(1)", "a", False),
    ("while k < 3:\n    a = [0]\n    a.append(k)\n    k += 1", "a", True),
    ("for a in rows:\n    a[0] = 1", "a", False),
    ("for i in range(3):\n    a = [0]\n    b = a\n    b[0] = i", "b", True),
    ("for i in range(3):\n    a = [0]\n    a += x", "a", True),
    ("for i in range(3):\n    a = [0]\n    a = x\n    a[0] = 1", "a", False),
    # (a way out is undone by itself: the store into `hist`, the global binding of `a`)
    ("for i in range(3):\n    a = [0]\n    print([a for _ in range(2)])\n    a[0] = 1", "a", True),
    ("for i in range(3):\n    a = [0]\n    hist.append(a)\n    a[0] = 1", "a", True),
    ("for i in range(3):\n    hist.append(a)\n    a = [0]", "a", False),
    ("for t in range(2):\n    a = [[0]]\n    b = a\n    b[0] = OLD\n    a[0][0] += 1", "a[0]", False),
    ("for i in range(3):\n    a, b = [0], [1]\n    a[0] = 1", "a", False),
    ("for i in range(3):\n    a = [0]\nelse:\n    a[0] = 1", "a", False),
]


@pytest.mark.parametrize(("src", "target", "unseen"), STATEMENT_CASES)
def test_statement_mutation_is_unseen(src: str, target: str, unseen: bool) -> None:
    body = ast.parse(src).body
    assert len(body) == 1
    depths = fresh_depths(body, [], seen_from_before(body))
    assert mutation_is_unseen(ast.parse(target, mode="eval").body, depths) is unseen
