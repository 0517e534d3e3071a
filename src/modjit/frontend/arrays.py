"""Which local lists of a function can be plain native arrays.

A list of ints, floats or bools that a function makes for itself and only
indexes (`flags = [True] * (n + 1)`, `dp = [0] * (n + 1)`) is seen by no one
else: the code generator may keep it as a buffer of i64 / double / i8 instead
of a PyListObject of boxed items (codegen/emit_arrays.py).  Nothing changes
that a program could see: it is never printed, passed, returned, compared or
aliased, so no one can tell it was not a list; a hand-over re-runs the call on
CPython from its start, which makes the list anew.  A sieve of 10M then
touches 10 MB instead of 80 MB of pointers, and no item is type-checked,
boxed or reference counted.

A name qualifies when, in the whole function body, it is a local (not a
parameter, global or comprehension variable) of type list[int|float|bool]
and every occurrence is one of:

    name = [v] * n          (or n * [v]): v of the list's item type, n an int
    name = list(range(...)) (ints)
    name = other[:]         a copy of another array of the same items
    name[i]                 read, store target, augmented target
    len(name)               the builtin
"""

from __future__ import annotations

import ast

from modjit.frontend.infer import UnitTypes
from modjit.frontend.types import BOOL, FLOAT, INT, ListType, Type

ITEMS = (INT, FLOAT, BOOL)


def native_arrays(u: UnitTypes) -> dict[str, Type]:
    """name -> item type of each local list the function may keep as an array."""
    if u.mode != "function":
        return {}
    found = {name: t.elem for name, t in u.locals.items()
             if isinstance(t, ListType) and t.elem in ITEMS
             and name not in u.params and name not in u.declared_globals}
    if not found:
        return {}
    parents: dict[ast.AST, ast.AST] = {}
    names: list[ast.Name] = []
    for stmt in u.body:
        for node in ast.walk(stmt):
            if isinstance(node, ast.Lambda | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                return {}  # (a nested scope may see anything)
            if isinstance(node, ast.Name) and node.id in found:
                names.append(node)
            for child in ast.iter_child_nodes(node):
                parents[child] = node
    arrays = dict(found)
    while True:  # (a copy `b = a[:]` keeps both only while both are arrays)
        bad = {n.id for n in names if n.id in arrays and not _use(n, parents, u, arrays)}
        if not bad:
            return arrays
        for name in bad:
            del arrays[name]


def _use(node: ast.Name, parents: dict[ast.AST, ast.AST], u: UnitTypes, arrays: dict[str, Type]) -> bool:
    parent = parents.get(node)
    if isinstance(node.ctx, ast.Store):  # `name = [v] * n`: the only way the name is bound
        return isinstance(parent, ast.Assign) and parent.targets == [node] \
            and made_from(parent.value, u, arrays[node.id], arrays) is not None
    if isinstance(parent, ast.Subscript) and parent.value is node:
        if not isinstance(parent.slice, ast.Slice):
            return not isinstance(parent.ctx, ast.Del)  # name[i]
        target = parents.get(parent)  # `b = name[:]`, b an array too
        return isinstance(target, ast.Assign) and len(target.targets) == 1 \
            and isinstance(target.targets[0], ast.Name) and target.targets[0].id in arrays \
            and made_from(target.value, u, arrays[target.targets[0].id], arrays) is not None
    if isinstance(parent, ast.Call) and parent.args == [node] and not parent.keywords:
        info = u.calls.get(parent)
        return info is not None and info.kind == "builtin" and info.name == "len"
    return False


def made_from(e: ast.expr, u: UnitTypes, item: Type, arrays: dict[str, Type]) -> tuple[str, ast.expr] | None:
    """How an array of `item` is made: ("repeat", `[v] * n` or `n * [v]`, v of
    type `item` and n an int), ("range", `list(range(...))`) or ("copy", `a[:]`
    of an array `a` of `item`)."""
    if isinstance(e, ast.BinOp) and isinstance(e.op, ast.Mult):
        one, count = (e.left, e.right) if isinstance(e.left, ast.List) else (e.right, e.left)
        if isinstance(one, ast.List) and len(one.elts) == 1 and u.types.get(one.elts[0]) == item \
                and u.types.get(count) == INT:
            return "repeat", e
        return None
    if isinstance(e, ast.Call):
        info = u.calls.get(e)
        if item == INT and info is not None and info.kind == "pycall" and info.name == "list_range" \
                and isinstance(e.args[0], ast.Call) and all(u.types.get(a) == INT for a in e.args[0].args):
            return "range", e
        return None
    if isinstance(e, ast.Subscript) and isinstance(e.value, ast.Name) and arrays.get(e.value.id) == item \
            and isinstance(e.slice, ast.Slice) and e.slice.lower is None and e.slice.upper is None \
            and e.slice.step is None:
        return "copy", e
    return None
