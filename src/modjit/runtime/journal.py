"""The journal: undo records for mutations of lists code on CPython can see.

Compiled code writes the records (codegen/emit_journal.py); the runtime undoes
them at a hand-over and drops them when no compiled frame is running.
"""

from __future__ import annotations

import ctypes
import mmap
from collections.abc import Callable

_decref = ctypes.pythonapi.Py_DecRef
_decref.argtypes = [ctypes.c_void_p]
_decref.restype = None

# journal entry kinds: [kind, object, index, payload] as four i64
# `object` is an owned reference (a list; the namespace for J_GLOBAL) but for J_FLOAT
J_STORE = 0  # lst[index] replaced `payload` (an owned reference)
J_FLOAT = 1  # the float `object` (no reference) held the double whose bits are `payload`
J_GROW = 2  # the list was `index` long before append / extend
J_POP = 3  # lst.pop() took `payload` (an owned reference) from the end
J_REVERSE = 4  # lst.reverse()
J_GLOBAL = 5  # the namespace `object` bound the str `index` to `payload` (owned, or 0: unbound)
J_SNAPSHOT = 6  # the list held the items of the list `payload` (an owned copy): insert, sort, ...
OWNS_PAYLOAD = (J_STORE, J_POP, J_GLOBAL, J_SNAPSHOT)
# Entries (8 MiB reserved, touched as used); a full journal makes further mutations
# plain effects.  A long loop storing into a shared list writes a record per store up
# to the cap: nbody's exec took +5% at 256K over 64K, +30% at 1M.
JOURNAL_CAP = 1 << 18
TRIM_AT = 1 << 15  # entries from CPython trim a journal fuller than this
ENTRY_BYTES = 32


class Journal:
    """Undo records for mutations of lists that code on CPython can see.

    A hand-over re-runs a call (or top-level statement) on CPython from its
    start; a list it mutated must first get its old contents back, or the
    re-run would see them twice (a memo table's entries, a DP row).  Compiled
    code appends a record per store (keeping the old item instead of dropping
    it), append, extend, pop() and reverse, per global it rebinds, and a copy
    of the list before the methods that cost as much as one anyway (insert,
    sort, remove, clear, pop(i), `*=`); at a hand-over the records past the
    entry's mark are undone, newest first.  Records are only dropped (and the
    old items released) when no compiled frame is running and the journal
    holds more than TRIM_AT, so a call from CPython that mutates one list item
    costs no Python-level work on return.  A full journal
    makes a mutation an ordinary effect: a hand-over after it stops with an error.
    """

    def __init__(self, cells: ctypes.Array[ctypes.c_int64], index: int, depth_addr: int) -> None:
        self._cells, self._index = cells, index
        self.count_addr = ctypes.addressof(cells) + 8 * index
        self._depth = ctypes.c_int64.from_address(depth_addr)
        self._map = mmap.mmap(-1, JOURNAL_CAP * ENTRY_BYTES)  # pages appear as written
        self._words = (ctypes.c_int64 * (4 * JOURNAL_CAP)).from_buffer(self._map)
        self.base = ctypes.addressof(self._words)
        self.trim_fn = self.trim  # one bound method, baked into native entries
        # set by the runtime: compiles TRIM_IR (codegen/emit_journal.py), returns it callable
        self.compile_trim: Callable[[], Callable[[int, int], None]] = _no_compiler
        self.native_trim: Callable[[int, int], None] | None = None

    @property
    def count(self) -> int:
        return self._cells[self._index]

    def mark(self) -> int:
        """Where an entry from CPython starts its records (trimming first if it can)."""
        if self.count > TRIM_AT:
            self.trim()
        return self.count

    def trim(self) -> None:
        """Drop every record, releasing what they hold; only with no compiled frame
        running, as an outer call may still need to undo."""
        if self._depth.value or not self.count:
            return
        if self.native_trim is None:
            self.native_trim = self.compile_trim()  # a loop in Python took 50 ms per 64K records
        self.native_trim(self.base, self.count)
        self._cells[self._index] = 0

    def forget_native(self) -> None:
        """The engine holding native_trim goes away: release the records first."""
        self.trim()
        self.native_trim = None

    def undo_to(self, mark: int) -> None:
        """Undo the records past `mark`, newest first."""
        w = self._words
        for k in range(self.count - 1, mark - 1, -1):
            kind, obj, index, payload = w[4 * k: 4 * k + 4]
            if kind == J_FLOAT:
                ctypes.c_int64.from_address(obj + 16).value = payload
                continue
            lst = ctypes.cast(obj, ctypes.py_object).value
            if kind == J_GLOBAL:
                key = ctypes.cast(index, ctypes.py_object).value
                if payload:
                    lst[key] = ctypes.cast(payload, ctypes.py_object).value
                else:
                    lst.pop(key, None)
            elif kind == J_STORE:
                lst[index] = ctypes.cast(payload, ctypes.py_object).value
            elif kind == J_GROW:
                del lst[index:]
            elif kind == J_POP:
                lst.append(ctypes.cast(payload, ctypes.py_object).value)
            elif kind == J_SNAPSHOT:
                lst[:] = ctypes.cast(payload, ctypes.py_object).value
            else:
                lst.reverse()
            if kind in OWNS_PAYLOAD and payload:
                _decref(payload)
            del lst
            _decref(obj)
        self._cells[self._index] = mark


def _no_compiler() -> Callable[[int, int], None]:
    raise RuntimeError("no engine to compile the journal's trim")
