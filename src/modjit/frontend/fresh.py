"""Which local lists no one outside a function can see: their mutations need
not count as effects.

A hand-over re-runs a call on CPython from its start, which is only right if
the compiled attempt changed nothing anyone else can see; so every mutation of
a list that may be shared (a parameter, a global, an element of one) counts as
an effect, and a hand-over after one stops with a clear error instead.  A list
the function built itself (`dp = [0] * (n + 1)`, a comprehension, a slice copy)
is unseen until it escapes, and every way out counts by itself: storing it
into a shared list or a global, or passing it to CPython.

fresh_depths(unit) maps a local name to how many levels of it are fresh:
`dp = [[0] * m for _ in range(n)]` gives 2 (dp and its rows), `ps = [a, b]` 1
(the elements came from elsewhere).  A name assigned anything else gets 0.
"""

from __future__ import annotations

import ast

DEEP = 1 << 20  # a display of non-list elements: no level below is a list at all


def fresh_depth(e: ast.expr) -> int:
    """How many levels of the list `e` evaluates to are freshly made by it."""
    if isinstance(e, ast.List):
        return 1 + min((fresh_depth(x) if _may_be_list(x) else DEEP for x in e.elts), default=DEEP)
    if isinstance(e, ast.ListComp):
        return 1 + (fresh_depth(e.elt) if _may_be_list(e.elt) else DEEP)
    if isinstance(e, ast.BinOp) and isinstance(e.op, ast.Add):
        return max(1, min(fresh_depth(e.left), fresh_depth(e.right)))  # a new list: `[1] + [0] * n`
    if isinstance(e, ast.BinOp) and isinstance(e.op, ast.Mult):
        side = e.left if isinstance(e.left, ast.List) else e.right
        return fresh_depth(side) if isinstance(side, ast.List) else 0
    if isinstance(e, ast.Subscript) and isinstance(e.slice, ast.Slice):
        return 1  # a copy; its elements are shared
    if isinstance(e, ast.Call) and isinstance(e.func, ast.Name) and e.func.id in ("list", "sorted"):
        return 1  # (a rebound `list` makes the call hand over before anything runs)
    return 0


def _may_be_list(e: ast.expr) -> bool:
    return not isinstance(e, ast.Constant | ast.BinOp | ast.UnaryOp | ast.Compare | ast.BoolOp)


def fresh_depths(body: list[ast.stmt], params: list[str], globals_: set[str]) -> dict[str, int]:
    depths: dict[str, int] = {}

    def bind(name: str, depth: int) -> None:
        depths[name] = min(depths.get(name, DEEP), depth)

    judged: set[int] = set()  # plain `name = value` targets, bound by their value
    for node in (n for stmt in body for n in ast.walk(stmt)):
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for t in targets:
                if isinstance(t, ast.Name):
                    bind(t.id, fresh_depth(node.value))
                    judged.add(id(t))
        elif isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load) and id(node) not in judged:
            bind(node.id, 0)  # for targets, unpacking, augmented assignment, del ...
    for name in (*params, *globals_):
        depths[name] = 0
    return depths


def mutation_is_unseen(target: ast.expr, depths: dict[str, int]) -> bool:
    """Does mutating the list `target` evaluates to change nothing outside?"""
    levels = 1
    while isinstance(target, ast.Subscript) and not isinstance(target.slice, ast.Slice):
        levels += 1
        target = target.value
    return isinstance(target, ast.Name) and depths.get(target.id, 0) >= levels
