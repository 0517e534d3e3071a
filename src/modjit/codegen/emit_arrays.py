"""Lowering of a function's native arrays (frontend/arrays.py): local lists of
ints, floats or bools that only the function sees, kept unboxed.

    name = [v] * n -> PyMem_RawCalloc (v zero) or PyMem_RawMalloc and a fill;
                      the buffer the name held before is freed (so too for
                      list(range(...)) and a copy other[:])
    name[i]        -> Python's index rules and IndexError messages, then a
                      load / store of an i64, double or i8
    g = [[v] * m for _ in range(n)] -> one buffer of n * m items; g[i] is the
                      address of row i (checked against n), g[i][j] an item
    len(name)      -> the length, kept in a slot of its own (an SSA value in
                      optimised code: no store to the buffer may change it)
    return name    -> a new list of the items, boxed (a grid: of new rows)

The name's variable slot holds the buffer, and its release (at a return, on
the error exit, at a rebinding) frees it.  A buffer too large to allocate
hands over: CPython re-runs the call and says what it says.
"""

from __future__ import annotations

import ast
import ctypes
import math
from collections.abc import Callable

from modjit.codegen.emit_base import Value
from modjit.codegen.emit_lists import EmitLists
from modjit.codegen.irtext import FunctionText, ptr_const
from modjit.frontend.arrays import (
    REDUCTIONS,
    borrowed_arrays,
    is_grid,
    item_of,
    loop_bounds,
    made_from,
    native_arrays,
    reduced_slice,
    unborrowed_lists,
    written,
)
from modjit.frontend.infer import UnitTypes
from modjit.frontend.types import BOOL, FLOAT, INT, Type
from modjit.runtime import capi
from modjit.runtime import errors as E
from modjit.runtime.memory import PROMOTE_ROOM

_LLVM = {INT: "i64", FLOAT: "double", BOOL: "i8"}
_WIDTH = {INT: 8, FLOAT: 8, BOOL: 1}
# More items hand over: CPython makes the lists, or raises its MemoryError.  An
# array needs 1/8 of a list's memory for bools, so past what a list of this many
# would need on a small machine (2 GiB of pointers), a bool array of 4e9 items
# fit where CPython's list did not (python3: MemoryError, modjit: a result).
MAX_ITEMS = 1 << 28
# A call borrowing lists (borrowed_arrays) that ends after fewer loop iterations
# than an eighth of the items it copied (a quicksort's partition of a slice of a
# long list) is a waste; at WASTE_LIMIT such calls the function is compiled
# again without borrowing (EmitArrays.count_waste)
WASTE_LIMIT = 16
WASTE_ASKED = 1 << 40  # the count once the runtime was asked to compile the function again
WASTE_SLACK = 64
_KIND = {INT: "i64", FLOAT: "f64", BOOL: "i8"}
_TYPE_OF = {INT: capi.INT_TYPE, FLOAT: capi.FLOAT_TYPE, BOOL: capi.PY_TRUE}


