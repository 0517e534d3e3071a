"""Types of calls: print, numeric builtins, math functions, compiled functions.

    print(a, b, sep=", ")   -> None      (CPython's print on boxed values)
    math.sqrt(x)            -> float     (native, with math's error rules)
    math.gcd(a, b)          -> int       (CPython's math.gcd on boxed values)
    fib(n - 1)              -> fib's return type for (int,) (a specialization)
"""

from __future__ import annotations

import ast
import math
from typing import TYPE_CHECKING

from modjit.frontend import resolve as R
from modjit.frontend.infer import CallInfo
from modjit.frontend.types import (
    BOOL,
    BOTTOM,
    FLOAT,
    INT,
    NONE,
    TupleType,
    Type,
    tuple_of,
    type_of_value,
)

if TYPE_CHECKING:
    from modjit.frontend.infer import Inferer


def call_type(inf: Inferer, node: ast.Call) -> Type:
    func = node.func
    if isinstance(func, ast.Name):
        kind, name = inf.binding_kind(func)
        if kind == "local":
            raise inf.fail(f"calling local variable '{name}' is not supported", node)
        if kind == "missing":
            raise inf.fail(f"name '{name}' is not defined", func)
        if kind == "math_function":
            return math_call(inf, node, name)
        if kind == "builtin":
            return builtin_call(inf, node, name)
        if kind == "function":
            return user_call(inf, node, inf.ns[func.id])
        raise inf.fail(f"calling '{func.id}' ({type(inf.ns.get(func.id)).__name__}) is not supported", node)
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        kind, _ = inf.binding_kind(func.value)
        if kind == "math_module":
            if not hasattr(math, func.attr):
                raise inf.fail(f"module 'math' has no attribute '{func.attr}'", func)
            return math_call(inf, node, func.attr)
    raise inf.fail("call of this kind is not supported", node)


def _args(inf: Inferer, node: ast.Call, allow_keywords: bool = False) -> list[Type]:
    if node.keywords and not allow_keywords:
        raise inf.fail("keyword arguments are not supported here", node)
    return [inf.expr(a) for a in node.args]


def _numeric(inf: Inferer, node: ast.AST, ts: list[Type], what: str) -> None:
    for t in ts:
        if t != BOTTOM and not t.is_number:
            raise inf.fail(f"{what} of {t} is not supported", node)


def builtin_call(inf: Inferer, node: ast.Call, name: str) -> Type:
    if name == "print":
        return print_call(inf, node)
    ts = _args(inf, node)
    info = CallInfo("builtin", name, NONE, arg_types=tuple(ts))
    result = _builtin_result(inf, node, name, ts)
    info.result = result
    inf.u.calls[node] = info
    return result


def _builtin_result(inf: Inferer, node: ast.Call, name: str, ts: list[Type]) -> Type:
    n = len(ts)
    if name == "len":
        if n == 1 and isinstance(ts[0], TupleType):
            return INT
        raise inf.fail("len() is compiled only for tuples", node)
    if name == "range":
        raise inf.fail("range() is compiled only as a for-loop iterable", node)
    if name == "bool":
        if n > 1:
            raise inf.fail("bool() takes at most 1 argument", node)
        return BOOL
    _numeric(inf, node, ts, f"{name}()")
    if BOTTOM in ts:
        return BOTTOM
    if name == "abs" and n == 1:
        return INT if ts[0] == BOOL else ts[0]
    if name in ("min", "max") and n >= 2:
        if len(set(ts)) != 1:
            raise inf.fail(f"{name}() of mixed types {', '.join(map(str, ts))}", node)
        return ts[0]
    if name == "int" and n <= 1:
        return INT
    if name == "float" and n <= 1:
        return FLOAT
    if name == "round" and n in (1, 2):
        if n == 2 and ts[1] not in (INT, BOOL):
            raise inf.fail("round() ndigits must be an int", node)
        if n == 1:
            return INT
        return FLOAT if ts[0] == FLOAT else INT
    if name == "divmod" and n == 2:
        t = FLOAT if FLOAT in ts else INT
        return tuple_of((t, t))
    if name == "pow" and n == 2:
        return inf.binop_type(ast.Pow(), ts[0], ts[1], ast.BinOp(node.args[0], ast.Pow(), node.args[1]))
    if name == "pow" and n == 3:
        if FLOAT in ts:
            raise inf.fail("pow() 3rd argument not allowed unless all arguments are integers", node)
        return INT
    raise inf.fail(f"{name}() with {n} arguments is not supported", node)


