"""Which local lists no one outside a function can see: their mutations need
no undo record.

A hand-over re-runs a call on CPython from its start, which is only right if
the compiled attempt left nothing anyone else can see; so every mutation of a
list that may be shared (a parameter, a global, an element of one) is
journaled for undo, or counts as an effect (codegen/emit_journal.py).  A list
the function built itself (`dp = [0] * (n + 1)`, a comprehension, a slice
copy) is unseen until it escapes, and every way out is journaled or counted by
itself: storing it into a shared list or a global, or passing it to CPython.

fresh_depths(unit) maps a local name to how many levels of it are fresh:
`dp = [[0] * m for _ in range(n)]` gives 2 (dp and its rows), and so
`row = dp[i]` and `for row in dp` give 1; `ps = [a, b]` gives 1 (the elements
came from elsewhere), and so does storing a shared list into a fresh one
(`dp[0] = p`).  A name assigned anything else gets 0.
"""

from __future__ import annotations

import ast

DEEP = 1 << 20  # a display of non-list elements: no level below is a list at all


def fresh_depth(e: ast.expr, names: dict[str, int] | None = None) -> int:
    """How many levels of the list `e` evaluates to are freshly made by it
    (`names`: the depths known for local names)."""
    names = names or {}
    if isinstance(e, ast.List):
        return 1 + min((fresh_depth(x, names) if _may_be_list(x) else DEEP for x in e.elts), default=DEEP)
    if isinstance(e, ast.ListComp):
        return 1 + (fresh_depth(e.elt, names) if _may_be_list(e.elt) else DEEP)
    if isinstance(e, ast.BinOp) and isinstance(e.op, ast.Add):
        # a new list: `[1] + [0] * n`
        return max(1, min(fresh_depth(e.left, names), fresh_depth(e.right, names)))
    if isinstance(e, ast.BinOp) and isinstance(e.op, ast.Mult):
        side = e.left if isinstance(e.left, ast.List) else e.right
        return fresh_depth(side, names) if isinstance(side, ast.List) else 0
    if isinstance(e, ast.Subscript) and isinstance(e.slice, ast.Slice):
        return 1  # a copy; its elements are shared
    if isinstance(e, ast.Subscript | ast.Name):
        found = item_chain(e)  # `row = grid[i]`: a row of a fresh grid is as fresh, one level less
        return max(0, names.get(found[0], 0) - found[1]) if found is not None else 0
    if isinstance(e, ast.Call) and isinstance(e.func, ast.Name) and e.func.id in ("list", "sorted"):
        return 1  # (a rebound `list` makes the call hand over before anything runs)
    return 0


def _may_be_list(e: ast.expr) -> bool:
    """(`G or [0]`, `G + []`, `G * 1` may be lists, the first of them shared)"""
    if isinstance(e, ast.BinOp):
        return isinstance(e.op, ast.Add | ast.Mult)
    return not isinstance(e, ast.Constant | ast.UnaryOp | ast.Compare)


# Calls that store nothing into a list passed to them; any other call may
# (`put(a)` doing `a[0] = G`), so a list passed to one keeps only its own level fresh.
_STORES_NOTHING = frozenset({
    "len", "sum", "min", "max", "sorted", "list", "tuple", "enumerate", "zip", "reversed", "range",
    "abs", "print", "int", "float", "bool", "round", "any", "all", "isinstance", "str", "repr"})
_UNKNOWN = ast.Name(id=" unknown", ctx=ast.Load())  # a value of depth 0


