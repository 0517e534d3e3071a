"""Types of calls: print, numeric builtins, math functions, compiled functions.

    print(a, b, sep=", ")   -> None      (CPython's print on boxed values)
    math.sqrt(x)            -> float     (native, with math's error rules)
    math.gcd(a, b)          -> int       (CPython's math.gcd on boxed values)
    fib(n - 1)              -> fib's return type for (int,) (a specialization)
"""

from __future__ import annotations

import ast
import builtins
import math
from typing import TYPE_CHECKING, Any

from modjit.frontend import resolve as R
from modjit.frontend.fresh import item_chain
from modjit.frontend.infer import CallInfo
from modjit.frontend.types import (
    BOOL,
    BOTTOM,
    FLOAT,
    INT,
    NONE,
    NUM,
    STR,
    ListType,
    TupleType,
    Type,
    join,
    list_of,
    tuple_of,
    type_of_value,
)
from modjit.runtime import rng

if TYPE_CHECKING:
    from modjit.frontend.infer import Inferer


SCALAR_METHODS = {(INT, "bit_length"): INT, (BOOL, "bit_length"): INT, (FLOAT, "is_integer"): BOOL}


def call_type(inf: Inferer, node: ast.Call) -> Type:
    func = node.func
    if isinstance(func, ast.Name):
        kind, name = inf.binding_kind(func)
        if node.args and (consumer := getattr(node.args[0], "mj_consumer", None)) is not None \
                and (kind, name) != ("builtin", consumer):
            # a generator expression rewritten for the builtin of that name (comprehensions.py)
            # goes to another callable (`def sum(it)`, `sum = mysum`): it must get a generator
            raise inf.fail(f"a generator expression passed to '{func.id}', which is not the builtin", node.args[0])
        if kind == "local":
            raise inf.fail(f"calling local variable '{name}' is not supported", node)
        if kind == "missing":
            raise inf.fail(R.undefined(name), func)
        if kind == "math_function":
            return math_call(inf, node, name)
        if kind == "builtin":
            return builtin_call(inf, node, name)
        if kind == "function":
            return user_call(inf, node, inf.ns[func.id])
        if kind == "random_function":
            return random_call(inf, node, name)
        raise inf.fail(f"calling '{func.id}' ({type(inf.ns.get(func.id)).__name__}) is not supported", node)
    if isinstance(func, ast.Attribute):
        # `lst.append(x)`, also on any expression: `grid[i].append(x)`
        kind = inf.binding_kind(func.value)[0] if isinstance(func.value, ast.Name) else "expr"
        if kind == "random_module":
            if rng.replaced(func.attr):
                raise inf.fail(f"random.{func.attr} is not compiled (or was replaced)", func)
            return random_call(inf, node, func.attr)
        if kind != "math_module":
            owner = inf.expr(func.value)
            if isinstance(owner, ListType):
                return list_method(inf, node, owner, func.attr)
            if (owner, func.attr) in SCALAR_METHODS and not node.args and not node.keywords:
                result = SCALAR_METHODS[owner, func.attr]  # n.bit_length(), x.is_integer()
                inf.u.calls[node] = CallInfo("scalar_method", func.attr, result, arg_types=(owner,))
                return result
            if owner == BOTTOM:
                for a in node.args:
                    inf.expr(a)
                return BOTTOM
        if kind == "math_module":
            if not hasattr(math, func.attr):
                raise inf.fail(f"module 'math' has no attribute '{func.attr}'", func)
            if R.math_attr_replaced(func.attr):
                raise inf.fail(f"math.{func.attr} was replaced", func)
            return math_call(inf, node, func.attr)
    raise inf.fail("call of this kind is not supported", node)


