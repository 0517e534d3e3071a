"""for-loop iterables over lists, beyond the list itself:

    for x in reversed(a)             index len(a)-1 down to 0 (stops if a shrinks below it)
    for x, y in zip(a, b, ...)       index 0 up, while every list is long enough
    for i, x in enumerate(a, start)  a counter beside any of the above

Each list's length is re-read every step, as CPython's list iterators do.
iter_plan() types one and returns its item type; the code generator
(codegen/emit_stmt.py) walks the plan.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from modjit.frontend.types import BOOL, BOTTOM, INT, ListType, Type, tuple_of

if TYPE_CHECKING:
    from modjit.frontend.infer import Inferer


class IterPlan:
    __slots__ = ("lists", "reverse", "zipped", "enumerate", "start")

    def __init__(self, lists: list[ast.expr], reverse: list[bool], zipped: bool = False) -> None:
        self.lists = lists  # the list expressions, evaluated in this order
        self.reverse = reverse  # per list: walked from its end (reversed(...))
        self.zipped = zipped  # items are tuples of one item per list
        self.enumerate = False
        self.start: ast.expr | None = None  # enumerate's start (None: 0)


def _builtin(inf: Inferer, e: ast.expr, name: str) -> bool:
    return (isinstance(e, ast.Call) and isinstance(e.func, ast.Name)
            and inf.binding_kind(e.func) == ("builtin", name))


def iter_plan(inf: Inferer, it: ast.expr) -> tuple[IterPlan, Type] | None:
    """The plan and item type of `reversed/zip/enumerate(...)` over lists, or
    None when `it` is none of these."""
    if _builtin(inf, it, "enumerate"):
        assert isinstance(it, ast.Call)
        start = it.args[1] if len(it.args) == 2 else None
        if it.keywords and len(it.args) == 1 and [k.arg for k in it.keywords] == ["start"]:
            start = it.keywords[0].value
        elif it.keywords or not 1 <= len(it.args) <= 2:
            raise inf.fail("enumerate() takes an iterable and a start here", it)
        inner = iter_plan(inf, it.args[0])
        if inner is None:
            lt = _list(inf, it.args[0])
            inner = (IterPlan([it.args[0]], [False]), lt.elem if isinstance(lt, ListType) else BOTTOM)
        plan, elem = inner
        if plan.enumerate:
            raise inf.fail("enumerate() of enumerate() is not supported", it)
        if start is not None and inf.expr(start) not in (INT, BOOL, BOTTOM):
            raise inf.fail("enumerate() start must be an int", start)
        plan.enumerate, plan.start = True, start
        return plan, tuple_of((INT, elem))
    if _builtin(inf, it, "reversed"):
        lst, lt = _source(inf, it)
        return IterPlan([lst], [True]), lt.elem if isinstance(lt, ListType) else BOTTOM
    if _builtin(inf, it, "zip"):
        assert isinstance(it, ast.Call)
        if not it.args or it.keywords:
            raise inf.fail("zip() of lists (no strict=) is compiled here", it)
        sources = [_source(inf, a) for a in it.args]
        plan = IterPlan([e for e, _ in sources], [_builtin(inf, a, "reversed") for a in it.args], zipped=True)
        ts = [t for _, t in sources]
        if BOTTOM in ts:
            return plan, BOTTOM
        return plan, tuple_of(tuple(t.elem for t in ts))  # type: ignore[attr-defined]
    return None


def _source(inf: Inferer, e: ast.expr) -> tuple[ast.expr, Type]:
    """A list, or reversed(list): the list expression and its type."""
    if _builtin(inf, e, "reversed"):
        assert isinstance(e, ast.Call)
        if len(e.args) != 1 or e.keywords:
            raise inf.fail("reversed() takes one list here", e)
        e = e.args[0]
    return e, _list(inf, e)


def _list(inf: Inferer, e: ast.expr) -> Type:
    t = inf.expr(e)
    if t != BOTTOM and not isinstance(t, ListType):
        raise inf.fail(f"iterating {t} here: lists only", e)
    return t
