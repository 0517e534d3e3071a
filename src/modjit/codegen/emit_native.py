"""emit_native_entry: a METH_FASTCALL entry CPython calls without ctypes.

    define ptr @"fib.3.native"(ptr %self, ptr %args, i64 %nargs, ptr %kwnames)

It becomes the `__call__` of the function's stand-in in the namespace, so a
call from code running on CPython (a method, a lambda, `map`) costs a C call
instead of a ctypes call (~1.2 us) plus the Python-level dispatcher:

    arguments of the specialization's types (by position or by keyword, left
    out for their defaults) and an unchanged namespace -> unbox, call, box the result
    anything else         -> the Python-level dispatcher (`slow`), as before
    an error cell set     -> the runtime's handler (`on_error`: deopt or raise)

Specializations whose parameters are int, float, bool, None, lists and tuples
of these get one (all of them but those with an int|float parameter).
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

from modjit.codegen.emit_base import EmitContext
from modjit.codegen.emit_module import return_boxed
from modjit.codegen.emit_stmt import EmitStmt
from modjit.codegen.irtext import ptr_const
from modjit.frontend.infer import UnitTypes
from modjit.frontend.types import BOOL, FLOAT, INT, NONE, ListType, TupleType, Type
from modjit.runtime import capi
from modjit.runtime import errors as E
from modjit.runtime.journal import TRIM_AT

NATIVE_SCALARS = (INT, FLOAT, BOOL, NONE)
# recursion levels CPython counted for a call of an entry: none when it called the
# stand-in by vectorcall (self is the stand-in), one when another entry of the chain
# called this one as a built-in function (self is None)
CHAIN_LEVELS = 1
VECTORCALL = "PyObject_Vectorcall"


def _raise_boxed(e: EmitStmt, res: str) -> None:
    """The handler's result: a Raised box (errors.raised) is raised here, from
    C, so the program's frame sees the exception's traceback as it was made
    (the line in the function), with no frame of the handler's in it."""
    f = e.f
    box, done = f.new_label("raisebox"), f.new_label("handled")
    is_obj = f.value(f"icmp ne ptr {res}, null")
    ty = f.value(f"select i1 {is_obj}, ptr {res}, ptr {ptr_const(id(E.Raised))}")  # (null: no load)
    kind = e.ob_type(ty)
    f.cbr(f.value(f"and i1 {is_obj}, {f.value(f'icmp eq ptr {kind}, {ptr_const(id(E.Raised))}')}"), box, done)
    f.block(box)
    exc = f.value(f"load ptr, ptr {f.value(f'getelementptr i8, ptr {res}, i64 24')}")
    exc_type = e.ob_type(exc)
    f.emit(f"call void {e.need('PyErr_SetObject')}(ptr {exc_type}, ptr {exc})")
    e.decref(res)
    f.term("ret ptr null")
    f.block(done)


def has_native_entry(u: UnitTypes) -> bool:
    return all(_native_param(t) for t in u.param_types)


def _native_param(t: Type) -> bool:
    if isinstance(t, TupleType):
        return all(_native_param(i) for i in t.items)
    return t in NATIVE_SCALARS or isinstance(t, ListType)