def fresh_depths(body: list[ast.stmt], params: list[str], globals_: set[str]) -> dict[str, int]:
    """Each local name's depth: the least over everything assigned to it,
    solved by iteration as names are assigned from names (`ci = c[i]`)."""
    values: list[tuple[str, int, ast.expr]] = []  # name's level `levels` gets `value`
    fixed = set(params) | globals_  # names bound by anything else: depth 0
    judged: set[int] = set()
    for node in (n for stmt in body for n in ast.walk(stmt)):
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for t in targets:
                if isinstance(t, ast.Name):
                    values.append((t.id, 0, node.value))
                    judged.add(id(t))
                elif isinstance(t, ast.Tuple | ast.List):  # `a[0], a[1] = G, G`: anything
                    values.extend(v for e in ast.walk(t) if isinstance(e, ast.Subscript)
                                  for v in _stored(e, _UNKNOWN))
                else:
                    values.extend(_stored(t, node.value))
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            values.append((node.target.id, 1, _item_of(node.value)))  # a list's `+=` extends it
            judged.add(id(node.target))
        elif isinstance(node, ast.For) and isinstance(node.target, ast.Name):
            values.append((node.target.id, 0, _item_of(node.iter)))  # `for row in grid`
            judged.add(id(node.target))
        elif isinstance(node, ast.For | ast.comprehension):  # `for dp[0] in ps`: anything
            values.extend(v for e in ast.walk(node.target) if isinstance(e, ast.Subscript)
                          for v in _stored(e, _UNKNOWN))
        elif isinstance(node, ast.Call):
            values.extend(_inserted(node))
            if not (isinstance(node.func, ast.Name) and node.func.id in _STORES_NOTHING):
                for arg in [*node.args, *(k.value for k in node.keywords)]:
                    found = item_chain(arg.value if isinstance(arg, ast.Starred) else arg)
                    if found is not None:  # its items may be anything after the call
                        values.append((found[0], found[1] + 1, _UNKNOWN))
        elif isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load) and id(node) not in judged:
            fixed.add(node.id)  # unpacking, with, del ...
    values += _through_aliases(values)
    bound = {name for name, levels, _ in values if levels == 0}
    fixed |= {name for name, _, _ in values} - bound  # only stored into: a global's list
    depths = {name: DEEP for name, _, _ in values}
    depths.update((name, 0) for name in fixed)
    for _ in range(_ROUNDS):
        new = {name: DEEP for name, _, _ in values}
        for name, levels, value in values:
            got = fresh_depth(value, depths) if levels == 0 or _may_be_list(value) else DEEP
            new[name] = min(new[name], levels + got)
        new.update((name, 0) for name in fixed)
        if new == depths:
            return depths
        depths = new
    return {name: 0 for name in depths}  # (a name defined through itself, `a = a[0]`)


_ROUNDS = 8


def _through_aliases(values: list[tuple[str, int, ast.expr]]) -> list[tuple[str, int, ast.expr]]:
    """A store through an alias is a store into what it aliases: with `b = a`
    (or `row = grid[i]`, `for row in grid`, `b = [a]`, `b = [a, c][0]`),
    `b[0] = p` puts p into a's items too, where `a[0][0] += 1` would then
    change p unrecorded."""
    views: dict[str, set[tuple[str, int]]] = {}  # x -> (y, r): x's level L is y's level L + r
    for name, levels, value in values:
        if levels == 0:
            for root, r in _views(value, 0):
                if root != name:
                    views.setdefault(name, set()).add((root, r))
    if not views:
        return []
    out: list[tuple[str, int, ast.expr]] = []
    todo = [(name, levels, value) for name, levels, value in values if levels > 0 and name in views]
    seen: set[tuple[str, int, int]] = set()
    while todo:
        name, levels, value = todo.pop()
        for root, r in views.get(name, ()):
            key = (root, levels + r, id(value))
            if levels + r >= 1 and key not in seen and len(seen) < 10_000:
                seen.add(key)
                out.append((root, levels + r, value))
                todo.append((root, levels + r, value))
    return out


def _views(e: ast.expr, r: int) -> list[tuple[str, int]]:
    """The names whose lists the value of `e` may share, as (y, r): its level
    L is y's level L + r (`a[i]`: (a, 1); `[a]`: (a, -1))."""
    if isinstance(e, ast.Name):
        return [(e.id, r)]
    if isinstance(e, ast.Subscript):
        return [] if isinstance(e.slice, ast.Slice) else _views(e.value, r + 1)
    if isinstance(e, ast.List | ast.Tuple):
        return [v for x in e.elts for v in _views(x, r - 1)]
    if isinstance(e, ast.ListComp):
        return _views(e.elt, r - 1)
    if isinstance(e, ast.IfExp):
        return _views(e.body, r) + _views(e.orelse, r)
    if isinstance(e, ast.BoolOp):
        return [v for x in e.values for v in _views(x, r)]
    if isinstance(e, ast.BinOp) and isinstance(e.op, ast.Add | ast.Mult):  # a new list of their items
        return [v for x in (e.left, e.right) for v in _views(x, r)]
    if isinstance(e, ast.NamedExpr):
        return _views(e.value, r)
    return []


def item_chain(e: ast.expr) -> tuple[str, int] | None:
    """`g[i][j]` -> ("g", 2): the name under a chain of item subscripts."""
    levels = 0
    while isinstance(e, ast.Subscript) and not isinstance(e.slice, ast.Slice):
        levels, e = levels + 1, e.value
    return (e.id, levels) if isinstance(e, ast.Name) else None


