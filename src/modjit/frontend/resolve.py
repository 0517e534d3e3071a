"""What a name means inside a unit: a local, a global value, a function, a builtin.

    def f(n):              # n: local (argument)
        s = 0              # s: local (assigned)
        return g(n) + K    # g: user function (JitFunction), K: global int
"""

from __future__ import annotations

import ast
import builtins
import math
import sys
import types
from typing import Any

from modjit.frontend.types import BOOL, FLOAT, INT, Type, holds_list
from modjit.runtime import rng
from modjit.runtime.watch import watch_module

MISSING = object()  # a name not bound in the namespace (dependency marker)

BUILTINS = {"print", "abs", "min", "max", "int", "float", "bool", "round", "range", "len", "divmod",
            "pow", "sum", "sorted", "list", "enumerate", "any", "all",
            "isinstance", "tuple", "zip", "reversed"}

# math functions compiled natively (float -> float, CPython's math_1 error rules)
MATH_NATIVE_1 = {"sqrt", "sin", "cos", "tan", "atan", "exp", "fabs", "asin", "acos",
                 "sinh", "cosh", "tanh", "expm1", "log1p"}
MATH_CAN_OVERFLOW = {"exp", "sinh", "cosh", "expm1"}
MATH_NATIVE_2 = {"atan2", "copysign"}
MATH_LOGS = {"log", "log10", "log2"}
MATH_TO_INT = {"floor", "ceil", "trunc"}
MATH_PREDICATES = {"isnan", "isinf", "isfinite"}
# other math functions run through CPython's own implementation: name -> result type
# (hypot too: CPython's is more accurate than libm's, which differed in the last
# digit for 0.6% of random pairs)
MATH_VIA_CPYTHON: dict[str, Type] = {
    "hypot": FLOAT,
    "pow": FLOAT, "fmod": FLOAT, "degrees": FLOAT, "radians": FLOAT, "erf": FLOAT,
    "erfc": FLOAT, "gamma": FLOAT, "lgamma": FLOAT, "asinh": FLOAT, "acosh": FLOAT,
    "atanh": FLOAT, "cbrt": FLOAT, "exp2": FLOAT, "dist": FLOAT, "remainder": FLOAT,
    "ldexp": FLOAT, "ulp": FLOAT, "nextafter": FLOAT, "isclose": BOOL, "gcd": INT,
    "lcm": INT, "isqrt": INT, "factorial": INT, "comb": INT, "perm": INT,
}
MATH_CONSTANTS = {"pi": math.pi, "e": math.e, "tau": math.tau, "inf": math.inf, "nan": math.nan}


class Binding:
    """What a global name refers to when the unit is compiled."""

    __slots__ = ("kind", "obj", "name")

    def __init__(self, kind: str, obj: Any = None, name: str = "") -> None:
        # 'value' | 'function' | 'builtin' | 'math_module' | 'math_function' | 'math_constant'
        # | 'random_module' | 'random_function' (runtime/rng.py)
        self.kind = kind
        self.obj = obj
        self.name = name


def classify_locals(body: list[ast.stmt], params: list[str]) -> tuple[set[str], set[str]]:
    """(locals, declared globals) of a function body, as CPython's compiler decides them."""
    assigned: set[str] = set(params)
    declared_global: set[str] = set()
    for node in _walk_scope(body):
        if isinstance(node, ast.Global):
            declared_global.update(node.names)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            assigned.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)):
            assigned.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                assigned.add((alias.asname or alias.name).split(".")[0])
    return assigned - declared_global, declared_global


def assigned_names(body: list[ast.stmt]) -> set[str]:
    names: set[str] = set()
    for node in _walk_scope(body):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            names.add(node.id)
    return names


SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)  # nodes that open a scope
LOOPS = (ast.For, ast.While, ast.ListComp, ast.GeneratorExp)  # nodes that loop


def _walk_scope(body: list[ast.stmt]) -> list[ast.AST]:
    """All nodes of this scope, not descending into nested function/class bodies."""
    out: list[ast.AST] = []
    stack: list[ast.AST] = list(reversed(body))
    while stack:
        node = stack.pop()
        out.append(node)
        if isinstance(node, SCOPES):
            continue
        loop = getattr(node, "mj_loop", None)
        if loop is not None:  # a comprehension: its (renamed) loop variables are locals here
            stack.append(loop)
            continue
        stack.extend(reversed(list(ast.iter_child_nodes(node))))
    return out


_MATH_AS_IMPORTED = dict(vars(math))
_BUILTINS_AS_IMPORTED = dict(vars(builtins))


def math_attr_replaced(attr: str) -> bool:
    """Did the program replace math.<attr> (math.sqrt = ...)?  Compiled code would
    not call the replacement: the unit runs on CPython."""
    return getattr(math, attr, None) is not _MATH_AS_IMPORTED.get(attr)


