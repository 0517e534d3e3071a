"""Writes to the `math` and `builtins` modules, seen by the runtimes.

Compiled code calls libm for math.sqrt and reads math.pi as a constant; it
compiles abs() and len() inline, and random.random() (runtime/rng.py).  A program that replaces one of these
(math.sqrt = ..., builtins.abs = ...) after code was compiled against it must
see the replacement, as CPython code would.  Both modules get a ModuleType
subclass (module objects allow __class__ assignment) whose __setattr__ and
__delattr__ tell every live runtime, which drops its compiled code: the next
calls compile again, and resolve (frontend/resolve.py) leaves what uses a
replaced function to CPython.
"""

from __future__ import annotations

import builtins
import math
import types
import weakref
from typing import Any

from modjit.runtime import rng

_runtimes: weakref.WeakSet[Any] = weakref.WeakSet()


class WatchedModule(types.ModuleType):
    def __setattr__(self, name: str, value: Any) -> None:
        old = self.__dict__.get(name, _changed)
        super().__setattr__(name, value)
        if old is not value:
            _changed(self, name)

    def __delattr__(self, name: str) -> None:
        super().__delattr__(name)
        _changed(self, name)


# named as CPython names a module's type: type(math) prints <class 'module'>
WatchedModule.__name__ = WatchedModule.__qualname__ = "module"
WatchedModule.__module__ = "builtins"


def _changed(module: types.ModuleType, name: str) -> None:
    from modjit.frontend.resolve import BUILTINS

    if module is builtins and name not in BUILTINS:
        return  # builtins._ (the REPL's last value) and the like: nothing compiled reads them
    if module is not math and module is not builtins and name not in (*rng.FUNCTIONS, "_inst"):
        return  # (random.seed = ..., and the like: nothing compiled calls them)
    for rt in list(_runtimes):
        rt.modules_changed()


def watch(rt: Any) -> None:
    """Tell `rt` when the program writes to math or builtins."""
    _runtimes.add(rt)
    for module in (math, builtins):
        watch_module(module)


def watch_module(module: types.ModuleType) -> None:
    """Tell the runtimes when the program writes to `module` (also `random`,
    once compiled code draws from it: random.random = f)."""
    if type(module) is types.ModuleType:
        module.__class__ = WatchedModule
