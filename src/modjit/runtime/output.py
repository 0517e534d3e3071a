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

import sys
from typing import Any


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

    def flush(self) -> None:
        if not self.items:
            return
        items = self.items[:]
        self.items.clear()
        for args, kwargs in items:
            print(*args, **(kwargs or {}))

    def full(self) -> bool:
        """Called by compiled code when the queue is long.  True: hand the call
        (or statement) over to CPython, which runs it again printing as it
        goes, as nothing has been done for good since it began.  Otherwise the
        queue is printed now, which a later hand-over could not undo (it stops
        with a located error instead)."""
        if self._cells.effects == self._cells.entry_effects:
            return True
        self.flush()
        self._cells.bump_effects()
        return False

    def discard(self) -> None:
        self.items.clear()
