"""emit_function / emit_statement: one typed unit -> one LLVM module (IR text).

A function specialization `fib(int)` becomes

    define i64 @"fib.3"(i64 %n)          ; native code, called by compiled callers

and, in a module of their own made when CPython first calls it (pipeline.py
build_entries), its entries for CPython, which call it through its slot:

    define ptr @"fib.3.entry"(ptr %a0)   ; for the dispatcher, through ctypes
    define ptr @"fib.3.native"(...)      ; METH_FASTCALL (codegen/emit_native.py)

and a top-level statement becomes `define ptr @"stmt.7"()`, which keeps the
globals it assigns in locals (read at entry, written back at exit and around
calls) and returns the value to echo (REPL) or None.
"""

from __future__ import annotations

import ast
from collections.abc import Set as AbstractSet
from typing import Any

from modjit.codegen.emit_base import EmitContext, counts_frames, list_parts
from modjit.codegen.emit_stmt import EmitStmt
from modjit.codegen.helpers_ir import HELPERS, SHARED
from modjit.codegen.irtext import ptr_const
from modjit.errors import Unsupported
from modjit.frontend.comprehensions import is_hidden
from modjit.frontend.infer import UnitTypes
from modjit.frontend.types import BOOL, FLOAT, INT, NONE, ListType, Type
from modjit.runtime import errors as E
from modjit.runtime.journal import JOURNAL_CAP
from modjit.runtime.memory import PROMOTE_ROOM, STACK_BAND

ATTRS = "nounwind"
_GLOBAL_KIND = {INT: "i64", FLOAT: "f64", BOOL: "i1"}  # globals written and read by helpers

class FrameCounting(EmitStmt):
    """A unit that calls functions is a frame to CPython's recursion limit, as
    the Python frame it stands for: it counts on CPython's own recursion
    counter as _Py_EnterRecursiveCall does (so RecursionError comes at
    python3's depth and with its message) and gives it back on every way out.  It also raises
    RecursionError when the C stack is nearly used up (a limit raised by
    sys.setrecursionlimit), rather than overflow it.  It counts in the
    runtime's compiled-frame cell too: replaced code is freed only when no
    compiled frame is below (calls into CPython can reach the runtime)."""

    _entered: str | None = None  # i1 slot: did CPython's counter let this frame in?
    _held: str | None = None  # i32 slot: recursion levels comprehensions hold now
    in_comprehension = 0  # (emitting a comprehension's loop)

    @property
    def counts_frames(self) -> bool:
        return counts_frames(self.u)

    def enter_frame(self) -> None:
        if not self.counts_frames:  # (a leaf's level is checked where it is called: leaf_check)
            return
        f, cells = self.f, self.ctx.cells
        self.add_depth(1)
        refused = self.recursion_enter()
        self._entered = f.alloca("%frame.entered", "i1")
        f.emit(f"store i1 {f.value(f'xor i1 {refused}, true')}, ptr {self._entered}")
        self.raise_if(refused, E.E_PYERR, self.u.body[0], E.ENTRY)  # CPython set its RecursionError
        here = f.value(f"ptrtoint ptr {f.alloca('%stack.mark', 'i8')} to i64")
        below = f.value(f"sub i64 {f.value(f'load i64, ptr {ptr_const(cells.floor_addr)}')}, {here}")
        self.raise_if(f.value(f"icmp ult i64 {below}, {STACK_BAND}"), E.E["recursion"], self.u.body[0], E.ENTRY)
        if self.u.mode == "function":  # recursion has no back-edge to poll Ctrl-C at
            self.poll_every(ptr_const(cells.calls_addr), self.u.body[0])

    def comprehension_frame(self, loop: ast.stmt, levels: int = 1) -> None:
        """Run a comprehension's loop (a list comprehension, or a generator
        expression consumed by sum/any/...) as CPython runs it: in a frame of
        its own, one recursion level more, held while its items are computed
        when they call anything (a recursive `[size(c) for c in kids]` gets
        half python3's depth), else only checked.  (`levels` 2: any/all, C
        functions CPython 3.11's specialised call counts a level for too.)"""
        if not self.counts_frames:  # (in a leaf function, on top of its own frame's level)
            self.recursion_check(loop, levels=levels + (self.u.mode == "function"))
            self.stmt(loop)
            return
        f = self.f
        if self._held is None:  # (levels held by comprehensions running now: the error path gives them back)
            self._held = f.alloca("%comp.levels", "i32")
            f.allocas.append(f"  store i32 0, ptr {self._held}")
        for _ in range(levels):
            refused = self.recursion_enter()
            self.raise_if(refused, E.E_PYERR, loop)  # CPython set its RecursionError
            self.hold(1)
        self.in_comprehension += 1  # (no restart from inside: the levels it holds)
        self.stmt(loop)
        self.in_comprehension -= 1
        self.hold(-levels)
        self.recursion_leave(levels)

    def hold(self, delta: int) -> None:
        assert self._held is not None
        now = self.f.value(f"load i32, ptr {self._held}")
        self.f.emit(f"store i32 {self.f.value(f'add i32 {now}, {delta}')}, ptr {self._held}")

    def leave_frame(self, error: bool = False) -> None:
        """On the way out; `error`: on the error path, which a refused frame takes too."""
        if not self.counts_frames:
            return
        f = self.f
        self.add_depth(-1)
        if not error:
            self.recursion_leave()
            return
        if self._held is not None:  # levels of comprehensions the error left
            self.recursion_give_back(f.value(f"load i32, ptr {self._held}"))
        leave, done = f.new_label("leave"), f.new_label("left")
        f.cbr(f.value(f"load i1, ptr {self._entered}"), leave, done)
        f.block(leave)
        self.recursion_leave()
        f.br(done)
        f.block(done)


