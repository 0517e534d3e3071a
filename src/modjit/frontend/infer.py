"""infer_types: the types of every local and expression of one unit.

    def f(n):            n: int (from the call)
        s = 0.0          s: float
        for i in range(n):   i: int
            s += i * 0.5     float
        return s         -> returns float

Locals are typed by iterating over the body until no type changes (a loop can
assign a variable after reading it).  A variable that would hold two types, or
any construct outside the subset, raises Unsupported: the unit runs on CPython.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import Any

from modjit.errors import Unsupported
from modjit.frontend import resolve as R
from modjit.frontend.aliases import inline_method_aliases
from modjit.frontend.comprehensions import CompAppend, is_hidden, scope_comprehensions
from modjit.frontend.fold import fold_constants
from modjit.frontend.iterables import iter_plan
from modjit.frontend.types import (
    BOOL,
    BOTTOM,
    FLOAT,
    INT,
    NONE,
    NUM,
    ListType,
    TupleType,
    Type,
    holds_list,
    join,
    list_of,
    tuple_of,
    type_of_value,
)
from modjit.frontend.unsupported import reject

ARITH = ast.Add | ast.Sub | ast.Mult
BITWISE = ast.BitAnd | ast.BitOr | ast.BitXor


class CallInfo:
    """How a call is compiled: kind is print | builtin | math | pycall | user | range | method
    | const (a call of a builtin on a constant, such as float("inf"): obj holds the value).
    A user call's `binding` gives each parameter its argument: an int indexes the call's
    positional then keyword argument expressions, a Default holds a default's value."""

    __slots__ = ("kind", "name", "result", "obj", "spec", "binding", "arg_types", "kwargs")

    def __init__(self, kind: str, name: str, result: Type, obj: Any = None, spec: Any = None,
                 binding: tuple[Any, ...] = (), arg_types: tuple[Type, ...] = (),
                 kwargs: dict[str, Any] | None = None) -> None:
        self.kind = kind
        self.name = name
        self.result = result
        self.obj = obj
        self.spec = spec
        self.binding = binding
        self.arg_types = arg_types
        self.kwargs = kwargs  # constant keyword arguments passed on (sorted(..., reverse=True))


class UnitTypes:
    """The front end's result for one unit, consumed by the code generator."""

    def __init__(self, filename: str, name: str, mode: str, body: list[ast.stmt],
                 params: list[str], param_types: list[Type]) -> None:
        self.filename = filename
        self.name = name  # function name, or '<module>' for a statement
        self.mode = mode  # 'function' | 'statement'
        self.body = body
        self.params = params
        self.param_types = param_types
        self.locals: dict[str, Type] = {}
        self.declared_globals: dict[str, Type] = {}
        self.preloaded: set[str] = set()  # statement mode: cached globals bound at entry
        self.types: dict[ast.AST, Type] = {}
        self.calls: dict[ast.AST, CallInfo] = {}
        self.global_reads: dict[str, Type] = {}
        self.return_type: Type = NONE
        self.deps: dict[str, object] = {}
        self.callees: list[Any] = []


RequestSpec = Callable[[Any, tuple[Type, ...], ast.AST], Any]


def infer_types(unit: UnitTypes, namespace: dict[str, Any], request_spec: RequestSpec,
                settling: bool = False) -> UnitTypes:
    """Fill `unit` with types; raises Unsupported.  `settling`: the unit is one
    of a group inferred together until return types settle, so a local typed by
    a call whose return type is not known yet (`left = tree(n - 1)`) may stay
    unknown for now; `check_settled` decides at the end."""
    Inferer(unit, namespace, request_spec).run(settling)
    return unit


