"""How many loop iterations a top-level statement may run, estimated from the
values its loops' bounds have when it is compiled (a statement is compiled
just before it runs, so `range(n)` knows n).

A statement runs once: its code is worth O2 code generation (~30 ms more for a
small loop) only if its loops run long.  Measured on a loop of two updates,
O0 code ran 7 ns an iteration and O2 code 3.5 ns: O2 pays for itself past
~10M iterations of such a loop, and past ~1M of a loop that indexes lists and
does float arithmetic, where O0 code is 3-4x slower.
"""

from __future__ import annotations

import ast
from typing import Any

UNKNOWN = 1 << 20  # iterations assumed for a loop whose length is not known (while, ...)
LONG = 1 << 20  # statements estimated to run this many iterations get optimised code


def estimated_iterations(stmts: list[ast.stmt], namespace: dict[str, Any]) -> int:
    return sum(_stmt(s, namespace) for s in stmts)


def _stmt(s: ast.stmt, ns: dict[str, Any]) -> int:
    inner = sum(_comprehensions(s, ns))
    if isinstance(s, ast.For):
        return inner + _trips(s.iter, ns) * max(1, estimated_iterations(s.body, ns)) \
            + estimated_iterations(s.orelse, ns)
    if isinstance(s, ast.While):
        return inner + UNKNOWN * max(1, estimated_iterations(s.body, ns))
    if isinstance(s, ast.If):
        return inner + max(estimated_iterations(s.body, ns), estimated_iterations(s.orelse, ns))
    return inner + 1


def _comprehensions(s: ast.stmt, ns: dict[str, Any]) -> list[int]:
    """Comprehensions in `s`'s own expressions (not in its nested statements)."""
    found = []
    todo: list[ast.AST] = [c for c in ast.iter_child_nodes(s) if not isinstance(c, ast.stmt)]
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.ListComp, ast.GeneratorExp, ast.SetComp, ast.DictComp)):
            n = 1
            for gen in node.generators:
                n *= _trips(gen.iter, ns)
            found.append(n)
        todo.extend(ast.iter_child_nodes(node))
    return found


def _trips(it: ast.expr, ns: dict[str, Any]) -> int:
    if isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and it.func.id == "range" \
            and not it.keywords and 1 <= len(it.args) <= 3:
        args = [_int(a, ns) for a in it.args]
        if all(a is not None for a in args):
            try:
                return len(range(*args))  # type: ignore[arg-type]
            except (ValueError, OverflowError):
                return UNKNOWN
        return UNKNOWN
    if isinstance(it, ast.Name) and isinstance(ns.get(it.id), (list, tuple)):
        return len(ns[it.id])
    if isinstance(it, (ast.List, ast.Tuple)):
        return len(it.elts)
    return UNKNOWN


def _int(node: ast.expr, ns: dict[str, Any]) -> int | None:
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if isinstance(node, ast.Name) and type(ns.get(node.id)) is int:
        value: int = ns[node.id]
        return value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _int(node.operand, ns)
        return None if inner is None else -inner
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult)):
        a, b = _int(node.left, ns), _int(node.right, ns)
        if a is None or b is None:
            return None
        return a + b if isinstance(node.op, ast.Add) else a - b if isinstance(node.op, ast.Sub) else a * b
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "len" \
            and len(node.args) == 1 and isinstance(node.args[0], ast.Name) \
            and isinstance(ns.get(node.args[0].id), (list, tuple, str)):
        return len(ns[node.args[0].id])
    return None
