"""The types of compiled values and their LLVM representations.

    int   -> i64      (64-bit; leaving the range hands over to CPython)
    float -> double
    bool  -> i1
    None  -> i1       (always 0)
    (T, U) -> {T, U}  (an LLVM literal struct)
"""

from __future__ import annotations


class Type:
    """A compiled type; equal types have equal names (the name spells the whole
    type, e.g. 'list[tuple[int, float]]').  Plain classes, not dataclasses:
    importing dataclasses costs ~30 ms of every start (STARTUP in README)."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __eq__(self, other: object) -> bool:
        return other.__class__ is self.__class__ and other.name == self.name  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self.name)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name!r})"

    def __str__(self) -> str:
        return self.name

    @property
    def llvm(self) -> str:
        return _SCALAR_LLVM[self.name]

    @property
    def is_number(self) -> bool:
        return self.name in ("int", "float", "bool", "int|float")


class TupleType(Type):
    __slots__ = ("items",)

    def __init__(self, name: str, items: tuple[Type, ...] = ()) -> None:
        self.name = name
        self.items = items

    @property
    def llvm(self) -> str:
        if not self.items:
            return "{}"
        return "{" + ", ".join(t.llvm for t in self.items) + "}"

    @property
    def is_number(self) -> bool:
        return False


class ListType(Type):
    """A real Python list whose elements all have type `elem` (checked at each read)."""

    __slots__ = ("elem",)

    def __init__(self, name: str, elem: Type) -> None:
        self.name = name
        self.elem = elem

    @property
    def llvm(self) -> str:
        return "ptr"

    @property
    def is_number(self) -> bool:
        return False


def holds_list(t: Type) -> bool:
    """Is `t` a list, or a tuple with a list somewhere inside?"""
    if isinstance(t, TupleType):
        return any(holds_list(i) for i in t.items)
    return isinstance(t, ListType)


def list_of(elem: Type) -> ListType:
    return ListType(f"list[{elem}]", elem)


LIST_SCAN = 64  # lists up to this length are checked element by element at a call


def tuple_of(items: tuple[Type, ...]) -> TupleType:
    return TupleType("tuple[" + ", ".join(str(t) for t in items) + "]", items)


INT = Type("int")
FLOAT = Type("float")
BOOL = Type("bool")
NONE = Type("None")
# Text that exists only to be printed: a str constant or an f-string as a print() argument.
STR = Type("str")
# A variable that holds an int at some times and a float at others (s = 0; s += 0.5):
# a tagged value {is_float, int value, float value}.
NUM = Type("int|float")
# The type of an expression that never produces a value (e.g. a recursive call
# whose return type is not known yet during inference).
BOTTOM = Type("<bottom>")

_SCALAR_LLVM = {"str": "ptr", "int": "i64", "float": "double", "bool": "i1", "None": "i1", "<bottom>": "i64",
                "int|float": "{i1, i64, double}"}


NESTING = 16  # deeper lists and tuples (or one that holds itself) stay on CPython


def type_of_value(value: object, depth: int = 0) -> Type | None:
    """The compiled type of a Python value, or None if it leaves the subset."""
    t = type(value)
    if t is int:
        return INT if -(2**63) <= value < 2**63 else None  # type: ignore[operator]
    if t is float:
        return FLOAT
    if t is bool:
        return BOOL
    if value is None:
        return NONE
    if depth > NESTING:
        return None
    if t is list:
        seq: list[object] = value  # type: ignore[assignment]
        n = len(seq)
        if n == 0:
            return None
        picks = seq if n <= LIST_SCAN else [seq[0], seq[n // 2], seq[-1]]
        # An empty inner list takes its siblings' type (an adjacency list's
        # leaves): compiled code checks every element it reads anyway.
        typed = [v for v in picks if type(v) is not list or v]
        if not typed:
            return None
        elem = type_of_value(typed[0], depth + 1)
        if elem is None or elem == NONE or any(type_of_value(v, depth + 1) != elem for v in typed):
            return None
        if len(typed) < len(picks) and not isinstance(elem, ListType):
            return None
        return list_of(elem)
    if t is tuple:
        items = tuple(type_of_value(v, depth + 1) for v in value)  # type: ignore[attr-defined]
        if any(i is None for i in items):
            return None
        return tuple_of(items)  # type: ignore[arg-type]
    return None


def _join_lists(a: ListType, b: ListType) -> Type | None:
    """Lists agree when their items do exactly, an empty list's items (bottom)
    agreeing with any, at every depth: [[]] and [[1]] are list[list[int]]."""
    if a.elem == BOTTOM or a.elem == b.elem:
        return b if a.elem == BOTTOM else a
    if b.elem == BOTTOM:
        return a
    if isinstance(a.elem, ListType) and isinstance(b.elem, ListType):
        inner = _join_lists(a.elem, b.elem)
        return None if inner is None else list_of(inner)
    return None


def join(a: Type, b: Type) -> Type | None:
    """The type of a variable assigned both; None when they do not agree."""
    if a == b or b == BOTTOM:
        return a
    if a == BOTTOM:
        return b
    if {a, b} <= {INT, FLOAT, NUM}:
        return NUM
    if isinstance(a, ListType) and isinstance(b, ListType):
        return _join_lists(a, b)
    if isinstance(a, TupleType) and isinstance(b, TupleType) and len(a.items) == len(b.items):
        items = [join(x, y) for x, y in zip(a.items, b.items, strict=True)]
        if any(i is None for i in items):
            return None
        return tuple_of(tuple(items))  # type: ignore[arg-type]
    return None
