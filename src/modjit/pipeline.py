"""The compiler pipeline, stage by stage.

    source statement / function + argument types
      -> infer_types        (frontend/infer.py: subset check, types; Unsupported -> CPython)
      -> emit_* + assemble  (codegen/: LLVM IR text, one module per unit)
      -> engine.add_module  (engine/: parse, verify, optimise per tier, codegen, link)
      -> engine.lookup      (the entry point's address)
      -> ctypes callable    (runtime/: called with the GIL held)

`compile_function` compiles one specialization together with the
specializations it calls that are not compiled yet (a group: mutual recursion
needs the return types of each other), one module each.
"""

from __future__ import annotations

import ast
import copy
import ctypes
import functools
import re
import sys
import time
from typing import Any

from modjit.codegen.emit_arrays import WASTE_LIMIT
from modjit.codegen.emit_base import EmitContext, HeatCounter
from modjit.codegen.emit_module import (
    ATTRS,
    FunctionEmitter,
    StatementEmitter,
    assemble,
    emit_entry,
)
from modjit.codegen.emit_native import Defaults, Foreign, emit_native_entry, has_native_entry
from modjit.driver.stats import UnitRecord
from modjit.errors import Unsupported
from modjit.frontend.comprehensions import is_hidden
from modjit.frontend.infer import UnitTypes, check_settled, infer_types
from modjit.frontend.resolve import LOOPS, MISSING
from modjit.frontend.trips import LONG, Scope, call_arguments, estimated_iterations, range_args
from modjit.frontend.types import BOTTOM, Type, type_of_value
from modjit.runtime import errors as E
from modjit.runtime.context import SENTINEL, RuntimeContext
from modjit.runtime.dispatch import ON_CPYTHON
from modjit.runtime.recursion import compiler_room
from modjit.runtime.spec import Incubated, Spec

_STATEMENT_PROTO = ctypes.PYFUNCTYPE(ctypes.c_int)
DEFINITIONS = (ast.FunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom, ast.AsyncFunctionDef)
INLINE_DEPTH = 3  # callees of callees ... copied into a promoted caller
# A loop-free function calling none of ours is promoted after this many times the
# threshold: a hot caller inlines it when it is promoted itself, and its own O2 code
# (~5 ms) gains a few ns a call (150 one-line helpers called 2,000 times each from a
# top-level loop spent 0.9 s promoting them, 15x python3's time)
LEAF_FACTOR = 64
# A function with loops whose first call ran briefly (baseline code, O0) is promoted
# after this many times the threshold: O2 code gains a few ns a loop iteration and
# costs 10-30 ms (matmul's make(300), called twice, was promoted for 26 ms and
# ran 90,000 iterations of the faster code)
BRIEF_FACTOR = 256
INLINE_BUDGET = 4  # all copies together: at most this many times inline_max_lines
STATEMENT_KINDS = (ast.Assign, ast.AugAssign, ast.Expr, ast.If, ast.For, ast.While, ast.Pass)


# -- functions -------------------------------------------------------------------------
def compile_function(rt: RuntimeContext, jitfn: Any, key: tuple[Type, ...],
                     args: tuple[Any, ...] | None = None) -> Spec:
    with compiler_room():
        group = SpecGroup(rt)
        spec = group.request(jitfn, key, None)
        group.settle()
        if args is not None and not spec.compiled:
            spec.first_args = dict(zip(spec.unit.params, args, strict=False))
        compile_spec(rt, spec)
    return spec


