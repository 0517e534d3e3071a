"""JitFunction: a function's stand-in in the namespace, compiling per argument types.

    fib(30)      -> key (int,) -> specialization fib(int) compiled at first call
    fib(2**70)   -> a big int: the original function runs on CPython
    fib("x")     -> leaves the subset: CPython (remembered per key)
"""

from __future__ import annotations

import builtins as _builtins
import ctypes
import functools
import operator
import types
from _thread import get_ident
from typing import Any

from modjit.frontend.resolve import Default, bind_slots
from modjit.frontend.types import type_of_value
from modjit.runtime.errors import program_frames
from modjit.runtime.recursion import given_back

# The builtins called here, bound as this module's own: a program that replaces
# one (builtins.len = ...) changes its own calls, not the runtime's.
globals().update({name: getattr(_builtins, name) for name in (
    "all", "any", "enumerate", "frozenset", "getattr", "hash", "id", "isinstance", "len",
    "list", "map", "min", "range", "repr", "set", "setattr", "tuple", "type", "vars", "zip")})


_ON_CPYTHON = object()
_BY_ITEMS = object()  # in _fast: lists of these Python types took more than one specialization
_VALUE_DECIDES = (int, list, tuple)  # Python types whose values decide if a call compiles
# A stand-in that sent this many calls to CPython with no compiled specialization
# gives its name back to the plain function: each call through it cost ~3 us.
HOPELESS_CALLS = 100
MAX_CALL_CHAIN = 50  # functions _calls_back looks through for mutual recursion
MAX_NATIVES = 8  # native entries chained as a stand-in's __call__ (6 int/float/bool pairs of f(a, b) took 8x python3's time with 4)
# argument type combinations compiled per function; calls with others run on
# CPython (a function called with tuples of 119 lengths compiled 478 units, 100x python3)
MAX_SPECIALIZATIONS = MAX_NATIVES
# Calls of the original function nested through the stand-in before the name
# gets the plain function back: each nesting costs C stack (~1 KiB) and two
# more levels of the recursion limit than a plain call.
NESTING_LIMIT = 30
METH_FASTCALL_KEYWORDS = 0x0080 | 0x0002


KNOWN_CALLS = 4  # calls sent to CPython that native entries recognise (KnownCalls)
# calls sent to CPython before a stand-in with compiled code called only from
# compiled code gets a native entry for them (`clamp(i)` with a default None
# in a loop on CPython, after `clamp(i, 30)` compiled in a compiled loop)
NATIVE_AFTER = 50


class KnownCalls:
    """Calls a stand-in sent to CPython, which its native entries then send
    to the plain function themselves (emit_native._known_path), with no
    Python-level dispatch: KNOWN_CALLS entries [number of arguments, by
    identity?, a word per parameter: the argument's type, or by identity the
    argument's address].  A stale or torn entry can only send a call to the
    plain function, which is what CPython runs anyway: so the arguments are
    not held (held, the last list of objects a function was passed was freed
    only when another took its place, its items' `__del__` run late)."""

    __slots__ = ("width", "words", "next", "address")

    def __init__(self, width: int) -> None:
        self.width = width
        self.words = (ctypes.c_int64 * (1 + KNOWN_CALLS * (2 + width)))()
        self.next = 0
        self.address = ctypes.addressof(self.words)

    def add(self, args: tuple[Any, ...], by_identity: bool) -> None:
        n, words, stride = len(args), self.words, 2 + self.width
        if n > self.width:
            return
        keys = [id(a) if by_identity else id(type(a)) for a in args]
        for k in range(words[0]):
            base = 1 + k * stride
            if words[base] == n and words[base + 1] == by_identity and list(words[base + 2:base + 2 + n]) == keys:
                return
        k = self.next
        self.next = (k + 1) % KNOWN_CALLS
        base = 1 + k * stride
        words[base], words[base + 1] = n, by_identity
        for i, key in enumerate(keys):
            words[base + 2 + i] = key
        words[0] = min(words[0] + 1, KNOWN_CALLS)

    def clear(self) -> None:
        self.words[0] = 0
        self.next = 0


class _MethodDef(ctypes.Structure):
    """CPython's PyMethodDef: what a built-in function object points at."""

    _fields_ = [("ml_name", ctypes.c_char_p), ("ml_meth", ctypes.c_void_p),
                ("ml_flags", ctypes.c_int), ("ml_doc", ctypes.c_char_p)]


