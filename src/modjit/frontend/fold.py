"""Constant folding: `10 ** 9 + 7`, `2 * 3.5`, `-1` become one constant.

CPython folds these itself when it compiles (its AST optimizer), but
`ast.parse` gives them unfolded, and each operation cost compiled code an
overflow check, its branch and its share of the raise pad: a statement
`MOD = 10 ** 9 + 7` compiled a power loop.  Only ints and floats whose
result CPython computes without an error, and an int that fits in 64 bits,
are folded: the rest (a big int, a ZeroDivisionError) happens at run time,
where it is handled and located as before.  The tree is changed in place; a
folded node keeps its location, and CPython running the same tree (a
hand-over) computes the same constant.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable
from typing import Any

_BINARY: dict[type[ast.operator], Callable[[Any, Any], Any]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod, ast.Pow: operator.pow,
    ast.LShift: operator.lshift, ast.RShift: operator.rshift, ast.BitAnd: operator.and_,
    ast.BitOr: operator.or_, ast.BitXor: operator.xor,
}
_UNARY: dict[type[ast.unaryop], Callable[[Any], Any]] = {
    ast.USub: operator.neg, ast.UAdd: operator.pos, ast.Invert: operator.invert,
}
_INT_MIN, _INT_MAX = -(2**63), 2**63 - 1
_BIG_SHIFT = 64  # (1 << n) for a larger n is a big int anyway: not computed


def fold_constants(body: list[ast.stmt]) -> None:
    """Fold the numeric constant expressions of `body`, in place."""
    for stmt in body:
        _Folder().visit(stmt)


def _number(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and type(node.value) in (int, float)


def _fits(value: object) -> bool:
    if type(value) is int:
        return _INT_MIN <= value <= _INT_MAX  # type: ignore[operator]
    return type(value) is float


class _Folder(ast.NodeTransformer):
    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:
        self.generic_visit(node)
        op = _BINARY.get(type(node.op))
        if op is None or not _number(node.left) or not _number(node.right):
            return node
        a, b = node.left.value, node.right.value  # type: ignore[attr-defined]
        if isinstance(node.op, ast.Pow) and type(a) is int and type(b) is int and abs(b) > 64 and abs(a) > 1:
            return node  # (a big int, or an error: not computed here)
        if isinstance(node.op, ast.LShift) and type(b) is int and b > _BIG_SHIFT:
            return node
        return _constant(node, op, a, b)

    def visit_UnaryOp(self, node: ast.UnaryOp) -> ast.AST:
        self.generic_visit(node)
        op = _UNARY.get(type(node.op))
        if op is None or not _number(node.operand):
            return node
        return _constant(node, op, node.operand.value)  # type: ignore[attr-defined]


def _constant(node: ast.expr, op: Callable[..., Any], *args: Any) -> ast.expr:
    try:
        value = op(*args)
    except (ArithmeticError, ValueError, TypeError):
        return node
    if not _fits(value):
        return node  # (complex from a negative base to a fractional power; a big int)
    return ast.copy_location(ast.Constant(value), node)
