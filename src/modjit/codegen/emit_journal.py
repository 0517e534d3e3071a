"""Mutations of lists others can see, written so a hand-over can undo them.

A hand-over re-runs a call (or top-level statement) on CPython from its start.
Mutating a list the function built itself needs nothing (frontend/fresh.py);
mutating one others may see (a parameter, a global, an element of one) appends
a record to the runtime's journal (runtime/journal.py), which the hand-over
undoes first:

    a[i] = v       -> [STORE, a, i, old item]: the old item is kept, not released
    a[i] = x (a float overwritten in place) -> [FLOAT, the float, 0, old bits]
    a.append(v), a.extend(b) -> [GROW, a, old length, 0]
    a.pop(), a.pop(i) -> [POP, a, the position, the item]
    a.insert(i, v) -> [INSERT, a, the position, 0]
    a.reverse()    -> [REVERSE, a, 0, 0]
    global g; g = v -> [GLOBAL, namespace, "g", old value or NULL]
    a.sort(), a.remove(v), a.clear(), a *= n
                   -> [SNAPSHOT, a, 0, a copy of a]: each costs a pass over
                      the list anyway (a copy for a.pop(i) and a.insert(i, v)
                      cost a pass over a list of a million for an item at its
                      end: 15,000 calls of S.pop(-1), 14x python3's time)

A full journal checkpoints the mutated list (a copy of it now, Journal.checkpoint)
and mutates it without records from then on.  With no checkpoint to be had, a
store, append, extend, pop, reverse, whole-list change (insert, sort, ...)
or global rebinding is put back at once (or not made) and the call hands
over (E_DEOPT_JOURNAL): CPython re-runs it from its start, after the records
are undone, so nothing is lost (before, the change counted as an effect, and
a later overflow stopped the program with an error).
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import Any

from modjit.codegen.emit_calls import EmitCalls
from modjit.codegen.irtext import ptr_const
from modjit.frontend.fresh import fresh_depths, mutation_is_unseen, seen_from_before
from modjit.frontend.resolve import callee_globals
from modjit.frontend.snapshots import snapshot_plan
from modjit.runtime import capi, rng
from modjit.runtime import errors as E
from modjit.runtime.journal import (
    CLOSED,
    HASH,
    J_FLOAT,
    J_GLOBAL,
    J_GROW,
    J_INSERT,
    J_POP,
    J_REVERSE,
    J_RNG,
    J_SNAPSHOT,
    J_STORE,
    JOURNAL_CAP,
    TABLE_BITS,
    TABLE_SHIFT,
    UNBOUND,
)

# a loop's stores into a list others see stop journaling once they number this many (or
# the list's length, if shorter) plus an eighth of its length: the list is copied then
# (snapshot_store), at most 8x the work its records so far cost, and the copy holds no
# more than they do
SNAPSHOT_AFTER = 8
SNAPSHOTS_PER_CALL = 64  # records in a call before its copies of a list before a change are checkpoints
_INERT_TYPES = (capi.INT_TYPE, capi.FLOAT_TYPE, capi.BOOL_TYPE, capi.LIST_TYPE, capi.TUPLE_TYPE, id(str))
JOURNALED = {"append": J_GROW, "extend": J_GROW, "pop": J_POP, "reverse": J_REVERSE, "insert": J_INSERT}


class EmitJournal(EmitCalls):
    _fresh: dict[str, int] | None = None  # local lists no one else sees (frontend/fresh.py)
    _snapshots: tuple[dict[int, list[str]], dict[int, int]] | None = None  # frontend/snapshots.py
    _callee_globals: dict[int, tuple[set[str] | None, set[str] | None]] | None = None  # id(spec) ->
    _snapshot_cells: dict[str, tuple[str, str, str]]  # name -> (list copied, list counted, its count)

    def mutation_visible(self, target: ast.expr) -> bool:
        """Can anyone outside see a mutation of the list `target` evaluates to?"""
        if self._fresh is None:
            u = self.u
            outside = set(u.declared_globals) if u.mode == "function" else self._statement_outside()
            self._fresh = {} if outside is None else fresh_depths(u.body, u.params, outside)
        return not mutation_is_unseen(target, self._fresh)

    def _statement_outside(self) -> set[str] | None:
        """A statement's names are globals: fresh only where they never hold
        what they held before it, and where no compiled callee of it can read
        or rebind them (`buf = [0]; swap(); buf[0] += 1`, swap() rebinding
        buf to an older list, or storing one into it); None: none is fresh."""
        outside = seen_from_before(self.u.body)
        for info in self.u.calls.values():
            if info.kind == "user":
                seen = self.callee_globals(info.spec)[0]
                if seen is None:
                    return None
                outside |= seen
        return outside

    def callee_globals(self, callee: Any) -> tuple[set[str] | None, set[str] | None]:
        """resolve.callee_globals, worked out once per callee of the unit
        (a call site asks before and after the call, and freshness asks too)."""
        if self._callee_globals is None:
            self._callee_globals = {}
        key = id(callee)
        if key not in self._callee_globals:
            self._callee_globals[key] = callee_globals(callee)
        return self._callee_globals[key]

    def snapshot_plan(self) -> tuple[dict[int, list[str]], dict[int, int]]:
        if self._snapshots is None:
            self._snapshots = snapshot_plan(self.u.body)
            self._snapshot_cells = {}
        return self._snapshots

    def reset_snapshots(self, loop: ast.stmt) -> None:
        """Entering `loop`: no list its names held has a copy of this loop's yet."""
        f = self.f
        for name in self.snapshot_plan()[0].get(id(loop), ()):
            if name not in self._snapshot_cells:
                self._snapshot_cells[name] = (f.alloca(f.tmp(f"snap.{name}"), "ptr"),
                                              f.alloca(f.tmp(f"snapof.{name}"), "ptr"),
                                              f.alloca(f.tmp(f"snapn.{name}"), "i64"))
            copied, counted, count = self._snapshot_cells[name]
            f.emit(f"store ptr null, ptr {copied}")
            f.emit(f"store ptr null, ptr {counted}")
            f.emit(f"store i64 0, ptr {count}")

    def snapshot_store(self, holder: ast.expr, lst: str, seen: bool, store: Callable[[bool], None],
                       recorded: Callable[[], None] | None = None) -> None:
        """Emit `store(seen)`, an item store into the list `lst` that `holder`
        evaluates to.  Inside a loop, for a name (frontend/snapshots.py): it is
        `store(False)`, unrecorded, when `lst` is the list the loop copied
        into the journal for that name (undoing newest first, the copy puts
        back everything after it), else `recorded()` (the store made simply,
        its record by a call: a few per list and loop) or `store(True)`,
        counted per list: past SNAPSHOT_AFTER (or its length, if shorter)
        plus an eighth of its length, `lst` is copied.  The
        copy holds the floats the list held, so none of those is overwritten
        in place (a float stored after it, which only the list holds, is).
        (Six parameters' lists stored into per pair of an n-body kernel: its
        compiled run 152 -> 88 ms, min of 5.)"""
        name = holder.id if seen and id(holder) in self.snapshot_plan()[1] else None  # type: ignore[attr-defined]
        if name is None or name not in self._snapshot_cells:
            store(seen)
            return
        f = self.f
        copied, counted, count = self._snapshot_cells[name]
        fast, slow, done = f.new_label("snapped"), f.new_label("unsnapped"), f.new_label("snapdone")
        f.cbr(f.value(f"icmp eq ptr {f.value(f'load ptr, ptr {copied}')}, {lst}"), fast, slow)
        f.block(fast)
        store(False)
        f.br(done)
        f.block(slow)
        if recorded is not None:
            recorded()
        else:
            store(True)
        same = f.value(f"icmp eq ptr {f.value(f'load ptr, ptr {counted}')}, {lst}")
        f.emit(f"store ptr {lst}, ptr {counted}")
        before = f.value(f"select i1 {same}, i64 {f.value(f'load i64, ptr {count}')}, i64 0")
        n = f.value(f"add i64 {before}, 1")
        f.emit(f"store i64 {n}, ptr {count}")
        size = f.value(f"load i64, ptr {f.value(f'getelementptr i8, ptr {lst}, i64 16')}")
        eighth = f.value(f"lshr i64 {size}, 3")
        least = f.value(f"select i1 {f.value(f'icmp ult i64 {size}, {SNAPSHOT_AFTER}')}, i64 {size}, "
                        f"i64 {SNAPSHOT_AFTER}")
        due = f.value(f"icmp uge i64 {n}, {f.value(f'add i64 {eighth}, {least}')}")
        jr = self.ctx.cells.journal
        counter = ptr_const(jr.count_addr)
        room = f.value(f"icmp ult i64 {f.value(f'load i64, ptr {counter}')}, {JOURNAL_CAP}")
        f.cbr(f.value(f"and i1 {due}, {room}"), copy_it := f.new_label("snapcopy"), done)
        f.block(copy_it)
        copy = self.whole_copy(lst)
        f.cbr(f.value(f"icmp eq ptr {copy}, null"), failed := f.new_label("snapfail"), took := f.new_label("snaptook"))
        f.block(failed)  # (no memory for it: the stores go on journaled)
        f.emit(f"call void {self.need('PyErr_Clear')}()")
        f.br(done)
        f.block(took)  # (the record holds the list too: its address stays its own while the cell has it)
        at = f.value(f"load i64, ptr {counter}")
        f.emit(f"call void {self.need('mj.jlog')}(ptr {counter}, ptr {ptr_const(jr.base)}, i64 {at}, "
               f"i64 {J_SNAPSHOT}, ptr {lst}, i64 0, i64 {f.value(f'ptrtoint ptr {copy} to i64')}, i1 true)")
        f.emit(f"store ptr {lst}, ptr {copied}")
        f.br(done)
        f.block(done)

    def recorded_store(self, lst: str, index: str, old: str) -> None:
        """The item `old` at the wrapped `index` of `lst` was just replaced:
        the STORE record (or checkpoint) made by mj.jstore, one call instead
        of journal()'s ~40 lines at each store; with none to be had, `old`
        goes back and the call hands over."""
        f = self.f
        ok = self.journal_call("i1", "mj.jstore", lst, f"i64 {index}, ptr {old}")
        f.cbr(ok, done := f.new_label("jsdone"), back := f.new_label("jsback"))
        f.block(back)
        items = f.value(f"load ptr, ptr {f.value(f'getelementptr i8, ptr {lst}, i64 24')}")
        slot = f.value(f"getelementptr ptr, ptr {items}, i64 {index}")
        new = f.value(f"load ptr, ptr {slot}")
        f.emit(f"store ptr {old}, ptr {slot}")
        self.decref(new)
        self.hand_over_unrecorded()
        f.block(done)

    def journal_call(self, ret: str, helper: str, lst: str, args: str) -> str:
        """Call the shared record helper mj.jstore or mj.jfloat for a change
        of `lst` (`args`: what it changed): the journal's cells, the call's
        checkpoint table and its owner's mark, the runtime's checkpoint, and
        the table's hash shift come first and last."""
        cells, true, bits = self.journal_args()
        return self.f.value(f"call {ret} {self.need(helper)}({cells}, ptr {lst}, {args}, {true}, {bits})")

    def journal_args(self) -> tuple[str, str, str]:
        """mj.jstore's arguments but the change's own: (the journal's cells,
        the call's checkpoint table and its owner's mark, the runtime's
        checkpoint), True, the table's hash shift."""
        jr = self.ctx.cells.journal
        return (f"ptr {ptr_const(jr.count_addr)}, ptr {ptr_const(jr.base)}, ptr {ptr_const(jr.table_addr)}, "
                f"ptr {ptr_const(self.ctx.cells.entry_mark_addr)}, ptr {ptr_const(self.ctx.keep(jr.checkpoint_fn))}",
                f"ptr {ptr_const(capi.PY_TRUE)}", f"i64 {64 - TABLE_BITS}")

    def journal(self, kind: int, obj: str, index: str, payload: str, on_full: Callable[[], None],
                lst: str | None = None, on_skip: Callable[[], None] = lambda: None) -> None:
        """Append the record [kind, obj, index, payload] (a reference to `obj`
        taken) for a mutation of the list `lst` (`obj`; for GLOBAL the name).
        A list the call checkpointed (Journal.checkpoint) needs no record:
        `on_skip` runs instead, also when a checkpoint is taken just now; with
        no room and no checkpoint to be had, `on_full`.  (STORE and FLOAT
        records are made by shared helpers: journal_call.)"""
        f = self.f
        jr = self.ctx.cells.journal
        count = ptr_const(jr.count_addr)
        done, skipped = f.new_label("jdone"), f.new_label("jskip")
        if lst is None and kind != J_GLOBAL:
            lst = obj
        n = f.value(f"load i64, ptr {count}")
        log, full = f.new_label("jlog"), f.new_label("jfull")
        f.cbr(f.value(f"icmp ult i64 {n}, {JOURNAL_CAP}"), log, full)
        f.block(log)
        f.emit(f"call void {self.need('mj.jlog')}(ptr {count}, ptr {ptr_const(jr.base)}, i64 {n}, "
               f"i64 {kind}, ptr {obj}, i64 {index}, i64 {payload}, i1 true)")
        f.br(done)
        f.block(full)  # (checkpoints only happen in a full journal)
        if lst is not None:
            mine = self.checkpointed(lst, skipped, take := f.new_label("jtake"))
            f.block(take)
            if kind == J_POP:
                item = f.value(f"inttoptr i64 {payload} to ptr")
            elif kind == J_GLOBAL:  # the old binding, or the journal's stand-in for none
                item = f.value(f"select i1 {f.value(f'icmp eq i64 {payload}, 0')}, "
                               f"ptr {ptr_const(id(UNBOUND))}, ptr {f.value(f'inttoptr i64 {payload} to ptr')}")
            else:
                item = ptr_const(capi.PY_NONE)
            self.ask_checkpoint(mine, lst, kind, index, item, skipped, over := f.new_label("jover"))
            f.block(over)
        on_full()
        f.br(done)
        f.block(skipped)
        on_skip()
        f.br(done)
        f.block(done)

    def ask_checkpoint(self, mine: str, lst: str, kind: int, index: str, item: str,
                       taken: str, refused: str) -> None:
        """Unless the call's table is closed, ask the runtime to checkpoint
        `lst` (Journal.checkpoint(lst, kind, index, item): lst as it was
        before this change); branch to `taken` if it did, else `refused`."""
        f = self.f
        jr = self.ctx.cells.journal
        closed = f.value(f"icmp eq i64 {f.value(f'load i64, ptr {ptr_const(jr.table_addr)}')}, {CLOSED}")
        f.cbr(f.value(f"and i1 {mine}, {closed}"), refused, ask := f.new_label("jask"))
        f.block(ask)
        fn = ptr_const(self.ctx.keep(jr.checkpoint_fn))
        yes = f.value(f"call i1 {self.need('mj.jask')}(ptr {fn}, ptr {lst}, i64 {kind}, i64 {index}, "
                      f"ptr {item}, ptr {ptr_const(capi.PY_TRUE)})")
        f.cbr(yes, taken, refused)

    def checkpointed(self, lst: str, hit: str, miss: str) -> str:
        """Branch to `hit` if `lst` is in the call's checkpoint table (in the
        slot of its address or one of the next PROBES - 1), else to `miss`;
        returns the i1 "the table is this call's"."""
        f = self.f
        table = self.ctx.cells.journal.table_addr
        mine = f.value(f"icmp eq i64 {f.value(f'load i64, ptr {ptr_const(table + 8)}')}, "
                       f"{f.value(f'load i64, ptr {ptr_const(self.ctx.cells.entry_mark_addr)}')}")
        address = f.value(f"ptrtoint ptr {lst} to i64")
        mixed = f.value(f"mul i64 {f.value(f'lshr i64 {address}, {TABLE_SHIFT}')}, {HASH - 2**64}")
        at = f.value(f"lshr i64 {mixed}, {64 - TABLE_BITS}")  # (as journal.table_slot)
        slot = f.value(f"getelementptr i64, ptr {ptr_const(table + 16)}, i64 {at}")
        first = f.value(f"icmp eq i64 {f.value(f'load i64, ptr {slot}')}, {address}")
        f.cbr(f.value(f"and i1 {mine}, {first}"), hit, probe := f.new_label("jprobe"))
        f.block(probe)  # (the others, when the first slot holds another list)
        found = f.value(f"call i1 {self.need('mj.jprobe')}(ptr {slot}, i64 {address})")
        f.cbr(f.value(f"and i1 {mine}, {found}"), hit, miss)
        return mine

    def journal_owned(self, kind: int, obj: str, index: str, item: str,
                      put_back: Callable[[], None], lst: str | None = None) -> None:
        """A record that keeps `item` (a reference the record now owns, or NULL).
        With no room: `put_back` undoes the change (taking `item` over) and the
        call hands over."""
        def full() -> None:
            put_back()
            self.hand_over_unrecorded()

        self.journal(kind, obj, index, self.f.value(f"ptrtoint ptr {item} to i64"), full, lst=lst,
                     on_skip=lambda: self.decref(item, nullable=True))

    def hand_over_unless_inert(self, old: str) -> None:
        """A global about to be rebound holds `old` (borrowed, or NULL): the
        journal would keep it alive until it is emptied, and an object of the
        program's own (a class instance) may have a __del__ that must run
        now, as CPython releases it at the rebinding.  Unless it is None or
        an int, float, bool, str, list or tuple, the call hands over first."""
        f = self.f
        is_obj = f.value(f"icmp ne ptr {old}, null")
        safe = f.value(f"select i1 {is_obj}, ptr {old}, ptr {ptr_const(capi.PY_NONE)}")  # (NULL: no load)
        inert = f.value(f"or i1 {f.value(f'icmp eq ptr {old}, {ptr_const(capi.PY_NONE)}')}, "
                        f"{self.type_in(self.ob_type(safe), _INERT_TYPES)}")
        self.raise_if(f.value(f"and i1 {is_obj}, {f.value(f'xor i1 {inert}, true')}"), E.E_DEOPT_JOURNAL, None)

    def hand_over_unrecorded(self) -> None:
        """A change the journal could not record was put back: hand the call over."""
        self.raise_if("true", E.E_DEOPT_JOURNAL, None)

    def release_replaced(self, lst: str, index: str, old: str, visible: bool) -> None:
        """The item a store took out of `lst` (at the wrapped `index`): journaled
        if others see the list, else released."""
        if not visible:
            self.decref(old)
            return

        self.recorded_store(lst, index, old)

    def journal_grown(self, lst: str, before: str) -> None:
        """`lst` was `before` long until an append, extend or += just now; with
        no room, it is cut back and the call hands over."""
        self.journal(J_GROW, lst, before, "0", lambda: self._cut_and_hand_over(lst, before, str(2**63 - 1)))

    def _cut_and_hand_over(self, lst: str, start: str, end: str) -> None:
        """A change the journal had no room for is taken back (del lst[start:end]): hand over."""
        cut = self.f.value(f"call i32 {self.need('PyList_SetSlice')}(ptr {lst}, i64 {start}, i64 {end}, ptr null)")
        self.raise_if(self.f.value(f"icmp slt i32 {cut}, 0"), E.E_PYERR, None)
        self.hand_over_unrecorded()

    def journal_popped(self, lst: str, item: str, at: str) -> None:
        """lst.pop() or lst.pop(i) returned `item` (a new reference, which the
        caller releases after this) from position `at`; with no room, this
        puts it back there and releases it: the call hands over."""
        def put_back() -> None:  # inserted again; the record's and the caller's references released
            r = self.f.value(f"call i32 {self.need('PyList_Insert')}(ptr {lst}, i64 {at}, ptr {item})")
            self.decref(item)
            self.decref(item)
            self.raise_if(self.f.value(f"icmp slt i32 {r}, 0"), E.E_PYERR, None)

        self.incref(item)
        self.journal_owned(J_POP, lst, at, item, put_back)

    def journal_inserted(self, lst: str, at: str) -> None:
        """lst.insert(i, v) put an item at position `at`; with no room, it is
        taken out again and the call hands over."""
        self.journal(J_INSERT, lst, at, "0",
                     lambda: self._cut_and_hand_over(lst, at, self.f.value(f"add i64 {at}, 1")))

    def journal_reversed(self, lst: str) -> None:
        """lst.reverse() just now; with no room, it is reversed back and the call hands over."""
        def full() -> None:
            r = self.f.value(f"call i32 {self.need('PyList_Reverse')}(ptr {lst})")
            self.raise_if(self.f.value(f"icmp slt i32 {r}, 0"), E.E_PYERR, None)
            self.hand_over_unrecorded()

        self.journal(J_REVERSE, lst, "0", "0", full)

    def journal_global(self, ns: str, key: str, old: str) -> None:
        """The namespace's `key` was bound to `old` (a new reference or NULL)."""
        def put_back() -> None:  # bound to `old` again (or unbound), `old` released
            f = self.f
            bind, unbind, done = f.new_label("gbind"), f.new_label("gunbind"), f.new_label("gback")
            f.cbr(f.value(f"icmp eq ptr {old}, null"), unbind, bind)
            f.block(bind)
            r = f.value(f"call i32 {self.need('PyDict_SetItem')}(ptr {ns}, ptr {key}, ptr {old})")
            self.decref(old)
            self.raise_if(f.value(f"icmp slt i32 {r}, 0"), E.E_PYERR, None)
            f.br(done)
            f.block(unbind)
            r = f.value(f"call i32 {self.need('PyDict_DelItem')}(ptr {ns}, ptr {key})")
            self.raise_if(f.value(f"icmp slt i32 {r}, 0"), E.E_PYERR, None)
            f.br(done)
            f.block(done)

        # (past a full journal, the name's first record then stands for the call's
        # later rebindings: a global set on every iteration of a long loop filled it
        # and the call handed over, 2x python3's time)
        self.journal_owned(J_GLOBAL, ns, self.f.value(f"ptrtoint ptr {key} to i64"), old, put_back, lst=key)

    def journal_snapshot(self, lst: str) -> None:
        """`lst` is about to change as a whole (insert, sort, ...): keep a
        copy.  Past SNAPSHOTS_PER_CALL records in the call, the copy is a
        checkpoint (Journal.checkpoint): the list joins the call's table and
        is copied no more.  A copy per change, each kept until the call
        ended, made 15,000 `a.pop(0)` on a caller's list of 30,000 take 14 s
        and 2.7 GB (python3: 0.5 s)."""
        f = self.f
        jr = self.ctx.cells.journal
        copy_it, done = f.new_label("scopy"), f.new_label("sdone")
        n = f.value(f"load i64, ptr {ptr_const(jr.count_addr)}")
        since = f.value(f"sub i64 {n}, {f.value(f'load i64, ptr {ptr_const(self.ctx.cells.entry_mark_addr)}')}")
        f.cbr(f.value(f"icmp ugt i64 {since}, {SNAPSHOTS_PER_CALL}"), many := f.new_label("smany"), copy_it)
        f.block(many)
        mine = self.checkpointed(lst, done, take := f.new_label("stake"))
        f.block(take)
        self.ask_checkpoint(mine, lst, J_SNAPSHOT, "0", ptr_const(capi.PY_NONE), done, copy_it)
        f.block(copy_it)
        copy = self.whole_copy(lst)
        self.raise_pyerr_if_null(copy)
        # with no room: nothing has changed yet; the copy is released and the call hands over
        self.journal_owned(J_SNAPSHOT, lst, "0", copy, lambda: self.decref(copy))
        f.br(done)
        f.block(done)

    def journal_float(self, obj: str, lst: str, boxed: str) -> None:
        """The float `obj` (in the list `lst`) is about to be overwritten in
        place: mj.jfloat records its bits.  A checkpoint of the list taken
        now holds `obj` itself, the object older records restore: the store
        branches to `boxed` (a new float) instead, leaving `obj` as the
        checkpoint saw it; with no record to be had, the call hands over
        (nothing written yet)."""
        f = self.f
        r = self.journal_call("i32", "mj.jfloat", lst, f"ptr {obj}")
        refused = f.new_label("jfno")
        f.term(f"switch i32 {r}, label %{refused} [ i32 0, label %{(go := f.new_label('jfgo'))} "
               f"i32 1, label %{boxed} ]")
        f.block(refused)
        self.hand_over_unrecorded()
        f.block(go)