def emit_native_entry(u: UnitTypes, symbol: str, ctx: EmitContext, slot: int,
                      deps: dict[str, int], slow: int, on_error: int,
                      defaults: Defaults | None = None, foreign: Foreign | None = None,
                      uncounted: int = 0, calls: int = 0) -> str:
    """The entry; `slow` is the address of a cell holding the callable that
    other arguments go to, `on_error` that of a Python callable (both kept
    alive by the runtime).  `deps` maps each global name the code (or a
    callee's) was compiled against to the address of the object it must still
    be bound to (0: unbound); one rebound sends the call to `slow`, which
    recompiles.  Checking them, not the namespace's version, keeps a loop on
    CPython that assigns globals on the fast path.  `defaults` lets a call
    leave trailing parameters to their default values; `foreign`, calls with
    an argument compiled code never takes go straight to the plain function.
    `uncounted`: the heat cell of baseline code whose calls from CPython are
    not to count toward its promotion (the entry takes back the count);
    `calls`, the cell counting calls through the entry (Spec.calls)."""
    e = EmitStmt(u, ctx)
    f = e.f
    cells = ctx.cells
    n = len(u.param_types)
    need_vc = e.need(VECTORCALL)
    first = n - len(defaults.values) if defaults else n  # parameters a call must pass
    # called by vectorcall, the count may carry PY_VECTORCALL_ARGUMENTS_OFFSET
    f.emit("%nargs = and i64 %nargsf, 9223372036854775807")
    # compiled code runs on the thread that runs the program (its runtime state is one)
    thread = f.value(f"call i64 {e.need('PyThread_get_thread_ident')}()")
    _require(e, f.value(f"icmp eq i64 {thread}, {ctx.thread}"))
    nkw = _keyword_count(e)
    _require(e, f.value(f"icmp sle i64 {f.value(f'add i64 %nargs, {nkw}')}, {n}"))
    if defaults:  # the function's defaults must still be the ones baked in here
        held = f.value(f"load ptr, ptr {ptr_const(defaults.cell)}")
        _require(e, f.value(f"icmp eq ptr {held}, {ptr_const(id(defaults.values))}"))
    for name, expected in deps.items():
        bound = f.value(f"call ptr {e.need('PyDict_GetItem')}(ptr {e.obj_const(ctx.namespace)}, "
                        f"ptr {e.obj_const(name)})")
        _require(e, f.value(f"icmp eq ptr {bound}, {ptr_const(expected) if expected else 'null'}"))
    args, objs = [], []
    matched = f.alloca("%kw.matched", "i64")
    f.emit(f"store i64 0, ptr {matched}")
    for i, t in enumerate(u.param_types):
        default = ptr_const(id(defaults.values[i - first])) if defaults and i >= first else None
        obj = _argument(e, i, u.params[i], nkw, matched, default)
        objs.append(obj)
        args.append(f"{t.llvm} {_unbox_exact(e, obj, t)}")
    _require(e, f.value(f"icmp eq i64 {f.value(f'load i64, ptr {matched}')}, {nkw}"))  # no stray keywords
    effects = f.value(f"load i64, ptr {ptr_const(cells.effects_addr)}")
    mark = _journal_mark(e, ctx)
    # The entry counts as a compiled frame until it returns: the runtime frees
    # code only with none on the stack, and a hand-over this call asks for can
    # invalidate the specialization whose module holds this entry.
    lone = f.value(f"icmp eq i64 {e.add_depth(1)}, 1")  # (no compiled frame below this call)
    rt = u.return_type
    target = f.value(f"load ptr, ptr {ptr_const(slot)}")
    if calls:
        e.bump(ptr_const(calls), 1)
    if uncounted:
        e.bump(ptr_const(uncounted), -1)
    # the function's own code counts itself, as the one frame python3 would
    # count: levels CPython counted on the way here are given back
    chained = f.value(f"icmp eq ptr %self, {ptr_const(capi.PY_NONE)}")
    _when(e, chained, lambda: e.recursion_leave(CHAIN_LEVELS))
    outer = f.value(f"load i64, ptr {ptr_const(cells.entry_effects_addr)}")  # (as call_spec does)
    outer_mark = f.value(f"load i64, ptr {ptr_const(cells.entry_mark_addr)}")
    outer_lone = f.value(f"load i64, ptr {ptr_const(cells.lone_entry_addr)}")
    f.emit(f"store i64 {effects}, ptr {ptr_const(cells.entry_effects_addr)}")
    f.emit(f"store i64 {mark}, ptr {ptr_const(cells.entry_mark_addr)}")
    f.emit(f"store i64 {f.value(f'zext i1 {lone} to i64')}, ptr {ptr_const(cells.lone_entry_addr)}")
    r = f.value(f'call {rt.llvm} {target}({", ".join(args)})')
    f.emit(f"store i64 {outer}, ptr {ptr_const(cells.entry_effects_addr)}")
    f.emit(f"store i64 {outer_mark}, ptr {ptr_const(cells.entry_mark_addr)}")
    f.emit(f"store i64 {outer_lone}, ptr {ptr_const(cells.lone_entry_addr)}")
    _when(e, chained, lambda: e.recursion_recount(CHAIN_LEVELS))
    code = f.value(f"load i64, ptr {ptr_const(cells.err_code_addr)}")
    f.cbr(f.value(f"icmp eq i64 {code}, 0"), done := f.new_label("done"), "failed")
    f.block(done)
    _flush_prints(e, ctx)
    e.add_depth(-1)
    return_boxed(e, r, rt)
    f.block("failed")
    f.cbr(f.value(f"icmp eq i64 {code}, {E.E_PYERR}"), pyerr := f.new_label("pyerr"), "handler")
    f.block(pyerr)  # a Python exception is set: printed output first, then raise it
    f.emit(f"store i64 0, ptr {ptr_const(cells.err_code_addr)}")
    _flush_prints(e, ctx, keep_exception=True)
    e.add_depth(-1)
    f.term("ret ptr null")
    f.block("handler")  # on_error(effects, mark, *args): hand over or raise, as the dispatcher does
    arr = f.alloca("%handler.args", f"[{n + 2} x ptr]")
    f.emit(f"store ptr {e.box((effects, INT))}, ptr {arr}")
    f.emit(f"store ptr {e.box((mark, INT))}, ptr {f.value(f'getelementptr ptr, ptr {arr}, i64 1')}")
    for i, obj in enumerate(objs):
        f.emit(f"store ptr {obj}, ptr {f.value(f'getelementptr ptr, ptr {arr}, i64 {i + 2}')}")
    res = f.value(f"call ptr {need_vc}(ptr {ptr_const(on_error)}, ptr {arr}, i64 {n + 2}, ptr null)")
    for k in range(2):
        e.decref(f.value(f"load ptr, ptr {f.value(f'getelementptr ptr, ptr {arr}, i64 {k}')}"))
    e.add_depth(-1)
    _raise_boxed(e, res)
    f.term(f"ret ptr {res}")
    f.block("slow")
    if foreign is not None:
        _foreign_path(e, foreign)
    # A tail call: the dispatcher may retire this specialization (and free this
    # module's code, at once under ORC), so no frame of it may wait below.
    target = f.value(f"load ptr, ptr {ptr_const(slow)}")
    res = f.value(f"musttail call ptr {need_vc}(ptr {target}, ptr %args, i64 %nargs, ptr %kwnames)")
    f.term(f"ret ptr {res}")
    f.block("printfail")  # printing the call's output raised
    e.add_depth(-1)
    f.term("ret ptr null")
    return f.render(f'define ptr @"{symbol}.native"(ptr %self, ptr %args, i64 %nargsf, ptr %kwnames) '
                    f"nounwind")