def known_truth(unit: UnitTypes, test: ast.expr) -> bool | None:
    """The value of a test known from types alone (`isinstance(x, float)`,
    `not isinstance(...)`), or None."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = known_truth(unit, test.operand)
        return None if inner is None else not inner
    info = unit.calls.get(test)
    return info.obj if info is not None and info.kind == "isinstance" else None  # type: ignore[no-any-return]


def check_settled(unit: UnitTypes) -> None:
    for name, t in unit.locals.items():
        if t == BOTTOM:
            node = unit.body[0] if unit.body else None
            raise Unsupported(f"cannot infer the type of '{name}'", node, unit.filename)


class Inferer:
    def __init__(self, unit: UnitTypes, namespace: dict[str, Any], request_spec: RequestSpec):
        self.u = unit
        self.ns = namespace
        self.request_spec = request_spec
        self.local_names: set[str] = set()
        self.shadowed: set[str] = set()  # statement mode: bound now to a value we cannot hold
        self.returns: Type = BOTTOM
        # global names bound to an empty list: list[T] once the unit appends a T
        self.empty_globals: dict[str, Type] = {}

    def fail(self, message: str, node: ast.AST) -> Unsupported:
        return Unsupported(message, node, self.u.filename)

    # -- driver -----------------------------------------------------------
    def run(self, settling: bool = False) -> None:
        u = self.u
        fold_constants(u.body)
        if u.mode == "function":
            inline_method_aliases(u.body, u.params)
        scope_comprehensions(u.body, u.filename)
        self.comp_elems: list[Type] = []
        for node in R._walk_scope(u.body):
            reject(node, u.filename, u.mode)
        if u.mode == "function":
            self.local_names, declared = R.classify_locals(u.body, u.params)
            for name in declared:
                t = type_of_value(self.ns[name]) if name in self.ns else None
                u.declared_globals[name] = t if t is not None else BOTTOM
        else:
            self.local_names = R.assigned_names(u.body)
        start = dict(zip(u.params, u.param_types, strict=True))
        if u.mode == "statement":
            for name in self.local_names:
                if name in self.ns and not is_hidden(name):
                    t = type_of_value(self.ns[name])
                    if t is None and self.ns[name] == [] and type(self.ns[name]) is list:
                        t = list_of(BOTTOM)  # typed by what the statement puts in
                    if t is None:
                        self.shadowed.add(name)
                    else:
                        start[name] = t
                        u.preloaded.add(name)
        for _ in range(30):
            before = (dict(u.locals), dict(u.declared_globals), self.returns, dict(self.empty_globals))
            if not u.locals:
                u.locals.update(start)
            u.types.clear()
            u.calls.clear()
            u.callees.clear()
            self.returns = BOTTOM
            self.block(u.body)
            if (u.locals, u.declared_globals, self.returns, self.empty_globals) == before:
                break
        else:
            raise self.fail("types of locals do not settle", u.body[0])
        if u.mode == "function":
            if falls_through(u.body):
                self.add_return(NONE, u.body[-1])
            u.return_type = self.returns if self.returns != BOTTOM else BOTTOM
        for name in self.local_names:
            if name not in u.locals:
                u.locals[name] = NONE  # assigned only in unreachable code; never read
        if not settling:
            check_settled(u)

    def add_return(self, t: Type, node: ast.AST) -> None:
        if isinstance(t, TupleType) and any(_tuple_holding_list(i) for i in t.items):
            raise self.fail("returning nested tuples that hold lists is not supported", node)
        j = join(self.returns, t)
        if j is None:
            raise self.fail(f"function returns both {self.returns} and {t}", node)
        self.returns = j

    def assign_name(self, name: str, t: Type, node: ast.AST) -> None:
        if _tuple_holding_list(t):
            raise self.fail("a variable holding a tuple with a list is not supported", node)
        if name in self.u.declared_globals:
            table = self.u.declared_globals
        else:
            table = self.u.locals
        old = table.get(name, BOTTOM)
        j = join(old, t)
        if j is None:
            raise self.fail(f"variable '{name}' holds both {old} and {t}", node)
        table[name] = j

    def refine_empty(self, name: str, t: Type, node: ast.AST) -> None:
        """The empty list `name` holds gets items of a type (`t` is its list
        type now): a global's type is the unit's to track, a local's is its
        variable's.  (Assigning a global's name made it a local of the unit,
        never bound: `a[0] = 1` on a global `a = []` raised NameError.)"""
        if name in self.empty_globals:
            self.empty_globals[name] = t
        else:
            self.assign_name(name, t, node)

    # -- statements -------------------------------------------------------
    def block(self, stmts: list[ast.stmt]) -> None:
        for s in stmts:
            self.stmt(s)

    def stmt(self, s: ast.stmt) -> None:
        if isinstance(s, ast.Assign):
            if len(s.targets) == 1 and isinstance(s.targets[0], ast.Subscript) \
                    and isinstance(s.targets[0].slice, ast.Slice) and isinstance(s.value, ast.Call):
                s.value.mj_consumed = True  # type: ignore[attr-defined]  # `a[i:j] = reversed(b)`: infer_calls
            t = self.expr(s.value)
            for target in s.targets:
                self.assign_target(target, t)
        elif isinstance(s, ast.AnnAssign):
            if s.value is None or self.u.mode == "statement":
                raise self.fail("annotated assignment is not supported here", s)
            self.assign_target(s.target, self.expr(s.value))
        elif isinstance(s, ast.AugAssign):
            if isinstance(s.target, ast.Subscript):
                left = self.subscript_type(s.target)
                if isinstance(left, ListType):  # (in place on the item: list.__iadd__)
                    raise self.fail("augmented assignment to an item holding a list is not supported", s)
                self.store_subscript(s.target, self.binop_type(s.op, left, self.expr(s.value), s))
                return
            if not isinstance(s.target, ast.Name):
                raise self.fail("augmented assignment to a non-name is not supported", s)
            left = self.name_type(s.target)
            self.assign_name(s.target.id, self.binop_type(s.op, left, self.expr(s.value), s), s)
        elif isinstance(s, ast.Expr):
            if not (isinstance(s.value, ast.Constant) and isinstance(s.value.value, str)):
                self.expr(s.value)
        elif isinstance(s, ast.If | ast.While):
            self.truth(s.test)
            known = known_truth(self.u, s.test) if isinstance(s, ast.If) else None
            if known is not False:  # a branch isinstance() rules out is not compiled
                self.block(s.body)
            if known is not True:
                self.block(s.orelse)
        elif isinstance(s, ast.For):
            self.for_stmt(s)
        elif isinstance(s, ast.Return):
            if self.u.mode != "function":
                raise self.fail("'return' outside function", s)
            self.add_return(self.expr(s.value) if s.value is not None else NONE, s)
        elif isinstance(s, ast.Pass | ast.Break | ast.Continue | ast.Global):
            pass
        elif isinstance(s, CompAppend):
            t = self.expr(s.value)
            j = join(self.comp_elems[-1], t)
            if j is None or j == NUM or t == NONE:
                raise self.fail(f"list of mixed types {self.comp_elems[-1]} and {t}", s.value)
            self.comp_elems[-1] = j
        else:
            raise self.fail(f"'{type(s).__name__}' statement is not supported", s)

    def for_stmt(self, s: ast.For) -> None:
        it = s.iter
        kind = (self.binding_kind(it.func) if isinstance(it, ast.Call) and isinstance(it.func, ast.Name)
                else ("", ""))
        rng = it
        if kind == ("builtin", "reversed") and isinstance(it, ast.Call) and len(it.args) == 1 \
                and not it.keywords and isinstance(it.args[0], ast.Call) \
                and isinstance(it.args[0].func, ast.Name) \
                and self.binding_kind(it.args[0].func) == ("builtin", "range"):
            rng, kind = it.args[0], ("builtin", "range")  # reversed(range(...))
        planned = iter_plan(self, it) if rng is it else None  # reversed(a), zip(a, b), enumerate(...)
        if planned is not None:
            plan, item = planned
            if item == BOTTOM or (isinstance(item, TupleType) and BOTTOM in item.items):
                return  # a list of unknown type: settled by a later round
            self.u.calls[it] = CallInfo("iter", "iter", item, obj=plan)
            self.assign_target(s.target, item)
            self.block(s.body)
            self.block(s.orelse)
            return
        if kind != ("builtin", "range"):
            lt = self.expr(it)
            if isinstance(lt, TupleType) and lt.items:
                items = set(lt.items)
                elem = lt.items[0] if len(items) == 1 else NUM if items <= {INT, FLOAT, NUM} else None
                if elem is not None and not isinstance(elem, ListType):
                    lt = list_of(elem)  # iterated as a list made from the tuple
                    self.u.calls[it] = CallInfo("tuple_iter", "tuple", lt)
            if isinstance(lt, ListType):
                self.assign_target(s.target, lt.elem)
                self.block(s.body)
                self.block(s.orelse)
                return
            if lt == BOTTOM:
                return
            raise self.fail("for loops are compiled over range(), lists, and reversed/zip/enumerate of lists only",
                            s.iter)
        assert isinstance(rng, ast.Call)
        if not 1 <= len(rng.args) <= 3 or rng.keywords:
            raise self.fail("range() takes 1 to 3 positional arguments here", rng)
        for a in rng.args:
            t = self.expr(a)
            if t not in (INT, BOOL, BOTTOM):
                raise self.fail(f"range() argument of type {t}", a)
        self.u.calls[it] = CallInfo("range", "range" if rng is it else "reversed", NONE, obj=rng)
        self.assign_target(s.target, INT)
        self.block(s.body)
        self.block(s.orelse)

    def assign_target(self, target: ast.expr, t: Type) -> None:
        if isinstance(target, ast.Name):
            self.assign_name(target.id, t, target)
        elif isinstance(target, ast.Subscript):
            self.store_subscript(target, t)
        elif isinstance(target, ast.Tuple | ast.List):
            if t == BOTTOM:
                for elt in target.elts:
                    self.assign_target(elt, BOTTOM)
                return
            if isinstance(t, ListType) and t.elem != BOTTOM \
                    and not any(isinstance(e, ast.Starred) for e in target.elts):
                for elt in target.elts:  # x, y, z = point: its length is checked as it runs
                    self.assign_target(elt, t.elem)
                return
            if not isinstance(t, TupleType) or len(t.items) != len(target.elts):
                raise self.fail(f"cannot unpack {t} into {len(target.elts)} targets", target)
            for elt, et in zip(target.elts, t.items, strict=True):
                self.assign_target(elt, et)
        else:
            raise self.fail(f"assignment to {type(target).__name__.lower()} is not supported", target)

    def store_subscript(self, target: ast.Subscript, t: Type) -> None:
        """a[i] = v: v must have the list's element type exactly (an int stays an int)."""
        lt = self.expr(target.value)
        if isinstance(target.slice, ast.Slice):
            self.store_slice(target, lt, t)
            return
        it = self.expr(target.slice)
        if lt == BOTTOM or t == BOTTOM:
            return
        if not isinstance(lt, ListType) or it not in (INT, BOOL, BOTTOM):
            raise self.fail("item assignment is compiled for lists with an int index only", target)
        if lt.elem == BOTTOM and isinstance(target.value, ast.Name):
            self.refine_empty(target.value.id, list_of(t), target)
        elif lt.elem != t:
            raise self.fail(f"storing {t} into {lt}", target)

    def store_slice(self, target: ast.Subscript, lt: Type, t: Type) -> None:
        """a[i:j] = b: a list of a's element type into a list, int bounds, no step."""
        sl = target.slice
        assert isinstance(sl, ast.Slice)
        bounds = [self.expr(b) for b in (sl.lower, sl.upper) if b is not None]
        if sl.step is not None:
            raise self.fail("slice assignment with a step is not supported", target)
        if lt == BOTTOM or t == BOTTOM:
            return
        if not isinstance(lt, ListType) or any(b not in (INT, BOOL, BOTTOM) for b in bounds):
            raise self.fail("slice assignment is compiled for lists with int bounds only", target)
        if not isinstance(t, ListType) or t.elem not in (lt.elem, BOTTOM):
            raise self.fail(f"storing {t} into a slice of {lt}", target)

    # -- expressions ------------------------------------------------------
    def expr(self, node: ast.expr) -> Type:
        t = self._expr(node)
        self.u.types[node] = t
        return t

    def truth(self, node: ast.expr) -> Type:
        """A test (if, while, a conditional expression): only its truth counts,
        so `cell and n == 2` of an int and a bool is fine here (marked for
        codegen's test(), which only short-circuits truths)."""
        if isinstance(node, ast.BoolOp):
            ts = [self.truth(v) for v in node.values]
            out: Type | None = BOTTOM
            for t in ts:
                out = None if out is None else join(out, t)
            if out is None or any(getattr(v, "mj_truth", False) for v in node.values):
                node.mj_truth = True  # type: ignore[attr-defined]
                self.u.types[node] = BOOL
                return BOOL
        t = self.expr(node)
        return t

    def _expr(self, node: ast.expr) -> Type:
        if isinstance(node, ast.Constant):
            return self.constant_type(node)
        if isinstance(node, ast.Name):
            return self.name_type(node)
        if isinstance(node, ast.BinOp):
            return self.binop_type(node.op, self.expr(node.left), self.expr(node.right), node)
        if isinstance(node, ast.UnaryOp):
            if isinstance(node.op, ast.Not):  # only the operand's truth counts
                self.truth(node.operand)
                return BOOL
            t = self.expr(node.operand)
            if t == BOTTOM:
                return BOTTOM
            if not t.is_number:
                raise self.fail(f"unary operator on {t}", node)
            if isinstance(node.op, ast.Invert):
                if t in (FLOAT, NUM):
                    raise self.fail("'~' on float", node)
                return INT
            return INT if t == BOOL else t
        if isinstance(node, ast.Compare):
            return self.compare_type(node)
        if isinstance(node, ast.BoolOp):
            ts = [self.expr(v) for v in node.values]
            out = BOTTOM
            for t, v in zip(ts, node.values, strict=True):
                j = join(out, t)
                if j is None:
                    raise self.fail(f"'{'and' if isinstance(node.op, ast.And) else 'or'}' of {out} and {t}", v)
                out = j
            return out
        if isinstance(node, ast.IfExp):
            self.truth(node.test)
            known = known_truth(self.u, node.test)
            if known is not None:
                return self.expr(node.body if known else node.orelse)
            a, b = self.expr(node.body), self.expr(node.orelse)
            j = join(a, b)
            if j is None:
                raise self.fail(f"conditional expression of {a} and {b}", node)
            return j
        if isinstance(node, ast.Tuple):
            return tuple_of(tuple(self.expr(e) for e in node.elts))
        if isinstance(node, ast.ListComp):
            self.comp_elems.append(BOTTOM)
            self.stmt(node.mj_loop)  # type: ignore[attr-defined]
            return list_of(self.comp_elems.pop())
        if isinstance(node, ast.List):
            elem = BOTTOM
            for e in node.elts:
                et = self.expr(e)
                j = join(elem, et)
                if j is None or j == NUM or et == NONE:
                    raise self.fail(f"list of mixed types {elem} and {et}", e)
                elem = j
            return list_of(elem)
        if isinstance(node, ast.Subscript):
            return self.subscript_type(node)
        if isinstance(node, ast.Attribute):
            if (isinstance(node.value, ast.Name) and self.binding_kind(node.value)[0] == "math_module"
                    and node.attr in R.MATH_CONSTANTS):
                if R.math_attr_replaced(node.attr):
                    raise self.fail(f"math.{node.attr} was replaced", node)
                return FLOAT
            raise self.fail(f"attribute '{node.attr}' is not supported", node)
        if isinstance(node, ast.JoinedStr):
            raise self.fail("f-strings are compiled only as print() arguments", node)
        if isinstance(node, ast.Call):
            from modjit.frontend.infer_calls import call_type

            return call_type(self, node)
        raise self.fail(f"{type(node).__name__} expression is not supported", node)

    def constant_type(self, node: ast.Constant) -> Type:
        v = node.value
        if isinstance(v, bool):
            return BOOL
        if isinstance(v, int):
            if -(2**63) <= v < 2**63:
                return INT
            raise self.fail("integer constant does not fit in 64 bits", node)
        if isinstance(v, float):
            return FLOAT
        if v is None:
            return NONE
        raise self.fail(f"{type(v).__name__} values are not supported", node)

    def name_type(self, node: ast.Name) -> Type:
        name = node.id
        if name in self.local_names:
            if name in self.shadowed:
                raise self.fail(f"global '{name}' holds a {type(self.ns[name]).__name__}", node)
            return self.u.locals.get(name, BOTTOM)
        if name in self.u.declared_globals:
            return self.u.declared_globals[name]
        b = R.resolve_global(name, self.ns)
        if b is None:
            raise self.fail(R.undefined(name), node)
        if b.kind != "value":
            raise self.fail(f"'{name}' used as a value", node)
        t = type_of_value(b.obj)
        if t is None and b.obj == [] and type(b.obj) is list:
            t = self.empty_globals.setdefault(name, list_of(BOTTOM))
        if t is None:
            raise self.fail(f"global '{name}' of type {type(b.obj).__name__} is not supported", node)
        self.u.global_reads[name] = t
        return t

    def binding_kind(self, node: ast.Name) -> tuple[str, str]:
        if node.id in self.local_names or node.id in self.u.declared_globals:
            return ("local", node.id)
        b = R.resolve_global(node.id, self.ns)
        if b is None:
            return ("missing", node.id)
        self.u.deps[node.id] = b.obj if node.id in self.ns else R.MISSING
        return (b.kind, b.name)

    def binop_type(self, op: ast.operator, a: Type, b: Type, node: ast.AST) -> Type:
        if a == BOTTOM or b == BOTTOM:
            return BOTTOM
        if isinstance(a, TupleType) and isinstance(b, TupleType) and isinstance(op, ast.Add):
            return tuple_of(a.items + b.items)
        if isinstance(op, ast.Mult) and isinstance(a, ListType) and b in (INT, BOOL):
            return a
        if isinstance(op, ast.Mult) and isinstance(b, ListType) and a in (INT, BOOL):
            return b
        if isinstance(op, ast.Add) and isinstance(a, ListType) and isinstance(b, ListType):
            j = join(a, b)
            if j is not None:
                return j
        if not (a.is_number and b.is_number):
            raise self.fail(f"operator {type(op).__name__} on {a} and {b}", node)
        is_float = FLOAT in (a, b)
        if NUM in (a, b) and not is_float:
            if isinstance(op, ast.Div):
                return FLOAT
            if isinstance(op, ARITH | ast.FloorDiv | ast.Mod | ast.Pow):
                return NUM
            raise self.fail(f"operator {type(op).__name__} on a variable that is int or float", node)
        if isinstance(op, ARITH | ast.FloorDiv | ast.Mod):
            return FLOAT if is_float else INT
        if isinstance(op, ast.Div):
            return FLOAT
        if isinstance(op, ast.Pow):
            if is_float or _negative_constant(getattr(node, "right", None)):
                return FLOAT
            return INT
        if isinstance(op, ast.LShift | ast.RShift):
            if is_float:
                raise self.fail("shift of a float", node)
            return INT
        if isinstance(op, BITWISE):
            if is_float:
                raise self.fail("bitwise operator on a float", node)
            return BOOL if a == BOOL and b == BOOL else INT
        raise self.fail(f"operator {type(op).__name__} is not supported", node)

    def compare_type(self, node: ast.Compare) -> Type:
        ts = [self.expr(node.left)] + [self.expr(c) for c in node.comparators]
        for op, a, b in zip(node.ops, ts, ts[1:], strict=False):
            if isinstance(op, ast.Is | ast.IsNot):
                if NONE not in (a, b):
                    raise self.fail("'is' is compiled only against None", node)
                continue
            if isinstance(op, ast.In | ast.NotIn):
                if isinstance(b, ListType) and (a.is_number or a == BOTTOM):
                    continue
                scalars = (INT, FLOAT, BOOL, BOTTOM)
                if isinstance(b, TupleType) and a in scalars and all(i in scalars for i in b.items):
                    continue  # `c in (0, 1, 4)`
                raise self.fail("'in' is compiled for lists and tuples of numbers only", node)
            if isinstance(a, ListType) and isinstance(b, ListType) and isinstance(op, ast.Eq | ast.NotEq):
                continue
            if BOTTOM in (a, b) or (a.is_number and b.is_number):
                continue
            if isinstance(a, TupleType) and isinstance(b, TupleType) and not isinstance(op, ast.In | ast.NotIn):
                if len(a.items) == len(b.items) and all(
                        x.is_number and y.is_number for x, y in zip(a.items, b.items, strict=True)):
                    continue
            if a == NONE and b == NONE and isinstance(op, ast.Eq | ast.NotEq):
                continue
            raise self.fail(f"comparison of {a} and {b}", node)
        return BOOL

    def subscript_type(self, node: ast.Subscript) -> Type:
        t = self.expr(node.value)
        if t == BOTTOM:
            return BOTTOM
        if isinstance(t, ListType):
            if isinstance(node.slice, ast.Slice):
                for part in (node.slice.lower, node.slice.upper, node.slice.step):
                    if part is not None and self.expr(part) not in (INT, BOOL, NONE, BOTTOM):
                        raise self.fail("slice bounds must be ints", part)
                return t
            it = self.expr(node.slice)
            if it not in (INT, BOOL, BOTTOM):
                raise self.fail(f"list index of type {it}", node.slice)
            return t.elem
        idx = _int_constant(node.slice)
        if not isinstance(t, TupleType) or idx is None:
            raise self.fail("subscript is compiled only for a tuple with a constant index", node)
        n = len(t.items)
        if not -n <= idx < n:
            raise self.fail("tuple index out of range", node)
        return t.items[idx]