def random_call(inf: Inferer, node: ast.Call, name: str) -> Type:
    """random.random(), uniform(a, b) of numbers; randint(a, b), randrange(n) and
    randrange(a, b) of ints; choice(lst), shuffle(lst) of a list (codegen/emit_random.py)."""
    ts = _args(inf, node)
    if name in ("choice", "shuffle"):
        if len(ts) != 1 or not isinstance(ts[0], ListType) or ts[0].elem == BOTTOM:
            raise inf.fail(f"random.{name}() of ({', '.join(map(str, ts))}) is not compiled", node)
        result = ts[0].elem if name == "choice" else NONE
        inf.u.calls[node] = CallInfo("random", name, result, arg_types=tuple(ts))
        return result
    arities = {"random": (0,), "uniform": (2,), "randint": (2,), "randrange": (1, 2)}[name]
    kinds = (INT, BOOL, FLOAT, BOTTOM) if name == "uniform" else (INT, BOOL, BOTTOM)
    if len(ts) not in arities or any(t not in kinds for t in ts):
        raise inf.fail(f"random.{name}() of ({', '.join(map(str, ts))}) is not compiled", node)
    result = FLOAT if name in ("random", "uniform") else INT
    inf.u.calls[node] = CallInfo("random", name, result, arg_types=tuple(ts))
    return result


def _args(inf: Inferer, node: ast.Call, allow_keywords: bool = False) -> list[Type]:
    if node.keywords and not allow_keywords:
        raise inf.fail("keyword arguments are not supported here", node)
    return [inf.expr(a) for a in node.args]


def _numeric(inf: Inferer, node: ast.AST, ts: list[Type], what: str) -> None:
    for t in ts:
        if t != BOTTOM and not t.is_number:
            raise inf.fail(f"{what} of {t} is not supported", node)


# builtins CPython applies to a list: what they return ("elem": an item, "list": a list)
LIST_RESULT: dict[str, Any] = {"sum": "elem", "min": "elem", "max": "elem", "sorted": "list", "list": "list",
                               "any": BOOL, "all": BOOL}


def _list_range(*args: int) -> list[int]:
    return list(range(*args))


def _reverse_keyword(inf: Inferer, node: ast.Call) -> dict[str, Any] | None:
    """sorted(..., reverse=True) / .sort(reverse=True): the keywords, passed on as given."""
    if not node.keywords:
        return None
    kw = node.keywords[0]
    if len(node.keywords) > 1 or kw.arg != "reverse" or not isinstance(kw.value, ast.Constant) \
            or not isinstance(kw.value.value, bool | int):
        raise inf.fail("keyword arguments are not supported here", node)
    return {"reverse": kw.value.value}


def _constant_call(inf: Inferer, node: ast.Call, name: str) -> Type | None:
    """float("inf"), float("-inf"), float("nan"), int("12"): the value, computed now."""
    if name not in ("float", "int") or len(node.args) != 1 or node.keywords \
            or not isinstance(node.args[0], ast.Constant) or not isinstance(node.args[0].value, str):
        return None
    try:
        value = float(node.args[0].value) if name == "float" else int(node.args[0].value)
    except ValueError:
        raise inf.fail(f"{name}() of this string raises", node) from None  # CPython raises it
    if isinstance(value, int) and not -(2**63) <= value < 2**63:
        raise inf.fail("integer constant does not fit in 64 bits", node)
    t = FLOAT if name == "float" else INT
    inf.u.calls[node] = CallInfo("const", name, t, obj=value)
    return t


CLASS_OF = {"int": int, "float": float, "bool": bool, "list": list, "tuple": tuple}


def isinstance_call(inf: Inferer, node: ast.Call) -> Type:
    """isinstance(x, int), isinstance(x, (int, float)): known from x's compiled
    type; x is still evaluated.  The classes must be the builtins themselves."""
    if len(node.args) != 2 or node.keywords:
        raise inf.fail("isinstance() takes 2 arguments", node)
    t = inf.expr(node.args[0])
    spec = node.args[1]
    names = spec.elts if isinstance(spec, ast.Tuple) else [spec]
    classes = []
    for n in names:
        if not isinstance(n, ast.Name) or inf.binding_kind(n) != ("builtin", n.id) or n.id not in CLASS_OF:
            raise inf.fail("isinstance() is compiled for int, float, bool, list and tuple", n)
        classes.append(CLASS_OF[n.id])
    if t == BOTTOM:
        return BOOL
    cls = {INT: int, FLOAT: float, BOOL: bool, NONE: type(None)}.get(t)
    if cls is None:
        cls = list if isinstance(t, ListType) else tuple if isinstance(t, TupleType) else None
    if cls is None:  # int|float: which one is known only at run time
        raise inf.fail(f"isinstance() of {t}", node)
    inf.u.calls[node] = CallInfo("isinstance", "isinstance", BOOL, obj=issubclass(cls, tuple(classes)))
    return BOOL


