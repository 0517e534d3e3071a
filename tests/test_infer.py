"""Unit tests of the front end: types inferred for locals and returns, and rejections."""

from __future__ import annotations

import ast

import pytest

from modjit.errors import Unsupported
from modjit.frontend.infer import UnitTypes, infer_types
from modjit.frontend.types import BOOL, FLOAT, INT, NONE, NUM, Type, list_of, tuple_of


def infer(src: str, *param_types: Type, ns: dict | None = None) -> UnitTypes:
    fdef = ast.parse(src).body[0]
    assert isinstance(fdef, ast.FunctionDef)
    unit = UnitTypes("<t>", fdef.name, "function", fdef.body, [a.arg for a in fdef.args.args],
                     list(param_types))

    def no_calls(*_a: object) -> object:
        raise AssertionError("no user calls expected")

    return infer_types(unit, ns or {}, no_calls)


CASES = [
    ("def f(n):\n    return n + 1", (INT,), INT),
    ("def f(n):\n    return n / 2", (INT,), FLOAT),
    ("def f(n):\n    return n // 2", (FLOAT,), FLOAT),
    ("def f(a, b):\n    return a < b < 3", (INT, FLOAT), BOOL),
    ("def f(a):\n    return a, a * 0.5", (INT,), tuple_of((INT, FLOAT))),
    ("def f(a):\n    a += 1", (INT,), NONE),
    ("def f(a):\n    return 2 ** -1", (INT,), FLOAT),
    ("def f(a):\n    return a ** 2", (INT,), INT),
    ("def f(a):\n    return True & False", (INT,), BOOL),
    ("def f(a):\n    return -True", (INT,), INT),
    ("def f(n):\n    s = 0.0\n    for i in range(n):\n        s += i\n    return s", (INT,), FLOAT),
    ("def f(x):\n    return round(x)", (FLOAT,), INT),
    ("def f(x):\n    return divmod(x, 3)", (INT,), tuple_of((INT, INT))),
    ("def f(n):\n    x = 0\n    x = 0.5\n    return x", (INT,), NUM),
    ("def f(n):\n    s = 0\n    for i in range(n):\n        s += 0.5\n    return s / 2", (INT,), FLOAT),
    ("def f(n):\n    return [i * 0.5 for i in range(n)]", (INT,), list_of(FLOAT)),
    ("def f(a):\n    return a[0] + len(a)", (list_of(FLOAT),), FLOAT),
]


@pytest.mark.parametrize(("src", "params", "ret"), CASES)
def test_return_type(src: str, params: tuple[Type, ...], ret: Type) -> None:
    assert infer(src, *params).return_type == ret


def test_loop_carried_local_type() -> None:
    unit = infer("def f(n):\n    a, b = 0, 1\n    for i in range(n):\n        a, b = b, a + b\n    return a",
                 INT)
    assert unit.locals == {"n": INT, "a": INT, "b": INT, "i": INT}


REJECTED = [
    ("def f(n):\n    yield n", "'yield' is not supported", (2, 5)),
    ("def f(n):\n    x = 0\n    x = None\n    return x", "variable 'x' holds both int and None", (3, 5)),
    ("def f(n):\n    return {n}", "set displays are not supported", (2, 12)),
    ("def f(n):\n    if n:\n        return 1\n    return (1, 2)", "function returns both int and tuple[int, int]", (4, 5)),
    ("def f(n):\n    return s", "name 's' is not defined", (2, 12)),
    ("def f(n):\n    return chr(n)", "builtin 'chr' is not compiled", (2, 12)),
    ("def f(n):\n    return random.random()", "name 'random' is not defined", (2, 12)),  # (not imported)
    ("def f(n):\n    return 'a'", "str values are not supported", (2, 12)),
    ("def f(n):\n    for x in n:\n        pass", "for loops are compiled over range(), lists, and reversed/zip/enumerate of lists only", (2, 14)),
]


@pytest.mark.parametrize(("src", "message", "where"), REJECTED)
def test_rejected_with_location(src: str, message: str, where: tuple[int, int]) -> None:
    with pytest.raises(Unsupported) as info:
        infer(src, INT)
    assert info.value.message == message
    assert (info.value.coord.line, info.value.coord.col) == where
    assert str(info.value).startswith(f"<t>:{where[0]}:{where[1]}: ")


def test_global_value_types_come_from_namespace() -> None:
    unit = infer("def f(n):\n    return n * K", INT, ns={"K": 2.5})
    assert unit.return_type == FLOAT
    assert unit.global_reads == {"K": FLOAT}


def test_global_of_unsupported_type_is_rejected() -> None:
    with pytest.raises(Unsupported, match="global 'K' of type dict"):
        infer("def f(n):\n    return n * K", INT, ns={"K": {}})
