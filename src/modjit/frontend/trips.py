"""How many loop iterations a top-level statement, or a function's first
call, may run, estimated from the values its loops' bounds have when it is
compiled (a statement is compiled just before it runs, so `range(n)` knows
n; a function at its first call knows its arguments).

A statement runs once: its code is worth O2 code generation (~30 ms more for a
small loop) only if its loops run long.  Measured on a loop of two updates,
O0 code ran 7 ns an iteration and O2 code 3.5 ns: O2 pays for itself past
~10M iterations of such a loop, and past ~1M of a loop that indexes lists and
does float arithmetic, where O0 code is 3-4x slower.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from typing import Any

from modjit.frontend.resolve import SCOPES

UNKNOWN = 1 << 20  # iterations assumed for a loop whose length is not known (while, ...)
LONG = 1 << 20  # statements estimated to run this many iterations get optimised code


def estimated_iterations(stmts: list[ast.stmt], namespace: Mapping[str, Any], unknown: int = UNKNOWN) -> int:
    """`unknown`: what a loop of unknown length counts for (0: only the loops
    whose lengths are known count, and not what the others hold: a lower bound)."""
    return sum(_stmt(s, namespace, unknown) for s in stmts)


class Scope(Mapping[str, Any]):
    """What a function's names hold while estimating its first call: its
    arguments and the locals assigned once at its top level from them (`n =
    len(xs)`) are known; its other locals are not (they hide globals of the
    same name); other names are the module's globals."""

    def __init__(self, known: dict[str, Any], hidden: frozenset[str], outer: Mapping[str, Any]) -> None:
        self.known, self.hidden, self.outer = known, hidden, outer

    def __getitem__(self, name: str) -> Any:
        if name in self.known:
            return self.known[name]
        if name in self.hidden:
            raise KeyError(name)
        return self.outer[name]

    def __iter__(self) -> Any:
        return iter(self.known)

    def __len__(self) -> int:
        return len(self.known)

    @classmethod
    def of_call(cls, body: list[ast.stmt], params: list[str], args: dict[str, Any],
                outer: Mapping[str, Any]) -> Scope:
        stores: dict[str, int] = {}
        for node in ast.walk(ast.Module(body=body, type_ignores=[])):
            if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
                stores[node.id] = stores.get(node.id, 0) + 1
            elif isinstance(node, SCOPES):
                return cls({}, frozenset(), {})  # nested scopes: nothing known
        known = {k: v for k, v in args.items() if k not in stores}
        scope = cls(known, frozenset(stores) | frozenset(params), outer)
        for stmt in body:  # straight-line assignments before the first loop
            if isinstance(stmt, (ast.For, ast.While, ast.If, ast.With, ast.Try)):
                break
            if not isinstance(stmt, ast.Assign) or len(stmt.targets) != 1:
                continue
            target, value = stmt.targets[0], stmt.value
            pairs = [(target, value)]
            if isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple) and len(target.elts) == len(value.elts):
                pairs = list(zip(target.elts, value.elts, strict=True))  # n, m = len(a), len(b)
            for name, expr in pairs:
                if isinstance(name, ast.Name) and stores[name.id] == 1:
                    number = _int(expr, scope)
                    if number is not None:
                        known[name.id] = number
        return scope


def call_arguments(call: ast.Call, params: list[str], ns: Mapping[str, Any]) -> dict[str, Any]:
    """The values of `call`'s arguments that are names or constant arithmetic
    of `ns`, by parameter name (a statement's call, before the statement runs)."""
    pairs = list(zip(params, call.args, strict=False))
    pairs += [(kw.arg, kw.value) for kw in call.keywords if kw.arg in params]
    known = {}
    for name, arg in pairs:
        if isinstance(arg, ast.Starred):
            break
        if isinstance(arg, ast.Name) and arg.id in ns:
            known[name] = ns[arg.id]
        elif isinstance(arg, (ast.List, ast.Tuple)):
            try:
                known[name] = ast.literal_eval(arg)  # f([1, 2, 3])
            except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                pass
        else:
            value = _int(arg, ns)
            if value is not None:
                known[name] = value
    return known


def _bound(ns: Mapping[str, Any], name: str, value: int) -> Scope:
    return Scope({name: value}, frozenset(), ns)


