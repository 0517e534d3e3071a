"""The emitter's shared machinery: variables, raising, effects, boxing, unboxing.

A value during emission is a pair (LLVM operand text, Type).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable
from typing import Any

from modjit.codegen.helpers_ir import HELPER_NEEDS, INTRINSICS
from modjit.codegen.irtext import FunctionText, float_literal, ptr_const
from modjit.frontend.infer import UnitTypes
from modjit.frontend.types import BOOL, BOTTOM, FLOAT, INT, NONE, ListType, TupleType, Type
from modjit.runtime import capi
from modjit.runtime import errors as E
from modjit.runtime.memory import TB_SITES, SharedCells

Value = tuple[str, Type]
RAISE_PAD = "raisepad"


class HeatCounter:
    """Baseline code counts its calls and loop iterations in `cell`; a call that
    finds the count at `threshold` or more calls `promote(spec_id)` (runtime)."""

    __slots__ = ("cell", "promote", "spec_id", "threshold", "restart")

    def __init__(self, cell: int, promote: int, spec_id: int, threshold: int, restart: int = 0) -> None:
        self.cell = cell
        self.promote = promote  # address of `PyObject *promote(i64)` (a raised KeyboardInterrupt, or NULL)
        self.spec_id = spec_id
        self.threshold = threshold
        # address of `void undo(i64 journal_mark, i64 queued)` (runtime): a loop's
        # back-edge reaching the threshold promotes, undoes the call and runs it
        # again in the promoted code; 0: the call finishes in baseline code
        self.restart = restart


_ENTER = "Py_EnterRecursiveCall"


class EmitContext:
    """What code generation needs from the runtime (addresses it may bake in)."""

    def __init__(self, *, cells: SharedCells, site: Callable[[E.Site], int],
                 keep: Callable[[object], int], namespace: dict[str, Any], sentinel: int,
                 print_queue: Any, echo_cell: int, slot_of: Callable[[Any], int],
                 symbol_of: Callable[[Any], str], self_spec: Any = None,
                 inline_floats: bool = False, thread: int = 0) -> None:
        self.cells = cells
        self.thread = thread  # the ident of the one thread that runs compiled code
        self.site = site
        self.keep = keep  # keeps an object alive; returns its address
        self.namespace = namespace
        self.sentinel = sentinel
        self.print_queue = print_queue  # runtime.output.PrintQueue
        self.echo_cell = echo_cell  # where a REPL expression statement leaves its value (a new reference)
        self.slot_of = slot_of  # the slot address of a callee specialization
        self.symbol_of = symbol_of  # the LLVM symbol of a specialization
        self.self_spec = self_spec
        self.direct_self = True  # False: self-calls go through the slot (baseline code, copies)
        self.inline_symbols: dict[Any, str] = {}  # callee spec -> private copy
        self.slot_callees: set[Any] = set()  # specializations the code calls through their slots
        self.heat: HeatCounter | None = None
        # () -> (address of the runtime's promote, the id it knows the specialization by):
        # compile it again (a function that borrowed lists for too little work)
        self.rebuild: Callable[[], tuple[int, int]] | None = None
        self.inline_floats = inline_floats  # False: float literals live in the shared pool
        # True (optimised code): a release is inline, calling _Py_Dealloc only
        # at zero; run-once code keeps the smaller Py_DecRef call
        self.inline_refcounts = False
        self.declarations: set[str] = set()
        self.helpers: set[str] = set()


class EmitBase:
    def __init__(self, unit: UnitTypes, ctx: EmitContext) -> None:
        self.u = unit
        self.ctx = ctx
        self.f = FunctionText()
        self.loops: list[tuple[str, str]] = []  # (continue label, break label)
        # (global name, type) -> slots of the namespace version and the value last read
        self.global_reads: dict[tuple[str, Type], tuple[str, str]] = {}
        self.loop_nodes: set[int] | None = None  # ids of the nodes inside the unit's loops
        self.error_label = "error"
        self.var_slots: dict[str, str] = {}
        self.flag_slots: dict[str, str] = {}
        self.shadow_slots: dict[str, tuple[str, str]] = {}  # name -> (flag, value) for the error exit
        # Locals certainly bound where code is being emitted: a read of one
        # needs no unbound check (an UnboundLocalError raise edge per read was
        # a sixth of a subscript-heavy function's IR).  Only in functions: a
        # statement's locals are globals, which a call into CPython may delete.
        self.bound: set[str] = set()
        self.tracks_bound = unit.mode == "function"
        self.loop_bound: list[set[str]] = []  # `bound` as each enclosing loop began
        self.interrupt_slot = ""
        self.error_used = False  # the error exit is emitted only when something can raise
        self.raise_edges: list[tuple[int, int, str]] = []  # (code, site, block) into the raise pad
        # new references (e.g. a list built by an expression) released when their statement ends
        self.temps: list[str] = []
        # blocks releasing temps on the way to the error exit, shared by every raise
        # with the same live temps: temps -> label, and those still to emit
        self._release_chains: dict[tuple[str, ...], str] = {}
        self._chains_to_emit: list[tuple[str, tuple[str, ...]]] = []
        self.comp_lists: list[tuple[str, Type]] = []  # lists being built by comprehensions

    # -- declarations ---------------------------------------------------
    def need(self, name: str) -> str:
        """Declare C API / libm function `name`; returns its LLVM name."""
        if name in capi.C_API:
            self.ctx.declarations.add(capi.C_API[name])
        elif name in capi.LIBM:
            self.ctx.declarations.add(capi.LIBM[name])
        elif name in INTRINSICS:
            self.ctx.declarations.add(INTRINSICS[name])
        else:
            self.ctx.helpers.add(name)
            for dep in HELPER_NEEDS.get(name, ()):
                self.need(dep)
        return f"@{name}" if not name.startswith("mj.") else f"@{name}"

    # -- sites and raising ---------------------------------------------------
    # the expression and statement being emitted: where a check without a node
    # points (a C API call that failed: CPython's traceback marks the expression)
    current_expr: ast.expr | None = None
    current_stmt: ast.stmt | None = None

    def site(self, node: ast.AST | None, name: str = "") -> int:
        if node is None:
            node = self.current_expr or self.current_stmt
        line = getattr(node, "lineno", 0) or 0
        col = (getattr(node, "col_offset", 0) or 0) + 1
        end_line, end_col = getattr(node, "end_lineno", 0) or 0, getattr(node, "end_col_offset", 0) or 0
        return self.ctx.site(E.Site(self.u.filename, line, col, self.u.name, name, end_line, end_col))

    def raise_code(self, code: int, node: ast.AST | None, name: str = "") -> None:
        """Leave through the error exit with (code, site) stored in the error cell."""
        self.error_used = True
        site = self.site(node, name)
        if self.error_label != "error":  # already on the error path: store and leave
            self.store_error(code, site)
            self.f.br(self.error_label)
            return
        if self.temps:
            self.store_error(code, site)
            self.f.br(self.release_chain(tuple(self.temps)))
            return
        self.raise_edges.append((code, site, self.f.open()))
        self.f.br(RAISE_PAD)

    def release_chain(self, temps: tuple[str, ...]) -> str:
        """The block that releases `temps` (newest first) and goes on to the
        error exit.  Raises with the same live temps share it, and a chain
        shares its tail with shorter ones: each raise had released every live
        temp inline, and a statement holding many (nested calls and
        comprehensions) grew quadratically, 518 _Py_Dealloc calls in one unit."""
        if not temps:
            return "error"
        label = self._release_chains.get(temps)
        if label is None:
            label = self._release_chains[temps] = self.f.new_label("release")
            self._chains_to_emit.append((label, temps))
        return label

    def emit_release_chains(self) -> None:
        """Each block decrefs its newest temp and goes on to the chain of the
        others (dominated by all of them: every way in holds them all)."""
        while self._chains_to_emit:
            label, temps = self._chains_to_emit.pop()
            self.f.block(label)
            self.decref(temps[-1])
            self.f.br(self.release_chain(temps[:-1]))

    def raise_if(self, cond: str, code: int, node: ast.AST | None, name: str = "") -> None:
        if self.error_label != "error" or self.temps:  # (temps: released on the way out)
            bad, ok = self.f.new_label("raise"), self.f.new_label("ok")
            self.f.cbr(cond, bad, ok)
            self.f.block(bad)
            self.raise_code(code, node, name)
            self.f.block(ok)
            return
        self.error_used = True
        ok = self.f.new_label("ok")
        self.raise_edges.append((code, self.site(node, name), self.f.open()))
        self.f.cbr(cond, RAISE_PAD, ok)
        self.f.block(ok)

    def emit_raise_pad(self) -> None:
        """The one block every raise branches to, choosing (code, site) by phi:
        a block per raise site, each storing two constants, made code generation
        (instruction selection works block by block) markedly slower."""
        self.emit_release_chains()
        if not self.raise_edges:
            return
        f = self.f
        f.block(RAISE_PAD)
        codes = ", ".join(f"[{c}, %{b}]" for c, _, b in self.raise_edges)
        sites = ", ".join(f"[{s}, %{b}]" for _, s, b in self.raise_edges)
        self.store_error(f.value(f"phi i64 {codes}"), f.value(f"phi i64 {sites}"))
        f.br("error")

    # -- CPython's recursion counter (compiled frames count as its frames do) --
    def recursion_enter(self) -> str:
        """i1: was this frame refused (CPython then set its RecursionError)?
        What _Py_EnterRecursiveCall does: count down, and past the limit ask
        CPython itself (which also catches up with a limit raised meanwhile)."""
        f, counter = self.f, self.ctx.cells.recursion_remaining_addr
        nowhere = ptr_const(capi.NOWHERE)
        if not counter:
            return f.value(f"icmp ne i32 {f.value(f'call i32 {self.need(_ENTER)}(ptr {nowhere})')}, 0")
        left = f.value(f"load i32, ptr {ptr_const(counter)}")
        f.emit(f"store i32 {f.value(f'sub i32 {left}, 1')}, ptr {ptr_const(counter)}")
        start, ask, done = f.open(), f.new_label("limit"), f.new_label("entered")
        f.cbr(f.value(f"icmp sle i32 {left}, 0"), ask, done)
        f.block(ask)
        f.emit(f"store i32 {left}, ptr {ptr_const(counter)}")
        status = f.value(f"call i32 {self.need(_ENTER)}(ptr {nowhere})")
        refused = f.value(f"icmp ne i32 {status}, 0")
        f.br(done)
        f.block(done)
        return f.value(f"phi i1 [false, %{start}], [{refused}, %{ask}]")

    def recursion_leave(self, levels: int = 1) -> None:
        """Give `levels` levels back (_Py_LeaveRecursiveCall)."""
        self._recursion_add(levels, "Py_LeaveRecursiveCall", "call void {fn}()")

    def recursion_recount(self, levels: int) -> None:
        """Take back `levels` levels given back before calling compiled code.
        This cannot be refused: the depth is back where it was when CPython
        let them in, and the limit cannot have been lowered below a depth in
        use meanwhile (sys.setrecursionlimit refuses)."""
        self._recursion_add(-levels, _ENTER, f"call i32 {{fn}}(ptr {ptr_const(capi.NOWHERE)})")

    def recursion_check(self, node: ast.AST, name: str = "", levels: int = 1) -> None:
        """Raise CPython's RecursionError here if `levels` more frames would pass the limit.
        Inline only a load and a compare (nothing stored: a leaf inlined into a
        hot loop costs next to nothing); near the limit, CPython is asked."""
        f = self.f
        counter = self.ctx.cells.recursion_remaining_addr
        if counter:
            left = f.value(f"load i32, ptr {ptr_const(counter)}")
            near, clear = f.new_label("nearlimit"), f.new_label("belowlimit")
            f.cbr(f.value(f"icmp slt i32 {left}, {levels}"), near, clear)
            f.block(near)
            self._recursion_ask(node, name, levels)
            f.br(clear)
            f.block(clear)
            return
        self._recursion_ask(node, name, levels)

    def _recursion_ask(self, node: ast.AST, name: str, levels: int) -> None:
        f = self.f
        for k in range(levels):
            refused = self.recursion_enter()
            bad, ok = f.new_label("refused"), f.new_label("admitted")
            f.cbr(refused, bad, ok)
            f.block(bad)
            if k:
                self.recursion_leave(k)  # (the levels admitted before this one)
            self.raise_code(E.E_PYERR, node, name)
            f.block(ok)
        self.recursion_leave(levels)

    def leaf_check(self, node: ast.AST) -> None:
        """A call of a leaf function (one that calls nothing, so counts no level
        of its own) is a frame to CPython all the same: at its first run in
        this activation (the depth here is the same at every run), check for
        its level; the call's line is where python3's RecursionError points."""
        f = self.f
        done = f.alloca(f.tmp("leafchecked"), "i1")
        f.allocas.append(f"  store i1 false, ptr {done}")
        check, skip = f.new_label("leafcheck"), f.new_label("leafchecked")
        f.cbr(f.value(f"load i1, ptr {done}"), skip, check)
        f.block(check)
        self.recursion_check(node)
        f.emit(f"store i1 true, ptr {done}")
        f.br(skip)
        f.block(skip)

    def recursion_give_back(self, levels: str) -> None:
        """Give back a number of levels known only at run time (i32 `levels`)."""
        f, counter = self.f, self.ctx.cells.recursion_remaining_addr
        if counter:
            left = f.value(f"load i32, ptr {ptr_const(counter)}")
            f.emit(f"store i32 {f.value(f'add i32 {left}, {levels}')}, ptr {ptr_const(counter)}")
            return
        self.each_index(f.value(f"sext i32 {levels} to i64"),
                        lambda _: f.emit(f"call void {self.need('Py_LeaveRecursiveCall')}()"))

    def _recursion_add(self, delta: int, fn: str, call: str) -> None:
        f, counter = self.f, self.ctx.cells.recursion_remaining_addr
        if not counter:
            for _ in range(abs(delta)):
                f.emit(call.format(fn=self.need(fn)))
            return
        left = f.value(f"load i32, ptr {ptr_const(counter)}")
        f.emit(f"store i32 {f.value(f'add i32 {left}, {delta}')}, ptr {ptr_const(counter)}")

    def add_depth(self, delta: int) -> str:
        """Adjust the count of compiled frames on the stack; returns the new count."""
        return self.bump(ptr_const(self.ctx.cells.depth_addr), delta)

    def bump(self, cell: str, delta: int) -> str:
        """Add `delta` to the i64 counter at `cell`; returns the new count."""
        n = self.f.value(f"add i64 {self.f.value(f'load i64, ptr {cell}')}, {delta}")
        self.f.emit(f"store i64 {n}, ptr {cell}")
        return n

    def store_error(self, code: int | str, site: int | str) -> None:
        """A new error: its (code, site), and no call sites passed yet."""
        cells = self.ctx.cells
        self.f.emit(f"store i64 {code}, ptr {ptr_const(cells.err_code_addr)}")
        self.f.emit(f"store i64 {site}, ptr {ptr_const(cells.err_site_addr)}")
        self.f.emit(f"store i64 0, ptr {ptr_const(cells.tb_count_addr)}")

    def handing_over(self) -> str:
        """i1: does the error cell hold a hand-over (a code of E.DEOPT_CODES, one range)?"""
        f = self.f
        code = f.value(f"load i64, ptr {ptr_const(self.ctx.cells.err_code_addr)}")
        return f.value(f"icmp ult i64 {f.value(f'sub i64 {code}, {min(E.DEOPT_CODES)}')}, {len(E.DEOPT_CODES)}")

    def check_error(self, call: ast.AST | None = None) -> None:
        """After a call that may have raised: leave if the error cell is set,
        noting the `call` site for the traceback."""
        f = self.f
        code = f.value(f"load i64, ptr {ptr_const(self.ctx.cells.err_code_addr)}")
        bad = f.value(f"icmp ne i64 {code}, 0")
        out, ok = f.new_label("propagate"), f.new_label("ok")
        f.cbr(bad, out, ok)
        f.block(out)
        if call is not None:
            self.note_call_site(call)
        self.error_used = True
        if self.error_label == "error":
            self.f.br(self.release_chain(tuple(self.temps)))
        else:
            self.f.br(self.error_label)
        self.f.block(ok)

    def note_call_site(self, call: ast.AST) -> None:
        """Append `call`'s site to the traceback cells (past TB_SITES, to the
        spare slot): count += 1; sites[min(count, TB_SITES)] = site."""
        f, count_addr = self.f, ptr_const(self.ctx.cells.tb_count_addr)
        n = f.value(f"load i64, ptr {count_addr}")
        f.emit(f"store i64 {f.value(f'add i64 {n}, 1')}, ptr {count_addr}")
        index = f.value(f"select i1 {f.value(f'icmp ult i64 {n}, {TB_SITES}')}, i64 {n}, i64 {TB_SITES}")
        slot = f.value(f"getelementptr i64, ptr {ptr_const(self.ctx.cells.tb_sites_addr)}, i64 {index}")
        f.emit(f"store i64 {self.site(call)}, ptr {slot}")

    def raise_pyerr_if_null(self, obj: str) -> None:
        self.raise_if(self.f.value(f"icmp eq ptr {obj}, null"), E.E_PYERR, None)

    # -- constants ----------------------------------------------------------
    def float_const(self, value: float) -> str:
        if self.ctx.inline_floats:
            return float_literal(value)
        return self.f.value(f"load double, ptr {ptr_const(self.ctx.cells.float_const(value))}")

    def obj_const(self, obj: object) -> str:
        return ptr_const(self.ctx.keep(obj))

    # -- variables ----------------------------------------------------------
    # Variables the error exit reads (a function's lists, to release them; a
    # statement's cached globals, to write them back) are also kept in volatile
    # shadow slots, which the error exit reads instead: read from the registers
    # (after SROA), each such variable was a phi over every raise site at the
    # shared raise pad, and a function of 10 list loops spent 0.8 s in code
    # generation on 24 phis of 250 edges each (a store per assignment instead).
    # Only optimised code (inline refcounts: the opt and hot tiers, copies) has
    # its variables put in registers; run-once and light code keeps them in
    # memory, where the error exit reads them as they are.
    def shadowed(self, name: str, t: Type) -> bool:
        return self.ctx.inline_refcounts and isinstance(t, ListType)

    def declare_var(self, name: str, t: Type, bound: bool) -> None:
        slot = self.f.alloca(f"%v.{_ident(name)}", t.llvm)
        flag = self.f.alloca(f"%d.{_ident(name)}", "i1")
        self.var_slots[name] = slot
        self.flag_slots[name] = flag
        self.f.allocas.append(f"  store i1 {'true' if bound else 'false'}, ptr {flag}")
        if not bound:  # no undef in a phi of it after SROA: with inline releases, the
            # quick list's NewGVN took a loop's phi(undef, x) for x and released
            # the list a variable held before as the one it had just taken
            self.f.allocas.append(f"  store {t.llvm} zeroinitializer, ptr {slot}")
        if self.shadowed(name, t):
            shadow = self.f.alloca(f"%sv.{_ident(name)}", t.llvm)
            shadow_flag = self.f.alloca(f"%sd.{_ident(name)}", "i1")
            self.shadow_slots[name] = (shadow_flag, shadow)
            self.f.allocas.append(f"  store volatile i1 {'true' if bound else 'false'}, ptr {shadow_flag}")
            if not bound:
                self.f.allocas.append(f"  store volatile {t.llvm} zeroinitializer, ptr {shadow}")

    def store_var(self, name: str, v: Value) -> None:
        t = self.u.locals[name]
        val = self.coerce(v, t)
        if isinstance(t, ListType):  # a list variable owns a reference
            self.incref(val)
            self.release_var(name)
        self.put_var(name, val)

    def put_var(self, name: str, val: str) -> None:
        """`name` is bound to `val` (its slot, flag and shadow slots), nothing else done."""
        t = self.u.locals[name]
        self.f.emit(f"store {t.llvm} {val}, ptr {self.var_slots[name]}")
        self.f.emit(f"store i1 true, ptr {self.flag_slots[name]}")
        if name in self.shadow_slots:
            shadow_flag, shadow = self.shadow_slots[name]
            self.f.emit(f"store volatile {t.llvm} {val}, ptr {shadow}")
            self.f.emit(f"store volatile i1 true, ptr {shadow_flag}")
        if self.tracks_bound:
            self.bound.add(name)

    def unbind_var(self, name: str) -> None:
        self.f.emit(f"store i1 false, ptr {self.flag_slots[name]}")
        if name in self.shadow_slots:
            self.f.emit(f"store volatile i1 false, ptr {self.shadow_slots[name][0]}")

    def var_state(self, name: str, on_error: bool = False) -> tuple[str, str]:
        """(bound flag, value) of `name`; `on_error`: from its shadow slots."""
        f, t = self.f, self.u.locals[name]
        if on_error and name in self.shadow_slots:
            flag, slot = self.shadow_slots[name]
            return (f.value(f"load volatile i1, ptr {flag}"), f.value(f"load volatile {t.llvm}, ptr {slot}"))
        return (f.value(f"load i1, ptr {self.flag_slots[name]}"),
                f.value(f"load {t.llvm}, ptr {self.var_slots[name]}"))

    def release_var(self, name: str, on_error: bool = False) -> None:
        """Drop the reference a bound list variable holds (no-op if unbound)."""
        f = self.f
        bound, value = self.var_state(name, on_error)
        yes, no = f.new_label("rel"), f.new_label("reldone")
        f.cbr(bound, yes, no)
        f.block(yes)
        self.decref(value)
        f.br(no)
        f.block(no)

    def release_all_vars(self, on_error: bool = False) -> None:
        for name, t in self.u.locals.items():
            if isinstance(t, ListType):
                self.release_var(name, on_error)

    def release_temps(self, mark: int = 0) -> None:
        for obj in self.temps[mark:]:
            self.decref(obj)
        del self.temps[mark:]

    def release_temps_on_exit(self) -> None:
        """On a way out of the function (return): release every live temp, which
        stay live on the other paths (a loop's list, released where the loop ends
        normally: releasing it here for good leaked it there, once per loop)."""
        for obj in self.temps:
            self.decref(obj)

    def branch_value(self, node: ast.expr, t: Type) -> str:
        """`node` evaluated in a branch of a conditional expression: what it made
        is released within the branch (the statement's end is not dominated by
        it); the lists in its value are kept by a reference of their own, which
        the merged value's temps take over (see merged_value)."""
        mark = len(self.temps)
        v = self.coerce(self.expr(node), t)  # type: ignore[attr-defined]
        for part in list_parts(v, t, self.f):
            self.incref(part)
        self.release_temps(mark)
        return v

    def merged_value(self, v: str, t: Type) -> str:
        for part in list_parts(v, t, self.f):
            self.temp(part)
        return v

    def temp(self, obj: str) -> str:
        """Register a new reference produced by an expression."""
        self.temps.append(obj)
        return obj

    def incref(self, obj: str, nullable: bool = False) -> None:
        """A new reference to `obj`: ob_refcnt += 1 inline (CPython 3.11 has no
        immortal objects); Py_IncRef where `obj` may be NULL."""
        if nullable:
            self.f.emit(f"call void {self.need('Py_IncRef')}(ptr {obj})")
            return
        refs = self.f.value(f"load i64, ptr {obj}")
        self.f.emit(f"store i64 {self.f.value(f'add i64 {refs}, 1')}, ptr {obj}")

    def load_var(self, name: str, node: ast.AST) -> Value:
        t = self.u.locals[name]
        if name not in self.u.params and name not in self.bound:
            bound = self.f.value(f"load i1, ptr {self.flag_slots[name]}")
            unbound = self.f.value(f"xor i1 {bound}, true")
            code = E.E["unbound_local"] if self.u.mode == "function" else E.E["name_error"]
            if code == E.E["unbound_local"] and getattr(node, "mj_free", False):
                code = E.E["unbound_free"]  # (a comprehension's scope reads the function's variable)
            self.raise_if(unbound, code, node, name)
        return self.f.value(f"load {t.llvm}, ptr {self.var_slots[name]}"), t

    # -- conversions ----------------------------------------------------------
    def coerce(self, v: Value, to: Type) -> str:
        text, t = v
        if t == to or (isinstance(t, ListType) and isinstance(to, ListType)):
            return text
        if to.name == "int|float":
            return self.num_make(v)  # type: ignore[attr-defined]
        if t.name == "int|float" and to == FLOAT:
            return self.num_as_float(v)[0]  # type: ignore[attr-defined]
        if to == INT and t == BOOL:
            return self.f.value(f"zext i1 {text} to i64")
        if to == FLOAT and t == INT:
            return self.f.value(f"sitofp i64 {text} to double")
        if to == FLOAT and t == BOOL:
            return self.f.value(f"uitofp i1 {text} to double")
        if isinstance(to, TupleType) and isinstance(t, TupleType):
            out = "poison"
            for i, (src, dst) in enumerate(zip(t.items, to.items, strict=True)):
                item = self.f.value(f"extractvalue {t.llvm} {text}, {i}")
                out = self.f.value(f"insertvalue {to.llvm} {out}, {dst.llvm} {self.coerce((item, src), dst)}, {i}")
            return out
        from modjit.errors import InternalError

        raise InternalError(f"cannot convert {t} to {to}")

    # -- boxing: native value -> new PyObject reference ----------------------------
    def check_kept(self, v: Value, node: ast.AST | None = None) -> None:
        """Before a float goes where CPython code may look for it again (a list,
        a global, a list method's argument, a return value): a NaN hands over.  CPython finds a
        NaN in a list by identity (`MISSING in xs`, `xs.count(MISSING)`), and a
        NaN boxed here is a new object, not the one CPython holds."""
        text, t = v
        if t == FLOAT:
            self.raise_if(self.f.value(f"fcmp uno double {text}, {text}"), E.E_DEOPT_VALUE, node)
        elif isinstance(t, TupleType):
            for i, it in enumerate(t.items):
                if it == FLOAT or isinstance(it, TupleType) or it.name == "int|float":
                    self.check_kept((self.f.value(f"extractvalue {t.llvm} {text}, {i}"), it), node)
        elif t.name == "int|float":
            x = self.f.value(f"extractvalue {t.llvm} {text}, 2")
            nan = self.f.value(f"fcmp uno double {x}, {x}")
            is_float = self.f.value(f"extractvalue {t.llvm} {text}, 0")
            self.raise_if(self.f.value(f"and i1 {is_float}, {nan}"), E.E_DEOPT_VALUE, node)

    def box(self, v: Value) -> str:
        text, t = v
        if t == INT:
            return self.f.value(f"call ptr {self.need('PyLong_FromLongLong')}(i64 {text})")
        if t == FLOAT:
            return self.f.value(f"call ptr {self.need('PyFloat_FromDouble')}(double {text})")
        if t == BOOL:
            obj = self.f.value(f"select i1 {text}, ptr {ptr_const(capi.PY_TRUE)}, ptr {ptr_const(capi.PY_FALSE)}")
            self.incref(obj)
            return obj
        if t == NONE:
            self.incref(ptr_const(capi.PY_NONE))
            return ptr_const(capi.PY_NONE)
        if isinstance(t, ListType):
            self.incref(text)
            return text
        if t.name == "int|float":
            return self.num_box(v)  # type: ignore[attr-defined]
        if isinstance(t, TupleType):
            tup = self.f.value(f"call ptr {self.need('PyTuple_New')}(i64 {len(t.items)})")
            for i, it in enumerate(t.items):
                item = self.f.value(f"extractvalue {t.llvm} {text}, {i}")
                obj = self.box((item, it))
                self.f.emit(f"call i32 {self.need('PyTuple_SetItem')}(ptr {tup}, i64 {i}, ptr {obj})")
            return tup
        from modjit.errors import InternalError

        raise InternalError(f"cannot box {t}")

    def each_index(self, n: str, body: Callable[[str], None], start: str = "0") -> None:
        """body(i) for i from `start` below n (a counter in memory: registers after SROA)."""
        f = self.f
        counter = f.alloca(f.tmp("each"), "i64")
        f.emit(f"store i64 {start}, ptr {counter}")
        head, loop, done = f.new_label("each"), f.new_label("eachbody"), f.new_label("eachdone")
        f.br(head)
        f.block(head)
        i = f.value(f"load i64, ptr {counter}")
        f.cbr(f.value(f"icmp slt i64 {i}, {n}"), loop, done)
        f.block(loop)
        body(i)
        f.emit(f"store i64 {f.value(f'add i64 {i}, 1')}, ptr {counter}")
        f.br(head)
        f.block(done)

    def whole_copy(self, lst: str) -> str:
        """A new list of the list `lst`'s items (NULL, with MemoryError set, if none could be had)."""
        return self.f.value(f"call ptr {self.need('PyList_GetSlice')}(ptr {lst}, i64 0, i64 {2**63 - 1})")

    def decref(self, obj: str, nullable: bool = False) -> None:
        """Release a reference to `obj`.  In optimised code inline: a list store
        in a loop spent most of its time calling Py_IncRef/Py_DecRef."""
        f = self.f
        if nullable or not self.ctx.inline_refcounts:
            f.emit(f"call void {self.need('Py_DecRef')}(ptr {obj})")
            return
        refs = f.value(f"sub i64 {f.value(f'load i64, ptr {obj}')}, 1")
        f.emit(f"store i64 {refs}, ptr {obj}")
        free, done = f.new_label("free"), f.new_label("freed")
        f.cbr(f.value(f"icmp eq i64 {refs}, 0"), free, done)
        f.block(free)
        f.emit(f"call void {self.need('_Py_Dealloc')}(ptr {obj})")
        f.br(done)
        f.block(done)

    # -- unboxing: PyObject (borrowed) -> native value --------------------------
    def unbox(self, obj: str, t: Type, node: ast.AST | None, checked: bool = True,
              deopt: int = E.E_DEOPT_TYPE) -> str:
        """Unbox `obj` as `t`; if `checked`, a different type leaves with a
        hand-over coded `deopt` (E_DEOPT_ITEM for a list's items)."""
        if t.name == "int|float":
            return self.unbox_num(obj, node, deopt)
        if checked:
            self.check_type(obj, t, node, deopt)
        if t == INT:
            return self.unbox_int(obj, node)
        if t == FLOAT:
            p = self.f.value(f"getelementptr i8, ptr {obj}, i64 16")
            return self.f.value(f"load double, ptr {p}")
        if t == BOOL:
            return self.f.value(f"icmp eq ptr {obj}, {ptr_const(capi.PY_TRUE)}")
        if t == NONE:
            return "false"
        if isinstance(t, ListType):
            return obj  # borrowed; element types are checked as elements are read
        if isinstance(t, TupleType):
            out = "poison"
            for i, it in enumerate(t.items):
                p = self.f.value(f"getelementptr i8, ptr {obj}, i64 {24 + 8 * i}")
                item_obj = self.f.value(f"load ptr, ptr {p}")
                item = self.unbox(item_obj, it, node, checked, deopt)
                out = self.f.value(f"insertvalue {t.llvm} {out}, {it.llvm} {item}, {i}")
            return out
        from modjit.errors import InternalError, Unsupported

        if t == BOTTOM:  # an item of a list with none known yet (`o = []`, then `o[-1]`)
            raise Unsupported("an item of a list whose items' type is not known", node, self.u.filename)
        raise InternalError(f"cannot unbox {t}")

    def unbox_int(self, obj: str, node: ast.AST | None) -> str:
        """An int object -> i64.  Ints of one 30-bit digit (ob_size -1, 0 or 1,
        the digit at offset 24) are read inline; others ask CPython, and one
        beyond 64 bits leaves with a hand-over."""
        f = self.f
        size = f.value(f"load i64, ptr {f.value(f'getelementptr i8, ptr {obj}, i64 16')}")
        small = f.value(f"icmp ult i64 {f.value(f'add i64 {size}, 1')}, 3")
        inline, call, done = f.new_label("ismall"), f.new_label("ibig"), f.new_label("idone")
        f.cbr(small, inline, call)
        f.block(inline)
        digit = f.value(f"load i32, ptr {f.value(f'getelementptr i8, ptr {obj}, i64 24')}")
        fast = f.value(f"mul i64 {size}, {f.value(f'zext i32 {digit} to i64')}")
        f.br(done)
        f.block(call)
        ovf = f.alloca(f.tmp("ovf"), "i32")
        slow = f.value(f"call i64 {self.need('PyLong_AsLongLongAndOverflow')}(ptr {obj}, ptr {ovf})")
        self.raise_if(f.value(f"icmp ne i32 {f.value(f'load i32, ptr {ovf}')}, 0"), E.E_DEOPT_OVERFLOW, node)
        after = f.open()
        f.br(done)
        f.block(done)
        return f.value(f"phi i64 [{fast}, %{inline}], [{slow}, %{after}]")

    def ob_type(self, obj: str) -> str:
        """The type of the object `obj` (ob_type @8)."""
        return self.f.value(f"load ptr, ptr {self.f.value(f'getelementptr i8, ptr {obj}, i64 8')}")

    def type_in(self, ty: str, addresses: Iterable[int]) -> str:
        """i1: the type `ty` is one of the types at `addresses`."""
        found = "false"
        for address in addresses:
            found = self.f.value(f"or i1 {found}, {self.f.value(f'icmp eq ptr {ty}, {ptr_const(address)}')}")
        return found

    def unbox_num(self, obj: str, node: ast.AST | None, deopt: int = E.E_DEOPT_TYPE) -> str:
        """An int or a float object -> int|float (anything else hands over)."""
        f = self.f
        ty = self.ob_type(obj)
        slot = f.alloca(f.tmp("unum"), "{i1, i64, double}")
        is_f, not_f, is_i, done = (f.new_label("uflt"), f.new_label("unotflt"), f.new_label("uint"),
                                   f.new_label("unumdone"))
        f.cbr(f.value(f"icmp eq ptr {ty}, {ptr_const(capi.FLOAT_TYPE)}"), is_f, not_f)
        f.block(is_f)
        f.emit(f"store {{i1, i64, double}} {self.coerce((self.unbox(obj, FLOAT, node, False), FLOAT), _num())}, ptr {slot}")
        f.br(done)
        f.block(not_f)
        self.raise_if(f.value(f"icmp ne ptr {ty}, {ptr_const(capi.INT_TYPE)}"), deopt, node)
        f.block(is_i)
        f.emit(f"store {{i1, i64, double}} {self.coerce((self.unbox(obj, INT, node, False), INT), _num())}, ptr {slot}")
        f.br(done)
        f.block(done)
        return f.value(f"load {{i1, i64, double}}, ptr {slot}")

    def check_type(self, obj: str, t: Type, node: ast.AST | None, deopt: int = E.E_DEOPT_TYPE) -> None:
        ty = self.ob_type(obj)
        if t == NONE:
            bad = self.f.value(f"icmp ne ptr {obj}, {ptr_const(capi.PY_NONE)}")
        else:
            want = {INT: capi.INT_TYPE, FLOAT: capi.FLOAT_TYPE, BOOL: capi.BOOL_TYPE}.get(
                t, capi.LIST_TYPE if isinstance(t, ListType) else capi.TUPLE_TYPE)
            bad = self.f.value(f"icmp ne ptr {ty}, {ptr_const(want)}")
        self.raise_if(bad, deopt, node)
        if isinstance(t, TupleType):
            sp = self.f.value(f"getelementptr i8, ptr {obj}, i64 16")
            size = self.f.value(f"load i64, ptr {sp}")
            self.raise_if(self.f.value(f"icmp ne i64 {size}, {len(t.items)}"), deopt, node)


def _num() -> Type:
    from modjit.frontend.types import NUM

    return NUM


def _ident(name: str) -> str:
    return name if name.isidentifier() and name.isascii() else "u" + name.encode().hex()


def list_parts(v: str, t: Type, f: FunctionText) -> list[str]:
    """The list pointers inside a value: itself, or a tuple's top-level list items."""
    if isinstance(t, ListType):
        return [v]
    if isinstance(t, TupleType):
        return [f.value(f"extractvalue {t.llvm} {v}, {i}") for i, it in enumerate(t.items)
                if isinstance(it, ListType)]
    return []


def counts_frames(u: Any) -> bool:
    """Does the unit count its own recursion level (it calls something)?  A leaf does not."""
    return any(c.kind in ("user", "pycall", "method") for c in u.calls.values())
