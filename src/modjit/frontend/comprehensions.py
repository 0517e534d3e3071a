"""Comprehensions as loops: scope their variables, build the loop once.

    [x * x for x in a if x > 0]
      -> for x.c1 in a:              (x renamed: a comprehension has its own scope)
             if x.c1 > 0:
                 <append x.c1 * x.c1>

A generator expression passed straight to sum/min/max/sorted/list/any/all is
treated the same way (built eagerly; the result is the same).
"""

from __future__ import annotations

import ast
import itertools

from modjit.errors import Unsupported

_counter = itertools.count(1)
EAGER_CONSUMERS = {"sum", "min", "max", "sorted", "list"}


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
                and node.func.id in EAGER_CONSUMERS and len(node.args) == 1 \
                and isinstance(node.args[0], ast.GeneratorExp) and not node.keywords:
            gen = node.args[0]
            comp = ast.ListComp(elt=gen.elt, generators=gen.generators)
            ast.copy_location(comp, gen)
            node.args[0] = comp
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
        _rename(part, renames)
    _ = first_iter  # evaluated in the enclosing scope: not renamed
    body: ast.stmt = CompAppend(value=comp.elt)
    ast.copy_location(body, comp.elt)
    for gen in reversed(comp.generators):
        for cond in reversed(gen.ifs):
            body = ast.copy_location(ast.If(test=cond, body=[body], orelse=[]), cond)
        body = ast.copy_location(ast.For(target=gen.target, iter=gen.iter, body=[body], orelse=[]), gen.iter)
    comp.mj_loop = body  # type: ignore[attr-defined]