def builtin_call(inf: Inferer, node: ast.Call, name: str) -> Type:
    if name == "print":
        return print_call(inf, node)
    if name in ("any", "all") and node.args and hasattr(node.args[0], "mj_stop"):
        comp = node.args[0]  # any(x > 0 for x in a): a loop that stops (comprehensions.py)
        inf.stmt(comp.mj_loop)  # type: ignore[attr-defined]
        inf.u.calls[node] = CallInfo("until", name, BOOL, obj=comp.mj_stop)  # type: ignore[attr-defined]
        return BOOL
    if name in ("sum", "min", "max") and len(node.args) == 1 and hasattr(node.args[0], "mj_total"):
        comp = node.args[0]  # sum(x * x for x in a): a loop adding them up (comprehensions.py)
        inf.stmt(comp.mj_loop)  # type: ignore[attr-defined]
        total: Type = inf.u.locals.get(comp.mj_total, BOTTOM)  # type: ignore[attr-defined]
        if name == "sum" and total != BOTTOM and not total.is_number:
            raise inf.fail(f"sum() of {total}", node)
        inf.u.calls[node] = CallInfo("reduce_of", name, total, obj=comp.mj_total)  # type: ignore[attr-defined]
        return total
    if name == "reversed" and getattr(node, "mj_consumed", False) and len(node.args) == 1 and not node.keywords:
        # `tour[i:j] = reversed(tour[i:j])` (2-opt): the slice assignment takes the
        # iterator's items at once, as a reversed copy of the list gives them
        lt = inf.expr(node.args[0])
        if isinstance(lt, ListType):
            inf.u.calls[node] = CallInfo("reversed_copy", name, lt, arg_types=(lt,))
            return lt
    if name == "isinstance":
        return isinstance_call(inf, node)
    constant = _constant_call(inf, node, name)
    if constant is not None:
        return constant
    if name == "list" and len(node.args) == 1 and isinstance(node.args[0], ast.Call) \
            and isinstance(node.args[0].func, ast.Name) and not node.keywords \
            and inf.binding_kind(node.args[0].func) == ("builtin", "range"):
        rng = node.args[0]
        ts = [inf.expr(a) for a in rng.args]
        if not 1 <= len(ts) <= 3 or rng.keywords or any(t not in (INT, BOOL, BOTTOM) for t in ts):
            raise inf.fail("list(range(...)) takes 1 to 3 int arguments", rng)
        result: Type = list_of(INT)
        inf.u.calls[node] = CallInfo("pycall", "list_range", result, obj=_list_range, arg_types=tuple(ts))
        return result
    kwargs = _reverse_keyword(inf, node) if name == "sorted" else None
    ts = _args(inf, node, allow_keywords=kwargs is not None)
    if name in LIST_RESULT and len(ts) == 1 and isinstance(ts[0], ListType):
        lt = ts[0]
        kind = LIST_RESULT[name]
        result = lt.elem if kind == "elem" else lt if kind == "list" else kind
        if kind == "elem" and lt.elem == BOTTOM:  # (an empty list's items have no type)
            raise inf.fail(f"{name}() of a list with no items known", node)
        if name == "sum" and not lt.elem.is_number:
            raise inf.fail(f"sum() of {lt}", node)
        if name == "sum" and lt.elem == BOOL:
            result = INT  # True + True is 2
        inf.u.calls[node] = CallInfo("pycall", name, result, obj=getattr(builtins, name),
                                     arg_types=tuple(ts), kwargs=kwargs)
        return result
    if name == "len" and len(ts) == 1 and isinstance(ts[0], ListType):
        inf.u.calls[node] = CallInfo("builtin", name, INT, arg_types=tuple(ts))
        return INT
    info = CallInfo("builtin", name, NONE, arg_types=tuple(ts))
    result = _builtin_result(inf, node, name, ts)
    info.result = result
    inf.u.calls[node] = info
    return result


