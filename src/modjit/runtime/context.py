"""Per-session runtime state shared by the compiler and the dispatchers.

Owns the engine, the memory shared with compiled code, the table of raise
sites, and every live specialization; calls into compiled code and turns what
compiled code reports in the error cell into CPython's behaviour.
"""

from __future__ import annotations

import builtins as _builtins
import ctypes
import itertools
import threading
import time
import traceback
import weakref
from typing import Any

from modjit.errors import Coord, FatalRuntimeError
from modjit.frontend.resolve import MISSING
from modjit.runtime import capi
from modjit.runtime import errors as E
from modjit.runtime.dispatch import _STAND_IN_LEVELS, MAX_SPECIALIZATIONS
from modjit.runtime.memory import SharedCells
from modjit.runtime.output import PrintQueue
from modjit.runtime.recursion import compiler_room, given_back, restore_recursion_limit

# The builtins called here, bound as this module's own: a program that replaces
# one (builtins.len = ...) changes its own calls, not the runtime's.
globals().update({name: getattr(_builtins, name) for name in (
    "all", "any", "bool", "getattr", "id", "isinstance", "len", "list", "next", "sorted",
    "sum", "tuple", "type")})


# The recursion levels of modjit's own between a program's frame and the
# function a hand-over re-runs on CPython, which python3 does not count, given
# back while it runs: from the dispatcher (the stand-in's __call__, call_python,
# call_spec, _function_error, rerun, on_cpython) or from a native entry's
# error handler (handler, _function_error, rerun, on_cpython).  Measured:
# fact(n) whose product outgrows 64 bits hands over at each level, and failed
# ~20 levels short of python3's n.
RERUN_LEVELS = 6
HANDLER_RERUN_LEVELS = 4
MAX_DEOPTS = 3  # a specialization that keeps handing over is retired:
DEOPT_WINDOW = 32  # MAX_DEOPTS hand-overs within this many calls from CPython.  A hand-over
# costs a call on CPython more and ~15 us: a function that overflows on 1 call in 80 (a
# Lychrel search) ran all its calls on CPython after its first 6 hand-overs, but a lookup
# that met a float in an int list on 1 call in 11 (a window of 8) ran 4x python3's time
MAX_RETIRES = 2  # ... and after this many retirements its argument types run on CPython
MAX_RETYPES = 4  # recompilations for globals that changed (type, or callee) before its argument types run on CPython
COOLED = -(1 << 62)  # a heat count that never reaches a threshold again
_PROMOTE_PROTO = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_int64)
_RESTART_PROTO = ctypes.CFUNCTYPE(None, ctypes.c_int64, ctypes.c_int64)
_TRIM_PROTO = ctypes.PYFUNCTYPE(None, ctypes.c_int64, ctypes.c_int64)  # holds the GIL
_UNDO_PROTO = ctypes.PYFUNCTYPE(None, ctypes.c_int64, ctypes.c_int64, ctypes.c_int64)


_decref = ctypes.pythonapi.Py_DecRef
_decref.argtypes = [ctypes.c_void_p]
_decref.restype = None


class _Sentinel:
    def __repr__(self) -> str:
        return "<modjit error sentinel>"


SENTINEL = _Sentinel()


