"""The compiler's room under the program's recursion limit, and out of its
garbage collector's schedule.

The compiler walks trees recursively, counted against the program's
recursion limit, which may be small (sys.setrecursionlimit(50)) or nearly
used up by the recursion that calls a function for the first time (or
turns it hot): it gets room of its own while it runs.  Its allocations would
also count towards the program's next collection: the collector is off while
it runs, and the young generation's count is put back after (memory.gc_young_count).
"""

from __future__ import annotations

import ctypes
import gc
import sys

from modjit.runtime.memory import gc_young_count

COMPILER_ROOM = 2000  # recursion levels the compiler may use above the program's limit
INT_MAX = 2**31 - 1  # the highest recursion limit CPython takes


class compiler_room:  # noqa: N801 - used as `with compiler_room():`, like a function
    """`levels` more levels while the compiler runs (a class: cheaper than a
    generator-based context manager, paid by every statement unit)."""

    __slots__ = ("levels", "limit", "gc_state")

    def __init__(self, levels: int = COMPILER_ROOM) -> None:
        self.levels = levels
        self.gc_state: tuple[bool, int] | None = None

    def __enter__(self) -> None:
        if not _NESTED[0]:
            count = gc_young_count()
            self.gc_state = (gc.isenabled(), count.value if count is not None else -1)
            gc.disable()
        _NESTED[0] += 1
        self.limit = _PENDING[0] or sys.getrecursionlimit()
        sys.setrecursionlimit(min(self.limit + self.levels, INT_MAX))

    def __exit__(self, *exc: object) -> None:
        _NESTED[0] -= 1
        if self.gc_state is not None:
            enabled, young = self.gc_state
            count = gc_young_count()
            if count is not None and young >= 0:
                count.value = young
            if enabled:
                gc.enable()
        try:
            sys.setrecursionlimit(self.limit)
            _PENDING[:] = [0, 0]
        except RecursionError:  # deeper than the limit allows setting: back in CPython, then
            _PENDING[:] = [self.limit, sys.getrecursionlimit()]


_leave_level = ctypes.pythonapi.Py_LeaveRecursiveCall
_leave_level.restype = None
_enter_level = ctypes.pythonapi.Py_EnterRecursiveCall
_enter_level.argtypes = [ctypes.c_char_p]


class given_back:  # noqa: N801 - used as `with given_back(3):`, like a function
    """`levels` of CPython's recursion count given back while the block runs:
    frames of modjit's between a program's frame and the program's code it
    calls, which python3 does not have (each ctypes call nets one level).  On
    the way out the count goes back to the depth CPython let the caller in
    at: never refused."""

    __slots__ = ("levels",)

    def __init__(self, levels: int) -> None:
        self.levels = levels

    def __enter__(self) -> None:
        for _ in range(self.levels):
            _leave_level()

    def __exit__(self, *exc: object) -> None:
        for _ in range(self.levels):
            _enter_level(b"")


_PENDING = [0, 0]  # the program's limit to give back, and the raised one it replaces
_NESTED = [0]  # compiler_rooms open (the outermost one keeps the collector's state)


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