# Drops records 0..n-1: each releases its object (all but FLOAT) and the item
# it kept (STORE, POP, GLOBAL, SNAPSHOT, RNG; Py_DecRef ignores NULL).
TRIM_SYMBOL = "mj.journal.trim"
TRIM_IR = f"""
declare void @Py_DecRef(ptr)

define void @"{TRIM_SYMBOL}"(i64 %base.i, i64 %n) nounwind {{
entry:
  %base = inttoptr i64 %base.i to ptr
  br label %loop
loop:
  %k = phi i64 [0, %entry], [%k1, %next]
  %more = icmp ult i64 %k, %n
  br i1 %more, label %body, label %exit
body:
  %e = getelementptr [4 x i64], ptr %base, i64 %k
  %kind = load i64, ptr %e
  %float = icmp eq i64 %kind, {J_FLOAT}
  br i1 %float, label %next, label %owned
owned:
  %objp = getelementptr i64, ptr %e, i64 1
  %obj = load ptr, ptr %objp
  call void @Py_DecRef(ptr %obj)
  %store = icmp eq i64 %kind, {J_STORE}
  %pop = icmp eq i64 %kind, {J_POP}
  %global = icmp eq i64 %kind, {J_GLOBAL}
  %snapshot = icmp eq i64 %kind, {J_SNAPSHOT}
  %rng = icmp eq i64 %kind, {J_RNG}
  %held = or i1 %store, %pop
  %named = or i1 %global, %snapshot
  %copied = or i1 %named, %rng
  %item.owned = or i1 %held, %copied
  br i1 %item.owned, label %old, label %next
old:
  %oldp = getelementptr i64, ptr %e, i64 3
  %item = load ptr, ptr %oldp
  call void @Py_DecRef(ptr %item)
  br label %next
next:
  %k1 = add i64 %k, 1
  br label %loop
exit:
  ret void
}}
"""