_set_class = object.__dict__["__class__"].__set__
_new_cfunction = ctypes.pythonapi.PyCFunction_NewEx
_new_cfunction.restype = ctypes.py_object
_new_cfunction.argtypes = [ctypes.c_void_p, ctypes.py_object, ctypes.py_object]


def _forwarded(attr: str, retire: bool = False) -> Any:
    def get(self: JitFunction) -> Any:
        return getattr(self._fn, attr)

    def put(self: JitFunction, value: Any) -> None:
        setattr(self._fn, attr, value)
        if retire:
            self._rt.retire_function(self)

    return property(get, put)


# CPython calls an object by vectorcall when its type has this flag, through the
# function pointer at tp_vectorcall_offset in the object; a stand-in is a
# functools.partial underneath for that pointer (partialobject.vectorcall), which
# then points at the native entry of its last specialization (install_native).
_HAVE_VECTORCALL = 1 << 11
_TP_FLAGS = 168  # offsetof(PyTypeObject, tp_flags), CPython 3.11, 64-bit
_VECTORCALL = ctypes.c_ssize_t.from_address(id(functools.partial) + 56).value  # tp_vectorcall_offset
assert ctypes.c_ulong.from_address(id(functools.partial) + _TP_FLAGS).value == functools.partial.__flags__
assert _VECTORCALL == functools.partial.__basicsize__ - 8
# partial's own vectorcall (partial_vectorcall): the plain function called from C,
# no frame of modjit's, for a stand-in that compiles nothing any more (go_plain)
_PARTIAL_VECTORCALL = ctypes.c_void_p.from_address(id(functools.partial(repr)) + _VECTORCALL).value