def _builtin_result(inf: Inferer, node: ast.Call, name: str, ts: list[Type]) -> Type:
    n = len(ts)
    if name == "len":
        if n == 1 and (isinstance(ts[0], TupleType) or ts[0] == BOTTOM):
            return INT  # (bottom: a recursive call's list, typed at a later round)
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
        kinds = set(ts)
        if len(kinds) == 1:
            return ts[0]
        if kinds <= {INT, FLOAT, NUM}:
            return NUM  # the winner's own type: max(0, 2.5) is 2.5, max(3, 2.5) is 3
        raise inf.fail(f"{name}() of mixed types {', '.join(map(str, ts))}", node)
    if name == "int" and n <= 1:
        return INT
    if name == "float" and n <= 1:
        return FLOAT
    if name == "round" and n in (1, 2):
        if n == 2 and (ts[1] not in (INT, BOOL) or ts[0] == NUM):
            raise inf.fail("round() ndigits must be an int", node)
        if n == 1:
            return INT
        return FLOAT if ts[0] == FLOAT else INT
    if NUM in ts and name not in ("abs", "int", "float", "round", "min", "max", "pow"):
        raise inf.fail(f"{name}() of a variable that is int or float", node)
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


# method -> result ('elem', 'list', or a Type); arguments are checked against the element type
LIST_METHODS: dict[str, tuple[int, int, object]] = {
    "append": (1, 1, NONE), "pop": (0, 1, "elem"), "insert": (2, 2, NONE), "extend": (1, 1, NONE),
    "reverse": (0, 0, NONE), "sort": (0, 0, NONE), "copy": (0, 0, "list"), "index": (1, 1, INT),
    "count": (1, 1, INT), "clear": (0, 0, NONE), "remove": (1, 1, NONE),
}


def list_method(inf: Inferer, node: ast.Call, lt: ListType, name: str) -> Type:
    if name not in LIST_METHODS or (node.keywords and name != "sort"):
        raise inf.fail(f"list.{name}() is not supported", node)
    kwargs = _reverse_keyword(inf, node)
    lo, hi, result = LIST_METHODS[name]
    ts = [inf.expr(a) for a in node.args]
    if not lo <= len(ts) <= hi:
        raise inf.fail(f"list.{name}() with {len(ts)} arguments", node)
    value_arg = {"append": 0, "insert": 1, "index": 0, "count": 0, "remove": 0}.get(name)
    if value_arg is not None:
        vt = ts[value_arg]
        if name == "append" and lt.elem == BOTTOM and isinstance(node.func.value, ast.Name):  # type: ignore[attr-defined]
            inf.refine_empty(node.func.value.id, list_of(vt), node)  # type: ignore[attr-defined]
            lt = list_of(vt)
        elif name == "append" and lt.elem == BOTTOM and vt != BOTTOM and _refine_row(inf, node.func.value, vt):  # type: ignore[attr-defined]
            lt = list_of(vt)  # `adj[i].append(j)` on `adj = [[] for _ in range(n)]`
        elif vt != BOTTOM and lt.elem != BOTTOM and vt != lt.elem and name in ("append", "insert"):
            raise inf.fail(f"{name} of {vt} to {lt}", node)
    if name == "extend" and ts[0] != BOTTOM and join(lt, ts[0]) is None:
        raise inf.fail(f"extend of {lt} with {ts[0]}", node)
    if name == "extend" and lt.elem == BOTTOM and isinstance(ts[0], ListType) and ts[0].elem != BOTTOM \
            and isinstance(node.func.value, ast.Name):  # type: ignore[attr-defined]
        inf.refine_empty(node.func.value.id, ts[0], node)  # type: ignore[attr-defined]
        lt = ts[0]  # (`b.extend(a)` on an empty b: its items are a's)
    if name in ("pop", "insert") and ts and ts[0] not in (INT, BOOL, BOTTOM):
        raise inf.fail(f"list.{name}() index must be an int", node)
    out: Type = lt.elem if result == "elem" else lt if result == "list" else result  # type: ignore[assignment]
    inf.u.calls[node] = CallInfo("method", name, out, arg_types=(lt, *ts), kwargs=kwargs)
    return out


