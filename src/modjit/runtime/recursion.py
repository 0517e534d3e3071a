"""The compiler's room under the program's recursion limit.

The compiler walks trees recursively, counted against the program's
recursion limit, which may be small (sys.setrecursionlimit(50)) or nearly
used up by the recursion that calls a function for the first time (or
turns it hot): it gets room of its own while it runs.
"""

from __future__ import annotations

import sys

COMPILER_ROOM = 2000  # recursion levels the compiler may use above the program's limit
INT_MAX = 2**31 - 1  # the highest recursion limit CPython takes


class compiler_room:  # noqa: N801 - used as `with compiler_room():`, like a function
    """`levels` more levels while the compiler runs (a class: cheaper than a
    generator-based context manager, paid by every statement unit)."""

    __slots__ = ("levels", "limit")

    def __init__(self, levels: int = COMPILER_ROOM) -> None:
        self.levels = levels

    def __enter__(self) -> None:
        self.limit = _PENDING[0] or sys.getrecursionlimit()
        sys.setrecursionlimit(min(self.limit + self.levels, INT_MAX))

    def __exit__(self, *exc: object) -> None:
        try:
            sys.setrecursionlimit(self.limit)
            _PENDING[:] = [0, 0]
        except RecursionError:  # deeper than the limit allows setting: back in CPython, then
            _PENDING[:] = [self.limit, sys.getrecursionlimit()]


_PENDING = [0, 0]  # the program's limit to give back, and the raised one it replaces


def restore_recursion_limit() -> None:
    """The program's limit, if compiler_room could not give it back where it ran
    (a promotion, or a first call, deep in a recursion)."""
    limit, raised = _PENDING
    if limit and sys.getrecursionlimit() == raised:
        try:
            sys.setrecursionlimit(limit)
            _PENDING[:] = [0, 0]
        except RecursionError:
            pass
    else:
        _PENDING[:] = [0, 0]  # (the program set a limit of its own meanwhile)
