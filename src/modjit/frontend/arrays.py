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
    sum(name), min(name), max(name), and of a slice: sum(name[i:j])
    for x in name           (a loop that does not bind the name again)
    return name             (a new list of its items is made then: no one saw it before)

or, for a grid (list[list[int|float|bool]], one buffer of rows * cols items):

    name = [[v] * m for _ in range(n)]
    name[i][j], len(name), len(name[i]), return name
"""

from __future__ import annotations

import ast

from modjit.frontend.infer import UnitTypes
from modjit.frontend.resolve import SCOPES
from modjit.frontend.types import BOOL, FLOAT, INT, ListType, TupleType, Type

ITEMS = (INT, FLOAT, BOOL)
REDUCTIONS = ("sum", "min", "max")
_PURE = (ast.Constant, ast.Name, ast.BinOp, ast.UnaryOp, ast.List, ast.operator, ast.unaryop, ast.expr_context)


def native_arrays(u: UnitTypes) -> dict[str, ListType]:
    """name -> type of each local list the function may keep as an array (a
    list of items, or a grid: a list of equal rows of items)."""
    if u.mode != "function":
        return {}
    found = {name: t for name, t in u.locals.items()
             if isinstance(t, ListType) and _item(t) is not None
             and name not in u.params and name not in u.declared_globals}
    if not found:
        return {}
    parents: dict[ast.AST, ast.AST] = {}
    names: list[ast.Name] = []
    for stmt in u.body:
        for node in ast.walk(stmt):
            if isinstance(node, SCOPES):
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


def _item(t: ListType) -> Type | None:
    """The items of an array of type `t` (a list of them, or a list of lists of them)."""
    if t.elem in ITEMS:
        return t.elem
    if isinstance(t.elem, ListType) and t.elem.elem in ITEMS:
        return t.elem.elem
    return None


def item_of(t: ListType) -> Type:
    found = _item(t)
    assert found is not None
    return found


def is_grid(t: ListType) -> bool:
    return isinstance(t.elem, ListType)


def _use(node: ast.Name, parents: dict[ast.AST, ast.AST], u: UnitTypes, arrays: dict[str, ListType]) -> bool:
    parent = parents.get(node)
    t = arrays[node.id]
    if isinstance(node.ctx, ast.Store):  # `name = [v] * n`: the only way the name is bound
        return isinstance(parent, ast.Assign) and parent.targets == [node] \
            and made_from(parent.value, u, t, arrays) is not None
    if isinstance(parent, ast.Return):  # made into a list as it leaves (codegen: EmitArrays.returned)
        return True
    if isinstance(parent, ast.Call) and parent.args == [node] and not parent.keywords:
        info = u.calls.get(parent)
        return _is_len(parent, u) or (not is_grid(t) and info is not None and info.kind == "pycall"
                                      and info.name in REDUCTIONS)
    if is_grid(t):  # name[i][j], len(name[i])
        if not (isinstance(parent, ast.Subscript) and parent.value is node and not isinstance(parent.slice, ast.Slice)):
            return False
        outer = parents.get(parent)
        if isinstance(outer, ast.Call) and outer.args == [parent] and not outer.keywords:
            return _is_len(outer, u)
        return isinstance(outer, ast.Subscript) and outer.value is parent \
            and not isinstance(outer.slice, ast.Slice) and not isinstance(outer.ctx, ast.Del)
    if isinstance(parent, ast.Subscript) and parent.value is node:
        if not isinstance(parent.slice, ast.Slice):
            return not isinstance(parent.ctx, ast.Del)  # name[i]
        if reduced_slice(parent, parents.get(parent), u):
            return True
        target = parents.get(parent)  # `b = name[:]`, b an array too
        return isinstance(target, ast.Assign) and len(target.targets) == 1 \
            and isinstance(target.targets[0], ast.Name) and target.targets[0].id in arrays \
            and made_from(target.value, u, arrays[target.targets[0].id], arrays) is not None
    if isinstance(parent, ast.For) and parent.iter is node:  # for x in name, the name not rebound inside
        return not any(isinstance(n, ast.Name) and n.id == node.id and not isinstance(n.ctx, ast.Load)
                       for stmt in [*parent.body, *parent.orelse] for n in ast.walk(stmt))
    return isinstance(parent, ast.comprehension) and parent.iter is node  # (its scope binds no name of ours)


def reduced_slice(sub: ast.Subscript, call: ast.AST | None, u: UnitTypes) -> bool:
    """`sum(name[i:j])` (min, max): a slice with int bounds and no step, summed
    over the array's items in place (`return sum(phi[1:])` had made phi a
    list of boxed items for the whole function: 4x slower)."""
    sl = sub.slice
    return isinstance(call, ast.Call) and call.args == [sub] and not call.keywords \
        and isinstance(sl, ast.Slice) and sl.step is None \
        and all(b is None or u.types.get(b) in (INT, BOOL) for b in (sl.lower, sl.upper)) \
        and (info := u.calls.get(call)) is not None and info.kind == "pycall" and info.name in REDUCTIONS


def _is_len(call: ast.Call, u: UnitTypes) -> bool:
    info = u.calls.get(call)
    return info is not None and info.kind == "builtin" and info.name == "len"


def made_from(e: ast.expr, u: UnitTypes, t: ListType, arrays: dict[str, ListType]) -> tuple[str, ast.expr] | None:
    """How an array of type `t` is made: ("repeat", `[v] * n` or `n * [v]`, v
    an item and n an int), ("range", `list(range(...))`), ("copy", `a[:]` of an
    array `a` of the same type) or, for a grid, ("grid", `[[v] * m for _ in
    range(n)]`, the row not using the comprehension's variable)."""
    if is_grid(t):
        if not (isinstance(e, ast.ListComp) and len(e.generators) == 1):
            return None
        gen = e.generators[0]
        info = u.calls.get(gen.iter)
        if gen.ifs or gen.is_async or not isinstance(gen.target, ast.Name) or info is None \
                or info.kind != "range" or info.obj is not gen.iter or not isinstance(gen.iter, ast.Call) \
                or len(gen.iter.args) != 1 or u.types.get(gen.iter.args[0]) != INT:
            return None
        var = gen.target.id  # the row evaluated once for all (CPython: once per row) must not
        # use it, nor do anything but compute (a call could print n times)
        if any((isinstance(n, ast.Name) and n.id == var) or not isinstance(n, _PURE) for n in ast.walk(e.elt)):
            return None
        assert isinstance(t.elem, ListType)
        return ("grid", e) if made_from(e.elt, u, t.elem, {}) == ("repeat", e.elt) else None
    item = t.elem
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
    if isinstance(e, ast.Subscript) and isinstance(e.value, ast.Name) and arrays.get(e.value.id) == t \
            and isinstance(e.slice, ast.Slice) and e.slice.lower is None and e.slice.upper is None \
            and e.slice.step is None:
        return "copy", e
    return None


# -- parameters borrowed as arrays ------------------------------------------------------
# Calls a function may make while it borrows lists: none of them runs code of
# the program's own, so nothing but the function sees the lists meanwhile
_QUIET_CALLS = ("builtin", "const", "isinstance", "math", "range", "scalar_method", "random")


def borrowed_arrays(u: UnitTypes, own: dict[str, ListType]) -> dict[str, ListType]:
    """name -> type of each parameter, a list of ints, floats or bools, that the
    function may borrow as an array: copy its items into a buffer as the call
    starts and put the changed ones back as it ends (codegen/emit_arrays.py).
    No one but the function can tell the list from the buffer meanwhile: it
    is only indexed, measured, summed or looped over, never passed, returned,
    sliced or bound to another name, and the function calls nothing of the
    program's (no method or print; a function only if it sees no list
    either: _quiet_callee), names no other list (a global
    or another parameter's item could be the same list) and has no nested
    scope.  `own`: the function's own arrays (native_arrays), which may
    appear too."""
    if u.mode != "function":
        return {}
    found = {p: t for p, t in zip(u.params, u.param_types, strict=True)
             if isinstance(t, ListType) and t.elem in ITEMS and u.locals.get(p) == t
             and p not in u.declared_globals}
    if not found:
        return {}
    parents: dict[ast.AST, ast.AST] = {}
    names: list[ast.Name] = []
    for stmt in u.body:
        for node in ast.walk(stmt):
            if isinstance(node, (*SCOPES, ast.Yield, ast.YieldFrom, ast.Await, ast.Global, ast.Nonlocal)):
                return {}
            if isinstance(node, ast.Call):
                info = u.calls.get(node)
                if info is None or not (info.kind in _QUIET_CALLS or (
                        info.kind == "pycall" and info.name in REDUCTIONS) or (
                        info.kind == "user" and _quiet_callee(info.spec, set()))):
                    return {}
            if isinstance(node, ast.Name):
                t = u.types.get(node, u.locals.get(node.id))
                if t is not None and _holds_list(t) and node.id not in found and node.id not in own:
                    return {}  # (another list: perhaps one of ours)
                if node.id in found:
                    names.append(node)
            for child in ast.iter_child_nodes(node):
                parents[child] = node
    if not any(isinstance(node, ast.For | ast.While | ast.comprehension) for stmt in u.body for node in ast.walk(stmt)):
        return {}  # (no loop: the copies would cost more than the calls' work)
    bad = {n.id for n in names if not _borrowed_use(n, parents, u)} | _moved_floats(u, found)
    used = {n.id for n in names}  # (a list the function never touches is not copied)
    return {name: t for name, t in found.items() if name in used and name not in bad}


def _quiet_callee(spec: object, seen: set[int]) -> bool:
    """Is `spec` a compiled function that sees no list and calls nothing but
    such functions and quiet builtins (spectral norm's `a(i, j)`)?  A call
    of it cannot tell a borrowed list from its buffer.  (A redefinition of
    it drops the caller's code too: the caller is compiled again.)"""
    if id(spec) in seen:
        return True
    seen.add(id(spec))
    u = getattr(spec, "unit", None)
    if not isinstance(u, UnitTypes):
        return False
    for stmt in u.body:
        for node in ast.walk(stmt):
            if isinstance(node, (*SCOPES, ast.Yield, ast.YieldFrom, ast.Await)):
                return False
            if isinstance(node, ast.Name):
                t = u.types.get(node, u.locals.get(node.id))
                if t is None or _holds_list(t):
                    return False
            if isinstance(node, ast.Call):
                info = u.calls.get(node)
                if info is None or not (info.kind in _QUIET_CALLS or (
                        info.kind == "user" and _quiet_callee(info.spec, seen))):
                    return False
    return all(not _holds_list(t) for t in u.param_types)


def _moved_floats(u: UnitTypes, found: dict[str, ListType]) -> set[str]:
    """Lists of floats whose items a statement moves (`a[i], a[j] = a[j], a[i]`,
    `a[i] = b[j]`): CPython moves the objects, and a buffer holds values (the
    put-back would make new objects: `is` and `id` would tell).  Ints in
    compiled code are values anyway (see the README), bools are two objects."""
    out: set[str] = set()
    for stmt in u.body:
        for node in ast.walk(stmt):
            if not isinstance(node, ast.Assign):
                continue
            pairs = [(t, v) for t, v in zip(node.targets[0].elts, node.value.elts, strict=False)] \
                if isinstance(node.targets[0], ast.Tuple | ast.List) and isinstance(node.value, ast.Tuple | ast.List) \
                else [(t, node.value) for t in node.targets]
            for target, value in pairs:
                if all(isinstance(e, ast.Subscript) and isinstance(e.value, ast.Name) for e in (target, value)):
                    out |= {e.value.id for e in (target, value)  # type: ignore[attr-defined]
                            if e.value.id in found and found[e.value.id].elem == FLOAT}  # type: ignore[attr-defined]
    return out


def _holds_list(t: Type) -> bool:
    if isinstance(t, ListType):
        return True
    return isinstance(t, TupleType) and any(_holds_list(item) for item in t.items)


def _borrowed_use(node: ast.Name, parents: dict[ast.AST, ast.AST], u: UnitTypes) -> bool:
    """name[i] (read, stored, augmented), len(name), sum/min/max(name), for x in name."""
    if not isinstance(node.ctx, ast.Load):
        return False
    parent = parents.get(node)
    if isinstance(parent, ast.Subscript) and parent.value is node:
        return not isinstance(parent.slice, ast.Slice) and not isinstance(parent.ctx, ast.Del)
    if isinstance(parent, ast.Call) and parent.args == [node] and not parent.keywords:
        info = u.calls.get(parent)
        return _is_len(parent, u) or (info is not None and info.kind == "pycall" and info.name in REDUCTIONS)
    if isinstance(parent, ast.For) and parent.iter is node:
        return True
    return isinstance(parent, ast.comprehension) and parent.iter is node


def unborrowed_lists(u: UnitTypes, borrowed: dict[str, ListType]) -> list[str]:
    """The list parameters the function uses that it does not borrow (the
    caller may pass one of them twice: `f(a, a)`; such a call hands over)."""
    if not borrowed:
        return []
    used = {n.id for stmt in u.body for n in ast.walk(stmt) if isinstance(n, ast.Name)}
    return [p for p, t in zip(u.params, u.param_types, strict=True)
            if isinstance(t, ListType) and p not in borrowed and p in used]


def written(u: UnitTypes, names: set[str]) -> set[str]:
    """Which of `names` the function stores items into."""
    out = set()
    for stmt in u.body:
        for node in ast.walk(stmt):
            if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) \
                    and node.value.id in names and isinstance(node.ctx, ast.Store):
                out.add(node.value.id)
    return out


