"""Python-owned memory that compiled code reads and writes through baked addresses.

Keeping these out of the modules keeps modules free of read-only data (each
module with read-only data costs the process two memory mappings; see
LLVMLITE-NOTES trap 1):

- the error cell: [code, site] written by compiled code when it raises, and
  the traceback cells: [count, sites...], the call sites the error passed on
  its way out (innermost caller first), for tracebacks that name every frame;
- the effects counter: bumped by every observable change the journal cannot
  undo (printing past the print queue, a mutation once the journal is full),
  so a hand-over can tell whether re-running on CPython is safe;
- the count of compiled frames entered (every 65,536th polls for Ctrl-C, as
  loops' back-edges do: compiled recursion has no loop to poll in);
- the compiled-frame count (code is freed only with none on the stack; the
  recursion limit is CPython's own counter, Py_EnterRecursiveCall), and the
  lowest native stack address compiled frames may use (below it, deep
  recursion raises RecursionError instead of overflowing the C stack);
- the journal of list mutations (count cell + buffer), so a hand-over can undo
  them and re-run the call on CPython (see Journal);
- the float constant pool: every float literal is a load from here.
"""

from __future__ import annotations

import ctypes
import functools
import resource
import struct
import sys

from modjit.runtime.journal import Journal

ERR_CODE_OFFSET = 0
ERR_SITE_OFFSET = 8
EFFECTS_OFFSET = 16
DEPTH_OFFSET = 24
CALLS_OFFSET = 32  # entries of compiled frames that call, counted for polling Ctrl-C
FLOOR_OFFSET = 40
JOURNAL_OFFSET = 48
ENTRY_EFFECTS_OFFSET = 56
ENTRY_MARK_OFFSET = 64  # the journal's count as the innermost call from CPython began
LONE_ENTRY_OFFSET = 72  # 1: the innermost native entry running came with no compiled frame below
STACK_MARGIN = 1 << 20  # left below the floor for CPython's own C frames
STACK_BAND = 1 << 26  # addresses this far below the floor are this stack's overflow
PROMOTE_ROOM = 100  # recursion levels left that a call into the runtime (a promotion) needs

_POOL_CHUNK = 4096
TB_SITES = 1024  # call sites kept per error; the slot after them takes the rest (the last is the outermost)