class FunctionEmitter(FrameCounting):
    """A function specialization.  Functions that call compiled functions count
    their frames, so runaway recursion raises RecursionError as on CPython
    instead of overflowing the native stack."""

    def return_stmt(self, s: ast.Return) -> None:
        t = self.u.return_type
        if s.value is None:
            self.give_back()
            self.release_temps_on_exit()
            self.release_all_vars()
            self.leave_frame()
            self.f.term(f"ret {t.llvm} false" if t == NONE else f"ret {t.llvm} poison")
            return
        v = self.coerce(self.returned(s.value), t)
        self.check_kept((v, t), s.value)  # (`f(a) in a` finds a[0] by identity)
        self.give_back()
        for item in list_parts(v, t, self.f):
            self.incref(item)  # the caller receives a new reference to each list
        self.release_temps_on_exit()
        self.release_all_vars()
        self.leave_frame()
        self.f.term(f"ret {t.llvm} {v}")

    restart_marks: tuple[str, str, str] | None = None  # slots: journal count, queue length, effects at entry

    def count_iteration(self) -> None:
        heat = self.ctx.heat
        if heat is None:
            return
        h1 = self.bump(ptr_const(heat.cell), 1)
        if self.restart_marks is not None and not self.in_comprehension:
            self.restart_when_hot(h1)

    def mark_restart(self) -> None:
        """Baseline code with loops, first compiled for a call whose loops may
        run long: where its frame starts, what a restart undoes back to."""
        heat, f, cells = self.ctx.heat, self.f, self.ctx.cells
        if heat is None or not heat.restart:
            return
        marks = (f.alloca("%restart.mark", "i64"), f.alloca("%restart.queued", "i64"),
                 f.alloca("%restart.effects", "i64"))
        queue = self.obj_const(self.ctx.print_queue.items)
        values = (f.value(f"load i64, ptr {ptr_const(cells.journal.count_addr)}"),
                  f.value(f"load i64, ptr {f.value(f'getelementptr i8, ptr {queue}, i64 16')}"),
                  f.value(f"load i64, ptr {ptr_const(cells.effects_addr)}"))
        for slot, v in zip(marks, values, strict=True):
            f.emit(f"store i64 {v}, ptr {slot}")
        self.restart_marks = marks

    def restart_when_hot(self, h1: str) -> None:
        """At a back-edge, once the heat reaches the threshold: promote, and if
        the optimised code is in and nothing this call did is out of reach
        of an undo (output printed for good, a journal past its cap before
        the call, random draws from before the frame), leave as a return
        would but for putting borrowed lists back, undo the call's list
        changes and queued prints, and run the call again in the optimised
        code.  (A function first called with loops of unknown length starts
        in baseline code, 2-4 ms to compile against 9 at O2: exercises of a
        few thousand iterations each spent most of their time compiling.)"""
        heat, f, cells = self.ctx.heat, self.f, self.ctx.cells
        assert heat is not None and self.restart_marks is not None
        mark, queued, effects = self.restart_marks
        hot, cold = f.new_label("rhot"), f.new_label("rcold")
        due = f.value(f"icmp sge i64 {h1}, {heat.threshold}")
        counter = cells.recursion_remaining_addr
        if counter:  # (room for the runtime's Python code: as count_call)
            room = f.value(f"load i32, ptr {ptr_const(counter)}")
            due = f.value(f"and i1 {due}, {f.value(f'icmp sgt i32 {room}, {PROMOTE_ROOM}')}")
        f.cbr(due, hot, cold)
        f.block(hot)
        exc = f.value(f"call ptr {ptr_const(heat.promote)}(i64 {heat.spec_id})")
        promoted, interrupted = f.new_label("promoted"), f.new_label("rinterrupted")
        f.cbr(f.value(f"icmp eq ptr {exc}, null"), promoted, interrupted)
        f.block(interrupted)  # a signal handler raised while the runtime compiled: raise it here
        f.emit(f"call void {self.need('PyErr_SetObject')}(ptr {self.ob_type(exc)}, ptr {exc})")
        self.raise_code(E.E_PYERR, None)
        f.block(promoted)
        spec = self.ctx.self_spec
        target = f.value(f"load ptr, ptr {ptr_const(self.ctx.slot_of(spec))}")
        moved = f.value(f"icmp ne ptr {target}, @\"{self.ctx.symbol_of(spec)}\"")
        m = f.value(f"load i64, ptr {mark}")
        undoable = f.value(f"icmp ult i64 {m}, {JOURNAL_CAP}")
        same = f.value(f"icmp eq i64 {f.value(f'load i64, ptr {ptr_const(cells.effects_addr)}')}, "
                       f"{f.value(f'load i64, ptr {effects}')}")
        # the random generator's state is journaled once per call from CPython (mj.draw):
        # drawn from in that call before this frame began, its state at the frame's start
        # is nowhere to be had back
        jr = cells.journal
        rng_at = f.value(f"load i64, ptr {ptr_const(jr.rng_at_addr)}")
        entry = f.value(f"load i64, ptr {ptr_const(cells.entry_mark_addr)}")
        earlier = f.value(f"and i1 {f.value(f'icmp sge i64 {rng_at}, {entry}')}, "
                          f"{f.value(f'icmp slt i64 {rng_at}, {m}')}")
        same = f.value(f"and i1 {same}, {f.value(f'xor i1 {earlier}, true')}")
        go = f.value(f"and i1 {moved}, {f.value(f'and i1 {undoable}, {same}')}")
        again = f.new_label("restart")
        f.cbr(go, again, cold)
        f.block(again)
        # (no give_back: a borrowed list's changes are in its buffer alone, and the
        # restart is to leave the list as it was; put back, they were not journaled
        # where the call came from CPython, and stayed)
        self.release_temps_on_exit()
        self.release_all_vars()
        self.leave_frame()
        f.emit(f"call void {ptr_const(heat.restart)}(i64 {m}, i64 {f.value(f'load i64, ptr {queued}')})")
        rt = self.u.return_type
        args = ", ".join(f"{t.llvm} %a{i}" for i, t in enumerate(self.u.param_types))
        r = f.value(f"call {rt.llvm} {target}({args})")
        f.term(f"ret {rt.llvm} {r}")
        f.block(cold)

    def count_call(self) -> None:
        """Baseline code: count this call; at the threshold, ask to be promoted
        (the runtime compiles optimised code and switches the slot; this
        activation finishes in baseline code)."""
        heat = self.ctx.heat
        if heat is None:
            return
        f = self.f
        h1 = self.bump(ptr_const(heat.cell), 1)
        hot, cold = f.new_label("hot"), f.new_label("cold")
        due = f.value(f"icmp sge i64 {h1}, {heat.threshold}")
        counter = self.ctx.cells.recursion_remaining_addr
        if counter:  # not within PROMOTE_ROOM levels of the recursion limit: the runtime's
            # Python code could not even start (CPython would print "Exception ignored")
            room = f.value(f"load i32, ptr {ptr_const(counter)}")
            due = f.value(f"and i1 {due}, {f.value(f'icmp sgt i32 {room}, {PROMOTE_ROOM}')}")
        f.cbr(due, hot, cold)
        f.block(hot)
        exc = f.value(f"call ptr {ptr_const(heat.promote)}(i64 {heat.spec_id})")
        f.cbr(f.value(f"icmp eq ptr {exc}, null"), cold, interrupted := f.new_label("interrupted"))
        f.block(interrupted)  # a signal handler raised while the runtime compiled: raise it
        f.emit(f"call void {self.need('PyErr_SetObject')}(ptr {self.ob_type(exc)}, ptr {exc})")
        self.error_used = True  # (out at once: the frame is not entered yet)
        self.store_error(E.E_PYERR, self.site(self.u.body[0], E.ENTRY))
        self.release_all_vars()
        f.term(f"ret {self.u.return_type.llvm} poison")
        f.block(cold)

    def emit(self, symbol: str, linkage: str = "", attrs: str = ATTRS) -> str:
        u = self.u
        for name, t in u.locals.items():
            self.declare_var(name, t, bound=False)
        self.declare_borrowed()
        for i, (p, t) in enumerate(zip(u.params, u.param_types, strict=True)):
            # typed like any assignment: the local may be wider (int|float) than
            # the argument, and a list parameter owns a reference like other locals
            self.bind_param(p, f"%a{i}", t)
        self.count_call()
        self.enter_frame()
        self.borrow_params()
        self.mark_restart()
        self.block_stmts(u.body)
        rt = u.return_type
        if not self.f.terminated:
            self.current_stmt = u.body[-1]
            self.give_back()
            self.release_all_vars()
            self.leave_frame()
            self.f.term(f"ret {rt.llvm} {'false' if rt == NONE else 'poison'}")
        self.emit_raise_pad()
        self.f.block("error")
        self.error_label = "error.final"
        self.give_back_on_error()
        self.release_all_vars(on_error=True)
        self.leave_frame(error=True)
        self.f.br("error.final")
        self.f.block("error.final")
        self.f.term(f"ret {rt.llvm} poison")
        params = ", ".join(f"{t.llvm} %a{i}" for i, t in enumerate(u.param_types))
        return self.f.render(f'define {linkage}{rt.llvm} @"{symbol}"({params}) {attrs}')