class SpecGroup:
    """Specializations inferred together until their return types settle."""

    def __init__(self, rt: RuntimeContext) -> None:
        self.rt = rt
        self.members: list[Spec] = []
        self._nested_seconds = 0.0  # inference time of callees, within their caller's

    def request(self, jitfn: Any, key: tuple[Type, ...], node: ast.AST | None) -> Spec:
        existing = jitfn._specs.get(key)
        if existing is ON_CPYTHON:
            raise Unsupported(f"call to '{jitfn.__name__}' that runs on CPython "
                              f"({jitfn._failed.get(key, 'not compilable')})", node,
                              _filename(self.rt, node))
        if existing is not None:
            return existing  # type: ignore[no-any-return]
        for spec in self.members:
            if spec.jitfn is jitfn and spec.param_types == key:
                return spec
        spec = Spec(jitfn, key, f"{jitfn.__name__}.{next(self.rt.counter)}")
        self.members.append(spec)
        try:
            self.infer(spec)
        except Unsupported as exc:
            jitfn._failed[key] = str(exc)
            self.rt.session.handed_over_function(jitfn, exc)
            jitfn._specs[key] = ON_CPYTHON
            self.rt.unwrap_if_hopeless(jitfn)
            if node is None:
                raise
            raise Unsupported(f"call to '{jitfn.__name__}' that runs on CPython ({exc})", node,
                              _filename(self.rt, node)) from exc
        return spec

    def infer(self, spec: Spec) -> None:
        """Type `spec`'s body (requesting its callees); its own share of the time,
        without its callees' inference, is counted with its unit."""
        t0, outer = time.perf_counter(), self._nested_seconds
        self._nested_seconds = 0.0
        fdef = function_ast(spec.jitfn)
        params = [a.arg for a in fdef.args.args]
        filename = spec.jitfn._fn.__code__.co_filename
        unit = UnitTypes(filename, fdef.name, "function", fdef.body, params, list(spec.param_types))
        infer_types(unit, spec.jitfn._fn.__globals__, self.request, settling=True)
        spec.unit = unit
        spec.return_type = unit.return_type
        elapsed = time.perf_counter() - t0
        spec.infer_seconds += elapsed - self._nested_seconds
        self._nested_seconds = outer + elapsed

    def settle(self) -> None:
        for _ in range(20):
            before = [s.return_type for s in self.members]
            for spec in list(self.members):
                self.infer(spec)
            if before == [s.return_type for s in self.members]:
                break
        for spec in self.members:
            check_settled(spec.unit)
            if spec.return_type == BOTTOM:
                raise Unsupported(f"cannot infer the return type of '{spec.jitfn.__name__}'",
                                  function_ast(spec.jitfn), spec.unit.filename)
        for spec in self.members:  # dependencies are transitive through callees
            spec.deps = dict(spec.unit.deps)
        changed = True
        while changed:
            changed = False
            for spec in self.members:
                for callee in spec.unit.callees:
                    for name, obj in callee.deps.items():
                        if name not in spec.deps:
                            spec.deps[name] = obj
                            changed = True


def function_ast(jitfn: Any) -> ast.FunctionDef:
    if jitfn._node is not None:
        return jitfn._node  # type: ignore[no-any-return]
    raise Unsupported(f"source of '{jitfn.__name__}' is not available", None,
                      jitfn._fn.__code__.co_filename)


def compile_spec(rt: RuntimeContext, spec: Spec) -> None:
    """A specialization's first code: baseline code that counts its heat, or
    optimised code at once, without tiering or when a loop of it calls compiled
    functions.  Promotion takes effect at the next call, and a loop is often
    in a function called once (a main loop): waiting would leave its calls
    un-inlined for the whole run."""
    if spec.compiled or spec.invalid:
        return
    build_spec(rt, spec, _first_tier(rt, spec))
    spec.compiled = True
    spec.jitfn._specs[spec.param_types] = spec
    rt.specs.append(spec)
    rt.session.record_unit(spec.record)
    compile_callees(rt, spec.slot_callees)