class SharedCells:
    def __init__(self) -> None:
        self._cells = (ctypes.c_int64 * 10)()
        self.base = ctypes.addressof(self._cells)
        self.err_code_addr = self.base + ERR_CODE_OFFSET
        self.err_site_addr = self.base + ERR_SITE_OFFSET
        self.effects_addr = self.base + EFFECTS_OFFSET
        self.depth_addr = self.base + DEPTH_OFFSET  # compiled frames on the stack
        self.calls_addr = self.base + CALLS_OFFSET
        self.floor_addr = self.base + FLOOR_OFFSET
        self.recursion_remaining_addr = recursion_counter()
        # the effects counter as the innermost call from CPython into compiled code began
        self.entry_effects_addr = self.base + ENTRY_EFFECTS_OFFSET
        self.entry_mark_addr = self.base + ENTRY_MARK_OFFSET
        self.lone_entry_addr = self.base + LONE_ENTRY_OFFSET
        self._cells[5] = _stack_floor()
        self._tb = (ctypes.c_int64 * (TB_SITES + 2))()
        self.tb_count_addr = ctypes.addressof(self._tb)
        self.tb_sites_addr = self.tb_count_addr + 8
        self.journal = Journal(self._cells, JOURNAL_OFFSET // 8, self.depth_addr, ENTRY_MARK_OFFSET // 8)
        self._chunks: list[ctypes.Array[ctypes.c_double]] = []
        self._pool_index: dict[bytes, int] = {}
        self._next = _POOL_CHUNK

    @property
    def err_code(self) -> int:
        return self._cells[0]

    @property
    def err_site(self) -> int:
        return self._cells[1]

    @property
    def effects(self) -> int:
        return self._cells[2]

    @property
    def depth(self) -> int:
        return self._cells[3]

    @property
    def entry_effects(self) -> int:
        return self._cells[7]

    @entry_effects.setter
    def entry_effects(self, value: int) -> None:
        self._cells[7] = value

    @property
    def entry_mark(self) -> int:
        return self._cells[ENTRY_MARK_OFFSET // 8]

    @entry_mark.setter
    def entry_mark(self, value: int) -> None:
        self._cells[ENTRY_MARK_OFFSET // 8] = value

    def bump_effects(self) -> None:
        self._cells[2] += 1

    def take_error(self) -> tuple[int, int, list[int]]:
        """The pending error's code, site index and traceback sites; then clears it."""
        cells = self._cells
        code, site = cells[0], cells[1]
        callers = self.traceback_sites()
        cells[0] = cells[1] = self._tb[0] = 0
        return code, site, callers

    def clear_error(self) -> None:
        self._cells[0] = 0
        self._cells[1] = 0
        self._tb[0] = 0

    def traceback_sites(self) -> list[int]:
        """The call sites the pending error passed, innermost caller first
        (past TB_SITES, the innermost ones and the outermost)."""
        count = self._tb[0]
        return self._tb[1:1 + min(count, TB_SITES + 1)] if count else []

    def float_const(self, value: float) -> int:
        """The address of a pooled double holding `value` (interned by bit pattern)."""
        key = struct.pack("<d", value)
        found = self._pool_index.get(key)
        if found is not None:
            return found
        if self._next >= _POOL_CHUNK:
            self._chunks.append((ctypes.c_double * _POOL_CHUNK)())
            self._next = 0
        chunk = self._chunks[-1]
        chunk[self._next] = value
        address = ctypes.addressof(chunk) + 8 * self._next
        self._next += 1
        self._pool_index[key] = address
        return address


def recursion_counter() -> int:
    """The address of the current thread's recursion_remaining (CPython 3.11
    keeps the limit in the int after it), which compiled frames count down and
    up inline as CPython's own frames do (a call of Py_EnterRecursiveCall and
    one of Py_LeaveRecursiveCall per frame took fib 2.3x its time); 0 where
    CPython does not keep it there (then they call)."""
    get_state = ctypes.pythonapi.PyThreadState_Get
    get_state.restype = ctypes.c_void_p
    state = get_state()
    if not state:
        return 0
    limit = ctypes.c_int.from_address(state + 36).value
    remaining = ctypes.c_int.from_address(state + 32).value
    real_limit = getattr(sys.getrecursionlimit, "__wrapped__", sys.getrecursionlimit)()  # (run.hide_own_frames)
    if limit != real_limit or not 0 < remaining <= limit:
        return 0
    return int(state) + 32


@functools.cache  # (found once: the run's freeze and every compile use it)
def gc_young_count() -> ctypes.c_int | None:
    """CPython 3.11's count of the youngest generation (GC-tracked objects
    allocated less freed since it was last collected), found in the
    interpreter state as the generation array whose `generation0` pointer
    follows it and whose thresholds are gc.get_threshold()'s; None where it is
    not there.  The compiler's allocations must not bring the program's
    collections forward: a cycle with a __del__ that prints was collected
    before the program's `print("before collect")`, and gc.collect()
    returned 0 where python3's found the program's 10 cycles."""
    import gc

    get_interp = ctypes.pythonapi.PyInterpreterState_Get
    get_interp.restype = ctypes.c_void_p
    base = get_interp()
    if not base:
        return None
    blob = ctypes.string_at(base, 16384)  # (bytes: allocating them counts nothing)
    thresholds = gc.get_threshold()
    for off in range(0, len(blob) - 80, 8):  # generations[3] = {PyGC_Head (16), threshold, count}
        if struct.unpack_from("P", blob, off + 72)[0] != base + off:
            continue
        if tuple(struct.unpack_from("i", blob, off + 16 + 24 * g)[0] for g in range(3)) == thresholds:
            return ctypes.c_int.from_address(base + off + 20)
    return None


def freeze_own_objects() -> None:
    """Move every object alive now (modjit's modules and the interpreter's
    start-up; the program has not run) out of the collector's sight, as
    gc.freeze() does, so its collections, the last ones at exit included,
    do not traverse them: ~10 ms of every run's exit.  freeze() zeroes the
    generations' counts; they are put back, so the program's collections
    come when they would have."""
    import gc

    young = gc_young_count()
    counts = [ctypes.c_int.from_address(ctypes.addressof(young) + 24 * g) for g in range(3)] if young else []
    before = [c.value for c in counts]
    gc.freeze()
    for c, value in zip(counts, before, strict=True):
        c.value = value


STACK_ROOM = 1 << 30  # how far the main thread's stack may grow for deep compiled recursion


def _stack_floor() -> int:
    """The lowest address the main thread's stack may grow to, less a margin;
    0 (no guard) where /proc does not say.  Compiled frames live on the C
    stack, where CPython 3.11's Python-to-Python calls do not: a recursive
    flood fill 90,000 deep that python3 runs (sys.setrecursionlimit(10**6))
    overflowed Linux's default 8 MiB.  So the stack may grow to STACK_ROOM
    (the kernel checks RLIMIT_STACK as the main stack grows, so raising the
    soft limit now takes effect), as far as the hard limit and the free space
    below the stack allow.  Compiled code checks the floor only for addresses
    within STACK_BAND below it."""
    try:
        with open("/proc/self/maps") as maps:
            lines = maps.read().splitlines()
    except OSError:
        return 0
    at = next((i for i, ln in enumerate(lines) if ln.rstrip().endswith("[stack]")), None)
    if at is None:
        return 0
    start, top = (int(x, 16) for x in lines[at].split()[0].split("-"))
    below = int(lines[at - 1].split()[0].split("-")[1], 16) if at else 0
    room = min(STACK_ROOM, top - below - 2 * STACK_MARGIN)  # (the kernel keeps a guard gap too)
    soft, hard = resource.getrlimit(resource.RLIMIT_STACK)
    if soft != resource.RLIM_INFINITY and soft < room:
        want = room if hard == resource.RLIM_INFINITY else min(room, hard)
        if want > soft:
            try:
                resource.setrlimit(resource.RLIMIT_STACK, (want, hard))
                soft = want
            except (OSError, ValueError):
                pass
    size = room if soft == resource.RLIM_INFINITY else min(soft, room)
    return top - size + STACK_MARGIN


class Slot:
    """A cell holding a function address; compiled callers call through it, so a
    replaced specialization takes effect for every caller at once."""

    def __init__(self) -> None:
        self._cell = ctypes.c_void_p(0)
        self.address = ctypes.addressof(self._cell)

    def set(self, fn_address: int) -> None:
        self._cell.value = fn_address
