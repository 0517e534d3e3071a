"""Which item stores into shared lists may stop journaling part-way through a
loop, and which loop's entry clears their flag (frontend/snapshots.py).

Each case: a function body, its parameters, and for every store target's
name (in order of appearance) the line of the loop that owns its flag, or
None.  Getting one wrong the unsafe way means a flag set for one list while
the name holds another: stores into that one would go unrecorded, and a
hand-over would re-run the call over changes it never undid."""

from __future__ import annotations

import ast

import pytest

from modjit.frontend.snapshots import snapshot_plan

CASES = [
    # the outermost loop that never binds the name
    ("for s in range(n):\n    for i in range(m):\n        a[i] = 1", ["a"], [1]),
    ("while k:\n    a[0] += 1", ["a"], [1]),
    # not in a loop: nothing to save
    ("a[0] = 1", ["a"], [None]),
    # a row bound per iteration: the inner loop owns it
    ("for r in range(n):\n    row = g[r]\n    for c in range(m):\n        row[c] = 0", ["g"], [3]),
    ("for row in g:\n    for c in range(m):\n        row[c] = 0", ["g"], [2]),
    # bound in the only loop: none
    ("for r in range(n):\n    row = g[r]\n    row[0] = 1", ["g"], [None]),
    ("for row in g:\n    row[0] = 1", ["g"], [None]),
    # rebound by unpacking, a walrus, a for target, a del anywhere in the loop
    ("for i in range(n):\n    a[i] = 1\n    a, b = b, a", ["a", "b"], [None]),
    ("for i in range(n):\n    a[i] = 1\n    if (a := b):\n        pass", ["a", "b"], [None]),
    ("for i in range(n):\n    for a in x:\n        pass\n    a[0] = 1", ["x"], [None]),
    ("for i in range(n):\n    a[i] = 1\n    del a", ["a"], [None]),
    # a comprehension binding the name counts too (conservatively)
    ("for i in range(n):\n    a[i] = sum([a for a in x])", ["a", "x"], [None]),
    # a name the function never binds is a global: never
    ("for i in range(n):\n    g[i] = 1", [], [None]),
    ("global g\ng = [0] * 3\nfor i in range(n):\n    g[i] = 1", [], [None]),
    # a local bound before the loop
    ("a = list(p)\nfor i in range(n):\n    a[i] = 1", ["p"], [2]),
    # item chains and slices are not a name's stores
    ("for i in range(n):\n    g[i][0] = 1", ["g"], []),
    ("for i in range(n):\n    a[1:2] = [0]", ["a"], []),
    # swaps: each target
    ("for i in range(n):\n    a[i], b[i] = b[i], a[i]", ["a", "b"], [1, 1]),
    # two loops: each owns its stores
    ("for i in range(n):\n    a[i] = 1\na = b\nfor j in range(n):\n    a[j] = 2", ["a", "b"], [1, 4]),
]


@pytest.mark.parametrize(("body", "params", "owners"), CASES)
def test_snapshot_plan(body: str, params: list[str], owners: list[int | None]) -> None:
    tree = ast.parse(body).body
    globals_ = {n for s in tree if isinstance(s, ast.Global) for n in s.names}
    loops, stores = snapshot_plan(tree, params, globals_)
    loop_line = {id(n): n.lineno for s in tree for n in ast.walk(s) if isinstance(n, ast.For | ast.While)}
    targets = [t.value for s in tree for n in ast.walk(s) if isinstance(n, ast.Assign | ast.AugAssign)
               for t in (n.targets if isinstance(n, ast.Assign) else [n.target])
               for t in (t.elts if isinstance(t, ast.Tuple) else [t])
               if isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name)
               and not isinstance(t.slice, ast.Slice)]
    got = [loop_line[stores[id(name)]] if id(name) in stores else None for name in targets]
    assert got == owners
    for name in targets:  # the loop owning a store's flag clears it on entry
        assert id(name) not in stores or name.id in loops[stores[id(name)]]  # type: ignore[attr-defined]
