"""Reject constructs outside the compilable subset, by name and location.

    x = [1, 2]      ->  prog.py:1:5: list displays are not supported
"""

from __future__ import annotations

import ast
import math
import sys
import types
from typing import Any

from modjit.errors import Unsupported
from modjit.runtime import rng

_NAMES: dict[type, str] = {
    ast.Yield: "'yield'", ast.YieldFrom: "'yield from'", ast.Await: "'await'",
    ast.Try: "'try'", ast.With: "'with'", ast.AsyncWith: "'async with'", ast.Raise: "'raise'",
    ast.Assert: "'assert'", ast.Delete: "'del'", ast.Import: "'import'",
    ast.ImportFrom: "'import'", ast.ClassDef: "'class'", ast.FunctionDef: "nested 'def'",
    ast.AsyncFunctionDef: "'async def'", ast.Lambda: "'lambda'", ast.Nonlocal: "'nonlocal'",
ast.SetComp: "set comprehensions",
    ast.DictComp: "dict comprehensions", ast.GeneratorExp: "generator expressions",
ast.Dict: "dict displays", ast.Set: "set displays",
ast.Match: "'match'", ast.AsyncFor: "'async for'",
    ast.NamedExpr: "':='", ast.Starred: "starred expressions",
}
if hasattr(ast, "TryStar"):
    _NAMES[ast.TryStar] = "'try'"


def _not_supported(node: ast.AST, filename: str) -> Unsupported:
    name = _NAMES[type(node)]
    return Unsupported(f"{name} {'is' if name.startswith(chr(39)) else 'are'} not supported", node, filename)


def reject(node: ast.AST, filename: str, mode: str) -> None:
    if type(node) in _NAMES:
        raise _not_supported(node, filename)
    if mode == "statement" and isinstance(node, ast.Global):
        raise Unsupported("'global' at module level is not supported", node, filename)


# What rejects a function for every argument type, whatever the front end's
# rewrites (comprehensions, method aliases) make of the rest of it
_ALWAYS = (ast.Yield, ast.YieldFrom, ast.Await, ast.Try, ast.With, ast.AsyncWith, ast.Raise,
           ast.Assert, ast.Delete, ast.Import, ast.ImportFrom, ast.ClassDef, ast.FunctionDef,
           ast.AsyncFunctionDef, ast.Lambda, ast.Nonlocal, ast.Match, ast.AsyncFor,
           ast.Dict, ast.Set, ast.DictComp, ast.SetComp, ast.NamedExpr, ast.Starred,
           *([ast.TryStar] if hasattr(ast, "TryStar") else []))


def never_compiles(fn: ast.FunctionDef, filename: str,
                   namespace: dict[str, Any] | None = None) -> Unsupported | None:
    """Why the module-level function `fn` can never compile, known from its
    definition alone (its calls would all run on CPython), or None.  With the
    `namespace` it is defined in: also an attribute of a module other than
    math and random's compiled functions (`random.seed`, `sys.maxsize`,
    `time.time`)."""
    args = fn.args
    if args.vararg or args.kwarg or args.kwonlyargs:
        return Unsupported("*args, **kwargs and keyword-only parameters are not supported", fn, filename)
    from modjit.frontend.resolve import _walk_scope

    nodes = list(_walk_scope(fn.body))
    for node in nodes:
        if isinstance(node, _ALWAYS):
            return _not_supported(node, filename)
    if namespace is None:
        return None
    local = {a.arg for a in args.args + args.posonlyargs} | {
        n.id for n in nodes if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load)}
    for node in nodes:
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                and node.value.id not in local:
            module = namespace.get(node.value.id)
            if isinstance(module, types.ModuleType) and module is not math \
                    and not (module is sys.modules.get("random") and node.attr in rng.FUNCTIONS):
                return Unsupported(f"global '{node.value.id}' of type module is not supported",
                                   node.value, filename)
    return None