def loop_bounds(u: UnitTypes, borrowed: dict[str, ListType]) -> list[ast.Call] | None:
    """The range() calls of the function's loops, when every loop sits in a
    top-level `for x in range(...)` whose arguments are ints made of
    parameters the function never rebinds and constants: the calls' lengths,
    known as the call starts, are what its outer loops will run (a
    quicksort's `partition(a, lo, hi)`: hi - lo).  None if any loop is
    elsewhere."""
    assigned = {n.id for stmt in u.body for n in ast.walk(stmt)
                if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load)}
    fixed = {p for p in u.params if p not in assigned and p not in borrowed}
    calls = []
    for stmt in u.body:
        if not any(isinstance(n, ast.For | ast.While | ast.comprehension) for n in ast.walk(stmt)):
            continue
        if not isinstance(stmt, ast.For):
            return None
        call = stmt.iter
        info = u.calls.get(call)
        if info is None or info.kind != "range" or info.obj is not call or not isinstance(call, ast.Call):
            return None
        if any(isinstance(n, ast.comprehension | ast.For | ast.While) for a in call.args for n in ast.walk(a)):
            return None
        for a in call.args:  # (only operators that cannot raise: the bounds are worked out early)
            if u.types.get(a) != INT or not all(
                    isinstance(n, ast.BinOp | ast.UnaryOp | ast.Add | ast.Sub | ast.USub | ast.UAdd
                               | ast.expr_context)
                    or (isinstance(n, ast.Constant) and type(n.value) is int)
                    or (isinstance(n, ast.Name) and n.id in fixed) for n in ast.walk(a)):
                return None
        calls.append(call)
    return calls