# The Python types compiled code may take as arguments: a call passing any
# other (a str, a dict, an object) runs on CPython whatever its other arguments.
NATIVE_PYTYPES = (int, float, bool, type(None), list, tuple)


class Foreign:
    """A stand-in's plain function, and the address of its cell that says
    whether calls passing a foreign argument (not of NATIVE_PYTYPES) may go to
    it from the entry: set by the dispatcher once it sent such a call to
    CPython, recorded why, and kept the stand-in (a recursive function gets
    its plain function back instead)."""

    __slots__ = ("fn", "cell", "known", "width")

    def __init__(self, fn: object, cell: int, known: int = 0, width: int = 0) -> None:
        self.fn = fn
        self.cell = cell
        # the stand-in's table of calls it sent to CPython (dispatch.KnownCalls):
        # [count, then entries of [nargs, by identity?, `width` words]]
        self.known, self.width = known, width


def _foreign_path(e: EmitStmt, foreign: Foreign) -> None:
    """In the slow path: a call passing a foreign argument calls the plain
    function from here, as a tail call (no frame of this module waits below
    it, see `slow`), instead of through the Python-level dispatcher, which
    cost a string-and-number helper ~3 us per call with a string; so does
    a call the dispatcher sent to CPython before (_known_path)."""
    f = e.f
    if foreign.known:
        _known_path(e, foreign)
    dispatch = f.new_label("dispatch")
    enabled = f.value(f"load i64, ptr {ptr_const(foreign.cell)}")
    f.cbr(f.value(f"icmp ne i64 {enabled}, 0"), scan := f.new_label("scan"), dispatch)
    f.block(scan)
    k, nxt, close = _each(e, f.value(f"add i64 %nargs, {_keyword_count(e)}"), "arg", dispatch)
    obj = f.value(f"load ptr, ptr {f.value(f'getelementptr ptr, ptr %args, i64 {k}')}")
    ty = e.ob_type(obj)
    native = e.type_in(ty, map(id, NATIVE_PYTYPES))
    f.cbr(native, nxt, plain := f.new_label("plain"))
    close()
    f.block(plain)
    _call_plain(e, foreign)
    f.block(dispatch)