def emit_entry(u: UnitTypes, symbol: str, ctx: EmitContext, slot: int) -> str:
    """`ptr entry(ptr...)`: CPython calls this through ctypes with the GIL held.
    It calls the specialization through its slot, so it serves every tier."""
    e = EmitStmt(u, ctx)
    args = []
    for i, t in enumerate(u.param_types):
        args.append(f"{t.llvm} {e.unbox(f'%a{i}', t, None, checked=False)}")
    rt = u.return_type
    target = e.f.value(f"load ptr, ptr {ptr_const(slot)}")
    e.recursion_leave(DISPATCH_LEVELS)  # the dispatcher's levels are not the program's
    r = e.f.value(f'call {rt.llvm} {target}({", ".join(args)})')
    e.recursion_recount(DISPATCH_LEVELS)
    e.check_error()
    return_boxed(e, r, rt)
    e.emit_raise_pad()
    e.f.block("error")
    _error_return(e)
    params = ", ".join(f"ptr %a{i}" for i in range(len(u.param_types)))
    return e.f.render(f'define ptr @"{symbol}.entry"({params}) {ATTRS}')


# CPython counts, for a call of a function's stand-in that reaches this entry,
# the call of the stand-in (its type's __call__), the dispatcher's two Python
# frames (call_python, call_spec) and the ctypes call; the function's code
# then counts its own frame, as the one frame python3 would count.
DISPATCH_LEVELS = 4