def _first_tier(rt: RuntimeContext, spec: Spec) -> str:
    """Loop-free code gets the cheapest code first, and so does a function
    whose first call's loops, estimated from its arguments, run briefly
    (n-body's energy(), called twice on 5 bodies, cost 42 ms at O2 and 10 ms
    at O0): it is promoted if later calls make it hot.  Other loops may run
    long inside the call, where no promotion reaches them."""
    if not rt.options.tier:
        return "hot"
    if not _has_loops(spec.unit) or _brief(rt, spec):
        return "light"  # (loops of unknown length: a long first call restarts optimised)
    return "hot" if rt.options.inline and _loop_calls_small_tree(rt, spec) else "opt"


def _brief(rt: RuntimeContext, spec: Spec) -> bool:
    """Will the first call's loops of known length, estimated from its
    arguments, run fewer iterations than promote baseline code with loops
    (so that a first call that alone would promote it starts optimised)?
    Loops of unknown length (`while`, a list not known yet) count none:
    baseline code restarts the call optimised once a loop of it turns hot
    (FunctionEmitter.restart_when_hot)."""
    threshold = rt.options.hot_threshold
    if spec.first_args is None or threshold <= 1:
        return False
    body = spec.unit.body
    scope = Scope.of_call(body, spec.unit.params, spec.first_args, spec.jitfn._fn.__globals__)
    return estimated_iterations(body, scope, unknown=0) < threshold * BRIEF_FACTOR


def compile_callees(rt: RuntimeContext, callees: set[Spec]) -> None:
    """Compile the specializations some code calls through their slots, so
    every slot it may load holds code before it runs.  Callees only ever
    inlined are not compiled on their own (a call that needs one later
    compiles it then)."""
    for callee in list(callees):
        try:
            compile_spec(rt, callee)
        except BaseException:
            # its compiled callers (built already) would call its empty slot: a crash
            # (a callee whose code generation refused what inference let through)
            rt.invalidate(callee)
            raise


SHORT_LOOP = 64  # a loop over a display or a constant range() of at most this many items


def _long_loop(node: ast.AST) -> bool:
    """A loop that may run long: not `for n in (10, 20, 30)` or `for i in
    range(8)`, whose few iterations run briefly unless a loop inside them is
    long (ast.walk visits that one on its own)."""
    if not isinstance(node, LOOPS):
        return False
    if isinstance(node, ast.For):
        it = node.iter
        if isinstance(it, ast.Tuple | ast.List):
            return len(it.elts) > SHORT_LOOP
        bounds = range_args(it)
        if bounds is not None and all(isinstance(a, ast.Constant) and type(a.value) is int for a in bounds):
            return len(range(*(a.value for a in bounds))) > SHORT_LOOP  # type: ignore[attr-defined]
    return True


def _has_loops(unit: UnitTypes) -> bool:
    """Loop-free code runs briefly per call, so its first code can be the cheapest
    to compile: promotion, decided at calls, catches it if it is called often.
    A loop may run long inside one call, and there is no switching code mid-call."""
    return any(_long_loop(node) for stmt in unit.body for node in ast.walk(stmt))


def _loop_calls_small_tree(rt: RuntimeContext, spec: Spec) -> bool:
    """Does a loop of `spec` call a function that, with all it would inline,
    is small (at most inline_max_lines of IR)?  Inlining small helpers is what
    optimised code buys at once; a loop calling big call trees waits for
    promotion (spectral_norm's driver loop, calling its kernels 20 times,
    spent 180 ms in O2 over the inlined kernels and gained nothing)."""
    unit = spec.unit
    for stmt in unit.body:
        for loop in ast.walk(stmt):
            if not _long_loop(loop):
                continue
            for node in ast.walk(loop):
                info = unit.calls.get(node) if isinstance(node, ast.Call) else None
                if info is None or info.kind != "user" or info.spec is spec:
                    continue
                if _tree_lines(rt, info.spec, set(), 1) <= rt.options.inline_max_lines:
                    return True
    return False


