"""Comprehensions as loops: scope their variables, build the loop once.

    [x * x for x in a if x > 0]
      -> for x.c1 in a:              (x renamed: a comprehension has its own scope)
             if x.c1 > 0:
                 <append x.c1 * x.c1>

A generator expression passed straight to sorted/list is treated the same
way (built eagerly; the result is the same).  One passed to sum adds
its items as they come, from the int 0 as sum() does (no list of boxed items
for CPython's sum: 1.4x python3's time on a list of floats); one passed to
min/max keeps its first item, then each that compares less/greater:

    sum(x * x for x in a)
      -> $sum.c3 = 0
         for x.c3 in a:
             $sum.c3 = $sum.c3 + x.c3 * x.c3
    and sum() is $sum.c3;

    max(f(x) for x in a)
      -> $first.c4 = True
         for x.c4 in a:
             $v.c4 = f(x.c4)
             if $first.c4:
                 $max.c4 = $v.c4
                 $first.c4 = False
             elif $v.c4 > $max.c4:         (min: <)
                 $max.c4 = $v.c4
    and max() is $max.c4 (with $first.c4 still True: CPython's ValueError).

One passed to any/all
stops where they stop, so no element past that one is evaluated:

    any(x > 3 for x in a for y in b)
      -> $stop.c2 = False
         for x.c2 in a:
             for y.c2 in b:
                 $v.c2 = x.c2 > 3
                 if $v.c2:                 (all: if not $v.c2)
                     $stop.c2 = True
                     break
             if $stop.c2:
                 break
    and any() is $stop.c2 (all: not $stop.c2); no list is built.
"""

from __future__ import annotations

import ast
import itertools

from modjit.errors import Unsupported

_counter = itertools.count(1)
EAGER_CONSUMERS = {"sum", "min", "max", "sorted", "list"}
SHORT_CIRCUIT = {"any": True, "all": False}  # the element truth that ends the loop


class CompAppend(ast.stmt):
    """Append `value` to the list being built by the innermost comprehension."""

    _fields = ("value",)

    def __init__(self, value: ast.expr) -> None:
        super().__init__()
        self.value = value


def is_hidden(name: str) -> bool:
    """Names made by this pass never reach the namespace."""
    return "." in name