def return_boxed(e: EmitStmt, r: str, rt: Type) -> None:
    """Return the native result `r` to CPython as a new reference."""
    if isinstance(rt, ListType):
        e.f.term(f"ret ptr {r}")
        return
    obj = e.box((r, rt))
    for item in list_parts(r, rt, e.f):
        e.decref(item)  # the tuple now holds its own reference
    e.f.term(f"ret ptr {obj}")


def _error_return(e: EmitStmt) -> None:
    """Python exception set: clear the cell, return NULL (ctypes raises it).
    Otherwise return the sentinel; the dispatcher reads the cell."""
    f, cells = e.f, e.ctx.cells
    code = f.value(f"load i64, ptr {ptr_const(cells.err_code_addr)}")
    pyerr, ours = f.new_label("pyerr"), f.new_label("ours")
    f.cbr(f.value(f"icmp eq i64 {code}, {E.E_PYERR}"), pyerr, ours)
    f.block(pyerr)
    f.emit(f"store i64 0, ptr {ptr_const(cells.err_code_addr)}")
    f.term("ret ptr null")
    f.block(ours)
    f.emit(f"call void {e.need('Py_IncRef')}(ptr {ptr_const(e.ctx.sentinel)})")
    f.term(f"ret ptr {ptr_const(e.ctx.sentinel)}")


