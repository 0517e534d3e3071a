"""The compiler's room under the program's recursion limit.

The compiler walks trees recursively, counted against the program's
recursion limit, which may be small (sys.setrecursionlimit(50)) or nearly
used up by the recursion that calls a function for the first time (or
turns it hot): it gets room of its own while it runs.
"""

from __future__ import annotations

import sys

COMPILER_ROOM = 2000  # recursion levels the compiler may use above the program's limit


class compiler_room:  # noqa: N801 - used as `with compiler_room():`, like a function
    """COMPILER_ROOM more levels while the compiler runs (a class: cheaper than a
    generator-based context manager, paid by every statement unit)."""

    __slots__ = ("limit",)

    def __enter__(self) -> None:
        self.limit = _LIMIT_TO_RESTORE[0] or sys.getrecursionlimit()
        sys.setrecursionlimit(min(self.limit + COMPILER_ROOM, 2**31 - 1))

    def __exit__(self, *exc: object) -> None:
        try:
            sys.setrecursionlimit(self.limit)
            _LIMIT_TO_RESTORE[0] = 0
        except RecursionError:  # deeper than the limit allows setting: back in CPython, then
            _LIMIT_TO_RESTORE[0] = self.limit


_LIMIT_TO_RESTORE = [0]


def restore_recursion_limit() -> None:
    """The program's limit, if compiler_room could not give it back where it ran
    (a promotion, or a first call, deep in a recursion)."""
    if _LIMIT_TO_RESTORE[0] and sys.getrecursionlimit() == min(_LIMIT_TO_RESTORE[0] + COMPILER_ROOM, 2**31 - 1):
        try:
            sys.setrecursionlimit(_LIMIT_TO_RESTORE[0])
            _LIMIT_TO_RESTORE[0] = 0
        except RecursionError:
            pass
    else:
        _LIMIT_TO_RESTORE[0] = 0  # (the program set a limit of its own meanwhile)
