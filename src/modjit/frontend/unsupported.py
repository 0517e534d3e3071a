"""Reject constructs outside the compilable subset, by name and location.

    x = [1, 2]      ->  prog.py:1:5: list displays are not supported
"""

from __future__ import annotations

import ast

from modjit.errors import Unsupported

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


def reject(node: ast.AST, filename: str, mode: str) -> None:
    name = _NAMES.get(type(node))
    if name is not None:
        raise Unsupported(f"{name} {'is' if name.startswith(chr(39)) else 'are'} not supported", node, filename)
    if mode == "statement" and isinstance(node, ast.Global):
        raise Unsupported("'global' at module level is not supported", node, filename)