def _when(e: EmitStmt, cond: str, then: Callable[[], None]) -> None:
    """Emit `then` in a block that runs if `cond` holds."""
    f = e.f
    f.cbr(cond, yes := f.new_label("when"), done := f.new_label("whendone"))
    f.block(yes)
    then()
    f.br(done)
    f.block(done)


def _each(e: EmitStmt, bound: str, tag: str, out: str) -> tuple[str, str, Callable[[], None]]:
    """A loop over k = 0 .. bound-1 (then to `out`): k, the label that goes
    on to the next k, and what emits that block (once the body is done)."""
    f = e.f
    start = f.open()
    f.br(head := f.new_label(tag))
    f.block(head)
    k = f.value(f"phi i64 [0, %{start}], [{(k1 := f.tmp('k'))}, %{(nxt := f.new_label(tag + 'next'))}]")
    f.cbr(f.value(f"icmp ult i64 {k}, {bound}"), look := f.new_label(tag + "look"), out)
    f.block(look)

    def close() -> None:
        f.block(nxt)
        f.emit(f"{k1} = add i64 {k}, 1")
        f.br(head)

    return k, nxt, close


def _call_plain(e: EmitStmt, foreign: Foreign) -> None:
    """Tail-call the plain function with the call's own arguments."""
    res = e.f.value(f"musttail call ptr {e.need(VECTORCALL)}(ptr {ptr_const(id(foreign.fn))}, "
                    f"ptr %args, i64 %nargs, ptr %kwnames)")
    e.f.term(f"ret ptr {res}")


def _known_path(e: EmitStmt, foreign: Foreign) -> None:
    """A call without keywords that matches an entry of the stand-in's
    table of calls sent to CPython (the same count of arguments, of the same
    types, or the very same objects) calls the plain function: `clamp(i)`
    whose default None never compiles, a mixed list passed on every call,
    each cost ~3 us in the Python-level dispatcher (4-8x python3's time)."""
    f = e.f
    table, stride = foreign.known, 2 + foreign.width
    miss = f.new_label("knownmiss")
    f.cbr(f.value("icmp eq ptr %kwnames, null"), scan := f.new_label("known"), miss)
    f.block(scan)
    k, nxt, close = _each(e, f.value(f"load i64, ptr {ptr_const(table)}"), "known", miss)
    entry = f.value(f"getelementptr i64, ptr {ptr_const(table + 8)}, i64 {f.value(f'mul i64 {k}, {stride}')}")
    nargs = f.value(f"load i64, ptr {entry}")
    f.cbr(f.value(f"icmp eq i64 {nargs}, %nargs"), same := f.new_label("knownsame"), nxt)
    f.block(same)
    mode = f.value(f"getelementptr i64, ptr {entry}, i64 1")
    by_identity = f.value(f"icmp ne i64 {f.value(f'load i64, ptr {mode}')}, 0")
    matched = f.new_label("knownhit")
    for i in range(foreign.width):
        f.cbr(f.value(f"icmp ult i64 {i}, %nargs"), arg := f.new_label("knownarg"), matched)
        f.block(arg)
        obj = f.value(f"load ptr, ptr {f.value(f'getelementptr ptr, ptr %args, i64 {i}')}")
        key = f.value(f"select i1 {by_identity}, ptr {obj}, ptr {e.ob_type(obj)}")
        want = f.value(f"load ptr, ptr {f.value(f'getelementptr i64, ptr {entry}, i64 {2 + i}')}")
        f.cbr(f.value(f"icmp eq ptr {key}, {want}"), ok := f.new_label("knownok"), nxt)
        f.block(ok)
    f.br(matched)
    close()
    f.block(matched)
    _call_plain(e, foreign)
    f.block(miss)


