"""Which item stores into lists others see may stop journaling part-way
through a loop (codegen/emit_journal.py, snapshot_store).

Every store into a list a hand-over could have to put back writes an undo
record (a parameter's `vx[i] -= dx * mag`, six per pair in an n-body kernel).
Once a loop has stored into such a list often enough, one copy of the whole
list (a SNAPSHOT record) undoes everything after it, and the rest of the
loop's stores into it need no record: a flag per name says so.  The flag is
only right while the name holds the list that was copied, so it belongs to
the outermost loop around the store that never binds the name again; it is
cleared when that loop starts.

snapshot_plan(body, params) -> (loops, stores):
  loops:  id(loop statement) -> the names whose flags it clears on entry
  stores: id(the Name node a store's target indexes) -> id(the loop owning its flag)
Only local names (parameters and names the function binds) take part: a
global could be rebound under a loop by code the loop does not see.
"""

from __future__ import annotations

import ast

Loop = ast.For | ast.While


def snapshot_plan(body: list[ast.stmt], params: list[str],
                  globals_: set[str]) -> tuple[dict[int, list[str]], dict[int, int]]:
    local = (set(params) | _bound_names(body)) - globals_
    loops: dict[int, list[str]] = {}
    stores: dict[int, int] = {}
    bound_in: dict[int, set[str]] = {}

    def visit(node: ast.AST, enclosing: list[Loop]) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda):
            return  # (another scope)
        for target in _item_targets(node):
            name = target.value
            assert isinstance(name, ast.Name)
            if name.id not in local:
                continue
            for loop in enclosing:  # the outermost loop that keeps the name bound to one list
                if id(loop) not in bound_in:
                    bound_in[id(loop)] = _bound_names([loop])
                if name.id not in bound_in[id(loop)]:
                    names = loops.setdefault(id(loop), [])
                    if name.id not in names:
                        names.append(name.id)
                    stores[id(name)] = id(loop)
                    break
        inner = [*enclosing, node] if isinstance(node, Loop) else enclosing
        for child in ast.iter_child_nodes(node):
            visit(child, inner)

    for stmt in body:
        visit(stmt, [])
    return loops, stores


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


def _bound_names(body: list[ast.stmt] | list[Loop]) -> set[str]:
    """Every name bound anywhere in `body` (assigned, a loop's target, deleted, ...)."""
    return {n.id for stmt in body for n in ast.walk(stmt)
            if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load)}