def _tuple_holding_list(t: Type) -> bool:
    return isinstance(t, TupleType) and holds_list(t)


def _int_constant(node: ast.AST) -> int | None:
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _int_constant(node.operand)
        return -inner if inner is not None else None
    return None


def _negative_constant(node: ast.AST | None) -> bool:
    v = _int_constant(node) if node is not None else None
    return v is not None and v < 0


def falls_through(stmts: list[ast.stmt]) -> bool:
    """Whether control can reach the end of `stmts` (conservatively True)."""
    if not stmts:
        return True
    last = stmts[-1]
    if isinstance(last, ast.Return):
        return False
    if isinstance(last, ast.If):
        return falls_through(last.body) or falls_through(last.orelse)
    if isinstance(last, ast.While) and isinstance(last.test, ast.Constant) and last.test.value:  # (while 1:)
        return any(isinstance(n, ast.Break) for n in _loop_breaks(last.body))
    return True


def _loop_breaks(body: list[ast.stmt]) -> list[ast.AST]:
    out: list[ast.AST] = []
    stack: list[ast.AST] = list(body)
    while stack:
        n = stack.pop()
        if isinstance(n, ast.Break):
            out.append(n)
        if isinstance(n, ast.For | ast.While | ast.FunctionDef | ast.ClassDef):
            stack.extend(n.orelse if isinstance(n, ast.For | ast.While) else [])
            continue
        stack.extend(ast.iter_child_nodes(n))
    return out