# Undoes records from-1 down to `to`, newest first, as Journal.undo_to describes
# (in Python, ctypes casts cost ~3 s per 262K records: a hand-over after a long
# loop over a shared list took longer than the whole run on CPython).
UNDO_SYMBOL = "mj.journal.undo"
UNDO_IR = f"""
declare void @Py_DecRef(ptr)
declare i32 @PyList_SetSlice(ptr, i64, i64, ptr)
declare i32 @PyList_Insert(ptr, i64, ptr)
declare i32 @PyList_Reverse(ptr)
declare i32 @PyDict_SetItem(ptr, ptr, ptr)
declare i32 @PyDict_DelItem(ptr, ptr)
declare void @PyErr_Clear()
declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)

define void @"{UNDO_SYMBOL}"(i64 %base.i, i64 %from, i64 %to) nounwind {{
entry:
  %base = inttoptr i64 %base.i to ptr
  br label %loop
loop:
  %k = phi i64 [%from, %entry], [%k1, %next]
  %more = icmp sgt i64 %k, %to
  br i1 %more, label %body, label %exit
body:
  %k1 = sub i64 %k, 1
  %e = getelementptr [4 x i64], ptr %base, i64 %k1
  %kind = load i64, ptr %e
  %objp = getelementptr i64, ptr %e, i64 1
  %obj = load ptr, ptr %objp
  %indexp = getelementptr i64, ptr %e, i64 2
  %index = load i64, ptr %indexp
  %payp = getelementptr i64, ptr %e, i64 3
  %pay.i = load i64, ptr %payp
  %pay = inttoptr i64 %pay.i to ptr
  switch i64 %kind, label %rel [ i64 {J_FLOAT}, label %float
                                 i64 {J_STORE}, label %store
                                 i64 {J_GROW}, label %grow
                                 i64 {J_POP}, label %pop
                                 i64 {J_INSERT}, label %insert
                                 i64 {J_REVERSE}, label %reverse
                                 i64 {J_GLOBAL}, label %global
                                 i64 {J_SNAPSHOT}, label %snapshot
                                 i64 {J_RNG}, label %rng ]
float:
  %fval = getelementptr i8, ptr %obj, i64 16
  store i64 %pay.i, ptr %fval
  br label %next
store:
  %sizep = getelementptr i8, ptr %obj, i64 16
  %size = load i64, ptr %sizep
  %inside = icmp ult i64 %index, %size
  br i1 %inside, label %put, label %drop
put:
  %itemsp = getelementptr i8, ptr %obj, i64 24
  %items = load ptr, ptr %itemsp
  %slot = getelementptr ptr, ptr %items, i64 %index
  %now = load ptr, ptr %slot
  store ptr %pay, ptr %slot
  call void @Py_DecRef(ptr %now)
  br label %rel
drop:
  br label %relpay
grow:
  %g = call i32 @PyList_SetSlice(ptr %obj, i64 %index, i64 {2**62}, ptr null)
  br label %rel
pop:
  %a = call i32 @PyList_Insert(ptr %obj, i64 %index, ptr %pay)
  br label %relpay
insert:
  %after = add i64 %index, 1
  %i = call i32 @PyList_SetSlice(ptr %obj, i64 %index, i64 %after, ptr null)
  br label %rel
reverse:
  %r = call i32 @PyList_Reverse(ptr %obj)
  br label %rel
global:
  %key = inttoptr i64 %index to ptr
  %bound = icmp ne i64 %pay.i, 0
  br i1 %bound, label %rebind, label %unbind
rebind:
  %s = call i32 @PyDict_SetItem(ptr %obj, ptr %key, ptr %pay)
  br label %relpay
unbind:
  %d = call i32 @PyDict_DelItem(ptr %obj, ptr %key)
  %missing = icmp slt i32 %d, 0
  br i1 %missing, label %clear, label %rel
clear:
  call void @PyErr_Clear()
  br label %rel
snapshot:
  %c = call i32 @PyList_SetSlice(ptr %obj, i64 0, i64 {2**62}, ptr %pay)
  br label %relpay
rng:
  %copied = icmp ne i64 %pay.i, 0
  br i1 %copied, label %rngwords, label %rngindex
rngwords:
  %state = getelementptr i8, ptr %obj, i64 {rng.STATE_OFFSET}
  %saved = getelementptr i8, ptr %pay, i64 32
  call void @llvm.memcpy.p0.p0.i64(ptr %state, ptr %saved, i64 {rng.STATE_BYTES}, i1 false)
  br label %rngindex
rngindex:
  %rngindexp = getelementptr i8, ptr %obj, i64 {rng.STATE_OFFSET}
  %index.32 = trunc i64 %index to i32
  store i32 %index.32, ptr %rngindexp
  br label %relpay
relpay:
  call void @Py_DecRef(ptr %pay)
  br label %rel
rel:
  call void @Py_DecRef(ptr %obj)
  br label %next
next:
  br label %loop
exit:
  ret void
}}
"""
