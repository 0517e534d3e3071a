"""Constant folding (frontend/fold.py): what becomes one constant, what is
left to run time (a big int, an error), and that folded nodes keep their place."""

from __future__ import annotations

import ast

import pytest

from modjit.frontend.fold import fold_constants

FOLDED = {
    "int arithmetic": ("10 ** 9 + 7", 1000000007),
    "python floor division and modulo": ("(-7 // 2, 7 % -3)", None),
    "true division of ints": ("1 / 3", 1 / 3),
    "negative zero": ("-0.0", -0.0),
    "negative power gives a float": ("7 ** -2", 7 ** -2),
    "shift and invert": ("~(1 << 62)", ~(1 << 62)),
    "float power": ("2.0 ** 0.5", 2.0 ** 0.5),
    "the largest int": ("(1 << 62) + ((1 << 62) - 1)", 2**63 - 1),
}

LEFT = {
    "a big int": "2 ** 63",
    "a bigger power": "3 ** 100",
    "a big shift": "1 << 70",
    "division by zero": "1 // 0",
    "float overflow": "10.0 ** 400",
    "a complex result": "(-8) ** 0.5",
    "a negative shift": "1 << -1",
    "bools keep their type": "True + 1",
    "strings": "'a' * 3",
}


def folded(src: str) -> ast.expr:
    tree = ast.parse(f"x = {src}")
    fold_constants(tree.body)
    return tree.body[0].value  # type: ignore[attr-defined, no-any-return]


@pytest.mark.parametrize("name", sorted(FOLDED))
def test_folded(name: str) -> None:
    src, expected = FOLDED[name]
    node = folded(src)
    if isinstance(node, ast.Tuple):  # (a tuple display: its items are folded)
        assert all(isinstance(e, ast.Constant) for e in node.elts)
        assert tuple(e.value for e in node.elts) == eval(src)  # type: ignore[attr-defined]
        return
    assert isinstance(node, ast.Constant)
    assert repr(node.value) == repr(expected) and type(node.value) is type(expected)


@pytest.mark.parametrize("name", sorted(LEFT))
def test_left_to_run_time(name: str) -> None:
    assert not isinstance(folded(LEFT[name]), ast.Constant)


def test_folded_node_keeps_its_location() -> None:
    tree = ast.parse("y = 1\nx = (2 +\n     3) * 4\n")
    fold_constants(tree.body)
    node = tree.body[1].value  # type: ignore[attr-defined]
    assert isinstance(node, ast.Constant) and node.value == 20
    assert (node.lineno, node.col_offset, node.end_lineno) == (2, 4, 3)