def _tree_lines(rt: RuntimeContext, spec: Spec, seen: set[Spec], depth: int) -> int:
    """IR lines of `spec` and of the callees its copies would take along."""
    if spec in seen or spec.unit is None or spec.invalid:
        return 0
    seen.add(spec)
    lines = ir_lines(rt, spec)
    if depth < INLINE_DEPTH:
        for callee in spec.unit.callees:
            if lines > rt.options.inline_max_lines:
                break
            lines += _tree_lines(rt, callee, seen, depth + 1)
    return lines


def _may_gain(rt: RuntimeContext, spec: Spec) -> bool:
    """Can promotion make `spec`'s loop code faster?  Its baseline already had
    O2 code generation; what the hot tier adds is inlining.  With no user
    function to inline, recompiling it cost matmul's `make` 28 ms (two calls)
    for no gain, and the heat count cost an add in every loop iteration.  So
    only a callee small enough to be copied in (as inline_copies decides)
    makes it worth counting."""
    if not rt.options.inline or spec.unit is None:
        return False
    limit = rt.options.inline_max_lines
    return any(c is not spec and not c.invalid and c.unit is not None
               and ir_lines(rt, c) <= limit for c in spec.unit.callees)


def promote(rt: RuntimeContext, spec: Spec) -> None:
    """Recompile a hot specialization at the optimising tier, its small callees
    inlined, and switch it in: compiled callers call through the slot, CPython
    through the entry.  The baseline code may still be running (it asked for
    this), so its module is released once control is back in CPython."""
    baseline = spec.handle
    heat = spec.heat.value
    with compiler_room():  # (called from deep in a recursion, as often as not)
        build_spec(rt, spec, "hot")
        rt.release_later(baseline)
        compile_callees(rt, spec.slot_callees)
    inlined = ", ".join(c.title for c in spec.inlined) or "nothing"
    if spec.jitfn.waste_cell(spec.param_types).value >= WASTE_LIMIT:
        why = f"compiled again without borrowing lists ({WASTE_LIMIT} calls did little work for their items)"
    else:
        why = f"after {heat} calls + loop iterations"
    rt.session.stats.promoted.append(f"{spec.title} {why}; inlined {inlined}")
    rt.session.record_unit(spec.record)


def build_spec(rt: RuntimeContext, spec: Spec, tier: str) -> None:
    """Emit, compile and link one module holding `spec` at `tier`."""
    t0 = time.perf_counter()
    ctx = _context(rt, inline_floats=True, self_spec=spec)
    # inline decrefs in code with loops: fannkuch (called once, so never
    # promoted) spent 17% of its time in Py_DecRef calls, and ran 1.45x
    # faster inlined, for no compile time measurable above the noise
    ctx.inline_refcounts = tier in ("hot", "opt")
    copies: list[str] = []
    if tier == "light" or (tier == "opt" and _may_gain(rt, spec)):
        ctx.direct_self = False  # recursion reaches the optimised code once promoted
        spec.heat_id = rt.watch_heat(spec)
        threshold = rt.options.hot_threshold
        if tier == "light" and threshold > 1:
            if _has_loops(spec.unit):
                threshold *= BRIEF_FACTOR
            elif not spec.unit.callees:
                threshold *= LEAF_FACTOR
        restart = rt.restart_address if tier == "light" and _has_loops(spec.unit) else 0
        ctx.heat = HeatCounter(spec.heat_address, rt.promote_address, spec.heat_id, threshold, restart)
    elif rt.options.inline:
        copies = inline_copies(rt, spec, ctx)
    ctx.rebuild = functools.partial(_rebuild_id, rt, spec, ctx.heat)  # (not ctx: a cycle, garbage for gc)
    body = FunctionEmitter(spec.unit, ctx).emit(spec.symbol)
    ir = assemble([body, *copies], ctx)
    spec.slot_callees = set(ctx.slot_callees)
    irgen = time.perf_counter() - t0
    rt.link_helpers(ctx.helpers)
    handle = rt.engine.add_module(ir, spec.symbol, tier, keep_asm=rt.session.keep_asm)
    handle.times.irgen += irgen + spec.infer_seconds
    spec.infer_seconds = 0.0  # counted with its first code
    spec.slot.set(rt.engine.lookup(handle, spec.symbol))
    spec.handle = handle
    title = spec.title + (" [optimised]" if tier == "hot" else "")
    spec.record = UnitRecord("function", title, handle.ir, handle.asm, handle.times)


