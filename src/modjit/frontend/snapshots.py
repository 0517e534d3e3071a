"""Which item stores into lists others see may stop journaling part-way
through a loop (codegen/emit_journal.py, snapshot_store).

Every store into a list a hand-over could have to put back writes an undo
record (a parameter's `vx[i] -= dx * mag`, six per pair in an n-body kernel;
a top-level histogram's `counts[k] += 1`).  Once a loop has stored into such
a list often enough, one copy of the whole list (a SNAPSHOT record) undoes
everything after it, and the rest of the loop's stores into it need no
record.  A cell per name holds the list that was copied; a store compares
the list it stores into with it, so a name bound to another list meanwhile
(by the loop, a callee, another thread) only takes the journaled path again.
The cells are cleared when the outermost loop around the name's stores starts.

snapshot_plan(body) -> (loops, stores):
  loops:  id(loop statement) -> the names whose cells it clears on entry
  stores: id(the Name node a store's target indexes) -> id(that loop)
"""

from __future__ import annotations

import ast

from modjit.frontend.resolve import SCOPES

Loop = ast.For | ast.While


def snapshot_plan(body: list[ast.stmt]) -> tuple[dict[int, list[str]], dict[int, int]]:
    loops: dict[int, list[str]] = {}
    stores: dict[int, int] = {}
    for stmt in body:
        _visit(stmt, None, loops, stores)
    return loops, stores


def _visit(node: ast.AST, outermost: Loop | None, loops: dict[int, list[str]], stores: dict[int, int]) -> None:
    """(A function of its own, not a closure: a recursive closure is a cycle, garbage
    a program's gc.collect() would count.)"""
    if isinstance(node, SCOPES):
        return  # (another scope)
    if outermost is not None:
        for target in _item_targets(node):
            name = target.value
            assert isinstance(name, ast.Name)
            names = loops.setdefault(id(outermost), [])
            if name.id not in names:
                names.append(name.id)
            stores[id(name)] = id(outermost)
    if outermost is None and isinstance(node, Loop):
        outermost = node
    for child in ast.iter_child_nodes(node):
        _visit(child, outermost, loops, stores)


def _item_targets(node: ast.AST) -> list[ast.Subscript]:
    """`a[i] = ...`, `a[i] += ...`, `a[i], a[j] = ...`: item stores into a list a name holds."""
    if isinstance(node, ast.Assign):
        targets = [e for t in node.targets for e in (t.elts if isinstance(t, ast.Tuple | ast.List) else [t])]
    elif isinstance(node, ast.AugAssign | ast.AnnAssign):
        targets = [node.target]
    else:
        return []
    return [t for t in targets if isinstance(t, ast.Subscript) and not isinstance(t.slice, ast.Slice)
            and isinstance(t.value, ast.Name)]
