"""Deferred print: compiled code queues its print calls; CPython prints them when
control returns from compiled code.

While compiled code runs nothing else can write to stdout, so printing at the
return point keeps the order of output. What it buys: if the compiled call must
hand over to CPython (a 64-bit overflow), nothing has been printed yet, and the
call re-runs on CPython with exactly CPython's output. A queue longer than
FLUSH_AT hands the call over to CPython, which prints as it goes (or, after
something that cannot be undone, is printed early).
"""

from __future__ import annotations

import ctypes
import io
import sys
from typing import Any

# Streams whose writes nothing else can see before the queue is printed: a
# user's object with a write() of its own (counting lines, raising) gets
# CPython's timing instead (PrintQueue.full).
_PLAIN_WRITES = (io.TextIOWrapper.write, io.StringIO.write)


def _flush_at() -> int:
    """A terminal shows lines as they come, so its queue is short; a pipe or a
    file gets CPython's output in 8 KiB blocks anyway, so a long table printed
    before an overflow (~200 bytes a queued line) can still be re-run."""
    try:
        return 4096 if sys.stdout.isatty() else 65536
    except (AttributeError, ValueError):
        return 4096


FLUSH_AT = _flush_at()


class PrintQueue:
    def __init__(self, cells: Any) -> None:
        self.items: list[tuple[tuple[Any, ...], dict[str, Any] | None]] = []
        self._cells = cells
        self.full_fn = self.full  # one bound method, baked into code
        self.flush_fn = self.flush
        self.stdout_name = ctypes.create_string_buffer(b"stdout")  # (for PySys_GetObject)
        self.plain_cell = ctypes.c_int64(0)  # the address of sys.stdout, if queueing for it is safe
        self._plain: object = None
        self._stream_is_plain()

    def flush(self) -> None:
        if not self.items:
            return
        items = self.items[:]
        self.items.clear()
        for args, kwargs in items:
            print(*args, **(kwargs or {}))

    def _stream_is_plain(self) -> bool:
        out = sys.stdout
        if getattr(type(out), "write", None) in _PLAIN_WRITES:
            self._plain = out  # (kept: its address is what compiled code compares)
            self.plain_cell.value = id(out)
            return True
        return False

    def full(self) -> bool:
        """Called by compiled code when the queue is long, or sys.stdout is
        not the plain stream it knows.  A new plain stream: go on queueing.
        Otherwise True: hand the call (or statement) over to CPython, which
        runs it again printing as it goes, as nothing has been done for good
        since it began; or else the queue is printed now, which a later
        hand-over could not undo (it stops with a located error instead)."""
        if len(self.items) < FLUSH_AT and self._stream_is_plain():
            return False
        if self._cells.effects == self._cells.entry_effects:
            return True
        self.flush()
        self._cells.bump_effects()
        return False

    def discard(self) -> None:
        self.items.clear()
