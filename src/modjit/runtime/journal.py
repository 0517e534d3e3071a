"""The journal: undo records for mutations of lists code on CPython can see.

Compiled code writes the records (codegen/emit_journal.py); the runtime undoes
them at a hand-over and drops them when no compiled frame is running.
"""

from __future__ import annotations

import ctypes
import mmap
from collections.abc import Callable

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.c_void_p]
_incref.restype = None

# journal entry kinds: [kind, object, index, payload] as four i64
# `object` is an owned reference (a list; the namespace for J_GLOBAL) but for J_FLOAT
J_STORE = 0  # lst[index] replaced `payload` (an owned reference)
J_FLOAT = 1  # the float `object` (no reference) held the double whose bits are `payload`
J_GROW = 2  # the list was `index` long before append / extend
J_POP = 3  # lst.pop() / lst.pop(i) took `payload` (an owned reference) from position `index`
J_REVERSE = 4  # lst.reverse()
J_GLOBAL = 5  # the namespace `object` bound the str `index` to `payload` (owned, or 0: unbound)
J_SNAPSHOT = 6  # the list held the items of the list `payload` (an owned copy): insert, sort, ...
J_RNG = 7  # the generator `object` had `index` and, if the call twisted it, the words in the
# bytes `payload` (owned; else 0): runtime/rng.py
J_INSERT = 8  # lst.insert(i, v) put an item at position `index`
# (the trim and undo loops, which release what records own, are TRIM_IR and UNDO_IR)
# Entries (8 MiB reserved, touched as used); a full journal checkpoints the lists
# mutated further (Journal.checkpoint).  A long loop storing into a shared list writes
# a record per store up to the cap: nbody's exec took +5% at 256K over 64K, +30% at 1M.
JOURNAL_CAP = 1 << 18
HEADROOM = 8192  # entries past the cap, for checkpoints and J_RNG records only
# lists (and global names) a call may checkpoint, and the items all their copies may
# hold: a top-level loop updating the 300 rows of a matrix in place handed over at
# its 9th row (16 MiB of copies at most; past them a full journal hands over); a top-level
# loop filling an 801 x 801 grid (641,601 stores, 801 rows) handed over at 512 lists
CHECKPOINTS = 4096
CHECKPOINT_ITEMS = 1 << 21
TABLE_SLOTS = 16384  # their table: a list is in slot (address >> TABLE_SHIFT) % TABLE_SLOTS or a next one
# of PROBES (with 2, 300 rows of a matrix scattered over the heap found both taken 1 run in 2)
PROBES = 8
HASH = 0x9E3779B97F4A7C15  # Fibonacci hashing: lists made one after another scatter (a run of
# neighbouring slots, one collision away from PROBES taken in a row, handed over 1 run in 5)
TABLE_BITS = 14  # TABLE_SLOTS == 1 << TABLE_BITS


def table_slot(address: int) -> int:
    """A list's first slot in the checkpoint table (emit_journal.checkpointed computes the same)."""
    return ((address >> TABLE_SHIFT) * HASH & (2**64 - 1)) >> (64 - TABLE_BITS)
# Lists are 64-byte blocks of CPython's allocator: >> 6 gives lists made near each other
# distinct slots (>> 4 left 3 of every 4 slots unused; two of n-body's six lists
# sharing one made a run hand over, 1 in ~50 runs)
TABLE_SHIFT = 6
# the table's count once a checkpoint could not be had: compiled code stops asking
# (asking cost a Python call per store, an n-body's 55 ms became 2.3 s)
CLOSED = 1 << 40
TRIM_AT = 1 << 15  # entries from CPython trim a journal fuller than this
ENTRY_BYTES = 32


class _Unbound:
    def __repr__(self) -> str:
        return "<unbound global>"