class EmitArrays(EmitLists):
    def __init__(self, unit: UnitTypes, ctx) -> None:  # type: ignore[no-untyped-def]
        super().__init__(unit, ctx)
        own = native_arrays(unit)
        spec = ctx.self_spec
        self.borrowed = borrowed_arrays(unit, own) if spec is not None and ctx.rebuild is not None else {}
        self.waste = spec.jitfn.waste_cell(spec.param_types) if self.borrowed else None
        if self.waste is not None and self.waste.value >= WASTE_LIMIT:
            self.borrowed = {}
        self.borrow_written = written(unit, set(self.borrowed)) if self.borrowed else set()
        self.borrow_lists: dict[str, str] = {}  # borrowed name -> slot of its list
        # borrowed name stored into -> slot of its bytes, one per item: set by a store
        self.borrow_dirty: dict[str, str] = {}
        self.work_slot = ""  # loop iterations of the call (borrowed lists: was the copy worth it?)
        self.journal_slot = ""  # i1: is the put-back journaled (a compiled frame below)?
        self.foretold = ""  # i1: did the call's loop bounds say it would be a waste (predict_waste)?
        self.total_slot = ""  # items the call borrowed, all lists together
        self.array_types = {**own, **self.borrowed}
        self.arrays: dict[str, Type] = {name: item_of(t) for name, t in self.array_types.items()}
        self.grids = {name for name, t in self.array_types.items() if is_grid(t)}
        self.array_lens: dict[str, str] = {}  # name -> its length's slot (a grid's rows)
        self.array_caps: dict[str, str] = {}  # name -> how many items its buffer holds
        self.array_cols: dict[str, str] = {}  # grid name -> its rows' length's slot
        self.array_fills: dict[str, tuple[str, str]] = {}  # name -> (filled?, fill value) slots

    def array_of(self, node: ast.AST) -> str | None:
        """The array name `node` (a Name) refers to, or None."""
        return node.id if isinstance(node, ast.Name) and node.id in self.arrays else None

    def grid_of(self, node: ast.AST) -> str | None:
        """The grid `node` is a row of (`g[i]`), or None."""
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id in self.grids:
            return node.value.id
        return None

    def declare_var(self, name: str, t: Type, bound: bool) -> None:
        super().declare_var(name, t, bound)
        if name in self.arrays:
            k = len(self.array_lens)
            self.array_lens[name] = self.f.alloca(f"%alen.{k}", "i64")
            self.array_caps[name] = self.f.alloca(f"%acap.{k}", "i64")
            self.f.allocas.append(f"  store i64 0, ptr %alen.{k}")
            self.f.allocas.append(f"  store i64 0, ptr %acap.{k}")
            if name in self.grids:
                self.array_cols[name] = self.f.alloca(f"%acols.{k}", "i64")
            if self.arrays[name] != BOOL:  # the value `[v] * n` filled it with (array_fill)
                item = self.arrays[name].llvm
                self.array_fills[name] = (self.f.alloca(f"%ahas.{k}", "i1"), self.f.alloca(f"%afill.{k}", item))
                self.f.allocas.append(f"  store i1 false, ptr %ahas.{k}")
                self.f.allocas.append(f"  store {item} zeroinitializer, ptr %afill.{k}")

    def declare_borrowed(self) -> None:
        f = self.f
        for k, name in enumerate(self.borrowed):
            self.borrow_lists[name] = f.alloca(f"%blist.{k}", "ptr")
            f.allocas.append(f"  store ptr null, ptr %blist.{k}")
        if self.borrowed:
            self.work_slot = f.alloca("%bwork", "i64")
            f.allocas.append(f"  store i64 0, ptr {self.work_slot}")
            self.journal_slot = f.alloca("%bjournal", "i1")
            f.allocas.append(f"  store i1 false, ptr {self.journal_slot}")
            self.total_slot = f.alloca("%btotal", "i64")
            f.allocas.append(f"  store i64 0, ptr {self.total_slot}")
        for k, name in enumerate(sorted(self.borrow_written)):
            self.borrow_dirty[name] = f.alloca(f"%bdirty.{k}", "ptr")
            f.allocas.append(f"  store ptr null, ptr %bdirty.{k}")

    def bind_param(self, name: str, arg: str, t: Type) -> None:
        """Parameter `name` gets the argument `arg` (a borrowed list: kept aside until borrow_params)."""
        if name in self.borrowed:
            self.f.emit(f"store ptr {arg}, ptr {self.borrow_lists[name]}")
            return
        self.store_var(name, (arg, t))

    def count_work(self) -> None:
        if self.work_slot:
            self.bump(self.work_slot, 1)

    def borrow_params(self) -> None:
        """Copy the items of each borrowed list into a buffer (an item of another
        type hands the call over).  Two of them the function stores into that
        are the same list hand over too (each buffer would hold its own
        copy).  Called from compiled code, the put-back of a list stored into
        is journaled (a STORE record per changed item): the caller may yet
        hand over, and CPython re-runs it on the lists as they were."""
        if not self.borrowed:
            return
        f, node = self.f, self.u.body[0]
        names = list(self.borrowed)
        lists = {name: f.value(f"load ptr, ptr {self.borrow_lists[name]}") for name in names}
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                if a in self.borrow_written or b in self.borrow_written:
                    self.raise_if(f.value(f"icmp eq ptr {lists[a]}, {lists[b]}"), E.E_DEOPT_VALUE, node, E.ENTRY)
        for other in unborrowed_lists(self.u, self.borrowed):  # (used as a list: it must not be one of ours)
            theirs = self.var_state(other)[1]
            for name in names:
                self.raise_if(f.value(f"icmp eq ptr {lists[name]}, {theirs}"), E.E_DEOPT_VALUE, node, E.ENTRY)
        if self.borrow_written:  # (a compiled frame below: the put-back is journaled)
            cells = self.ctx.cells
            below = 1 if getattr(self, "counts_frames", False) else 0
            depth = f.value(f"load i64, ptr {ptr_const(cells.depth_addr)}")
            # (the one frame below: the native entry CPython called this by, with none under it)
            lone = f.value(f"icmp ne i64 {f.value(f'load i64, ptr {ptr_const(cells.lone_entry_addr)}')}, 0")
            entry_only = f.value(f"and i1 {lone}, {f.value(f'icmp eq i64 {depth}, {below + 1}')}")
            nested = f.value(f"icmp sgt i64 {depth}, {below}")
            apart = f.value(f"xor i1 {entry_only}, true")
            f.emit(f"store i1 {f.value(f'and i1 {nested}, {apart}')}, ptr {self.journal_slot}")
        total = "0"
        for lst in lists.values():
            size = f.value(f"getelementptr i8, ptr {lst}, i64 16")
            total = f.value(f"add i64 {total}, {f.value(f'load i64, ptr {size}')}")
        f.emit(f"store i64 {total}, ptr {self.total_slot}")
        self.predict_waste(total)
        for name in names:
            item = self.arrays[name]
            buf = f.value(f"call ptr {self.need('mj.borrow.' + _KIND[item])}(ptr {lists[name]}, "
                          f"ptr {ptr_const(_TYPE_OF[item])}, ptr {ptr_const(capi.PY_FALSE)})")
            self.raise_if(f.value(f"icmp eq ptr {buf}, null"), E.E_DEOPT_ITEM, node, E.ENTRY)
            n = f.value(f"load i64, ptr {f.value(f'getelementptr i8, ptr {lists[name]}, i64 16')}")
            self.put_var(name, buf)
            f.emit(f"store i64 {n}, ptr {self.array_lens[name]}")
            f.emit(f"store i64 {n}, ptr {self.array_caps[name]}")
            if name in self.borrow_dirty:
                dirty = f.value(f"call ptr {self.need('PyMem_RawCalloc')}(i64 {f.value(f'add i64 {n}, 1')}, i64 1)")
                f.emit(f"store ptr {dirty}, ptr {self.borrow_dirty[name]}")
                self.raise_if(f.value(f"icmp eq ptr {dirty}, null"), E.E_DEOPT_VALUE, node, E.ENTRY)

    def predict_waste(self, total: str) -> None:
        """When the lengths of the function's outer loops are known as it
        starts (frontend/arrays.loop_bounds), a call that will copy more
        than eight items per iteration is a waste foretold: count_waste
        has the function compiled again at its end (a quicksort's partitions
        of a few items of a long list cost the copies of ~3 calls, not 16)."""
        bounds = loop_bounds(self.u, self.borrowed)
        if not bounds:
            return
        f = self.f
        trips = "0"
        for call in bounds:
            args = [self.coerce(self.expr(a), INT) for a in call.args]
            start, stop, step = ("0", args[0], "1") if len(args) == 1 else (
                (args[0], args[1], "1") if len(args) == 2 else tuple(args))
            safe = f.value(f"select i1 {f.value(f'icmp eq i64 {step}, 0')}, i64 1, i64 {step}")
            trips = f.value(f"add i64 {trips}, {range_length(f, start, stop, safe)}")
        room = f.value(f"add i64 {f.value(f'shl i64 {trips}, 3')}, {WASTE_SLACK}")
        self.foretold = f.alloca("%bforetold", "i1")
        f.emit(f"store i1 {f.value(f'icmp ugt i64 {total}, {room}')}, ptr {self.foretold}")

    def give_back(self) -> None:
        """On a return: put the changed items back into the lists stored into
        (a changed float that is a NaN hands over first: CPython's list may
        hold one object twice), and count the call as a waste if it did
        little work for the items it copied."""
        if not self.borrowed:
            return
        f, node = self.f, self.current_stmt or self.u.body[-1]
        for name in self.borrow_written:
            if self.arrays[name] == FLOAT:
                self.raise_if(self.stored_nan(name, on_error=False), E.E_DEOPT_VALUE, node)
        for name in sorted(self.borrow_written):
            buf, n, lst = self.borrowed_parts(name)
            r = self.put_back(name, buf, n, lst, f.value(f"load ptr, ptr {self.borrow_dirty[name]}"))
            self.raise_if(f.value(f"icmp eq i32 {r}, 1"), E.E_PYERR, node)
            self.raise_if(f.value(f"icmp eq i32 {r}, 2"), E.E_DEOPT_JOURNAL, node)
        self.count_waste(node)

    def count_waste(self, node: ast.AST) -> None:
        """A call that copied more than eight items per loop iteration it ran
        (a quicksort's partition of a few items of a long list) is a waste;
        at WASTE_LIMIT of them the function is compiled again, without
        borrowing, and switched in as a promotion is (the runtime's promote)."""
        f = self.f
        total = f.value(f"load i64, ptr {self.total_slot}")
        work = f.value(f"load i64, ptr {self.work_slot}")
        room = f.value(f"add i64 {f.value(f'shl i64 {work}, 3')}, {WASTE_SLACK}")
        wasted, rebuild, done = f.new_label("bwaste"), f.new_label("brebuild"), f.new_label("bworth")
        waste = f.value(f"icmp ugt i64 {total}, {room}")
        cell = ptr_const(ctypes.addressof(self.waste))  # type: ignore[arg-type]
        if self.foretold:
            foretold = f.value(f"load i1, ptr {self.foretold}")
            waste = f.value(f"or i1 {waste}, {foretold}")
        f.cbr(waste, wasted, done)
        f.block(wasted)
        if self.foretold:  # (straight to the limit)
            now = f.value(f"load i64, ptr {cell}")
            least = f.value(f"select i1 {foretold}, i64 {WASTE_LIMIT - 1}, i64 {now}")
            more = f.value(f"icmp sgt i64 {now}, {least}")
            f.emit(f"store i64 {f.value(f'select i1 {more}, i64 {now}, i64 {least}')}, ptr {cell}")
        count = self.bump(cell, 1)
        due = f.value(f"icmp slt i64 {count}, {WASTE_ASKED}")  # (from WASTE_LIMIT on, until asked)
        due = f.value(f"and i1 {due}, {f.value(f'icmp sge i64 {count}, {WASTE_LIMIT}')}")
        counter = self.ctx.cells.recursion_remaining_addr
        if counter:  # (the runtime's Python code needs room: as count_call)
            levels = f.value(f"load i32, ptr {ptr_const(counter)}")
            due = f.value(f"and i1 {due}, {f.value(f'icmp sgt i32 {levels}, {PROMOTE_ROOM}')}")
        f.cbr(due, rebuild, done)
        f.block(rebuild)
        assert self.ctx.rebuild is not None
        promote, spec_id = self.ctx.rebuild()
        f.emit(f"store i64 {WASTE_ASKED}, ptr {cell}")  # (once: a call too deep for it asks again)
        exc = f.value(f"call ptr {ptr_const(promote)}(i64 {spec_id})")
        f.cbr(f.value(f"icmp eq ptr {exc}, null"), done, interrupted := f.new_label("binterrupted"))
        f.block(interrupted)  # a signal handler raised while the runtime compiled: raise it
        f.emit(f"call void {self.need('PyErr_SetObject')}(ptr {self.ob_type(exc)}, ptr {exc})")
        self.raise_if("true", E.E_PYERR, node)
        f.br(done)
        f.block(done)

    def give_back_on_error(self) -> None:
        """On the error exit: unless the call hands over (CPython re-runs it on
        the lists as they were), put the stored items back as they stand, the
        exception kept aside meanwhile.  Where that cannot be done exactly (a
        stored NaN, a record the journal refused) the call hands over
        instead: CPython re-runs it and raises the error itself."""
        if not self.borrow_written:
            return
        f, cells = self.f, self.ctx.cells
        put, done, over = f.new_label("bput"), f.new_label("bdone"), f.new_label("bover")
        f.cbr(self.handing_over(), done, put)
        f.block(put)
        saved = [f.alloca(f.tmp("exc"), "ptr") for _ in range(3)]
        f.emit(f"call void {self.need('PyErr_Fetch')}(ptr {saved[0]}, ptr {saved[1]}, ptr {saved[2]})")
        for name in sorted(self.borrow_written):
            if self.arrays[name] == FLOAT:
                f.cbr(self.stored_nan(name, on_error=True), over, clean := f.new_label("bnonan"))
                f.block(clean)
        for name in sorted(self.borrow_written):
            bound, buf = self.var_state(name, on_error=True)
            lst = f.value(f"load ptr, ptr {self.borrow_lists[name]}")
            n = f.value(f"load i64, ptr {self.array_lens[name]}")
            dirty = f.value(f"load ptr, ptr {self.borrow_dirty[name]}")
            yes, no = f.new_label("bgive"), f.new_label("bgiven")
            f.cbr(f.value(f"and i1 {bound}, {f.value(f'icmp ne ptr {dirty}, null')}"), yes, no)
            f.block(yes)
            refused = f.value(f"icmp eq i32 {self.put_back(name, buf, n, lst, dirty)}, 2")
            f.cbr(refused, over, no)
            f.block(no)
        f.emit(f"call void {self.need('PyErr_Restore')}(" + ", ".join(
            f"ptr {f.value(f'load ptr, ptr {slot}')}" for slot in saved) + ")")
        f.br(done)
        f.block(over)  # the error becomes a hand-over: its exception (if any) dropped
        for slot in saved:
            f.emit(f"call void {self.need('Py_DecRef')}(ptr {f.value(f'load ptr, ptr {slot}')})")
        f.emit(f"store i64 {E.E_DEOPT_VALUE}, ptr {ptr_const(cells.err_code_addr)}")
        f.br(done)
        f.block(done)

    def stored_nan(self, name: str, on_error: bool) -> str:
        """i1: is an item the function stored into the float list `name` a NaN?"""
        f = self.f
        bound, buf = self.var_state(name, on_error)
        dirty = f.value(f"load ptr, ptr {self.borrow_dirty[name]}")
        n = f.value(f"load i64, ptr {self.array_lens[name]}")
        ready = f.value(f"and i1 {bound}, {f.value(f'icmp ne ptr {dirty}, null')}")
        n = f.value(f"select i1 {ready}, i64 {n}, i64 0")  # (not borrowed yet: nothing to look at)
        return f.value(f"call i1 {self.need('mj.bnan')}(ptr {buf}, ptr {dirty}, i64 {n})")

    def borrowed_parts(self, name: str) -> tuple[str, str, str]:
        """(buffer, length, list) of a borrowed name."""
        f = self.f
        return (f.value(f"load ptr, ptr {self.var_slots[name]}"),
                f.value(f"load i64, ptr {self.array_lens[name]}"),
                f.value(f"load ptr, ptr {self.borrow_lists[name]}"))

    def put_back(self, name: str, buf: str, n: str, lst: str, dirty: str) -> str:
        """mj.bput's 0, 1 (a Python exception set) or 2 (the journal refused a record)."""
        f, item = self.f, self.arrays[name]
        cells, true, bits = self.journal_args()
        journaled = f.value(f"load i1, ptr {self.journal_slot}")
        return f.value(f"call i32 {self.need('mj.bput.' + _KIND[item])}(ptr {lst}, ptr {buf}, ptr {dirty}, i64 {n}, "
                       f"ptr {ptr_const(_TYPE_OF[item])}, ptr {ptr_const(capi.PY_FALSE)}, i1 {journaled}, "
                       f"{cells}, {true}, {bits})")

    def release_var(self, name: str, on_error: bool = False) -> None:
        if name not in self.arrays:
            super().release_var(name, on_error)
            return
        if name in self.borrow_dirty:
            self.f.emit(f"call void {self.need('PyMem_RawFree')}(ptr {self.f.value(f'load ptr, ptr {self.borrow_dirty[name]}')})")
        bound, data = self.var_state(name, on_error)
        held = self.f.value(f"select i1 {bound}, ptr {data}, ptr null")
        self.f.emit(f"call void {self.need('PyMem_RawFree')}(ptr {held})")

    # -- name = [v] * n, list(range(...)), other[:] ------------------------------------
    def array_assign(self, s: ast.Assign) -> bool:
        """Make the array a statement binds; False for any other statement."""
        if len(s.targets) != 1 or (name := self.array_of(s.targets[0])) is None:
            return False
        made = made_from(s.value, self.u, self.array_types[name], self.array_types)
        assert made is not None
        how, e = made
        if isinstance(e, ast.ListComp):
            data, count = self.array_grid(name, e)
        elif isinstance(e, ast.BinOp):
            data, count = self.array_repeat(name, e)
        elif isinstance(e, ast.Call):
            data, count = self.array_range(name, e)
        else:
            assert how == "copy" and isinstance(e, ast.Subscript)
            data, count = self.array_copy(name, e)
        self.bind_array(name, data, count)
        return True

    def bind_array(self, name: str, data: str, count: str) -> None:
        """The name holds `data` (the buffer it held is freed, unless reused)."""
        f = self.f
        bound, old = self.var_state(name)
        stale = f.value(f"and i1 {bound}, {f.value(f'icmp ne ptr {old}, {data}')}")
        f.emit(f"call void {self.need('PyMem_RawFree')}(ptr {f.value(f'select i1 {stale}, ptr {old}, ptr null')})")
        self.put_var(name, data)
        f.emit(f"store i64 {count}, ptr {self.array_lens[name]}")

    def array_alloc(self, name: str, count: str, zeroed: bool, node: ast.AST) -> str:
        """A buffer for `count` items: the one the name holds when it is large
        enough (a `perm = perm1[:]` per round of a loop allocates nothing),
        else a new one (zeroed if asked)."""
        f, width = self.f, _WIDTH[self.arrays[name]]
        bound, old = self.var_state(name)
        cap = f.value(f"load i64, ptr {self.array_caps[name]}")
        fits = f.value(f"and i1 {bound}, {f.value(f'icmp ule i64 {count}, {cap}')}")
        reuse, fresh, done = f.new_label("areuse"), f.new_label("anew"), f.new_label("abuf")
        f.cbr(fits, reuse, fresh)
        f.block(reuse)
        if zeroed:
            size = f.value(f"mul i64 {count}, {width}")
            f.emit(f"call void {self.need('memset') and '@llvm.memset.p0.i64'}(ptr {old}, i8 0, i64 {size}, "
                   "i1 false)")
        f.br(done)
        f.block(fresh)
        self.raise_if(f.value(f"icmp ugt i64 {count}, {MAX_ITEMS}"), E.E_DEOPT_VALUE, node)
        if zeroed:
            new = f.value(f"call ptr {self.need('PyMem_RawCalloc')}(i64 {count}, i64 {width})")
        else:
            new = f.value(f"call ptr {self.need('PyMem_RawMalloc')}(i64 {f.value(f'mul i64 {count}, {width}')})")
        self.raise_if(f.value(f"icmp eq ptr {new}, null"), E.E_DEOPT_VALUE, node)
        f.emit(f"store i64 {count}, ptr {self.array_caps[name]}")
        fresh_end = f.open()
        f.br(done)
        f.block(done)
        return f.value(f"phi ptr [{old}, %{reuse}], [{new}, %{fresh_end}]")

    def array_repeat(self, name: str, e: ast.BinOp) -> tuple[str, str]:
        """`[v] * n` or `n * [v]`."""
        item = self.arrays[name]
        v, n = self.repeat_values(e, item)
        count = self.f.value(f"select i1 {self.f.value(f'icmp slt i64 {n}, 0')}, i64 0, i64 {n}")
        zeroed = _zero(_repeat_parts(e)[0])
        data = self.array_alloc(name, count, zeroed, e)
        self.fill_with(data, count, item, v, zeroed)
        self.set_fill(name, v)
        return data, count

    def repeat_values(self, e: ast.BinOp, item: Type) -> tuple[str, str]:
        """(v, n) of `[v] * n` or `n * [v]`, evaluated in source order."""
        v_node, n_node = _repeat_parts(e)
        if e.left is n_node:
            n = self.coerce(self.expr(n_node), INT)
            return self.coerce(self.expr(v_node), item), n
        v = self.coerce(self.expr(v_node), item)
        return v, self.coerce(self.expr(n_node), INT)

    def fill_with(self, data: str, count: str, item: Type, v: str, zeroed: bool) -> None:
        f = self.f
        if zeroed:
            return
        if item == BOOL:
            byte = f.value(f"zext i1 {v} to i8")
            f.emit(f"call void {self.need('memset') and '@llvm.memset.p0.i64'}(ptr {data}, i8 {byte}, "
                   f"i64 {count}, i1 false)")
        else:
            self.fill(data, count, _LLVM[item], lambda _: v)

    def array_grid(self, name: str, e: ast.ListComp) -> tuple[str, str]:
        """`[[v] * m for _ in range(n)]`: n rows of m items in one buffer.  v and
        m are evaluated once, and only if there is a row (CPython: once per row;
        they only compute, frontend/arrays.py)."""
        f, item = self.f, self.arrays[name]
        gen = e.generators[0]
        assert isinstance(gen.iter, ast.Call) and isinstance(e.elt, ast.BinOp)
        n = self.coerce(self.expr(gen.iter.args[0]), INT)
        rows = f.value(f"select i1 {f.value(f'icmp slt i64 {n}, 0')}, i64 0, i64 {n}")
        v_slot, m_slot = f.alloca(f.tmp("gridv"), item.llvm), f.alloca(f.tmp("gridm"), "i64")
        some, none, done = f.new_label("grows"), f.new_label("gempty"), f.new_label("gsized")
        f.cbr(f.value(f"icmp ne i64 {rows}, 0"), some, none)
        f.block(some)
        v, m = self.repeat_values(e.elt, item)
        f.emit(f"store {item.llvm} {v}, ptr {v_slot}")
        f.emit(f"store i64 {m}, ptr {m_slot}")
        f.br(done)
        f.block(none)
        f.emit(f"store {item.llvm} zeroinitializer, ptr {v_slot}")
        f.emit(f"store i64 0, ptr {m_slot}")
        f.br(done)
        f.block(done)
        v, m = f.value(f"load {item.llvm}, ptr {v_slot}"), f.value(f"load i64, ptr {m_slot}")
        cols = f.value(f"select i1 {f.value(f'icmp slt i64 {m}, 0')}, i64 0, i64 {m}")
        per = f.value(f"select i1 {f.value(f'icmp eq i64 {cols}, 0')}, i64 1, i64 {cols}")
        self.raise_if(f.value(f"icmp ugt i64 {rows}, {f.value(f'udiv i64 {MAX_ITEMS}, {per}')}"), E.E_DEOPT_VALUE, e)
        count = f.value(f"mul i64 {rows}, {cols}")
        zeroed = _zero(_repeat_parts(e.elt)[0])
        data = self.array_alloc(name, count, zeroed, e)
        self.fill_with(data, count, item, v, zeroed)
        self.set_fill(name, v)
        f.emit(f"store i64 {cols}, ptr {self.array_cols[name]}")
        return data, rows

    def array_range(self, name: str, e: ast.Call) -> tuple[str, str]:
        """`list(range(...))`: start + i * step for each i below the range's length."""
        f, call = self.f, e.args[0]
        assert isinstance(call, ast.Call)
        args = [self.coerce(self.expr(a), INT) for a in call.args]
        start, stop, step = ("0", args[0], "1") if len(args) == 1 else (
            (args[0], args[1], "1") if len(args) == 2 else tuple(args))
        self.raise_if(f.value(f"icmp eq i64 {step}, 0"), E.E["range_step_zero"], call)
        count = range_length(f, start, stop, step)
        data = self.array_alloc(name, count, False, e)
        self.fill(data, count, "i64", lambda i: f.value(f"add i64 {start}, {f.value(f'mul i64 {i}, {step}')}"))
        self.set_fill(name, None)
        return data, count

    def array_copy(self, name: str, e: ast.Subscript) -> tuple[str, str]:
        """`a[:]` of an array: a buffer of the same items (memmove: `a = a[:]`
        copies a buffer onto itself)."""
        f, item = self.f, self.arrays[name]
        assert isinstance(e.value, ast.Name)
        src = self.expr(e.value)[0]
        count = f.value(f"load i64, ptr {self.array_lens[e.value.id]}")
        data = self.array_alloc(name, count, False, e)
        size = f.value(f"mul i64 {count}, {_WIDTH[item]}")
        f.emit(f"call void {self.need('memmove') and '@llvm.memmove.p0.p0.i64'}(ptr {data}, ptr {src}, "
               f"i64 {size}, i1 false)")
        if name in self.array_fills:  # (the copy shares the source's item objects in CPython)
            has, fill = self.array_fills[e.value.id]
            ty = self.arrays[name].llvm
            f.emit(f"store i1 {f.value(f'load i1, ptr {has}')}, ptr {self.array_fills[name][0]}")
            f.emit(f"store {ty} {f.value(f'load {ty}, ptr {fill}')}, ptr {self.array_fills[name][1]}")
        return data, count

    def set_fill(self, name: str, v: str | None) -> None:
        if name in self.array_fills:
            has, fill = self.array_fills[name]
            self.f.emit(f"store i1 {'false' if v is None else 'true'}, ptr {has}")
            if v is not None:
                self.f.emit(f"store {self.arrays[name].llvm} {v}, ptr {fill}")

    def fill(self, data: str, count: str, ty: str, value: Callable[[str], str]) -> None:
        """Store value(i) at each index i below `count`."""
        f = self.f
        self.each_index(count, lambda i: f.emit(
            f"store {ty} {value(i)}, ptr {f.value(f'getelementptr {ty}, ptr {data}, i64 {i}')}"))

    # -- name[i], len(name) ---------------------------------------------------------
    def array_slot(self, name: str, data: str, index: str, node: ast.AST, code: int, rows: bool = False) -> str:
        """Address of item `index` of an array, or of row `index` of a grid, or
        (`rows`: `data` is a row of the grid `name`) of item `index` of that
        row, after Python's index rules (IndexError `code`)."""
        f = self.f
        n = f.value(f"load i64, ptr {(self.array_cols if rows else self.array_lens)[name]}")
        neg = f.value(f"icmp slt i64 {index}, 0")
        i = f.value(f"select i1 {neg}, i64 {f.value(f'add i64 {index}, {n}')}, i64 {index}")
        self.raise_if(f.value(f"icmp uge i64 {i}, {n}"), code, node)
        if name in self.grids and not rows:
            i = f.value(f"mul i64 {i}, {f.value(f'load i64, ptr {self.array_cols[name]}')}")
        return f.value(f"getelementptr {_LLVM[self.arrays[name]]}, ptr {data}, i64 {i}")

    def list_get(self, lst: Value, index: Value, node: ast.AST) -> Value:
        if not isinstance(node, ast.Subscript):  # (random.choice(lst): a list, not an array)
            return super().list_get(lst, index, node)
        name, grid = self.array_of(node.value), self.grid_of(node.value)
        if name in self.grids:  # g[i]: a row, as the address of its first item
            return self.array_slot(name, lst[0], self.coerce(index, INT), node, E.E["list_index"]), \
                self.u.types[node]
        if name is None and grid is None:
            return super().list_get(lst, index, node)
        owner = name or grid
        assert owner is not None
        item = self.arrays[owner]
        slot = self.array_slot(owner, lst[0], self.coerce(index, INT), node, E.E["list_index"], rows=grid is not None)
        return self.load_item(item, slot), item

    def load_item(self, item: Type, slot: str) -> str:
        """The item at `slot` of an array of `item`s, as compiled code holds it (a bool: i1)."""
        v = self.f.value(f"load {_LLVM[item]}, ptr {slot}")
        return self.f.value(f"trunc i8 {v} to i1") if item == BOOL else v

    def item_at(self, item: Type, data: str, i: str) -> str:
        """load_item of item `i` of the buffer `data`."""
        return self.load_item(item, self.f.value(f"getelementptr {_LLVM[item]}, ptr {data}, i64 {i}"))

    def list_set(self, lst: Value, index: Value, v: Value, node: ast.AST) -> None:
        assert isinstance(node, ast.Subscript)
        owner = self.array_of(node.value) or self.grid_of(node.value)
        if owner is None:
            super().list_set(lst, index, v, node)
            return
        item = self.arrays[owner]
        slot = self.array_slot(owner, lst[0], self.coerce(index, INT), node, E.E["list_assign_index"],
                               rows=owner in self.grids)
        value = self.coerce(v, item)
        if item == BOOL:
            value = self.f.value(f"zext i1 {value} to i8")
        self.f.emit(f"store {_LLVM[item]} {value}, ptr {slot}")
        if owner in self.borrow_dirty:  # (its byte: the put-back makes a new object, as the store would)
            f = self.f
            at = f.value(f"sub i64 {f.value(f'ptrtoint ptr {slot} to i64')}, {f.value(f'ptrtoint ptr {lst[0]} to i64')}")
            if _WIDTH[item] == 8:
                at = f.value(f"lshr i64 {at}, 3")
            dirty = f.value(f"load ptr, ptr {self.borrow_dirty[owner]}")
            f.emit(f"store i8 1, ptr {f.value(f'getelementptr i8, ptr {dirty}, i64 {at}')}")

    def builtin(self, name: str, args: list[Value], node: ast.AST, t: Type) -> str:
        if name == "len" and isinstance(node, ast.Call) and node.args:
            if (array := self.array_of(node.args[0])) is not None:
                return self.f.value(f"load i64, ptr {self.array_lens[array]}")
            if (grid := self.grid_of(node.args[0])) is not None:  # len(g[i]) (i checked)
                return self.f.value(f"load i64, ptr {self.array_cols[grid]}")
        return super().builtin(name, args, node, t)  # type: ignore[no-any-return]

    def call(self, node: ast.Call, t: Type) -> Value:
        info = self.u.calls[node]
        if info.kind == "pycall" and info.name in REDUCTIONS and node.args:
            arg = node.args[0]
            if (name := self.array_of(arg)) is not None:
                return self.reduce(info.name, name, node), t
            if isinstance(arg, ast.Subscript) and (name := self.array_of(arg.value)) is not None \
                    and reduced_slice(arg, node, self.u):
                return self.reduce(info.name, name, node, arg.slice), t  # type: ignore[arg-type]
        return super().call(node, t)  # type: ignore[no-any-return]

    def reduce(self, how: str, name: str, node: ast.Call, part: ast.Slice | None = None) -> str:
        """sum / min / max of an array (or of its slice `part`: its items
        between the bounds Python's slice takes), as CPython's builtins go:
        sum adds from int 0 (a float array from 0.0; an int sum leaving 64
        bits hands over), max keeps the first item unless a later one is
        greater (min: less), which decides among NaNs as CPython does.  No
        items hands over but for an int sum (0): CPython's sum of no floats
        is the int 0, and its min/max raise."""
        f, item = self.f, self.arrays[name]
        arg = node.args[0]
        data = self.expr(arg.value if part is not None else arg)[0]  # type: ignore[attr-defined]
        count = f.value(f"load i64, ptr {self.array_lens[name]}")
        if part is not None:  # (the bounds evaluated in order, then wrapped and clamped as PyList_GetSlice)
            bounds = [None if b is None else self.expr(b) for b in (part.lower, part.upper)]
            lo, hi = (f.value(f"select i1 {f.value(f'icmp slt i64 {e}, {count}')}, i64 {e}, i64 {count}")
                      for e in self.slice_ends_of(count, bounds))
            data = f.value(f"getelementptr {_LLVM[item]}, ptr {data}, i64 {lo}")
            below = f.value(f"icmp slt i64 {hi}, {lo}")
            count = f.value(f"sub i64 {hi}, {f.value(f'select i1 {below}, i64 {hi}, i64 {lo}')}")
        if how != "sum" or item == FLOAT:  # (an int sum of nothing is the int 0, as CPython's)
            self.raise_if(f.value(f"icmp eq i64 {count}, 0"), E.E_DEOPT_VALUE, node)
        acc_ty = "double" if item == FLOAT else "i64"
        acc = f.alloca(f.tmp("acc"), acc_ty)

        def at(i: str) -> str:  # (a bool as an int: sum counts, max compares them so)
            x = self.item_at(item, data, i)
            return f.value(f"zext i1 {x} to i64") if item == BOOL else x

        if how == "sum":
            f.emit(f"store {acc_ty} {'0.0' if item == FLOAT else '0'}, ptr {acc}")
            start = "0"
        else:
            f.emit(f"store {acc_ty} {at('0')}, ptr {acc}")
            start = "1"

        def step(i: str) -> None:
            x = at(i)
            cur = f.value(f"load {acc_ty}, ptr {acc}")
            if how == "sum" and item == FLOAT:
                new = f.value(f"fadd double {cur}, {x}")
            elif how == "sum":
                new = self.overflow_op("sadd", cur, x, node)
            else:
                op = ("fcmp ogt" if how == "max" else "fcmp olt") if item == FLOAT else \
                    ("icmp sgt" if how == "max" else "icmp slt")
                new = f.value(f"select i1 {f.value(f'{op} {acc_ty} {x}, {cur}')}, {acc_ty} {x}, {acc_ty} {cur}")
            f.emit(f"store {acc_ty} {new}, ptr {acc}")

        self.each_index(count, step, start)
        result = f.value(f"load {acc_ty}, ptr {acc}")
        if item == BOOL and how != "sum":
            return f.value(f"trunc i64 {result} to i1")
        return result

    # -- return name ------------------------------------------------------------------
    def returned(self, e: ast.expr) -> Value:
        """The value `return e` gives: an array becomes a new list of its items
        (a temp: the return takes its own reference)."""
        name = self.array_of(e)
        if name is None:
            return self.expr(e)  # type: ignore[attr-defined, no-any-return]
        f, item = self.f, self.arrays[name]
        data = self.load_var(name, e)[0]
        rows = f.value(f"load i64, ptr {self.array_lens[name]}")
        if name not in self.grids:
            return self.items_list(data, rows, item, e, name), self.u.types[e]
        outer = self.new_list(rows)
        cols = f.value(f"load i64, ptr {self.array_cols[name]}")
        shared = self.shared_fill(name)

        def row(r: str) -> None:
            start = f.value(f"getelementptr {_LLVM[item]}, ptr {data}, i64 {f.value(f'mul i64 {r}, {cols}')}")
            lst = self.new_list(cols, owner=outer, at=r)
            self.fill_list(lst, start, cols, item, e, shared)

        self.each_index(rows, row)
        return outer, self.u.types[e]

    def new_list(self, n: str, owner: str | None = None, at: str = "") -> str:
        """PyList_New(n): a temp, or (`owner`) put at once into item `at` of
        `owner`, which releases it on an error exit."""
        f = self.f
        lst = f.value(f"call ptr {self.need('PyList_New')}(i64 {n})")
        self.raise_pyerr_if_null(lst)
        if owner is None:
            return self.temp(lst)
        items = f.value(f"load ptr, ptr {f.value(f'getelementptr i8, ptr {owner}, i64 24')}")
        f.emit(f"store ptr {lst}, ptr {f.value(f'getelementptr ptr, ptr {items}, i64 {at}')}")
        return lst

    def items_list(self, data: str, n: str, item: Type, node: ast.AST, name: str) -> str:
        lst = self.new_list(n)
        self.fill_list(lst, data, n, item, node, self.shared_fill(name))
        return lst

    def shared_fill(self, name: str) -> tuple[str, str, str] | None:
        """(filled?, fill value, its object): `[1000] * n` holds one object n
        times in CPython, and the items still equal to it share one object
        again (10**7 floats made one each took 7x python3's time and 5.6x its
        memory).  The object is a temp: the return takes its own references."""
        if name not in self.array_fills:
            return None
        f, t = self.f, self.arrays[name]
        has_slot, fill_slot = self.array_fills[name]
        has, fill = f.value(f"load i1, ptr {has_slot}"), f.value(f"load {t.llvm}, ptr {fill_slot}")
        obj = self.box((fill, t))
        self.raise_pyerr_if_null(obj)
        return has, fill, self.temp(obj)

    def fill_list(self, lst: str, data: str, n: str, item: Type, node: ast.AST,
                  shared: tuple[str, str, str] | None) -> None:
        """Box the `n` items at `data` into the new list `lst` (an item equal
        to the fill value, bit for bit, gets its `shared` object).  A NaN hands
        over: CPython's list holds the object it made, which `x in lst` finds
        by identity."""
        f = self.f
        items = f.value(f"load ptr, ptr {f.value(f'getelementptr i8, ptr {lst}, i64 24')}")

        def one(i: str) -> None:
            v = self.item_at(item, data, i)
            if item == BOOL:
                obj = self.box((v, BOOL))
            else:
                if item == FLOAT:
                    self.raise_if(f.value(f"fcmp uno double {v}, 0.0"), E.E_DEOPT_VALUE, node)
                obj = self.box_shared(v, item, shared) if shared is not None else self.box_new(v, item)
            f.emit(f"store ptr {obj}, ptr {f.value(f'getelementptr ptr, ptr {items}, i64 {i}')}")

        self.each_index(n, one)

    def box_new(self, v: str, item: Type) -> str:
        obj = self.box_int_cached(v) if item == INT and capi.SMALL_INTS is not None else self.box((v, item))
        self.raise_pyerr_if_null(obj)
        return obj

    def box_shared(self, v: str, item: Type, shared: tuple[str, str, str]) -> str:
        f = self.f
        has, fill, obj = shared
        bits = (lambda x: f.value(f"bitcast double {x} to i64")) if item == FLOAT else (lambda x: x)
        same = f.value(f"and i1 {has}, {f.value(f'icmp eq i64 {bits(v)}, {bits(fill)}')}")
        yes, no, done = f.new_label("bshared"), f.new_label("bnew"), f.new_label("bdone")
        f.cbr(same, yes, no)
        f.block(yes)
        self.incref(obj)
        f.br(done)
        f.block(no)
        new = self.box_new(v, item)
        no_end = f.open()
        f.br(done)
        f.block(done)
        return f.value(f"phi ptr [{obj}, %{yes}], [{new}, %{no_end}]")

    def element_moves(self, s: ast.Assign) -> bool:
        """(items of arrays are values: the plain reads and stores serve them)"""
        for node in ast.walk(s):
            if isinstance(node, ast.Subscript) and self.array_of(node.value) is not None:
                return False
        return super().element_moves(s)