class RuntimeContext:
    def __init__(self, session: Any, engine: str | None) -> None:
        self.session = session
        self.engine_name = engine  # None: --no-jit
        self._engine: Any = None  # created at the first unit to compile (see `engine`)
        self.namespace: dict[str, Any] = session.namespace
        self.thread = threading.get_ident()  # the only thread that runs compiled code
        self.cells = SharedCells()
        self.cells.journal.compile_trim = self._compile_trim
        self.cells.journal.namespace = self.namespace
        self._trim_handle: Any = None
        self.print_queue = PrintQueue(self.cells)
        self._echo_cell = ctypes.c_void_p(0)
        self.echo_cell_address = ctypes.addressof(self._echo_cell)
        self.sites: list[E.Site] = []
        self._site_index: dict[E.Site, int] = {}
        self._kept: dict[int, object] = {}
        self._kwargs_cache: dict[tuple[Any, ...], dict[str, Any]] = {}
        self.specs: list[Any] = []  # live specializations
        self._weakly_held: list[Any] = []  # stand-ins unwrapped while weak references to them lived
        self.options = session.options
        self.run_time = session.stats.times  # execution time is counted here
        self._watched: dict[int, Any] = {}  # heat id -> baseline specialization
        self._release_pending: list[Any] = []  # handles whose code may still be running
        self.promotion_seconds = 0.0  # compile time spent inside running code
        self._interrupt: BaseException | None = None  # raised in the last promotion
        self._promote_callback = _PROMOTE_PROTO(self._promote)
        self.promote_address: int = ctypes.cast(self._promote_callback, ctypes.c_void_p).value or 0
        self._restart_callback = _RESTART_PROTO(self._restart)
        self.restart_address: int = ctypes.cast(self._restart_callback, ctypes.c_void_p).value or 0
        self.restarts = 0
        self.counter = itertools.count(1)
        # CPython 3.11 dicts carry a version tag bumped on every change (offset 24)
        self.ns_version = ctypes.c_uint64.from_address(id(self.namespace) + capi.DICT_VERSION)
        self.validated_version = self.ns_version.value
        if engine is not None:
            from modjit.runtime.watch import watch

            watch(self)

    # -- engines ---------------------------------------------------------------
    @property
    def engine(self) -> Any:
        """The JIT engine, made when the first unit compiles: loading LLVM costs
        ~70 ms, which a program that compiles nothing (all str, dict, classes)
        need not pay."""
        if self._engine is None:
            from modjit.runtime.imports import light_resources, standard_modules

            if self.engine_name is None:
                raise RuntimeError("no JIT engine: running with --no-jit")
            # (first made by a call as deep in a recursion as the program's limit allows)
            with compiler_room(), standard_modules(), light_resources():  # (not the program's random.py:
                # runtime/imports.py)
                from modjit.engine import create_engine
                from modjit.runtime.capi import register_symbols

                register_symbols()
                self._engine = create_engine(self.engine_name)
        return self._engine

    def link_helpers(self, used: set[str]) -> None:
        """Compile the groups of shared helpers a unit about to be added calls (once each)."""
        from modjit.codegen.helpers_ir import HELPER_NEEDS, LAZY_GROUPS, QUICK_GROUPS, shared_ir

        # (and the groups of the helpers their groups' code calls: mj.bput's mj.jstore, linked first)
        calls = {n for g in LAZY_GROUPS if used & g for h in g for n in HELPER_NEEDS.get(h, ())}
        groups = [g for g in LAZY_GROUPS if (used | calls) & g]
        if not groups:
            return
        _ = self.engine  # (LLVM loaded first, as the engine loads it: runtime/imports.py)
        from modjit.engine.shared import link_shared

        for group in groups:
            link_shared(shared_ir(tuple(sorted(group))), 0 if group in QUICK_GROUPS else 2)

    @property
    def engine_started(self) -> bool:
        return self._engine is not None

    def switch_engine(self, name: str) -> None:
        """Compiled functions compile again on their next call, on engine `name`."""
        from modjit.engine import create_engine

        engine = create_engine(name)  # (an unknown name fails here, before anything changes)
        for spec in list(self.specs):
            self.invalidate(spec)
        self.cells.journal.forget_native()
        if self._trim_handle is not None:
            self._engine.release(self._trim_handle)
            self._trim_handle = None
        self._engine = engine
        self.engine_name = name

    def _compile_trim(self) -> Any:
        """The journal's trim and undo loops, compiled once per engine and kept."""
        from modjit.codegen.emit_journal import TRIM_IR, TRIM_SYMBOL, UNDO_IR, UNDO_SYMBOL

        ir = TRIM_IR + UNDO_IR.replace("declare void @Py_DecRef(ptr)\n", "")
        self._trim_handle = self.engine.add_module(ir, TRIM_SYMBOL, "fast")  # (ORC frees
        lookup = self.engine.lookup  # a dropped handle's code)
        return (_TRIM_PROTO(lookup(self._trim_handle, TRIM_SYMBOL)),
                _UNDO_PROTO(lookup(self._trim_handle, UNDO_SYMBOL)))

    # -- things compiled code refers to ------------------------------------------
    def site(self, site: E.Site) -> int:
        index = self._site_index.get(site)
        if index is None:
            index = len(self.sites)
            self.sites.append(site)
            self._site_index[site] = index
        return index

    def keep(self, obj: object) -> int:
        if isinstance(obj, dict) and obj is not self.namespace:
            key = tuple(sorted(obj.items()))
            obj = self._kwargs_cache.setdefault(key, obj)
        self._kept[id(obj)] = obj
        return id(obj)

    def function_records(self, name: str) -> list:
        from modjit.runtime.dispatch import JitFunction

        fn = self.namespace.get(name)
        if not isinstance(fn, JitFunction):
            return []
        return [s.record for s in fn._specs.values() if getattr(s, "record", None) is not None]

    # -- compiling ------------------------------------------------------------------
    def specialize(self, jitfn: Any, key: tuple[Any, ...], args: tuple[Any, ...]) -> Any:
        with compiler_room():  # (a first call may come as deep as the program's limit allows)
            return self._specialize(jitfn, key, args)

    def _specialize(self, jitfn: Any, key: tuple[Any, ...], args: tuple[Any, ...]) -> Any:
        from modjit.errors import InternalError, Unsupported
        from modjit.pipeline import compile_function
        from modjit.runtime.dispatch import ON_CPYTHON

        if sum(spec is not ON_CPYTHON for spec in jitfn._specs.values()) >= MAX_SPECIALIZATIONS:
            deps: dict[str, Any] = {}
            for spec in jitfn._specs.values():
                if spec is not ON_CPYTHON:
                    deps.update(spec.deps)
            object.__setattr__(jitfn, "_full", deps)
            node = getattr(jitfn, "_node", None)
            self.session.handed_over_function(jitfn, Unsupported(
                f"{jitfn.__name__}() called with more than {MAX_SPECIALIZATIONS} combinations of "
                "argument types: the others run on CPython", node, self.session.filename))
            return ON_CPYTHON
        try:
            return compile_function(self, jitfn, key, args)
        except Unsupported as exc:
            self.unwrap_if_hopeless(jitfn)
            if key not in jitfn._failed:  # SpecGroup.request reported it already
                self.session.handed_over_function(jitfn, exc)
        except InternalError as exc:
            self.session._internal_error(exc)
        except RecursionError:  # the compiler walks expressions recursively
            self.unwrap_if_hopeless(jitfn)
            self.session.handed_over_function(jitfn, Unsupported("an expression nested too deep to compile"))
        except Exception as exc:  # noqa: BLE001 - a compiler bug must not end the program
            where = traceback.extract_tb(exc.__traceback__)[-1]
            self.session._internal_error(InternalError(
                f"{type(exc).__name__}: {exc} (at {where.filename}:{where.lineno})"))
        return ON_CPYTHON

    def watch_heat(self, spec: Any) -> int:
        """An id for baseline code to name `spec` by when it turns hot."""
        heat_id = next(self.counter)
        self._watched[heat_id] = spec
        return heat_id

    def _promote(self, heat_id: int) -> int:
        """Called by baseline code (through ctypes) when it turns hot.  Nothing
        may escape a ctypes callback: a failure is reported and the
        specialization keeps its baseline code.  A KeyboardInterrupt or
        SystemExit a signal handler raised meanwhile is returned (its address;
        else 0), and the calling code raises it: tripping the signal again from
        here ran the handler again before the callback returned, and ctypes
        printed and dropped what it raised."""
        self._interrupt = None
        spec = self._watched.pop(heat_id, None)
        if spec is None:
            return 0
        try:
            from modjit.pipeline import promote

            if not spec.invalid:
                t0 = time.perf_counter()
                promote(self, spec)
                self.promotion_seconds += time.perf_counter() - t0
        except (KeyboardInterrupt, SystemExit) as exc:
            self._interrupt = exc.with_traceback(None)  # (kept alive until the next call)
        except BaseException as exc:  # noqa: BLE001 - see above
            self.session.stats.internal_errors.append(
                f"modjit: internal error promoting {spec.title}: {type(exc).__name__}: {exc}")
        finally:
            spec.heat.value = COOLED
        return id(self._interrupt) if self._interrupt is not None else 0

    def _restart(self, mark: int, queued: int) -> None:
        """Called by baseline code (through ctypes) that promoted itself from a
        loop and has left its frame: undo its call's list changes (journaled
        since `mark`) and drop the prints it queued (past the first `queued`);
        the code then runs the call again, optimised.  Nothing may escape a
        ctypes callback: an undo cannot fail short of memory."""
        self.restarts += 1
        promoted = self.session.stats.promoted
        if promoted:  # (the specialization that just asked to be promoted)
            promoted[-1] += "; the call running it restarted in the optimised code"
        try:
            self.cells.journal.undo_to(mark)
            del self.print_queue.items[queued:]
        except BaseException as exc:  # noqa: BLE001 - see above
            self.session.stats.internal_errors.append(f"modjit: internal error restarting a call: "
                                                      f"{type(exc).__name__}: {exc}")

    def ran(self, t0: float, compiling: float) -> float:
        """Compiled code that started at `t0` returned to CPython: count its
        execution time (less promotions compiled meanwhile, counted as compile
        time) and free the code it replaced.  Returns the execution time."""
        elapsed = time.perf_counter() - t0 - (self.promotion_seconds - compiling)
        self.run_time.run += elapsed
        if self.cells.depth == 0:
            if self._release_pending:
                self.release_pending()
            restore_recursion_limit()
        return elapsed

    def release_later(self, handle: Any) -> None:
        self._release_pending.append(handle)

    def release_pending(self) -> None:
        """Back in CPython with no compiled frame on the stack (compiled code that
        can reach CPython counts its frames): replaced code can go."""
        pending, self._release_pending = self._release_pending, []
        with compiler_room():  # (llvmlite's Python-level calls, as deep as the program's limit allows)
            for handle in pending:
                self.engine.release(handle)

    def modules_changed(self) -> None:
        """math or builtins changed (runtime/watch.py): drop every compiled
        specialization, compiled against what they held; calls compile again."""
        for spec in list(self.specs):
            self.invalidate(spec)

    def program_ended(self) -> None:
        """The program and its atexit functions are done: CPython's last
        collection may now finalise the program's objects (a `__del__` that
        calls a compiled function) and ours (the engine) in any order, and
        imports fail.  From here on every stand-in runs its plain function,
        as calls from another thread do: no compiled code runs again."""
        self.thread = 0
        for jitfn in {id(s.jitfn): s.jitfn for s in self.specs}.values():
            jitfn.go_plain()

    def unwrap_if_hopeless(self, jitfn: Any) -> bool:
        """A function whose specializations all run on CPython: its stand-in
        calls the plain function straight from C (go_plain), and one that can
        call itself also gets its plain function back in the namespace (each
        level of a recursion through a stand-in costs C stack: a DFS 50,000
        deep, python3's, crashed).  Another keeps its stand-in, so that the
        function object stays the one the program holds (`g = f` ... `g is f`,
        id(f) as a key, a weak reference to f)."""
        from modjit.runtime.dispatch import ON_CPYTHON

        if all(s is ON_CPYTHON for s in jitfn._specs.values()):
            if jitfn._recursive():
                self.unwrap(jitfn)
            jitfn.go_plain()
            return True
        return False

    def unwrap(self, jitfn: Any) -> None:
        """Bind `jitfn`'s name to its plain function again (callers that
        depended on the stand-in are invalidated by the namespace change)."""
        name, original = jitfn.__name__, jitfn._fn
        if self.namespace.get(name) is jitfn:
            self.namespace[name] = original
            if weakref.getweakrefcount(jitfn):  # weakly referenced as the function: it lives as long
                self._weakly_held.append(jitfn)

    def rebound(self, deps: dict[str, Any]) -> str | None:
        """A global of `deps` (name -> the object code was compiled against:
        a specialization's and its callees') no longer bound as it was, or
        None.  What a call needs to know, at a few lookups, where a namespace
        assigned on every iteration of a loop on CPython would have it
        revalidate every specialization per call."""
        ns = self.namespace
        for name, obj in deps.items():
            if ns.get(name, MISSING) is not obj:
                return name
        return None

    def revalidate(self) -> None:
        """The namespace changed: drop specializations whose callees were rebound."""
        for spec in list(self.specs):
            if (name := self.rebound(spec.deps)) is not None:
                self.drop_rebound(spec, name)
        self.validated_version = self.ns_version.value

    def drop_rebound(self, spec: Any, name: str) -> None:
        """Drop `spec`: the global `name` it was compiled against was rebound.
        It compiles again for the new binding at its next call, but a name
        rebound again and again (a strategy function chosen per round) had it
        compiled at every round (60x python3's time): after MAX_RETYPES, its
        argument types run on CPython."""
        from modjit.runtime.dispatch import ON_CPYTHON

        self.invalidate(spec)
        jitfn, key = spec.jitfn, spec.param_types
        jitfn._retyped[key] = jitfn._retyped.get(key, 0) + 1
        if jitfn._retyped[key] >= MAX_RETYPES and jitfn._specs.get(key) is not ON_CPYTHON:
            jitfn._specs[key] = ON_CPYTHON
            self.session.stats.on_cpython(f"{spec.title}: '{name}', which it uses, keeps being rebound: "
                                          "runs on CPython")

    def retire_function(self, jitfn: Any) -> None:
        """Free every compiled specialization of `jitfn` (it was rebound, or its
        defaults were), and those calling it; a call compiles afresh."""
        def uses(s: Any) -> bool:  # (a callee only ever inlined is in no list of specs)
            return s.jitfn is jitfn or any(c.jitfn is jitfn for c in (*s.unit.callees, *s.inlined))

        for spec in [s for s in self.specs if uses(s)]:
            self.invalidate(spec)

    def invalidate(self, spec: Any) -> None:
        """Drop `spec`, and every compiled caller of it: they call its slot, or
        carry an inlined copy of it."""
        if spec.invalid:
            return
        spec.invalid = True
        spec.jitfn.forget(spec)
        self._watched.pop(spec.heat_id, None)
        spec.heat.value = COOLED
        if spec in self.specs:
            self.specs.remove(spec)
        for handle in (spec.handle, spec.entry_handle):
            if handle is not None:
                if self.cells.depth:  # its code may be running below us
                    self.release_later(handle)
                else:
                    with compiler_room():  # (a hand-over deep in a recursion retires it)
                        self.engine.release(handle)
        spec.handle = spec.entry_handle = spec.entry = None
        for caller in [s for s in self.specs
                       if spec in s.unit.callees or spec in s.inlined or spec in s.slot_callees]:
            self.invalidate(caller)

    def error_handler(self, spec: Any) -> Any:
        """`handler(effects, mark, *args)`, which a native entry calls when the
        compiled call left an error: the same hand-over or raise as call_spec's."""
        def handler(effects: int, mark: int, *args: Any) -> Any:
            try:
                return self._function_error(spec, args, effects, mark, boxed=True)
            except BaseException as exc:  # noqa: BLE001 - the entry raises it, past our frames
                return E.raised(exc)

        return handler

    def give_native_entry(self, jitfn: Any) -> bool:
        """`jitfn` keeps sending calls to CPython through the Python-level
        dispatcher and has no native entry to recognise them with: give it
        the entries of a compiled specialization.  False if there is none."""
        from modjit.pipeline import build_entries
        from modjit.runtime.dispatch import ON_CPYTHON

        for spec in list(jitfn._specs.values()):
            if spec is not ON_CPYTHON and spec.entry is None and spec.compiled and not spec.invalid:
                build_entries(self, spec)
                return bool(jitfn._natives)
        return False

    # -- running -------------------------------------------------------------------
    def call_spec(self, spec: Any, args: tuple[Any, ...]) -> Any:
        # (not the program's levels: a first call may come as deep as python3
        # goes, and the entry counts from the caller's depth)
        with given_back(_STAND_IN_LEVELS):
            effects, mark = self.cells.effects, self.cells.journal.mark()
            if spec.entry is None:
                from modjit.pipeline import build_entries

                build_entries(self, spec)
        t0, compiling = time.perf_counter(), self.promotion_seconds
        spec.calls.value += 1
        cells = self.cells
        outer, cells.entry_effects = cells.entry_effects, effects
        outer_mark, cells.entry_mark = cells.entry_mark, mark
        try:
            r = spec.entry(*args)
        except BaseException:
            cells.clear_error()
            self.print_queue.flush()
            raise
        finally:
            cells.entry_effects = outer
            cells.entry_mark = outer_mark
            self.ran(t0, compiling)
        if r is SENTINEL:
            return self._function_error(spec, args, effects, mark)
        self.print_queue.flush()
        return r

    def _function_error(self, spec: Any, args: tuple[Any, ...], effects: int, mark: int,
                        boxed: bool = False) -> Any:
        """Hand the call over, or raise the error it left (`boxed`: return it
        as an errors.Raised box, for a native entry to raise)."""
        code, site, callers = self.take_error()
        if code in E.DEOPT_CODES:
            self.session.handed_over_at_run_time(site, code, f"the call of {spec.jitfn.__name__}()")
            self.undo_for_handover(effects, mark, site, code)
            if code == E.E_DEOPT_ITEM and spec.jitfn.items_differ(spec, args):
                return spec.jitfn.call_python(*args)  # the list's items type it: keep the code
            # (a list whose sampled items look alike counts: it came back every call)
            spec.deopt_calls = [*spec.deopt_calls[1 - MAX_DEOPTS:], spec.calls.value]
            if code == E.E_DEOPT_TYPE:  # compiled for a global's old type: recompile
                self.invalidate(spec)
                self._retype(spec, site)
            elif len(spec.deopt_calls) == MAX_DEOPTS \
                    and spec.deopt_calls[-1] - spec.deopt_calls[0] < DEOPT_WINDOW:
                self.invalidate(spec)
                self._retire(spec, site)
            return spec.jitfn.rerun(args, HANDLER_RERUN_LEVELS if boxed else RERUN_LEVELS)
        self.print_queue.flush()
        if boxed and (exc := E.exception_at(E.make_exception(code, site), site, callers)) is not None:
            return E.Raised((exc,))
        self.raise_error(code, site, callers)
        raise AssertionError("unreachable")

    def _retype(self, spec: Any, site: E.Site) -> None:
        """A specialization dropped because a global it reads changed type is
        compiled again for the new type, but a global that keeps changing
        type would have it compiled again and again (a constant flipping
        between 1 and 1.0 cost 37x CPython's time): after MAX_RETYPES, its
        argument types run on CPython."""
        from modjit.runtime.dispatch import ON_CPYTHON

        jitfn, key = spec.jitfn, spec.param_types
        jitfn._retyped[key] = jitfn._retyped.get(key, 0) + 1
        if jitfn._retyped[key] >= MAX_RETYPES:
            jitfn._specs[key] = ON_CPYTHON
            self.session.stats.on_cpython(f"{site.file}:{site.line}:{site.col}: {spec.title}: a global "
                                          "it reads keeps changing type: runs on CPython")

    def _retire(self, spec: Any, site: E.Site) -> None:
        """A specialization retired for handing over again and again is
        compiled once more (a caller's inlined copy may behave otherwise);
        when that one does the same, its argument types run on CPython, as
        `fib_iter(n)` past n = 92 does: recompiling would only repeat it."""
        from modjit.runtime.dispatch import ON_CPYTHON

        jitfn, key = spec.jitfn, spec.param_types
        jitfn._retired[key] = jitfn._retired.get(key, 0) + 1
        if jitfn._retired[key] >= MAX_RETIRES:
            jitfn._specs[key] = ON_CPYTHON
            self.session.stats.on_cpython(f"{site.file}:{site.line}:{site.col}: {spec.title} keeps handing "
                                          "over to CPython (integer overflow or a value compiled code "
                                          "cannot hold): runs on CPython")

    def undo_for_handover(self, effects: int, mark: int, site: E.Site, code: int) -> None:
        """Before CPython re-runs a call or statement from its start: undo the
        list mutations journaled since `mark` and drop the queued output; stop
        with a located error if something that cannot be undone happened."""
        if self.cells.effects != effects:
            self.print_queue.flush()
            raise FatalRuntimeError(Coord(site.file, site.line, site.col), E.DEOPT_MESSAGES[code])
        self.cells.journal.undo_to(mark)
        self.print_queue.discard()  # CPython re-runs the call and prints

    def take_echo(self) -> Any:
        """The value a REPL expression statement left (a new reference, taken over)."""
        address = self._echo_cell.value
        self._echo_cell.value = 0
        if not address:
            return None
        value = ctypes.cast(address, ctypes.py_object).value
        _decref(address)
        return value

    def take_error(self) -> tuple[int, E.Site, list[E.Site]]:
        """The error compiled code left: its code, its site, and the compiled
        call sites it passed on its way out (innermost first)."""
        code, index, indices = self.cells.take_error()
        sites = self.sites
        return code, sites[index], [sites[i] for i in indices]

    def raise_error(self, code: int, site: E.Site, callers: list[E.Site]) -> None:
        """Raise the exception compiled code left, with a traceback through
        every compiled frame it passed."""
        E.raise_at(E.make_exception(code, site), site, callers)