UNBOUND = _Unbound()  # what compiled code passes `checkpoint` for a global that was not bound


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
    costs no Python-level work on return.

    A full journal checkpoints the list being mutated (checkpoint): a copy of
    it as it is now, whose record undoes everything after it, and the list
    joins the call's checkpoint table, whose lists compiled code mutates
    without records from then on.  A DP table filled a million times in one
    call, a histogram at top level: before, their 262,145th store made any
    later hand-over (an int leaving 64 bits) stop with an error.  Past
    CHECKPOINTS lists (or HEADROOM checkpoints), a mutation of a full journal
    becomes an ordinary effect: a hand-over after it stops with an error.
    """

    def __init__(self, cells: ctypes.Array[ctypes.c_int64], index: int, depth_addr: int,
                 mark_index: int) -> None:
        self._cells, self._index, self._mark_index = cells, index, mark_index
        self.count_addr = ctypes.addressof(cells) + 8 * index
        self._depth = ctypes.c_int64.from_address(depth_addr)
        self._map = mmap.mmap(-1, (JOURNAL_CAP + HEADROOM) * ENTRY_BYTES)  # pages appear as written
        self._words = (ctypes.c_int64 * (4 * (JOURNAL_CAP + HEADROOM))).from_buffer(self._map)
        self.base = ctypes.addressof(self._words)
        # [lists in it, the entry mark of the call that made it, slots: a list's address or 0]
        self._table = (ctypes.c_int64 * (2 + TABLE_SLOTS + PROBES - 1))()
        self.table_addr = ctypes.addressof(self._table)
        self._copied = 0  # items the copies of the table's lists hold
        self.namespace: dict[str, object] = {}  # the session's (set by the runtime): J_GLOBAL checkpoints
        self.trim_fn = self.trim  # one bound method, baked into native entries
        self.checkpoint_fn = self.checkpoint  # and this one into code that journals
        # where the J_RNG record of the call running now is (mj.draw checks it is there)
        self._rng_at = ctypes.c_int64(-1)
        self.rng_at_addr = ctypes.addressof(self._rng_at)
        # set by the runtime: compiles TRIM_IR (codegen/emit_journal.py), returns it callable
        self.compile_trim: Callable[[], tuple[Callable[[int, int], None], Callable[[int, int, int], None]]] \
            = _no_compiler
        self.native_trim: Callable[[int, int], None] | None = None
        self.native_undo: Callable[[int, int, int], None] | None = None

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
        if self.native_trim is None:  # (a loop in Python took 50 ms per 64K records)
            self.native_trim, self.native_undo = self.compile_trim()
        self.native_trim(self.base, self.count)
        self._cells[self._index] = 0
        self._clear_table()

    def checkpoint(self, lst: list[object], kind: int = J_SNAPSHOT, index: int = 0,
                   item: object = None) -> bool:
        """The journal is full and the innermost call from CPython (whose
        records start at its entry mark) mutates `lst` (for GLOBAL, `lst` is
        the name, `item` its old binding: that record, added to the table,
        stands for the call's later rebindings of it): record a copy of it
        as it was before the change `kind` would have recorded (undoing newest
        first, the copy puts back what the call did to it from here on) and
        add it to the call's table.  False if the table or the headroom is
        full.  The copy holds the list's floats, so none of them is
        overwritten in place from now on: an older FLOAT record finds its
        float, in the list again after the undo, as it left it.  (The one a
        FLOAT change was about to overwrite gets a new float instead:
        emit_journal.journal_float.)"""
        table, mark = self._table, self._cells[self._mark_index]
        if table[1] != mark:
            self._clear_table()  # (another call's table: it starts anew)
            table[1] = mark
        n, k, slot = self.count, table[0], 2 + table_slot(id(lst))
        for _ in range(PROBES - 1):  # (the next free one of PROBES)
            if not table[slot]:
                break
            slot += 1
        items = 0 if kind == J_GLOBAL else len(lst)
        if k >= CHECKPOINTS or n >= JOURNAL_CAP + HEADROOM or table[slot] \
                or self._copied + items > CHECKPOINT_ITEMS:
            table[0] = CLOSED
            return False
        self._copied += items
        w = self._words
        if kind == J_GLOBAL:  # `lst` is the name: the record of its old binding stands for the call
            old = 0 if item is UNBOUND else id(item)
            w[4 * n], w[4 * n + 1], w[4 * n + 2], w[4 * n + 3] = J_GLOBAL, id(self.namespace), id(lst), old
            _incref(id(self.namespace))
            if old:
                _incref(old)  # (both owned by the record now)
        else:
            copy = _before(lst, kind, index, item)
            w[4 * n], w[4 * n + 1], w[4 * n + 2], w[4 * n + 3] = J_SNAPSHOT, id(lst), 0, id(copy)
            _incref(id(lst))
            _incref(id(copy))  # (both owned by the record now)
        self._cells[self._index] = n + 1
        table[slot], table[0] = id(lst), k + 1
        return True

    def _clear_table(self) -> None:
        if self._table[0]:
            ctypes.memset(self.table_addr, 0, ctypes.sizeof(self._table))
        self._copied = 0

    def forget_native(self) -> None:
        """The engine holding native_trim goes away: release the records first."""
        self.trim()
        self.native_trim = self.native_undo = None

    def undo_to(self, mark: int) -> None:
        """Undo the records past `mark`, newest first (natively: UNDO_IR)."""
        if self.count > mark:
            if self.native_undo is None:
                self.native_trim, self.native_undo = self.compile_trim()
            self.native_undo(self.base, self.count, mark)
        self._cells[self._index] = mark
        self._clear_table()


def _no_compiler() -> tuple[Callable[[int, int], None], Callable[[int, int, int], None]]:
    raise RuntimeError("no engine to compile the journal's trim")


def _before(lst: list[object], kind: int, index: int, item: object) -> list[object]:
    """A copy of `lst` as it was before the change a record of `kind` undoes:
    STORE put another item at `index` (`item` was there), GROW appended past
    `index` items, POP took `item` from `index`, INSERT put an item at `index`,
    REVERSE reversed it; FLOAT
    would have overwritten `item` in place (compiled code stores a new float
    instead: the copy is the list as it is)."""
    copy = lst[:]
    if kind == J_STORE:
        copy[index] = item
    elif kind == J_GROW:
        del copy[index:]
    elif kind == J_POP:
        copy.insert(index, item)
    elif kind == J_INSERT:
        del copy[index]
    elif kind == J_REVERSE:
        copy.reverse()
    return copy