class Default:
    """A parameter left to its default value in a call."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value


def bind_slots(fn: Any, npositional: int, keywords: tuple[str | None, ...]) -> tuple[Any, ...] | str:
    """Each parameter's argument, as CPython binds a call of `fn` with
    `npositional` positional arguments and then `keywords`: the index of the
    argument (positional ones first, then the keywords in order), or a Default.
    A string says why not: CPython would reject the call, or `fn` takes
    *args/**kwargs/keyword-only parameters (the call is left to CPython)."""
    code = fn.__code__
    if code.co_flags & 0x0C or code.co_kwonlyargcount or code.co_posonlyargcount:
        return f"call to '{fn.__name__}' with *args/**kwargs/keyword-only parameters"
    names = code.co_varnames[:code.co_argcount]
    if npositional > len(names):
        return f"call to '{fn.__name__}' with too many arguments"
    slots: list[Any] = list(range(npositional)) + [None] * (len(names) - npositional)
    for j, name in enumerate(keywords):
        if name is None or name not in names or slots[names.index(name)] is not None:
            return f"call to '{fn.__name__}' with keyword arguments CPython rejects"
        slots[names.index(name)] = npositional + j
    defaults = fn.__defaults__ or ()
    first = len(names) - len(defaults)
    for p, slot in enumerate(slots):
        if slot is None:
            if p < first:
                return f"call to '{fn.__name__}' with too few arguments"
            slots[p] = Default(defaults[p - first])
    return tuple(slots)


def undefined(name: str) -> str:
    """Why a global name that resolve_global found nothing for is not compiled."""
    if hasattr(builtins, name):
        return f"builtin '{name}' is not compiled"  # (bin, chr, str, map, ...: CPython runs it)
    return f"name '{name}' is not defined"


def resolve_global(name: str, namespace: dict[str, Any]) -> Binding | None:
    """The binding of a global name now, or None if it is bound to nothing usable."""
    from modjit.runtime.dispatch import JitFunction

    value = namespace.get(name, MISSING)
    if value is MISSING:
        value = getattr(builtins, name, MISSING)
        if name not in BUILTINS or value is MISSING:
            return None  # (compiled code reads globals from the namespace alone)
        if value is _BUILTINS_AS_IMPORTED.get(name):
            return Binding("builtin", value, name)
        return Binding("value", value, name)  # builtins.abs = ...: the program's own
    if isinstance(value, JitFunction):
        return Binding("function", value, name)
    if value is math:
        return Binding("math_module", value, name)
    for fname in (*MATH_NATIVE_1, *MATH_NATIVE_2, *MATH_LOGS, *MATH_TO_INT, *MATH_PREDICATES,
                  *MATH_VIA_CPYTHON):
        if value is _MATH_AS_IMPORTED.get(fname):  # (not a replacement: math.sqrt = f)
            return Binding("math_function", value, fname)
    if name in BUILTINS and value is _BUILTINS_AS_IMPORTED.get(name):
        return Binding("builtin", value, name)
    if isinstance(value, types.ModuleType) and value is sys.modules.get("random") and rng.instance() is not None:
        watch_module(value)
        return Binding("random_module", value, name)
    if isinstance(value, types.MethodType | types.BuiltinMethodType):
        drawn = rng.method_of(value)
        if drawn is not None:
            watch_module(sys.modules["random"])
            return Binding("random_function", value, drawn)
    return Binding("value", value, name)


def callee_units(callee: Any) -> list[Any] | None:
    """The units a call of the compiled `callee` (a Spec) may run: its own
    and its callees', transitively; None for code on CPython or a unit not
    known."""
    if callee is None:
        return None
    units: list[Any] = []
    seen: set[int] = set()
    todo = [callee]
    while todo:
        spec = todo.pop()
        if id(spec) in seen:
            continue
        seen.add(id(spec))
        if spec.unit is None:
            return None
        units.append(spec.unit)
        todo.extend(spec.unit.callees)
    return units


def callee_globals(callee: Any) -> tuple[set[str] | None, set[str] | None]:
    """The module globals a call of `callee` may read (or rebind), and those
    it may rebind (declared `global` in it or its callees).  The first is
    None where it may run code of the program's on CPython, or let another
    thread run: a loop (its polls run signal handlers and let the GIL go),
    a list (printing or comparing one calls its items' methods, replacing an
    item may run a __del__); both are None for a unit not known."""
    units = callee_units(callee)
    if units is None:
        return None, None
    rebound = {name for u in units for name in u.declared_globals}
    if not all(_scalar_only(u) for u in units):
        return None, rebound
    return {name for u in units for name in (*u.deps, *u.global_reads, *u.declared_globals)}, rebound


def _scalar_only(u: Any) -> bool:
    """A unit with no loop and no list in any of its values (see callee_globals)."""
    if any(isinstance(n, LOOPS) for stmt in u.body for n in ast.walk(stmt)):
        return False
    return not any(holds_list(t) for t in [*u.types.values(), *u.locals.values(), *u.param_types])