def _refine_row(inf: Inferer, row: ast.expr, vt: Type) -> bool:
    """`g[i][j].append(v)` where g's rows are still empty lists (list[list[?]]):
    g's type becomes one whose rows at that depth hold `vt`.  False if `row`
    is not such a chain over a local name."""
    found = item_chain(row)
    if found is None or found[1] == 0 or found[0] not in inf.u.locals:
        return False
    name, depth = found

    def refined(t: Type, level: int) -> Type | None:
        if not isinstance(t, ListType):
            return None
        if level == 0:
            return list_of(vt) if t.elem == BOTTOM else None
        inner = refined(t.elem, level - 1)
        return None if inner is None else list_of(inner)

    new = refined(inf.u.locals[name], depth)
    if new is None:
        return False
    inf.assign_name(name, new, row)
    return True


def print_call(inf: Inferer, node: ast.Call) -> Type:
    for kw in node.keywords:
        if kw.arg not in ("sep", "end", "flush"):
            raise inf.fail(f"print(..., {kw.arg}=...) is not supported", kw.value)
        v = kw.value
        ok = isinstance(v, ast.Constant) and (
            v.value is None or isinstance(v.value, str) or (kw.arg == "flush" and isinstance(v.value, bool)))
        if not ok:
            raise inf.fail(f"print {kw.arg}= must be a constant here", v)
    ts = [print_arg_type(inf, a) for a in node.args]
    inf.u.calls[node] = CallInfo("print", "print", NONE, arg_types=tuple(ts))
    return NONE


def print_arg_type(inf: Inferer, arg: ast.expr) -> Type:
    """print() also takes str constants and f-strings over compiled values."""
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        inf.u.types[arg] = STR
        return STR
    if isinstance(arg, ast.JoinedStr):
        for part in arg.values:
            if isinstance(part, ast.FormattedValue):
                t = inf.expr(part.value)
                if t == STR:
                    raise inf.fail("nested str values are not supported", part.value)
                spec = part.format_spec
                if spec is not None and not (isinstance(spec, ast.JoinedStr) and all(
                        isinstance(v, ast.Constant) for v in spec.values)):
                    raise inf.fail("computed format specs are not supported", part)
        inf.u.types[arg] = STR
        return STR
    return inf.expr(arg)


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
    elif name in R.MATH_VIA_CPYTHON or name in R.MATH_LOGS or name in R.MATH_NATIVE_2:
        result = R.MATH_VIA_CPYTHON.get(name, FLOAT)
        inf.u.calls[node] = CallInfo("pycall", name, result, obj=getattr(math, name), arg_types=tuple(ts))
        return result
    else:
        raise inf.fail(f"math.{name}() with {n} arguments is not supported", node)
    inf.u.calls[node] = CallInfo("math", name, result, arg_types=tuple(ts))
    return result


def user_call(inf: Inferer, node: ast.Call, jitfn: object) -> Type:
    if any(isinstance(a, ast.Starred) for a in node.args):
        raise inf.fail(f"call to '{jitfn.__name__}' with *arguments", node)  # type: ignore[attr-defined]
    binding = R.bind_slots(jitfn._fn, len(node.args), tuple(kw.arg for kw in node.keywords))  # type: ignore[attr-defined]
    if isinstance(binding, str):
        raise inf.fail(binding, node)
    sources = [inf.expr(a) for a in [*node.args, *(kw.value for kw in node.keywords)]]
    ts = []
    for b in binding:
        if isinstance(b, R.Default):
            t = type_of_value(b.value)
            if t is None:
                raise inf.fail(f"default argument of type {type(b.value).__name__}", node)
            ts.append(t)
        else:
            ts.append(sources[b])
    if BOTTOM in ts:
        return BOTTOM
    spec = inf.request_spec(jitfn, tuple(ts), node)
    inf.u.callees.append(spec)
    result = spec.return_type
    inf.u.calls[node] = CallInfo("user", jitfn.__name__, result, obj=jitfn, spec=spec,  # type: ignore[attr-defined]
                                 binding=binding, arg_types=tuple(ts))
    return result