class JitFunction(functools.partial):
    """The stand-in keeps its own state in slots; every other attribute a
    program reads or writes (f.calls = 0, f.__name__, vars(f)) is the plain
    function's, so nothing is lost when the name gets the function back.
    CPython calls it by vectorcall straight into the native entry of its last
    specialization (through the class's __call__, slot_tp_call made an
    argument tuple and a keyword dict per call: a one-line helper called from
    CPython ran 1.5x python3's time, 2.5x with keywords)."""

    __slots__ = ("_fn", "_rt", "_node", "_specs", "_fast", "_failed", "_retired", "_retyped",
                 "_nparams", "_simple", "_natives", "_counts", "_bindings", "_self_calls",
                 "_cpython_args", "_foreign", "_full", "_known", "_waste")

    def __new__(cls, fn: types.FunctionType, rt: Any, node: Any = None) -> JitFunction:
        return super().__new__(cls, fn)

    def __init__(self, fn: types.FunctionType, rt: Any, node: Any = None) -> None:
        own = object.__setattr__
        own(self, "_fn", fn)
        own(self, "_rt", rt)
        own(self, "_node", node)  # the ast.FunctionDef, when the session parsed it
        own(self, "_specs", {})  # full type key -> Spec or _ON_CPYTHON
        own(self, "_fast", {})  # python type key -> Spec (no tuples)
        own(self, "_failed", {})
        own(self, "_retired", {})  # type key -> specializations retired for hand-overs
        own(self, "_retyped", {})  # type key -> specializations dropped for globals' new types
        # type key -> calls that borrowed lists for little work (codegen/emit_arrays.py)
        own(self, "_waste", {})
        own(self, "_natives", [])  # specializations whose native entries answer calls, __call__ last
        # [calls of the original function under way through this stand-in,
        #  calls sent to CPython]
        own(self, "_counts", [0, 0])
        own(self, "_bindings", {})  # (positional count, *keywords) -> (defaults, code, binding)
        own(self, "_self_calls", None)  # can it call itself? (_recursive, worked out once)
        own(self, "_cpython_args", None)  # the addresses of the last arguments whose values run on CPython
        # 1: the native entries send calls with a str, a dict, an object, ... to
        # the plain function themselves (emit_native.Foreign)
        own(self, "_foreign", ctypes.c_int64(0))
        # once MAX_SPECIALIZATIONS are compiled (the runtime refused another):
        # the globals they were compiled against, name -> object
        own(self, "_full", None)
        self._read_code()
        # A class of its own (install_native sets its __call__), named as
        # CPython names a function's type in messages and reprs.
        _set_class(self, _StandInType("function", (JitFunction,), _CLASS_DICT))
        self._vectorcall(None)  # (until a native entry is installed: __call__, the dispatcher)

    def _vectorcall(self, spec: Any) -> None:
        """Calls from CPython enter `spec`'s native entry (None: through __call__).
        (The flag is set again after each change of __call__: Python 3.12
        drops it then.)"""
        ctypes.c_void_p.from_address(id(self) + _VECTORCALL).value = spec.native_address if spec else None
        ctypes.c_ulong.from_address(id(type(self)) + _TP_FLAGS).value |= _HAVE_VECTORCALL

    def waste_cell(self, key: tuple[Any, ...]) -> ctypes.c_int64:
        """The count of calls with these argument types that borrowed lists
        for less work than the copies cost (kept across recompilations)."""
        if key not in self._waste:
            self._waste[key] = ctypes.c_int64(0)
        return self._waste[key]  # type: ignore[no-any-return]

    def _read_code(self) -> None:
        code = self._fn.__code__
        object.__setattr__(self, "_nparams", code.co_argcount)
        object.__setattr__(self, "_simple", not (code.co_flags & 0x0C or code.co_kwonlyargcount
                                                or self._fn.__closure__))
        object.__setattr__(self, "_known", KnownCalls(code.co_argcount))

    def __repr__(self) -> str:
        return repr(self._fn)

    def __get__(self, obj: Any, objtype: Any = None) -> Any:
        if obj is None:
            return self
        return types.MethodType(self, obj)

    def __getattr__(self, name: str) -> Any:  # what the stand-in lacks: the function's
        return getattr(object.__getattribute__(self, "_fn"), name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _OWN:
            object.__setattr__(self, name, value)
        else:
            setattr(self._fn, name, value)

    def __delattr__(self, name: str) -> None:
        if name in _OWN:
            object.__delattr__(self, name)
        else:
            delattr(self._fn, name)

    # What code reads (and writes) of a function reaches the function itself;
    # new defaults also retire compiled callers, which hold the old ones as
    # constants, and new code (f.__code__ = g.__code__) runs on CPython.
    @property
    def __code__(self) -> types.CodeType:
        return self._fn.__code__

    @__code__.setter
    def __code__(self, code: types.CodeType) -> None:
        self._fn.__code__ = code
        object.__setattr__(self, "_node", None)  # its source is not the def's any more
        object.__setattr__(self, "_self_calls", None)
        self._read_code()
        self._rt.retire_function(self)

    __globals__ = property(lambda self: self._fn.__globals__)
    __closure__ = property(lambda self: self._fn.__closure__)
    __builtins__ = property(lambda self: self._fn.__builtins__)
    __defaults__ = _forwarded("__defaults__", retire=True)
    __kwdefaults__ = _forwarded("__kwdefaults__", retire=True)
    __dict__ = _forwarded("__dict__")  # type: ignore[assignment]
    __doc__ = _forwarded("__doc__")
    __annotations__ = _forwarded("__annotations__")  # type: ignore[assignment]

    # To isinstance() and inspect.isfunction() the stand-in is a function, as
    # the name held one before (isinstance consults __class__ after the type);
    # type() still tells.  Pickling (multiprocessing, copy) names it by its
    # module and qualified name, as it does a plain function.
    @property  # type: ignore[misc]
    def __class__(self) -> type:
        return types.FunctionType

    @__class__.setter
    def __class__(self, cls: type) -> None:
        _set_class(self, cls)

    def __reduce__(self) -> str:
        return self._fn.__qualname__

    # Equal to its plain function, and hashed as it: a dict keyed or a list
    # holding the stand-in still finds the function once the name has the
    # plain function back (_let_go), and the other way round.
    def __eq__(self, other: object) -> Any:
        return True if other is self or other is self._fn else NotImplemented  # (mock.ANY == f)

    def __hash__(self) -> int:
        return hash(self._fn)

    def call_python(self, *args: Any, **kwargs: Any) -> Any:
        """The dispatcher: pick (or compile) the specialization for these
        argument types and call it through ctypes, or run the function on CPython.
        Other threads than the program's run it on CPython: the runtime's state
        (error cell, journal, print queue, frame count) is one."""
        try:
            if get_ident() != self._rt.thread:
                if self._recursive():
                    # The name gets its plain function back for good: recursing
                    # through the stand-in, each level cost C stack (a DFS 50,000
                    # deep on a worker thread, python3's, crashed) and levels of
                    # the limit.  (A program run in a thread, as contest code
                    # often is, compiles nothing there anyway.)
                    self._rt.unwrap(self)
                    if not kwargs:
                        return _as_python_would(self._fn, args, _THREAD_STAND_IN_LEVELS)
                return self._fn(*args, **kwargs)
            if kwargs or len(args) != self._nparams:  # keywords, defaults
                bound = self._bind(args, kwargs) if self._simple else None
                if bound is None:
                    if self._let_go():
                        return self._fn(*args, **kwargs)
                    return self.on_cpython(*args, **kwargs)
                if not kwargs and self._natives and self._fast.get(tuple(map(type, bound))) is _ON_CPYTHON:
                    self._remember(args, False)  # (`clamp(i)` whose default never compiles)
                if self._natives:  # bound by position: the native entries take it
                    return type(self).__call__(*bound)
                args = bound
            elif not self._simple:
                if self._let_go():
                    return self._fn(*args)
                return self.on_cpython(*args)
            rt = self._rt
            full = self._full
            if full is not None and len(self._natives) >= MAX_SPECIALIZATIONS and (
                    rt.ns_version.value == rt.validated_version
                    or rt.rebound(full) is None):
                # every specialization's native entry turned these arguments down, and
                # no other may be compiled: no type key to work out (tuples of 20
                # lengths in turn spent 10 us a call on it, 7x python3's time)
                return self.on_cpython(*args)
            pytypes = tuple(map(type, args))
            spec = self._fast.get(pytypes)
            key = None
            if spec is _BY_ITEMS:
                key = tuple(type_of_value(a) for a in args)
                if any(k is None for k in key):
                    return self._mixed(args)
                spec = None  # (their items decide: _specialize, by this key)
            elif spec is _ON_CPYTHON:  # decided for good: no namespace change undoes it
                self._remember(args, False)
                if self._let_go():
                    return self._fn(*args)  # (no frame more than needed: recursion depth)
                return self.on_cpython(*args)
            if spec is not None and rt.ns_version.value != rt.validated_version and \
                    (rebound := rt.rebound(spec.deps)) is not None:
                rt.drop_rebound(spec, rebound)  # a name it was compiled against was rebound
                spec = None
            if spec is None:
                if self._cpython_args == tuple(map(id, args)):
                    # the objects that ran on CPython last time (a mixed list in a loop): no
                    # scan of it per call.  (Their addresses: a new object at one runs on
                    # CPython too, as python3 runs it; held, their __del__ ran late.)
                    self._remember(args, True)
                    if self._let_go():
                        return self._fn(*args)
                    return self.on_cpython(*args)
                if rt.ns_version.value != rt.validated_version:
                    rt.revalidate()  # before compiling against the namespace
                # (a first call, as deep as python3 goes: the type key's
                # genexpr and the compiler's entry may not fail there)
                with given_back(_COMPILING_LEVELS):
                    spec = self._specialize(args, key)
                if spec is _ON_CPYTHON and args:
                    by_identity = self._fast.get(pytypes) is not _ON_CPYTHON
                    if by_identity:  # (their values decided: their addresses are kept)
                        object.__setattr__(self, "_cpython_args", tuple(map(id, args)))
                    self._remember(args, by_identity)
            if spec is _ON_CPYTHON:
                if self._let_go():
                    return _as_python_would(self._fn, args)  # (a first call: compiling failed just now)
                return self.on_cpython(*args)
            if not spec.args_fit(args):
                return self.on_cpython(*args)
            return rt.call_spec(spec, args)
        except BaseException as exc:  # (zero-cost until raised)
            # The program sees no frame of modjit's in the traceback (this
            # one, the runtime's raising for compiled code, on_cpython): from
            # the caller's frame on, it goes to the function's own frames, as
            # under python3 (traceback.print_exc(), format_exc() printed).
            # A bare raise adds no entry for this frame.
            exc.__traceback__ = program_frames(exc.__traceback__)
            raise

    def _mixed(self, args: tuple[Any, ...]) -> Any:
        """A call whose lists' items decide, holding no compiled type (a list
        of ints and floats): to CPython, with no type key to work out again
        nor compiling to try.  A new mixed list in every call of a loop spent
        17 us a call in _specialize and _remember, 18x python3's time.  The
        same objects twice in a row go to the native entries' table (a mixed
        list passed again and again goes to CPython from C)."""
        ids = tuple(map(id, args))
        if self._cpython_args == ids:
            self._remember(args, True)
        else:
            object.__setattr__(self, "_cpython_args", ids)
        if self._let_go():
            return self._fn(*args)
        return self.on_cpython(*args)

    def _remember(self, args: tuple[Any, ...], by_identity: bool) -> None:
        """These arguments (their types, or `by_identity` these objects) go
        to CPython: the native entries send them on at once from now on.
        Not for a function that calls itself, which gets its plain function
        back instead (_let_go)."""
        if self._recursive():
            return
        if not self._natives and (self._counts[1] < NATIVE_AFTER or not self._rt.give_native_entry(self)):
            return  # (compiled code calls it, CPython never did with compilable arguments)
        self._known.add(args, by_identity)

    def _bind(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...] | None:
        """The arguments in their parameters' places, defaults filled in, or
        None where CPython would raise (it runs the call and raises).  The
        binding of each call shape is worked out once, as an itemgetter over
        the given arguments followed by the defaults it uses."""
        fn, key = self._fn, (len(args), *kwargs)
        cached = self._bindings.get(key)
        if cached is None or cached[0] is not fn.__defaults__ or cached[1] is not fn.__code__:
            binding = bind_slots(fn, len(args), tuple(kwargs))
            pick: Any = None
            if not isinstance(binding, str):
                used = tuple(b.value for b in binding if isinstance(b, Default))
                n, places, d = len(args) + len(kwargs), [], 0
                for b in binding:
                    places.append(n + d if isinstance(b, Default) else b)
                    d += isinstance(b, Default)
                # (one more item, dropped after, so that one parameter still gives a tuple)
                pick = (operator.itemgetter(*places, n + len(used)), used + (None,))
            cached = self._bindings[key] = (fn.__defaults__, fn.__code__, pick)
        pick = cached[2]
        if pick is None:
            return None
        return pick[0]((*args, *kwargs.values(), *pick[1]))[:-1]  # type: ignore[no-any-return]

    def _let_go(self) -> bool:
        """A call is going to CPython: has the name got its plain function
        back?  A function with no compiled specialization gets it after
        HOPELESS_CALLS such calls (each through the stand-in costs ~3 us), and
        a function that calls itself at once: each level of a recursion through
        the stand-in costs three more levels of the recursion limit (its first
        nested levels did until NESTING_LIMIT, so a first call with an empty
        list, `dfs(0, [])`, recursed 60 levels less deep than under python3).
        A function that does not call itself keeps its stand-in a while longer,
        so later calls with ints still compile (fmt("ab") then fmt(i) in a loop);
        one with compiled code keeps it for good (asked once: each call of a
        mixed list through it cost a scan of its specializations)."""
        counts = self._counts
        counts[1] += 1
        if self._recursive() or counts[1] == HOPELESS_CALLS:
            return self._rt.unwrap_if_hopeless(self)  # type: ignore[no-any-return]
        return False

    def _recursive(self) -> bool:
        """Can the function call itself: by its own name, or through other
        module-level functions calling back (a -> b -> a), or is its source unknown?"""
        if self._self_calls is None:
            node = self._node
            object.__setattr__(self, "_self_calls", node is None or self._calls_back(node.name))
        return self._self_calls  # type: ignore[no-any-return]

    def _calls_back(self, name: str) -> bool:
        """Does a chain of global names from this function's code reach `name`
        (a -> b -> a, b perhaps a plain function again by now)?  Through the
        functions of the namespace now, at most MAX_CALL_CHAIN of them."""
        ns = self._fn.__globals__
        seen: set[str] = set()
        todo = [self._fn.__code__]
        while todo and len(seen) < MAX_CALL_CHAIN:
            code = todo.pop()
            todo.extend(c for c in code.co_consts if isinstance(c, types.CodeType))
            for callee in code.co_names:
                if callee == name:
                    return True
                if callee in seen:
                    continue
                seen.add(callee)
                target = ns.get(callee)
                if isinstance(target, JitFunction):
                    todo.append(target._fn.__code__)
                elif isinstance(target, types.FunctionType) and target.__globals__ is ns:
                    todo.append(target.__code__)
        return False

    def on_cpython(self, *args: Any, **kwargs: Any) -> Any:
        """Run the original function.  Unlike a plain Python-to-Python call, a
        call through this stand-in uses C stack, so a recursion deeper than
        NESTING_LIMIT through it (allowed by sys.setrecursionlimit) gives the
        name back to the plain function instead of overflowing the C stack."""
        counts = self._counts
        counts[0] += 1
        try:
            if counts[0] > NESTING_LIMIT:
                self._rt.unwrap(self)
            return self._fn(*args, **kwargs)
        finally:
            counts[0] -= 1

    def rerun(self, args: tuple[Any, ...], levels: int) -> Any:
        """Run the original function for a call its compiled code handed over
        (runtime.context._function_error), `levels` of the recursion limit
        given back while it runs: the frames of modjit's between the caller
        and the function (the error handler's, the runtime's, this one's).  A
        recursion handing over at each level (an int outgrowing 64 bits deep
        in it) paid them at each, and failed ~20 levels short of python3's depth."""
        with given_back(levels):
            return self.on_cpython(*args)

    __call__ = call_python

    def install_native(self, spec: Any, address: int) -> None:
        """Make `spec`'s native entry (codegen/emit_native.py) this stand-in's
        __call__: a C function CPython calls directly.  Other arguments go on
        to the native entry of the specialization installed before (a chain of
        at most MAX_NATIVES), and from the last to call_python: a function
        called from CPython with ints and floats in turn takes no Python-level
        dispatch.  The class is this stand-in's own."""
        mdef = _MethodDef(self._fn.__name__.encode(), address, METH_FASTCALL_KEYWORDS, None)
        spec.native_def = mdef  # the function object points into it
        spec.native = _new_cfunction(ctypes.addressof(mdef), None, None)
        spec.native_address = address
        natives = self._natives
        if len(natives) >= MAX_NATIVES:
            return
        spec.next_call = natives[-1].native if natives else self.call_python
        spec.next_cell.value = id(spec.next_call)
        natives.append(spec)
        type(self).__call__ = spec.native  # type: ignore[method-assign]
        self._vectorcall(spec)

    def go_plain(self) -> None:
        """Calls from CPython go straight to the plain function, as partial's
        own vectorcall makes them, with no native entry or dispatcher between
        (RuntimeContext.program_ended; a stand-in unwrapped as hopeless, still
        held as a key function or callback: `max(xs, key=f)` paid the
        dispatcher's ~5 us per call, 4x python3's time)."""
        if self._natives:
            del type(self).__call__  # (through tp_call: call_python)
            object.__setattr__(self, "_natives", [])
        ctypes.c_void_p.from_address(id(self) + _VECTORCALL).value = _PARTIAL_VECTORCALL
        ctypes.c_ulong.from_address(id(type(self)) + _TP_FLAGS).value |= _HAVE_VECTORCALL

    def calls_plainly(self) -> bool:
        """Do calls from CPython go straight to the plain function (go_plain)?"""
        return ctypes.c_void_p.from_address(id(self) + _VECTORCALL).value == _PARTIAL_VECTORCALL

    def _drop_native(self, spec: Any) -> None:
        """Take `spec`'s native entry out of the chain: the entry after it
        goes on to the one before it (or __call__ becomes the one before)."""
        natives = self._natives
        i = natives.index(spec)
        if i + 1 < len(natives):
            after = natives[i + 1]
            after.next_call = spec.next_call
            after.next_cell.value = id(after.next_call)
        elif i > 0:
            type(self).__call__ = natives[i - 1].native  # type: ignore[method-assign]
            self._vectorcall(natives[i - 1])
        else:
            del type(self).__call__  # back to call_python
            self._vectorcall(None)
        del natives[i]

    def _specialize(self, args: tuple[Any, ...], key: tuple[Any, ...] | None = None) -> Any:
        """The specialization for `args` (compiled now if new), or ON_CPYTHON.
        Remembered by the arguments' Python types where those decide it: not
        for tuples and lists (their items do), nor for an int too big for
        64 bits that is not ON_CPYTHON for smaller ints as well.  (`key`: their
        type key, when the caller worked it out already.)"""
        pytypes = tuple(map(type, args))
        if key is None:
            key = tuple(type_of_value(a) for a in args)
        if any(k is None for k in key):
            if any(k is None and t not in _VALUE_DECIDES for k, t in zip(key, pytypes, strict=True)):
                self._fast[pytypes] = _ON_CPYTHON  # a str, a dict, an object: whatever the others hold
                self._foreign.value = 1
            elif tuple not in pytypes:
                self._fast[pytypes] = _BY_ITEMS  # a mixed list: its items decide (call_python's _mixed)
            return _ON_CPYTHON
        spec = self._specs.get(key)
        if spec is None:
            spec = self._rt.specialize(self, key, args)
            self._specs[key] = spec
        if tuple not in pytypes and (spec is not _ON_CPYTHON or list not in pytypes) \
                and self._fast.get(pytypes) is not _BY_ITEMS:
            self._fast[pytypes] = spec
        return spec

    def items_differ(self, spec: Any, args: tuple[Any, ...]) -> bool:
        """`spec`'s code handed this call over: a list held items of another
        type.  If its sampled items (first, middle, last) tell it apart, lists
        of these Python types are told apart by their items from now on
        (f([1]) and f([0.5]) in turn each get their own code, and native
        entry, instead of a hand-over at every other call): True.  False: the
        odd item lies between the samples (the caller counts the hand-over:
        100 ints with one float at [10], passed on every call, handed over on
        every call, 2x python3's time)."""
        pytypes = tuple(map(type, args))
        key = tuple(type_of_value(a) for a in args)
        if tuple not in pytypes and key != spec.param_types:  # (a None: a mixed list, run on CPython)
            self._fast[pytypes] = _BY_ITEMS
            return True
        return False

    def forget(self, spec: Any) -> None:
        object.__setattr__(self, "_full", None)
        self._known.clear()  # (the defaults or globals that decided them may be others now)
        if spec in self._natives:
            self._drop_native(spec)
        for table in (self._specs, self._fast):
            for k, v in list(table.items()):
                if v is spec:
                    del table[k]


ON_CPYTHON = _ON_CPYTHON

# A call of a stand-in costs CPython's recursion counter its __call__ and this
# dispatcher's frame, and _as_python_would's own, where python3 counts only
# the function's frame: a first call that runs a recursion on CPython (one the
# compiler cannot type: `return probe(n + 1) + 1`, the usual "how deep can I
# go" probe) gives them back while it runs, so it fails at python3's depth.
_STAND_IN_LEVELS = 3
# modjit's frames from the stand-in's __call__ to the compiler's room
# (call_python, _specialize, its genexpr, RuntimeContext.specialize,
# compiler_room and the program's sys.getrecursionlimit it calls), given back
# while a first call compiles: none of them is the program's.
_COMPILING_LEVELS = 8


# Another thread's call runs the plain function; recursing through the stand-in
# (its native entry, the dispatcher), each level cost four levels of the thread's
# limit where python3 counts one: a worker's recursion failed at a third of its depth.
_THREAD_STAND_IN_LEVELS = 3


def _as_python_would(fn: types.FunctionType, args: tuple[Any, ...], levels: int = _STAND_IN_LEVELS) -> Any:
    with given_back(levels):
        return fn(*args)

class _ModuleName(str):
    """The metaclass's own __module__ (a str, as type_module reads it from the
    dict), and, as a data descriptor there, the per-stand-in classes'
    __module__ as the program reads it: the function type's, 'builtins'."""

    def __get__(self, cls: object, meta: object = None) -> str:
        return "builtins" if cls is not None else self

    def __set__(self, cls: object, value: object) -> None:
        raise TypeError("cannot set '__module__' attribute of immutable type 'function'")


class _StandInType(type):
    """The metaclass of the per-stand-in classes, whose own dict keeps the
    property that reads the function's `__module__` for instances."""

    __module__ = _ModuleName(__name__)


_OWN = frozenset(JitFunction.__slots__) | {
    name for name, value in vars(JitFunction).items() if isinstance(value, property)}
# The per-stand-in class: __module__ and __doc__ are the function's (a module
# that is not a str also leaves it out of the class's repr: <class 'function'>),
# and no __dict__ of its own.
_CLASS_DICT = {"__module__": _forwarded("__module__"), "__doc__": vars(JitFunction)["__doc__"],
               "__slots__": ()}