def print_call(inf: Inferer, node: ast.Call) -> Type:
    for kw in node.keywords:
        if kw.arg not in ("sep", "end", "flush"):
            raise inf.fail(f"print(..., {kw.arg}=...) is not supported", kw.value)
        v = kw.value
        ok = isinstance(v, ast.Constant) and (
            v.value is None or isinstance(v.value, str) or (kw.arg == "flush" and isinstance(v.value, bool)))
        if not ok:
            raise inf.fail(f"print {kw.arg}= must be a constant here", v)
    ts = [inf.expr(a) for a in node.args]
    inf.u.calls[node] = CallInfo("print", "print", NONE, arg_types=tuple(ts))
    return NONE


def math_call(inf: Inferer, node: ast.Call, name: str) -> Type:
    ts = _args(inf, node)
    _numeric(inf, node, ts, f"math.{name}()")
    n = len(ts)
    result: Type
    if name in R.MATH_NATIVE_1 and n == 1:
        result = FLOAT
    elif name in R.MATH_NATIVE_2 and n == 2:
        result = FLOAT
    elif name in R.MATH_LOGS and n == 1:
        result = FLOAT
    elif name in R.MATH_TO_INT and n == 1:
        result = INT
    elif name in R.MATH_PREDICATES and n == 1:
        result = BOOL
    elif name in R.MATH_VIA_CPYTHON or name in R.MATH_LOGS or name in R.MATH_NATIVE_2 | {"hypot"}:
        result = R.MATH_VIA_CPYTHON.get(name, FLOAT)
        inf.u.calls[node] = CallInfo("pycall", name, result, obj=getattr(math, name), arg_types=tuple(ts))
        return result
    else:
        raise inf.fail(f"math.{name}() with {n} arguments is not supported", node)
    inf.u.calls[node] = CallInfo("math", name, result, arg_types=tuple(ts))
    return result


def user_call(inf: Inferer, node: ast.Call, jitfn: object) -> Type:
    ts = _args(inf, node)
    code = jitfn.fn.__code__  # type: ignore[attr-defined]
    if code.co_flags & 0x0C or code.co_kwonlyargcount or code.co_posonlyargcount:
        raise inf.fail(f"call to '{jitfn.__name__}' with *args/**kwargs/keyword-only parameters", node)  # type: ignore[attr-defined]
    nparams = code.co_argcount
    defaults: tuple[object, ...] = ()
    if len(ts) < nparams:
        all_defaults = jitfn.fn.__defaults__ or ()  # type: ignore[attr-defined]
        missing = nparams - len(ts)
        if missing > len(all_defaults):
            raise inf.fail(f"call to '{jitfn.__name__}' with too few arguments", node)  # type: ignore[attr-defined]
        defaults = tuple(all_defaults[len(all_defaults) - missing:])
        for d in defaults:
            t = type_of_value(d)
            if t is None:
                raise inf.fail(f"default argument of type {type(d).__name__}", node)
            ts.append(t)
    elif len(ts) > nparams:
        raise inf.fail(f"call to '{jitfn.__name__}' with too many arguments", node)  # type: ignore[attr-defined]
    if BOTTOM in ts:
        return BOTTOM
    spec = inf.request_spec(jitfn, tuple(ts), node)
    inf.u.callees.append(spec)
    result = spec.return_type
    inf.u.calls[node] = CallInfo("user", jitfn.__name__, result, obj=jitfn, spec=spec,  # type: ignore[attr-defined]
                                 defaults=defaults, arg_types=tuple(ts))
    return result
