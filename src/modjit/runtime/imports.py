"""Loading LLVM while a program runs, without the program's own modules in the way.

LLVM's Python side (llvmlite) imports standard modules as it loads:
importlib.resources, tempfile, random, ...  It loads when the first unit
compiles, once the program's directory is first on sys.path, so a random.py
beside the program was found instead of the standard one: llvmlite's import
failed and nothing compiled.  For that moment, the directories the program
brought (its own, PYTHONPATH's: any not of this Python's installation or
modjit's) leave sys.path and their modules leave sys.modules; after it, they
come back, and a standard module imported meanwhile that one of them also has
leaves sys.modules, so the program's own `import random` still finds its own.
"""

from __future__ import annotations

import os
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager

# never dropped: a folder of the program's holding another modjit checkout (a modjit run
# from PYTHONPATH beside an editable install) made the engine's modules load twice, and
# ORC's units looked for the lazily compiled helpers in the other copy's table
_KEEP = frozenset({__name__.partition(".")[0], "llvmlite"})
_OURS = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # (modjit's parent)


@contextmanager
def standard_modules() -> Iterator[None]:
    theirs = [p for p in sys.path if _programs(p)]
    if not theirs:
        yield
        return
    saved, before = list(sys.path), set(sys.modules)
    folders = [os.path.abspath(p or os.curdir) for p in theirs]
    hidden = {name: m for name, m in list(sys.modules.items()) if _inside(m, folders)}
    for name in hidden:
        del sys.modules[name]
    sys.path[:] = [p for p in sys.path if p not in theirs]
    try:
        yield
    finally:
        sys.path[:] = saved
        for name in set(sys.modules) - before:
            top = name.partition(".")[0]
            if top not in _KEEP and _has_own(top, folders):
                del sys.modules[name]
        sys.modules.update(hidden)


def _installed(path: str) -> bool:
    """Is `path` modjit's or this Python installation's (a virtual environment's too)?"""
    roots = {_OURS, *(os.path.abspath(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix))}
    return any(path == r or path.startswith(r + os.sep) for r in roots)


def _programs(entry: str) -> bool:
    """Is the sys.path entry one the program brought?"""
    return not _installed(os.path.abspath(entry or os.curdir))


def _inside(module: object, folders: list[str]) -> bool:
    """Is `module` one of the program's?  (Not modjit's, nor llvmlite's in a
    virtual environment, when the program's folder holds them, as a checkout's
    does: dropped, they were imported twice, and two llvmlites' ctypes types
    do not match.)"""
    where = getattr(module, "__file__", None)
    return isinstance(where, str) and not _installed(where) and any(where.startswith(f + os.sep) for f in folders)


def _has_own(name: str, folders: list[str]) -> bool:
    return any(os.path.exists(os.path.join(f, name + ".py")) or os.path.exists(os.path.join(f, name, "__init__.py"))
               for f in folders)


# never dropped for the program's own: built into the interpreter (found before
# sys.path), or loaded once for good (ctypes: its types must stay one set)
_NEVER = frozenset(sys.builtin_module_names) | {"ctypes", "__main__"}


def programs_modules_first(folder: str) -> None:
    """Standard modules modjit imported for itself (copy, token, traceback,
    textwrap, ...) that the program's folder has modules of its own for leave
    sys.modules, so that the program's `import copy` finds its own copy.py as
    under python3, which had not loaded them when the program began.  (modjit
    keeps the references it holds; its later imports go through
    standard_modules().)"""
    from modjit import STARTUP_MODULES

    candidates = {n.partition(".")[0] for n in sys.modules} - STARTUP_MODULES - _KEEP - _NEVER
    own = {c for c in candidates if _has_own(c, [folder])}
    for name in [n for n in sys.modules if n.partition(".")[0] in own]:
        del sys.modules[name]


@contextmanager
def light_resources() -> Iterator[None]:
    """llvmlite's ffi finds its shared library with importlib.resources
    (`as_file(files(package) / name)`), whose import (pathlib, tempfile,
    zipfile, urllib.parse, ipaddress, ...) cost ~13 ms of every program's
    start.  While llvmlite loads, a module answering those two calls stands
    in for it (ffi keeps it); after, the name is free again, and a
    program's `import importlib.resources` gets the real one."""
    if "importlib.resources" in sys.modules:
        yield
        return
    stub = types.ModuleType("importlib.resources", light_resources.__doc__)
    stub.files = _files  # type: ignore[attr-defined]
    stub.as_file = _as_file  # type: ignore[attr-defined]
    sys.modules["importlib.resources"] = stub
    try:
        yield
    finally:
        if sys.modules.get("importlib.resources") is stub:
            del sys.modules["importlib.resources"]


class _Folder(str):
    def __truediv__(self, name: str) -> _Folder:
        return _Folder(os.path.join(self, name))


def _files(package: object) -> _Folder:
    module = sys.modules[package] if isinstance(package, str) else package
    return _Folder(os.path.dirname(module.__file__))  # type: ignore[attr-defined]


@contextmanager
def _as_file(path: str) -> Iterator[str]:
    yield path
