"""Which item stores into shared lists may stop journaling part-way through a
loop, and which loop's entry clears their flag (frontend/snapshots.py).

Each case: a body and, for every store target's name (in order of
appearance), the line of the loop whose entry clears its cell, or None.  A
store outside that loop would find a cell never set (or one a former run of
the loop left)."""

from __future__ import annotations

import ast

import pytest

from modjit.frontend.snapshots import snapshot_plan

CASES = [
    # the outermost loop around the store
    ("for s in range(n):\n    for i in range(m):\n        a[i] = 1", [1]),
    ("while k:\n    a[0] += 1", [1]),
    # not in a loop: nothing to save
    ("a[0] = 1", [None]),
    # a row bound per iteration: the outer loop still (the cell holds the list copied)
    ("for r in range(n):\n    row = g[r]\n    for c in range(m):\n        row[c] = 0", [1]),
    ("for row in g:\n    row[0] = 1", [1]),
    # globals too: the list is compared, not the name trusted
    ("global g\ng = [0] * 3\nfor i in range(n):\n    g[i] = 1", [3]),
    # item chains and slices are not a name's stores
    ("for i in range(n):\n    g[i][0] = 1", []),
    ("for i in range(n):\n    a[1:2] = [0]", []),
    # swaps: each target
    ("for i in range(n):\n    a[i], b[i] = b[i], a[i]", [1, 1]),
    # two loops: each owns its stores
    ("for i in range(n):\n    a[i] = 1\na = b\nfor j in range(n):\n    a[j] = 2", [1, 4]),
    # another scope's stores are its own
    ("for i in range(n):\n    def h():\n        a[0] = 1", [None]),
]


@pytest.mark.parametrize(("body", "owners"), CASES)
def test_snapshot_plan(body: str, owners: list[int | None]) -> None:
    tree = ast.parse(body).body
    loops, stores = snapshot_plan(tree)
    loop_line = {id(n): n.lineno for s in tree for n in ast.walk(s) if isinstance(n, ast.For | ast.While)}
    targets = [t.value for s in tree for n in ast.walk(s) if isinstance(n, ast.Assign | ast.AugAssign)
               for t in (n.targets if isinstance(n, ast.Assign) else [n.target])
               for t in (t.elts if isinstance(t, ast.Tuple) else [t])
               if isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name)
               and not isinstance(t.slice, ast.Slice)]
    got = [loop_line[stores[id(name)]] if id(name) in stores else None for name in targets]
    assert got == owners
    for name in targets:  # the loop owning a store's cell clears it on entry
        assert id(name) not in stores or name.id in loops[stores[id(name)]]  # type: ignore[attr-defined]