class StatementEmitter(FrameCounting):
    """A top-level statement; assigned globals live in locals while it runs.

    `i32 stmt()` returns 0, or 1 with the error cell set (or a Python exception,
    which ctypes raises). No Python object crosses back: a no-op unit is a `ret`."""

    def __init__(self, unit: UnitTypes, ctx: EmitContext, interactive: bool) -> None:
        super().__init__(unit, ctx)
        self.interactive = interactive
        self.echo: tuple[str, Type] | None = None

    def shadowed(self, name: str, t: Type) -> bool:
        return self.ctx.inline_refcounts and (isinstance(t, ListType) or not is_hidden(name))  # (written back)

    def expression_statement(self, s: ast.Expr) -> None:
        v = self.expr(s.value)
        if not self.interactive or v[1] == NONE:
            return  # None is not echoed
        if s is not self.u.body[0]:
            # the REPL echoes every value of an expression statement in a block
            raise Unsupported("an expression statement inside a block echoes its values "
                              "(runs on CPython in the REPL)", s, self.u.filename)
        self.echo = (self.box(v), NONE)  # boxed now: a temp dies with its statement

    def flush_globals(self, final: bool = False, only: AbstractSet[str] | None = None) -> None:
        """Write the statement's cached globals back (`final`: on the way out
        with an exception, where no new hand-over may start; `only`: those
        of these names)."""
        for name in self.cached_globals(only):
            f = self.f
            bound, v = self.var_state(name, on_error=final)
            yes, no = f.new_label("flush"), f.new_label("flushed")
            f.cbr(bound, yes, no)
            f.block(yes)
            t = self.u.locals[name]
            if not final:
                self.check_kept((v, t))
            kind = _GLOBAL_KIND.get(t)
            if kind is None:
                self.store_global(name, (v, t), effect=False)  # undone from a snapshot on hand-over
            else:  # (out of line: helpers_ir.GLOBAL_HELPERS)
                f.emit(f"call void {self.need('mj.gput.' + kind)}(ptr {self.obj_const(self.ctx.namespace)}, "
                       f"ptr {self.obj_const(_interned(name))}, {t.llvm} {v})")
            f.br(no)
            f.block(no)

    def cached_globals(self, only: AbstractSet[str] | None) -> list[str]:
        """The globals the statement keeps in locals (of `only`, unless None)."""
        return [name for name in self.u.locals if not is_hidden(name) and (only is None or name in only)]

    def reload_globals(self, only: AbstractSet[str] | None = None) -> None:
        for name in self.cached_globals(only):
            f = self.f
            key = self.ctx.keep(_interned(name))
            ns = self.ctx.keep(self.ctx.namespace)
            t = self.u.locals[name]
            present, absent, done = f.new_label("load"), f.new_label("noload"), f.new_label("loaded")
            kind = _GLOBAL_KIND.get(t)
            if kind is None:
                obj = f.value(f"call ptr {self.need('PyDict_GetItem')}(ptr {ptr_const(ns)}, ptr {ptr_const(key)})")
                f.cbr(f.value(f"icmp ne ptr {obj}, null"), present, absent)
                f.block(present)
                self.store_var(name, (self.unbox(obj, t, None), t))
            else:  # (out of line: helpers_ir.GLOBAL_HELPERS)
                got = f.value(f"call {{{t.llvm}, i32}} {self.need('mj.gget.' + kind)}(ptr {ptr_const(ns)}, "
                              f"ptr {ptr_const(key)})")
                status = f.value(f"extractvalue {{{t.llvm}, i32}} {got}, 1")
                self.raise_if(f.value(f"icmp eq i32 {status}, 2"), E.E_DEOPT_TYPE, None)
                self.raise_if(f.value(f"icmp eq i32 {status}, 3"), E.E_DEOPT_OVERFLOW, None)
                f.cbr(f.value(f"icmp eq i32 {status}, 0"), present, absent)
                f.block(present)
                self.put_var(name, f.value(f"extractvalue {{{t.llvm}, i32}} {got}, 0"))
            f.br(done)
            f.block(absent)
            if isinstance(t, ListType):
                self.release_var(name)
            self.unbind_var(name)
            f.br(done)
            f.block(done)

    def before_call(self, callee: Any = None) -> None:
        """Only the globals a compiled callee can see are written back (where
        it runs no code of the program's on CPython: resolve.callee_globals):
        a top-level loop calling `sq(a)` wrote every global it cached
        (boxed into the namespace) before each call and read them all back
        after, 1.7x python3's time (the loop inside a function: 0.35x).
        Those it may rebind are left unbound here during the call: read
        back after it, and on an error out of it not written over the
        callee's binding."""
        seen, rebound = self.callee_globals(callee)
        self.flush_globals(only=seen)
        for name in self.cached_globals(rebound or frozenset()):
            if isinstance(self.u.locals[name], ListType):
                self.release_var(name)
            self.unbind_var(name)

    def after_call(self, callee: Any = None) -> None:
        seen, rebound = self.callee_globals(callee)
        self.reload_globals(only=None if seen is None else rebound)

    def emit(self, symbol: str) -> str:
        u, f = self.u, self.f
        for name, t in u.locals.items():
            self.declare_var(name, t, bound=False)
        self.current_stmt = u.body[0]  # (checks outside any one statement, as the final write-back)
        self.enter_frame()  # (as the <module> frame CPython would run it in)
        if u.preloaded & _read_names(u.body):
            self.reload_globals()
        self.block_stmts(u.body)
        self.flush_globals()
        self.release_all_vars()
        if self.echo is not None:  # a REPL expression: its value goes to the echo cell
            f.emit(f"store ptr {self.echo[0]}, ptr {ptr_const(self.ctx.echo_cell)}")
        self.leave_frame()
        f.term("ret i32 0")
        if not self.error_used:
            return f.render(f'define i32 @"{symbol}"() {ATTRS}')
        self.emit_raise_pad()
        f.block("error")
        skip, flush = f.new_label("noflush"), f.new_label("errflush")
        f.cbr(self.handing_over(), skip, flush)
        f.block(flush)
        self.error_label = "error.final"  # a failing flush must not loop back here
        self.flush_globals(final=True)
        f.br(skip)
        f.block(skip)
        self.release_all_vars(on_error=True)
        skip = f.new_label("released")
        f.br(skip)
        f.block(skip)
        f.br("error.final")
        f.block("error.final")
        self.leave_frame(error=True)
        f.term("ret i32 1")  # the error cell says what; a Python exception is raised by ctypes
        return f.render(f'define i32 @"{symbol}"() {ATTRS}')


def _read_names(body: list[ast.stmt]) -> set[str]:
    """Names the statement reads (an augmented assignment reads its target)."""
    names = set()
    for node in ast.walk(ast.Module(body, [])):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            names.add(node.id)
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names


def _interned(name: str) -> str:
    from modjit.codegen.emit_expr import _intern

    return _intern(name)


def assemble(functions: list[str], ctx: EmitContext) -> str:
    """A module: declarations, the helpers used, then the unit's functions."""
    parts = sorted(ctx.declarations)
    parts += [SHARED.get(h) or HELPERS[h] for h in sorted(ctx.helpers)]
    parts += functions
    return "\n".join(parts) + "\n"