class Defaults:
    """A function's default values as a native entry bakes them in: the tuple
    (kept alive by the specialization) and the address of the function's own
    pointer to its defaults, checked at each call that leaves one out."""

    __slots__ = ("values", "cell")

    def __init__(self, values: tuple[object, ...], cell: int) -> None:
        self.values = values
        self.cell = cell

    @staticmethod
    def of(fn: object) -> Defaults | None:
        values = getattr(fn, "__defaults__", None)
        if not values:
            return None
        for offset in range(16, 160, 8):  # func_defaults in PyFunctionObject
            if ctypes.c_void_p.from_address(id(fn) + offset).value == id(values):
                return Defaults(values, id(fn) + offset)
        return None


def _keyword_count(e: EmitStmt) -> str:
    """How many arguments the call passed by keyword (the size of %kwnames)."""
    f = e.f
    some, done = f.new_label("kwsome"), f.new_label("kwcount")
    start = f.open()
    f.cbr(f.value("icmp ne ptr %kwnames, null"), some, done)
    f.block(some)
    size = f.value(f"load i64, ptr {f.value('getelementptr i8, ptr %kwnames, i64 16')}")
    f.br(done)
    f.block(done)
    return f.value(f"phi i64 [0, %{start}], [{size}, %{some}]")


def _argument(e: EmitStmt, i: int, name: str, nkw: str, matched: str, default: str | None) -> str:
    """Parameter `i`'s object: passed by position, or by keyword (its name, as
    the interned string both code objects hold: another string object with
    the same text leaves for `slow`), or its default; none of them: `slow`."""
    f = e.f
    given, search, loop, test, step, found, join = (
        f.new_label(x) for x in ("given", "kwsearch", "kwloop", "kwtest", "kwnext", "kwfound", "argjoin"))
    f.cbr(f.value(f"icmp slt i64 {i}, %nargs"), given, search)
    f.block(given)
    passed = f.value(f"load ptr, ptr {f.value(f'getelementptr ptr, ptr %args, i64 {i}')}")
    f.br(join)
    f.block(search)
    f.br(loop)
    f.block(loop)
    j = f.value(f"phi i64 [0, %{search}], [{(j_next := f.tmp('kwj'))}, %{step}]")
    missing = f.new_label("kwmissing")
    f.cbr(f.value(f"icmp slt i64 {j}, {nkw}"), test, missing)
    f.block(test)
    names = f.value("getelementptr i8, ptr %kwnames, i64 24")  # the tuple's items
    key = f.value(f"load ptr, ptr {f.value(f'getelementptr ptr, ptr {names}, i64 {j}')}")
    f.cbr(f.value(f"icmp eq ptr {key}, {e.obj_const(sys.intern(name))}"), found, step)
    f.block(step)
    f.emit(f"{j_next} = add i64 {j}, 1")
    f.br(loop)
    f.block(found)
    at = f.value(f"add i64 %nargs, {j}")
    by_keyword = f.value(f"load ptr, ptr {f.value(f'getelementptr ptr, ptr %args, i64 {at}')}")
    count = f.value(f"load i64, ptr {matched}")
    f.emit(f"store i64 {f.value(f'add i64 {count}, 1')}, ptr {matched}")
    f.br(join)
    f.block(missing)
    if default is None:
        f.br("slow")
        f.block(join)
        return f.value(f"phi ptr [{passed}, %{given}], [{by_keyword}, %{found}]")
    f.br(join)
    f.block(join)
    return f.value(f"phi ptr [{passed}, %{given}], [{by_keyword}, %{found}], [{default}, %{missing}]")