def _rebuild_id(rt: RuntimeContext, spec: Spec, heat: HeatCounter | None) -> tuple[int, int]:
    """(promote's address, the id it knows `spec` by): baseline code's own id,
    or one for this code alone (invalidate forgets it)."""
    if heat is not None:
        return heat.promote, heat.spec_id
    spec.heat_id = rt.watch_heat(spec)
    return rt.promote_address, spec.heat_id


def build_entries(rt: RuntimeContext, spec: Spec) -> None:
    with compiler_room():  # (a first call from CPython may come as deep as the program's limit allows)
        _build_entries(rt, spec)


def _build_entries(rt: RuntimeContext, spec: Spec) -> None:
    """The entries CPython calls `spec` by, in a module of their own, made at
    its first call from CPython and compiled cheaply (they only convert values
    and call through the slot, so promotion does not touch them).  Most
    specializations are only ever called by compiled code: an entry in every
    function module cost fib 14 ms and a program of small functions 65 ms."""
    t0 = time.perf_counter()
    ctx = _context(rt, inline_floats=True, self_spec=None)
    u, address = spec.unit, spec.slot.address
    parts = [emit_entry(u, spec.symbol, ctx, address)]
    native = has_native_entry(u)
    if native:
        deps = {name: 0 if obj is MISSING else id(obj) for name, obj in spec.deps.items()}
        spec.on_error = rt.error_handler(spec)  # kept alive with the spec
        defaults = Defaults.of(spec.jitfn._fn)
        if defaults is not None and all(type_of_value(d) == t for d, t in zip(
                defaults.values, spec.param_types[len(spec.param_types) - len(defaults.values):], strict=True)):
            spec.defaults = defaults.values  # kept alive with the spec: the entry points at them
        else:
            defaults = None
        spec.next_call = spec.jitfn.call_python
        spec.next_cell.value = id(spec.next_call)
        jitfn = spec.jitfn
        known = jitfn._known
        foreign = Foreign(jitfn._fn, ctypes.addressof(jitfn._foreign), known.address, known.width)
        # A loop-free function calling none of ours gains nothing from promotion
        # when CPython calls it (the call costs more than its O0 body; nothing
        # to inline): only calls from compiled code count (80 one-line rules
        # called from a CPython loop each paid ~5 ms of O2 compilation)
        leaf = spec.heat_id and not u.callees and not _has_loops(u)
        parts.append(emit_native_entry(u, spec.symbol, ctx, address, deps,
                                       ctypes.addressof(spec.next_cell), id(spec.on_error), defaults,
                                       foreign, uncounted=spec.heat_address if leaf else 0,
                                       calls=ctypes.addressof(spec.calls)))
    ir = assemble(parts, ctx)
    irgen = time.perf_counter() - t0
    rt.link_helpers(ctx.helpers)
    handle = rt.engine.add_module(ir, spec.symbol + ".entries", "light",
                                  keep_asm=rt.session.keep_asm)
    handle.times.irgen += irgen
    n = len(spec.param_types)
    entry = rt.engine.lookup(handle, spec.symbol + ".entry")
    spec.entry = ctypes.PYFUNCTYPE(ctypes.py_object, *([ctypes.py_object] * n))(entry)
    spec.entry_handle = handle
    if native:
        spec.jitfn.install_native(spec, rt.engine.lookup(handle, spec.symbol + ".native"))
    rt.session.record_unit(UnitRecord("function", f"{spec.title} [entries]", handle.ir, handle.asm,
                                      handle.times))