def _stmt(s: ast.stmt, ns: Mapping[str, Any], unknown: int) -> int:
    inner = sum(_comprehensions(s, ns, unknown))
    if isinstance(s, ast.For):
        body_ns = ns
        first = _first(s.iter, ns)
        if first is not None and isinstance(s.target, ast.Name):
            body_ns = _bound(ns, s.target.id, first)  # (range(i + 1, n) inside: at most n - 1)
        return inner + _trips(s.iter, ns, unknown) * max(1, estimated_iterations(s.body, body_ns, unknown)) \
            + estimated_iterations(s.orelse, ns, unknown)
    if isinstance(s, ast.While):
        # (not guessed from its condition's values: fannkuch(10)'s `while True`
        # runs 10! permutations, `while t < 10: t += dt` as many steps as dt makes)
        return inner + unknown * max(1, estimated_iterations(s.body, ns, unknown))
    if isinstance(s, ast.If):
        return inner + max(estimated_iterations(s.body, ns, unknown), estimated_iterations(s.orelse, ns, unknown))
    return inner + 1


def _comprehensions(s: ast.stmt, ns: Mapping[str, Any], unknown: int) -> list[int]:
    """Comprehensions in `s`'s own expressions (not in its nested statements)."""
    found = []
    todo: list[ast.AST] = [c for c in ast.iter_child_nodes(s) if not isinstance(c, ast.stmt)]
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.ListComp, ast.GeneratorExp, ast.SetComp, ast.DictComp)):
            n = 1
            for gen in node.generators:
                n *= _trips(gen.iter, ns, unknown)
            found.append(n)
        todo.extend(ast.iter_child_nodes(node))
    return found


def _size(value: object) -> int | None:
    if isinstance(value, (list, tuple, str, dict, set)):
        return len(value)
    return None


def range_args(it: ast.expr) -> list[ast.expr] | None:
    """The arguments of `range(...)` with one to three positional ones, else None."""
    if isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and it.func.id == "range" \
            and not it.keywords and 1 <= len(it.args) <= 3:
        return it.args
    return None


def _first(it: ast.expr, ns: Mapping[str, Any]) -> int | None:
    """The first value of `for x in range(a, ...)`, where a is known, or of
    `for x in xs`, where xs is a known list of ints."""
    bounds = range_args(it)
    if bounds is not None:
        return 0 if len(bounds) == 1 else _int(bounds[0], ns)
    items = _value(it, ns)
    if isinstance(items, (list, tuple)) and items and type(items[0]) is int:
        return items[0]
    return None


def _trips(it: ast.expr, ns: Mapping[str, Any], unknown: int) -> int:
    bounds = range_args(it)
    if bounds is not None:
        args = [_int(a, ns) for a in bounds]
        if all(a is not None for a in args):
            try:
                return len(range(*args))  # type: ignore[arg-type]
            except (ValueError, OverflowError):
                return unknown
        return unknown
    if isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and not it.keywords and it.args \
            and it.func.id in _OVER_ARGUMENTS and not any(isinstance(a, ast.Starred) for a in it.args):
        over = it.args if it.func.id == "zip" else it.args[:1]
        return min(_trips(a, ns, unknown) for a in over)
    if isinstance(it, (ast.List, ast.Tuple)):
        return len(it.elts)
    size = _size(_value(it, ns))
    return size if size is not None else unknown


# iterables as long as (the shortest of) their arguments
_OVER_ARGUMENTS = frozenset({"zip", "enumerate", "reversed", "sorted", "list", "tuple"})


def _value(node: ast.expr, ns: Mapping[str, Any]) -> Any:
    """The value of a name, an item of one (`m[0]`), a slice of one (`a[1:]`,
    as long as it at most), or None."""
    if isinstance(node, ast.Name):
        return ns.get(node.id)
    if isinstance(node, ast.Subscript):
        outer = _value(node.value, ns)
        if isinstance(outer, (list, tuple, str)):
            if isinstance(node.slice, ast.Slice):
                return outer
            index = _int(node.slice, ns)
            if index is not None and -len(outer) <= index < len(outer):
                return outer[index]
    return None


def _int(node: ast.expr, ns: Mapping[str, Any]) -> int | None:
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
            and len(node.args) == 1 and not isinstance(node.args[0], ast.Starred):
        value = _value(node.args[0], ns)
        return len(value) if isinstance(value, (list, tuple, str)) else None
    return None