def _require(e: EmitStmt, cond: str) -> None:
    """Go on if `cond` holds, else leave for the Python-level dispatcher."""
    e.f.cbr(cond, ok := e.f.new_label("ok"), "slow")
    e.f.block(ok)


def _unbox_exact(e: EmitStmt, obj: str, t: Type) -> str:
    """An argument of exactly type `t` unboxed; any other leaves for `slow`.
    A list is taken as it is, as the dispatcher takes it: compiled code checks
    each element it reads (a list of other elements hands over there)."""
    f = e.f
    if t == BOOL:
        is_true = f.value(f"icmp eq ptr {obj}, {ptr_const(capi.PY_TRUE)}")
        is_false = f.value(f"icmp eq ptr {obj}, {ptr_const(capi.PY_FALSE)}")
        _require(e, f.value(f"or i1 {is_true}, {is_false}"))
        return is_true
    if t == NONE:
        _require(e, f.value(f"icmp eq ptr {obj}, {ptr_const(capi.PY_NONE)}"))
        return "false"
    want = {INT: capi.INT_TYPE, FLOAT: capi.FLOAT_TYPE}.get(
        t, capi.LIST_TYPE if isinstance(t, ListType) else capi.TUPLE_TYPE)
    ty = e.ob_type(obj)
    _require(e, f.value(f"icmp eq ptr {ty}, {ptr_const(want)}"))
    if t == FLOAT:
        return f.value(f"load double, ptr {f.value(f'getelementptr i8, ptr {obj}, i64 16')}")
    if t == INT:
        ovf = f.alloca(f.tmp("ovf"), "i32")
        value = f.value(f"call i64 {e.need('PyLong_AsLongLongAndOverflow')}(ptr {obj}, ptr {ovf})")
        _require(e, f.value(f"icmp eq i32 {f.value(f'load i32, ptr {ovf}')}, 0"))  # big ints: CPython
        return value
    if isinstance(t, ListType):
        _require_sampled_items(e, obj, t.elem)
        return obj  # borrowed, as the dispatcher's entry passes it
    assert isinstance(t, TupleType)
    size = f.value(f"load i64, ptr {f.value(f'getelementptr i8, ptr {obj}, i64 16')}")
    _require(e, f.value(f"icmp eq i64 {size}, {len(t.items)}"))
    out = "poison"
    for i, it in enumerate(t.items):
        item = f.value(f"load ptr, ptr {f.value(f'getelementptr i8, ptr {obj}, i64 {24 + 8 * i}')}")
        out = f.value(f"insertvalue {t.llvm} {out}, {it.llvm} {_unbox_exact(e, item, it)}, {i}")
    return out


def _item_types(elem: Type) -> tuple[int, ...]:
    """The Python types (addresses) a list's items have in a list of `elem`s."""
    if elem == INT:
        return (capi.INT_TYPE,)
    if elem == FLOAT:
        return (capi.FLOAT_TYPE,)
    if elem == BOOL:
        return (capi.BOOL_TYPE,)
    if elem.name == "int|float":
        return (capi.INT_TYPE, capi.FLOAT_TYPE)
    if isinstance(elem, ListType):
        return (capi.LIST_TYPE,)
    if isinstance(elem, TupleType):
        return (capi.TUPLE_TYPE,)
    return ()