def _zero(v: ast.expr) -> bool:
    """A constant whose bytes are all zero (0, 0.0 but not -0.0, False)."""
    return isinstance(v, ast.Constant) and isinstance(v.value, int | float) and v.value == 0 \
        and math.copysign(1.0, v.value) > 0


def range_length(f: FunctionText, start: str, stop: str, step: str) -> str:
    """len(range(start, stop, step)) as an unsigned i64 (exact over all i64)."""
    up = f.value(f"icmp sgt i64 {step}, 0")
    lo = f.value(f"select i1 {up}, i64 {start}, i64 {stop}")
    hi = f.value(f"select i1 {up}, i64 {stop}, i64 {start}")
    stride = f.value(f"select i1 {up}, i64 {step}, i64 {f.value(f'sub i64 0, {step}')}")
    span = f.value(f"sub i64 {f.value(f'sub i64 {hi}, {lo}')}, 1")  # hi - lo - 1, unsigned
    n = f.value(f"add i64 {f.value(f'udiv i64 {span}, {stride}')}, 1")
    return f.value(f"select i1 {f.value(f'icmp sgt i64 {hi}, {lo}')}, i64 {n}, i64 0")


def _repeat_parts(e: ast.BinOp) -> tuple[ast.expr, ast.expr]:
    """(v, n) of `[v] * n` or `n * [v]`."""
    one, n = (e.left, e.right) if isinstance(e.left, ast.List) else (e.right, e.left)
    assert isinstance(one, ast.List)
    return one.elts[0], n