def inline_copies(rt: RuntimeContext, spec: Spec, ctx: EmitContext) -> list[str]:
    """Private copies of `spec`'s small callees, and of theirs, for its module:
    calls to them become direct calls that LLVM's inliner folds in; the copies
    are then dropped as dead, leaving one function's code in the module.  Each
    callee is copied once and copies never call each other in a cycle
    (recursion goes through slots), so the inliner can fold every copy."""
    inliner = _Inliner(rt, spec, ctx)
    ctx.inline_symbols.update(inliner.visit(spec, 1))
    spec.inlined = [s for s in inliner.edges if s is not spec]
    return inliner.copies


class _Inliner:
    """inline_copies' walk over the callee graph.  (A class, not nested
    functions: those held themselves through their cells, a cycle of garbage
    per caller compiled that the program's gc.collect() counted.)"""

    def __init__(self, rt: RuntimeContext, spec: Spec, ctx: EmitContext) -> None:
        self.rt, self.spec, self.ctx = rt, spec, ctx
        self.copies: list[str] = []
        self.edges: dict[Spec, dict[Spec, str]] = {}  # copy -> the copies it calls directly
        self.limit = rt.options.inline_max_lines
        self.budget = INLINE_BUDGET * self.limit

    def reaches(self, a: Spec, b: Spec) -> bool:
        return a is b or any(self.reaches(c, b) for c in self.edges.get(a, ()))

    def visit(self, node: Spec, depth: int) -> dict[Spec, str]:
        rt, ctx, edges = self.rt, self.ctx, self.edges
        chosen: dict[Spec, str] = {}
        edges[node] = chosen
        for callee in dict.fromkeys(node.unit.callees):
            if callee is self.spec or callee.invalid or callee.unit is None:
                continue
            if callee in edges:
                if not self.reaches(callee, node):
                    chosen[callee] = callee.symbol + ".inl"  # already copied: call that copy
                continue
            copy = incubate(rt, callee)
            lines = ir_lines(rt, callee)
            if lines > self.limit or lines > self.budget:
                continue
            self.budget -= lines
            chosen[callee] = callee.symbol + ".inl"
            # A copy at the depth limit calls through slots, but is still
            # recorded, so a second caller reuses it instead of pasting it twice.
            below = self.visit(callee, depth + 1) if depth < INLINE_DEPTH else edges.setdefault(callee, {})
            self.copies.append(rewire(copy.text, below))
            ctx.declarations.update(copy.declarations)
            ctx.helpers.update(copy.helpers)
            ctx.slot_callees.update(c for c in copy.slot_callees if c not in below)
        return chosen


_SLOT_LOAD = re.compile(r"  (%[\w.]+) = load ptr, ptr inttoptr \(i64 (\d+) to ptr\)\n")


def rewire(text: str, targets: dict[Spec, str]) -> str:
    """Turn a copy's calls through the slots of `targets` into direct calls to
    their copies: `%t = load ptr, ptr <slot>` ... `call i64 %t(` -> `call i64 @"g.inl"(`."""
    if not targets:
        return text
    by_slot = {str(s.slot.address): symbol for s, symbol in targets.items()}
    loaded: dict[str, str] = {}

    def drop(m: re.Match[str]) -> str:
        symbol = by_slot.get(m.group(2))
        if symbol is None:
            return m.group(0)
        loaded[m.group(1)] = symbol
        return ""

    text = _SLOT_LOAD.sub(drop, text)
    for name, symbol in loaded.items():
        text = text.replace(f" {name}(", f' @"{symbol}"(')
    return text


def ir_lines(rt: RuntimeContext, spec: Spec) -> int:
    """The size inlining limits are counted in: lines of `spec`'s kept IR."""
    return incubate(rt, spec).text.count("\n")