def _require_sampled_items(e: EmitStmt, lst: str, elem: Type) -> None:
    """A non-empty list's first, middle and last items (the dispatcher's
    samples: types.type_of_value) are of the element type, else `slow`: a
    function called in turn with [1] and [0.5] has a native entry for each,
    chained, where the list[int] entry took [0.5] and handed the call over
    at the first item it read (7x python3's time); one called with [1, 2]
    and [1, 2.0, 3] in turn handed every second call over (12x).  Other
    items are still checked where compiled code reads them."""
    types = _item_types(elem)
    if not types:
        return
    f = e.f
    size = f.value(f"load i64, ptr {f.value(f'getelementptr i8, ptr {lst}, i64 16')}")
    check, join = f.new_label("sampleitems"), f.new_label("itemsok")
    f.cbr(f.value(f"icmp sgt i64 {size}, 0"), check, join)
    f.block(check)
    items = f.value(f"load ptr, ptr {f.value(f'getelementptr i8, ptr {lst}, i64 24')}")
    for at in ("0", f.value(f"lshr i64 {size}, 1"), f.value(f"sub i64 {size}, 1")):
        item = f.value(f"load ptr, ptr {f.value(f'getelementptr ptr, ptr {items}, i64 {at}')}")
        _require(e, e.type_in(e.ob_type(item), types))
    f.br(join)
    f.block(join)


def _journal_mark(e: EmitStmt, ctx: EmitContext) -> str:
    """Where this call's journal records start; a journal past TRIM_AT is
    trimmed first (the runtime's trim does nothing under a compiled frame)."""
    f = e.f
    count = ptr_const(ctx.cells.journal.count_addr)
    n = f.value(f"load i64, ptr {count}")
    f.cbr(f.value(f"icmp ugt i64 {n}, {TRIM_AT}"), trim := f.new_label("trim"),
          kept := f.new_label("marked"))
    f.block(trim)
    trim_fn = ptr_const(ctx.keep(ctx.cells.journal.trim_fn))
    e.decref(f.value(f"call ptr {e.need(VECTORCALL)}(ptr {trim_fn}, ptr null, i64 0, ptr null)"), nullable=True)
    f.br(kept)
    f.block(kept)
    return f.value(f"load i64, ptr {count}")


def _flush_prints(e: EmitStmt, ctx: EmitContext, keep_exception: bool = False) -> None:
    """Print what the call queued (CPython prints when control returns to it)."""
    f = e.f
    queue = ptr_const(ctx.keep(ctx.print_queue.items))
    size = f.value(f"load i64, ptr {f.value(f'getelementptr i8, ptr {queue}, i64 16')}")
    f.cbr(f.value(f"icmp eq i64 {size}, 0"), none := f.new_label("noprint"), some := f.new_label("print"))
    f.block(some)
    if keep_exception:
        saved = [f.alloca(f.tmp("exc"), "ptr") for _ in range(3)]
        f.emit(f"call void {e.need('PyErr_Fetch')}(ptr {saved[0]}, ptr {saved[1]}, ptr {saved[2]})")
    flush = ptr_const(ctx.keep(ctx.print_queue.flush_fn))
    res = f.value(f"call ptr {e.need(VECTORCALL)}(ptr {flush}, ptr null, i64 0, ptr null)")
    if keep_exception:
        # the call's own exception wins over one from printing
        f.emit(f"call void {e.need('Py_DecRef')}(ptr {res})")  # NULL-safe
        loaded = [f.value(f"load ptr, ptr {s}") for s in saved]
        f.emit(f"call void {e.need('PyErr_Restore')}(ptr {loaded[0]}, ptr {loaded[1]}, ptr {loaded[2]})")
    else:
        f.cbr(f.value(f"icmp eq ptr {res}, null"), "printfail", ok := f.new_label("printed"))
        f.block(ok)
        e.decref(res)
    f.br(none)
    f.block(none)