def _stored(target: ast.expr, value: ast.expr) -> list[tuple[str, int, ast.expr]]:
    """`g[i][j] = v` puts v at level 2 of g; `g[i][a:b] = v` puts v's items there."""
    if not isinstance(target, ast.Subscript):
        return []
    if isinstance(target.slice, ast.Slice):
        found = item_chain(target.value)
        return [] if found is None else [(found[0], found[1] + 1, _item_of(value))]
    found = item_chain(target)
    return [] if found is None else [(found[0], found[1], value)]


def _item_of(e: ast.expr) -> ast.expr:
    """An expression as fresh as the items of the list `e`."""
    return ast.Subscript(value=e, slice=ast.Constant(0), ctx=ast.Load())


def _inserted(call: ast.Call) -> list[tuple[str, int, ast.expr]]:
    """`g[i].append(v)` / insert put v at level 2 of g; extend puts v's items there."""
    f = call.func
    if not isinstance(f, ast.Attribute) or not call.args:
        return []
    found = item_chain(f.value)
    if found is None:
        return []
    name, levels = found
    if f.attr in ("append", "insert"):
        return [(name, levels + 1, call.args[-1])]
    if f.attr == "extend":
        return [(name, levels + 1, _item_of(call.args[0]))]
    return []


def mutation_is_unseen(target: ast.expr, depths: dict[str, int]) -> bool:
    """Does mutating the list `target` evaluates to change nothing outside?"""
    found = item_chain(target)
    return found is not None and depths.get(found[0], 0) >= found[1] + 1


def seen_from_before(body: list[ast.stmt]) -> set[str]:
    """The names a top-level statement may read holding what they held
    before it ran: each read not preceded, on every path through the
    statement, by an assignment of the name in it.  The others hold only
    what the statement assigned, as a function's locals do, and a list it
    made there is as unseen by others as a function's own."""
    seen: set[str] = set()
    _defined_after(body, set(), seen)
    return seen


def _defined_after(stmts: list[ast.stmt], defined: set[str], seen: set[str]) -> set[str]:
    """Walk `stmts` in order with the names `defined` on every path so far;
    reads of others join `seen`.  Returns the names defined after them."""
    defined = set(defined)
    for s in stmts:
        if isinstance(s, ast.Assign):
            _reads(s.value, defined, seen)
            for t in s.targets:
                _assigned(t, defined, seen)
        elif isinstance(s, ast.AugAssign):
            _reads(s.value, defined, seen)
            _reads(s.target, defined, seen, store=True)
        elif isinstance(s, ast.For):
            _reads(s.iter, defined, seen)
            inner = set(defined)
            _assigned(s.target, inner, seen)
            _defined_after(s.body, inner, seen)  # (each iteration starts from `defined`)
            _defined_after(s.orelse, defined, seen)
        elif isinstance(s, ast.While):
            _reads(s.test, defined, seen)
            _defined_after(s.body, defined, seen)
            _defined_after(s.orelse, defined, seen)
        elif isinstance(s, ast.If):
            _reads(s.test, defined, seen)
            defined = _defined_after(s.body, defined, seen) & _defined_after(s.orelse, defined, seen)
        elif isinstance(s, ast.Expr):
            _reads(s.value, defined, seen)
        else:  # anything else: all it names may hold what they held before
            seen.update(n.id for n in ast.walk(s) if isinstance(n, ast.Name))
    return defined


def _assigned(target: ast.expr, defined: set[str], seen: set[str]) -> None:
    if isinstance(target, ast.Name):
        defined.add(target.id)
    elif isinstance(target, ast.Tuple | ast.List):
        for e in target.elts:
            _assigned(e, defined, seen)
    elif isinstance(target, ast.Starred):
        _assigned(target.value, defined, seen)
    else:  # `a[i] = ...`, `o.x = ...`: reads `a`, `i`
        _reads(target, defined, seen, store=True)


def _reads(e: ast.expr, defined: set[str], seen: set[str], store: bool = False) -> None:
    for n in ast.walk(e):
        if isinstance(n, ast.Name) and (store or isinstance(n.ctx, ast.Load)) and n.id not in defined:
            seen.add(n.id)
        elif isinstance(n, ast.NamedExpr | ast.comprehension | ast.Lambda):
            seen.update(m.id for m in ast.walk(n) if isinstance(m, ast.Name))  # (their own scopes)