def incubate(rt: RuntimeContext, spec: Spec) -> Incubated:
    """`spec`'s IR as an internal, always-inline function, kept for its callers.
    Its own calls (recursion included) go through slots, so the copy needs
    nothing else from the module it is pasted into."""
    if spec.incubated is None:
        ctx = _context(rt, inline_floats=True, self_spec=spec)
        ctx.direct_self = False
        ctx.inline_refcounts = True  # (copies go into optimised modules)
        text = FunctionEmitter(spec.unit, ctx).emit(spec.symbol + ".inl", linkage="internal ",
                                                    attrs=ATTRS + " alwaysinline")
        spec.incubated = Incubated(text, frozenset(ctx.declarations), frozenset(ctx.helpers),
                                   frozenset(ctx.slot_callees))
    return spec.incubated


def _context(rt: RuntimeContext, inline_floats: bool, self_spec: Spec | None) -> EmitContext:
    return EmitContext(cells=rt.cells, site=rt.site, keep=rt.keep, namespace=rt.namespace,
                       sentinel=id(SENTINEL), print_queue=rt.print_queue, echo_cell=rt.echo_cell_address, slot_of=lambda s: s.slot.address,
                       symbol_of=lambda s: s.symbol, self_spec=self_spec,
                       inline_floats=inline_floats, thread=rt.thread)


def _filename(rt: RuntimeContext, node: ast.AST | None) -> str:
    return rt.session.filename


# -- top-level statements ------------------------------------------------------------------
class StatementUnit:
    """A compiled top-level statement: run it once, then its module is released."""

    def __init__(self, rt: RuntimeContext, stmt: ast.stmt, filename: str, handle: Any,
                 fn: Any, record: UnitRecord, assigned: list[str]) -> None:
        self.rt, self.stmt, self.filename = rt, stmt, filename
        self.handle, self.fn, self.record = handle, fn, record
        self.assigned = assigned  # globals the unit writes back; restored on a hand-over

    def run(self, interactive: bool = False) -> None:
        rt = self.rt
        ns = rt.namespace
        snapshot = [(name, ns.get(name, MISSING)) for name in self.assigned]
        if not all(type(value) in _INERT for _, value in snapshot):
            # The snapshot would keep an object of the program's own alive
            # (a class instance the statement rebinds): its __del__ must run
            # at the rebinding, as under CPython
            del snapshot
            rt.engine.release(self.handle)
            rt.session.exec_on_cpython(self.stmt, interactive, self.filename)
            return
        effects, mark = rt.cells.effects, rt.cells.journal.mark()
        t0, compiling = time.perf_counter(), rt.promotion_seconds
        outer, rt.cells.entry_effects = rt.cells.entry_effects, effects
        outer_mark, rt.cells.entry_mark = rt.cells.entry_mark, mark
        try:
            status = self.fn()
        except BaseException as exc:
            code, site, callers = rt.take_error()
            rt.print_queue.flush()
            if code != E.E_PYERR:
                raise
            # A Python exception (a C API call failed, RecursionError): raised
            # from the statement's line and the compiled frames it passed, as
            # CPython's traceback would show them; raised by ctypes, it had no
            # frame of the program's at all
            E.raise_at(exc.with_traceback(None), site, callers)
        finally:
            rt.cells.entry_effects = outer
            rt.cells.entry_mark = outer_mark
            self.record.times.run += rt.ran(t0, compiling)
            rt.engine.release(self.handle)
        if status:
            code, site, callers = rt.take_error()
            if code in E.DEOPT_CODES:
                rt.session.handed_over_at_run_time(site, code, "the statement")
                rt.undo_for_handover(effects, mark, site, code)
                for name, value in snapshot:
                    if value is MISSING:
                        ns.pop(name, None)
                    else:
                        ns[name] = value
                rt.session.exec_on_cpython(self.stmt, interactive, self.filename)
                return
            rt.print_queue.flush()
            rt.raise_error(code, site, callers)
        rt.print_queue.flush()
        if interactive and isinstance(self.stmt, ast.Expr):
            sys.displayhook(rt.take_echo())


