"""JitFunction: a function's stand-in in the namespace, compiling per argument types.

    fib(30)      -> key (int,) -> specialization fib(int) compiled at first call
    fib(2**70)   -> a big int: the original function runs on CPython
    fib("x")     -> leaves the subset: CPython (remembered per key)
"""

from __future__ import annotations

import functools
import types
from typing import Any

from modjit.frontend.types import type_of_value

_ON_CPYTHON = object()


class JitFunction:
    def __init__(self, fn: types.FunctionType, rt: Any, node: Any = None) -> None:
        self.fn = fn
        self.rt = rt
        self.node = node  # the ast.FunctionDef, when the session parsed it
        self.specs: dict[Any, Any] = {}  # full type key -> Spec or _ON_CPYTHON
        self.fast: dict[tuple[type, ...], Any] = {}  # python type key -> Spec (no tuples)
        self.failed: dict[Any, str] = {}
        code = fn.__code__
        self.nparams = code.co_argcount
        self.simple = not (code.co_flags & 0x0C or code.co_kwonlyargcount or fn.__closure__)
        functools.update_wrapper(self, fn)

    def __repr__(self) -> str:
        return repr(self.fn)

    def __get__(self, obj: Any, objtype: Any = None) -> Any:
        if obj is None:
            return self
        return types.MethodType(self, obj)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if kwargs or not self.simple:
            return self.fn(*args, **kwargs)
        if len(args) != self.nparams:
            defaults = self.fn.__defaults__ or ()
            missing = self.nparams - len(args)
            if not 0 < missing <= len(defaults):
                return self.fn(*args)
            args = args + defaults[len(defaults) - missing:]
        rt = self.rt
        if rt.ns_version.value != rt.validated_version:
            rt.revalidate()
        spec = self.fast.get(tuple(map(type, args)))
        if spec is None:
            spec = self._specialize(args)
            if spec is _ON_CPYTHON:
                return self.fn(*args)
        if not spec.args_fit(args):
            return self.fn(*args)
        return rt.call_spec(spec, args)

    def _specialize(self, args: tuple[Any, ...]) -> Any:
        key = tuple(type_of_value(a) for a in args)
        if any(k is None for k in key):
            return _ON_CPYTHON
        spec = self.specs.get(key)
        if spec is None:
            spec = self.rt.specialize(self, key)
            self.specs[key] = spec
        if spec is not _ON_CPYTHON and tuple not in map(type, args):
            self.fast[tuple(map(type, args))] = spec
        return spec

    def forget(self, spec: Any) -> None:
        for table in (self.specs, self.fast):
            for k, v in list(table.items()):
                if v is spec:
                    del table[k]


ON_CPYTHON = _ON_CPYTHON