def scope_comprehensions(body: list[ast.stmt], filename: str) -> None:
    """Rename comprehension variables in place (once per tree) and attach loops."""
    for node in list(_walk(body)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id in EAGER_CONSUMERS | SHORT_CIRCUIT.keys() and len(node.args) == 1 \
                and isinstance(node.args[0], ast.GeneratorExp) and not node.keywords:
            gen = node.args[0]
            comp = ast.ListComp(elt=gen.elt, generators=gen.generators)
            ast.copy_location(comp, gen)
            comp.mj_consumer = node.func.id  # type: ignore[attr-defined]  # (the builtin, or no rewrite: infer_calls)
            node.args[0] = comp
            if node.func.id in SHORT_CIRCUIT:
                comp.mj_until = SHORT_CIRCUIT[node.func.id]  # type: ignore[attr-defined]
            elif node.func.id in ("sum", "min", "max"):
                comp.mj_reduce = node.func.id  # type: ignore[attr-defined]
    for node in list(_walk(body)):
        if isinstance(node, ast.ListComp) and not hasattr(node, "mj_loop"):
            _scope(node, filename)


def _walk(body: list[ast.stmt]) -> list[ast.AST]:
    out: list[ast.AST] = []
    for stmt in body:
        out.extend(ast.walk(stmt))
    return out


def _rename(node: ast.AST, renames: dict[str, str]) -> None:
    """Rename free uses of the comprehension's variables; a lambda's own
    parameters shadow them in its body (`[lambda i=i: i for i in r]`)."""
    if isinstance(node, ast.Name):
        node.id = renames.get(node.id, node.id)
        return
    if isinstance(node, ast.Lambda):
        a = node.args
        for d in [*a.defaults, *(d for d in a.kw_defaults if d is not None)]:
            _rename(d, renames)
        bound = {x.arg for x in [*a.posonlyargs, *a.args, *a.kwonlyargs, a.vararg, a.kwarg] if x}
        inner = {k: v for k, v in renames.items() if k not in bound}
        if inner:
            _rename(node.body, inner)
        return
    for child in ast.iter_child_nodes(node):
        _rename(child, renames)


def _scope(comp: ast.ListComp, filename: str) -> None:
    suffix = f".c{next(_counter)}"
    renames: dict[str, str] = {}
    for gen in comp.generators:
        if gen.is_async:
            raise Unsupported("'async for' is not supported", gen.iter, filename)
        for n in ast.walk(gen.target):
            if isinstance(n, ast.Name):
                renames[n.id] = n.id + suffix
    first_iter = comp.generators[0].iter
    for part in [comp.elt, *(g.target for g in comp.generators),
                 *(c for g in comp.generators for c in g.ifs),
                 *(g.iter for g in comp.generators[1:])]:
        for n in ast.walk(part):  # the function's variables, free in the comprehension's scope
            if isinstance(n, ast.Name) and n.id not in renames:
                n.mj_free = True  # type: ignore[attr-defined]
        _rename(part, renames)
    _ = first_iter  # evaluated in the enclosing scope: not renamed
    until = getattr(comp, "mj_until", None)
    reduce = getattr(comp, "mj_reduce", None)
    start: ast.stmt | None = None  # (the loop's first statement, before the comprehension's loops)
    if reduce is not None:
        inner, start = _reduction(comp, reduce, suffix)
    elif until is None:
        inner = [CompAppend(value=comp.elt)]
    else:
        # ("$": no renamed variable, `name.cN`, can be called this)
        value, stop = (_hidden(f"${base}{suffix}", comp.elt) for base in ("v", "stop"))
        test = _load(value) if until else ast.UnaryOp(op=ast.Not(), operand=_load(value))
        comp.mj_stop = stop.id  # type: ignore[attr-defined]
        inner = [ast.Assign(targets=[value], value=comp.elt),
                 ast.If(test=test, body=[ast.Assign(targets=[_hidden(stop.id, comp.elt)], value=ast.Constant(True)),
                                         ast.Break()], orelse=[])]
        start = ast.Assign(targets=[_hidden(stop.id, comp.elt)], value=ast.Constant(False))
    body = [_located(s, comp.elt) for s in inner]
    for level, gen in enumerate(reversed(comp.generators)):
        if level and until is not None:  # the inner loop stopped: stop this one too
            body.append(_located(ast.If(test=_load(stop), body=[ast.Break()], orelse=[]), gen.iter))
        for cond in reversed(gen.ifs):
            body = [ast.copy_location(ast.If(test=cond, body=body, orelse=[]), cond)]
        body = [ast.copy_location(ast.For(target=gen.target, iter=gen.iter, body=body, orelse=[]), gen.iter)]
    if start is not None:
        body.insert(0, _located(start, comp.elt))
        body = [_located(ast.If(test=ast.Constant(True), body=body, orelse=[]), comp.elt)]
    comp.mj_loop = body[0]  # type: ignore[attr-defined]


def _reduction(comp: ast.ListComp, how: str, suffix: str) -> tuple[list[ast.stmt], ast.stmt]:
    """sum/min/max of the comprehension's items: the statements for each item
    and the one before the loops (see the module's docstring)."""
    total, first = _hidden(f"${how}{suffix}", comp.elt), _hidden(f"$first{suffix}", comp.elt)
    comp.mj_total = total.id  # type: ignore[attr-defined]
    if how == "sum":  # $sum.cN = $sum.cN + elt, from the int 0, as sum() adds
        return ([ast.Assign(targets=[total], value=ast.BinOp(left=_load(total), op=ast.Add(), right=comp.elt))],
                ast.Assign(targets=[_hidden(total.id, comp.elt)], value=ast.Constant(0)))
    comp.mj_first = first.id  # type: ignore[attr-defined]  # min/max: the first item, then a less/greater one
    value = _hidden(f"$v{suffix}", comp.elt)
    better = ast.Compare(left=_load(value), ops=[ast.Gt() if how == "max" else ast.Lt()], comparators=[_load(total)])
    def keep() -> ast.stmt:  # $max.cN = $v.cN (a node of its own at each place)
        return ast.Assign(targets=[_hidden(total.id, comp.elt)], value=_load(value))

    inner: list[ast.stmt] = [
        ast.Assign(targets=[value], value=comp.elt),
        ast.If(test=_load(first),
               body=[keep(), ast.Assign(targets=[_hidden(first.id, comp.elt)], value=ast.Constant(False))],
               orelse=[ast.If(test=better, body=[keep()], orelse=[])])]
    return inner, ast.Assign(targets=[first], value=ast.Constant(True))


def _hidden(name: str, at: ast.AST) -> ast.Name:
    return ast.copy_location(ast.Name(id=name, ctx=ast.Store()), at)


def _load(name: ast.Name) -> ast.Name:
    return ast.copy_location(ast.Name(id=name.id, ctx=ast.Load()), name)


def _located(stmt: ast.stmt, at: ast.AST) -> ast.stmt:
    for node in ast.walk(stmt):
        if "lineno" in node._attributes and not hasattr(node, "lineno"):
            ast.copy_location(node, at)
    return stmt