def _note_first_calls(unit: UnitTypes, namespace: dict[str, Any]) -> None:
    """The arguments a statement passes its callees that are not compiled yet,
    where they are known before it runs: their first code depends on them.
    Names the statement itself assigns (`for n in ...: f(n)`) are not: the
    namespace holds their values from before."""
    known: Scope | None = None
    for node, info in unit.calls.items():
        callee = info.spec if info.kind == "user" else None
        if isinstance(node, ast.Call) and callee is not None and not callee.compiled \
                and callee.first_args is None and callee.unit is not None:
            if known is None:
                assigned = frozenset(n.id for stmt in unit.body for n in ast.walk(stmt)
                                     if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load))
                known = Scope({}, assigned, namespace)
            callee.first_args = call_arguments(node, callee.unit.params, known)


# values whose release runs nothing of the program's (a snapshot may hold them)
_INERT = frozenset({int, float, bool, str, list, tuple, type(None), type(MISSING)})
_COMPREHENSIONS = (ast.ListComp, ast.GeneratorExp)


def compile_statement(stmt: ast.stmt, rt: RuntimeContext, filename: str,
                      interactive: bool) -> StatementUnit | None:
    with compiler_room():
        return _compile_statement(stmt, rt, filename, interactive)


def _compile_statement(stmt: ast.stmt, rt: RuntimeContext, filename: str,
                       interactive: bool) -> StatementUnit | None:
    if isinstance(stmt, DEFINITIONS):
        return None  # definitions run on CPython; their functions compile at first call
    if not isinstance(stmt, STATEMENT_KINDS):
        raise Unsupported(f"top-level '{type(stmt).__name__}' runs on CPython", stmt, filename)
    if interactive and isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) \
            and isinstance(stmt.value.value, str):
        raise Unsupported("str values are not supported", stmt, filename)  # the REPL echoes it
    if rt.ns_version.value != rt.validated_version:
        rt.revalidate()  # callees rebound since they were compiled are recompiled
    t0 = time.perf_counter()
    # The front end rewrites comprehensions in place (frontend/comprehensions.py);
    # CPython, running the statement instead or after a hand-over, gets the original.
    work = copy.deepcopy(stmt) if any(isinstance(n, _COMPREHENSIONS) for n in ast.walk(stmt)) else stmt
    unit = UnitTypes(filename, "<module>", "statement", [work], [], [])
    group = SpecGroup(rt)
    infer_types(unit, rt.namespace, group.request)
    group.settle()
    _note_first_calls(unit, rt.namespace)
    symbol = f"stmt.{next(rt.counter)}"
    # A statement runs once: the cheapest code to compile, unless its loops run long
    tier = "opt" if estimated_iterations(unit.body, rt.namespace) >= LONG else "fast"
    ctx = _context(rt, inline_floats=False, self_spec=None)
    ctx.inline_refcounts = tier == "opt"
    ir = assemble([StatementEmitter(unit, ctx, interactive).emit(symbol)], ctx)
    # the callees' inference is counted with their own units
    irgen = time.perf_counter() - t0 - sum(s.infer_seconds for s in group.members)
    compile_callees(rt, ctx.slot_callees)
    rt.link_helpers(ctx.helpers)
    handle = rt.engine.add_module(ir, symbol, tier, keep_asm=rt.session.keep_asm)
    handle.times.irgen += irgen
    address = rt.engine.lookup(handle, symbol)
    fn = _STATEMENT_PROTO(address)
    record = UnitRecord("statement", f"{filename}:{stmt.lineno}", handle.ir, handle.asm, handle.times)
    rt.session.record_unit(record)
    assigned = [n for n in unit.locals if not is_hidden(n)]
    return StatementUnit(rt, stmt, filename, handle, fn, record, assigned)
