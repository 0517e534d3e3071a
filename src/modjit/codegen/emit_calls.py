"""Lowering of calls: compiled functions, print, numeric builtins, math.

    fib(n - 1)     -> call through fib's slot (or directly, when recursive);
                      then leave if the error cell is set
    print(x, y)    -> builtins.print(*boxed) via PyObject_Call
    math.sqrt(x)   -> llvm sqrt; NaN from a non-NaN argument raises
                      ValueError('math domain error') as CPython's math_1 does
"""

from __future__ import annotations

import ast
import ctypes
from typing import Any

from modjit.codegen.emit_base import Value, counts_frames
from modjit.codegen.emit_random import EmitRandom
from modjit.codegen.irtext import ptr_const
from modjit.frontend import resolve as R
from modjit.frontend.infer import CallInfo
from modjit.frontend.types import (
    BOOL,
    FLOAT,
    INT,
    NONE,
    NUM,
    ListType,
    TupleType,
    Type,
    holds_list,
    type_of_value,
)
from modjit.runtime import capi
from modjit.runtime import errors as E
from modjit.runtime.output import FLUSH_AT

INF_BITS = "0x7FF0000000000000"
_STRINGS: dict[str, str] = {}


def _const_str(text: str) -> str:
    """One interned str object per distinct constant (kept alive by the runtime)."""
    return _STRINGS.setdefault(text, text)


class EmitCalls(EmitRandom):
    def expr(self, node: ast.expr) -> Value:  # provided by EmitExpr
        raise NotImplementedError

    def constant(self, value: object, t: Type) -> str:  # provided by EmitExpr
        raise NotImplementedError

    def call(self, node: ast.Call, t: Type) -> Value:
        info = self.u.calls[node]
        if info.kind == "user":
            return self.user_call(node, info), t
        if info.kind == "isinstance":  # known from the type; the argument still runs
            self.expr(node.args[0])
            return ("true" if info.obj else "false"), t
        if info.kind == "scalar_method":
            assert isinstance(node.func, ast.Attribute)
            return self.scalar_method(info.name, self.expr(node.func.value)), t
        if info.kind == "const":
            return self.constant(info.obj, t), t
        if info.kind == "until":  # any/all of a generator: its loop, then its stop flag
            self.comprehension_frame(node.args[0].mj_loop, levels=2)  # type: ignore[attr-defined]
            stopped = self.load_var(info.obj, node)[0]
            return (stopped if info.name == "any" else self.f.value(f"xor i1 {stopped}, true")), t
        if info.kind == "reversed_copy":  # (a[i:j] = reversed(b): the items at once)
            lst = self.expr(node.args[0])[0]
            copy = self.whole_copy(lst)
            self.raise_pyerr_if_null(copy)
            self.temp(copy)
            self.f.emit(f"call i32 {self.need('PyList_Reverse')}(ptr {copy})")
            return copy, t
        if info.kind == "reduce_of":  # sum/min/max of a generator: its loop, then its result
            comp = node.args[0]  # (levels: the generator's; sum, a METH_FASTCALL builtin, counts
            # none, min/max, METH_VARARGS ones, one as CPython calls them)
            self.comprehension_frame(comp.mj_loop, levels=1 if info.name == "sum" else 2)  # type: ignore[attr-defined]
            if info.name != "sum":  # of nothing: CPython raises its ValueError
                self.raise_if(self.load_var(comp.mj_first, node)[0], E.E_DEOPT_VALUE, node)  # type: ignore[attr-defined]
            return self.load_var(info.obj, node)[0], t
        if info.kind == "random":
            return self.random_call(info.name, node), t
        if info.kind == "print":
            self.print_call(node)
            return "false", NONE
        if info.kind == "method":
            assert isinstance(node.func, ast.Attribute)
            owner = self.expr(node.func.value)
            margs = [self.expr(a) for a in node.args]
            return self.list_method(owner, info.name, margs, t, node, info.kwargs), t  # type: ignore[attr-defined]
        if info.kind == "pycall" and info.name == "list_range":
            assert isinstance(node.args[0], ast.Call)
            args = [self.expr(a) for a in node.args[0].args]  # list(range(a, b, c))
            return self.pycall(info.obj, args, t, node), t
        args = [self.expr(a) for a in node.args]
        if info.kind == "math":
            return self.math_call(info.name, args, node), t
        if info.kind == "pycall":
            return self.pycall(info.obj, args, t, node, info.kwargs), t
        return self.builtin(info.name, args, node, t), t

    # -- compiled functions ---------------------------------------------------------
    def user_call(self, node: ast.Call, info: CallInfo) -> str:
        # evaluated in source order, then bound to the parameters
        values = [self.expr(a) for a in [*node.args, *(kw.value for kw in node.keywords)]]
        args = []
        for b in info.binding:
            if isinstance(b, R.Default):
                dt = type_of_value(b.value)
                assert dt is not None
                args.append((self.constant(b.value, dt), dt))
            else:
                args.append(values[b])
        spec = info.spec
        params = ", ".join(f"{pt.llvm} {self.coerce(a, pt)}"
                           for a, pt in zip(args, spec.param_types, strict=True))
        ret = spec.return_type.llvm
        if spec.unit is not None and not counts_frames(spec.unit):
            self.leaf_check(node)
        self.before_call(spec)
        if spec is self.ctx.self_spec and self.ctx.direct_self:
            target = f"@\"{self.ctx.symbol_of(spec)}\""
        elif spec in self.ctx.inline_symbols:
            target = f"@\"{self.ctx.inline_symbols[spec]}\""
        else:
            self.ctx.slot_callees.add(spec)
            target = self.f.value(f"load ptr, ptr {ptr_const(self.ctx.slot_of(spec))}")
        r = self.f.value(f"call {ret} {target}({params})")
        self.check_error(node)
        self.after_call(spec)
        rt = spec.return_type
        if isinstance(rt, ListType):
            self.temp(r)  # a returned list is a new reference
        elif isinstance(rt, TupleType):
            for i, it in enumerate(rt.items):
                if isinstance(it, ListType):
                    self.temp(self.f.value(f"extractvalue {rt.llvm} {r}, {i}"))
        return r

    def scalar_method(self, name: str, v: Value) -> str:
        f = self.f
        if name == "bit_length":  # 64 - leading zeros of |n| (as unsigned: -2**63 gives 64)
            x = self.coerce(v, INT)
            neg = f.value(f"sub i64 0, {x}")
            mag = f.value(f"select i1 {f.value(f'icmp slt i64 {x}, 0')}, i64 {neg}, i64 {x}")
            self.need("ctlz")
            return f.value(f"sub i64 64, {f.value(f'call i64 @llvm.ctlz.i64(i64 {mag}, i1 false)')}")
        self.need("ffloor")  # is_integer: finite (x - x is 0, not NaN) and its own floor
        x = v[0]
        floor = f.value(f"call double @llvm.floor.f64(double {x})")
        finite = f.value(f"fcmp oeq double {f.value(f'fsub double {x}, {x}')}, 0.0")
        return f.value(f"and i1 {f.value(f'fcmp oeq double {floor}, {x}')}, {finite}")

    def before_call(self, callee: Any = None) -> None:
        """Statement units write cached globals back before calling out (to
        the compiled `callee`, a Spec; None: to CPython)."""

    def after_call(self, callee: Any = None) -> None:
        """Statement units re-read cached globals after calling out."""

    # -- print ------------------------------------------------------------------------
    def print_call(self, node: ast.Call) -> None:
        f = self.f
        boxed = [self.print_arg(a) for a in node.args]
        for i, t in enumerate(self.u.calls[node].arg_types):
            if holds_list(t):
                # The queue prints later: a list, which the code may go on to
                # change, is queued as the text print() makes of it now.
                text = f.value(f"call ptr {self.need('PyObject_Str')}(ptr {boxed[i]})")
                self.decref(boxed[i])
                self.raise_pyerr_if_null(text)
                boxed[i] = text
        tup = f.value(f"call ptr {self.need('PyTuple_New')}(i64 {len(boxed)})")
        for i, obj in enumerate(boxed):
            f.emit(f"call i32 {self.need('PyTuple_SetItem')}(ptr {tup}, i64 {i}, ptr {obj})")
        kwargs = {kw.arg: kw.value.value for kw in node.keywords}  # type: ignore[attr-defined]
        kw = self.obj_const(kwargs) if kwargs else ptr_const(capi.PY_NONE)
        # queue (args, kwargs); CPython prints when control leaves compiled code
        pair = f.value(f"call ptr {self.need('PyTuple_New')}(i64 2)")
        f.emit(f"call i32 {self.need('PyTuple_SetItem')}(ptr {pair}, i64 0, ptr {tup})")
        self.incref(kw)
        f.emit(f"call i32 {self.need('PyTuple_SetItem')}(ptr {pair}, i64 1, ptr {kw})")
        queue = self.obj_const(self.ctx.print_queue.items)
        r = f.value(f"call i32 {self.need('PyList_Append')}(ptr {queue}, ptr {pair})")
        self.decref(pair)
        self.raise_if(f.value(f"icmp slt i32 {r}, 0"), E.E_PYERR, None)
        sp = f.value(f"getelementptr i8, ptr {queue}, i64 16")
        n = f.value(f"load i64, ptr {sp}")
        full, ok = f.new_label("flushq"), f.new_label("queued")
        pq = self.ctx.print_queue
        stdout = f.value(f"call ptr {self.need('PySys_GetObject')}(ptr {ptr_const(ctypes.addressof(pq.stdout_name))})")
        plain = f.value(f"load ptr, ptr {ptr_const(ctypes.addressof(pq.plain_cell))}")
        other = f.value(f"icmp ne ptr {stdout}, {plain}")  # (a stream of the program's own)
        f.cbr(f.value(f"or i1 {other}, {f.value(f'icmp sge i64 {n}, {FLUSH_AT}')}"), full, ok)
        f.block(full)
        empty = f.value(f"call ptr {self.need('PyTuple_New')}(i64 0)")
        res = f.value(f"call ptr {self.need('PyObject_Call')}(ptr {self.obj_const(self.ctx.print_queue.full_fn)}, ptr {empty}, ptr null)")
        self.decref(empty)
        self.raise_pyerr_if_null(res)
        self.decref(res)  # (True or False: immortal enough)
        self.raise_if(f.value(f"icmp eq ptr {res}, {ptr_const(capi.PY_TRUE)}"), E.E_DEOPT_OUTPUT, node)
        f.br(ok)
        f.block(ok)

    def print_arg(self, arg: ast.expr) -> str:
        """A new reference to the object print() receives for `arg`."""
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            obj = self.obj_const(_const_str(arg.value))
            self.incref(obj)
            return obj
        if isinstance(arg, ast.JoinedStr):
            return self.fstring(arg)
        return self.box(self.expr(arg))

    def fstring(self, node: ast.JoinedStr) -> str:
        """f"..." as CPython builds it: format(conv(value), spec) per field, then join."""
        f = self.f
        pieces = []
        for part in node.values:
            if isinstance(part, ast.Constant):
                piece = self.obj_const(_const_str(str(part.value)))
                self.incref(piece)
                pieces.append(piece)
                continue
            assert isinstance(part, ast.FormattedValue)
            obj = self.box(self.expr(part.value))
            conv = {115: "PyObject_Str", 114: "PyObject_Repr", 97: "PyObject_ASCII"}.get(part.conversion)
            if conv:
                converted = f.value(f"call ptr {self.need(conv)}(ptr {obj})")
                self.decref(obj)
                self.raise_pyerr_if_null(converted)
                obj = converted
            spec = "".join(str(v.value) for v in part.format_spec.values) if part.format_spec else ""  # type: ignore[attr-defined]
            text = f.value(f"call ptr {self.need('PyObject_Format')}(ptr {obj}, ptr {self.obj_const(_const_str(spec))})")
            self.decref(obj)
            self.raise_pyerr_if_null(text)
            pieces.append(text)
        lst = f.value(f"call ptr {self.need('PyList_New')}(i64 {len(pieces)})")
        for i, p in enumerate(pieces):
            f.emit(f"call i32 {self.need('PyList_SetItem')}(ptr {lst}, i64 {i}, ptr {p})")
        joined = f.value(f"call ptr {self.need('PyUnicode_Join')}(ptr {self.obj_const(_const_str(''))}, ptr {lst})")
        self.decref(lst)
        self.raise_pyerr_if_null(joined)
        return joined

    # -- CPython's own implementation on boxed values --------------------------------------
    def pycall(self, fn: object, args: list[Value], result: Type, node: ast.AST,
               kwargs: dict[str, object] | None = None) -> str:
        f = self.f
        for a in args:
            self.check_kept(a, node)
        tup = f.value(f"call ptr {self.need('PyTuple_New')}(i64 {len(args)})")
        for i, a in enumerate(args):
            f.emit(f"call i32 {self.need('PyTuple_SetItem')}(ptr {tup}, i64 {i}, ptr {self.box(a)})")
        kw = self.obj_const(kwargs) if kwargs else "null"
        r = f.value(f"call ptr {self.need('PyObject_Call')}(ptr {self.obj_const(fn)}, ptr {tup}, ptr {kw})")
        self.decref(tup)
        self.raise_pyerr_if_null(r)
        if isinstance(result, ListType):
            self.check_type(r, result, node)
            return self.temp(r)
        native = self.unbox(r, result, node)
        self.decref(r)
        return native

    # -- math -----------------------------------------------------------------------------
    def libm(self, name: str, *xs: str) -> str:
        params = ", ".join(f"double {x}" for x in xs)
        return self.f.value(f"call double {self.need(name)}({params})")

    def is_nan(self, x: str) -> str:
        return self.f.value(f"fcmp uno double {x}, {x}")

    def is_inf(self, x: str) -> str:
        return self.f.value(f"fcmp oeq double {self.fabs(x)}, {INF_BITS}")

    def math_call(self, name: str, args: list[Value], node: ast.AST) -> str:
        f = self.f
        if name in R.MATH_TO_INT:
            if args[0][1] == NUM:
                return self.num_branch(args[0], None, INT, lambda x, _: (self.math_call(name, [x], node), INT),
                                       lambda x, _: (self.math_call(name, [x], node), INT))[0]
            if args[0][1] != FLOAT:
                return self.coerce(args[0], INT)
            return self.float_to_int(self.libm(name, args[0][0]), node)
        xs = [self.coerce(a, FLOAT) for a in args]
        if name in R.MATH_PREDICATES:
            if name == "isnan":
                return self.is_nan(xs[0])
            inf = self.is_inf(xs[0])
            if name == "isinf":
                return inf
            return f.value(f"xor i1 {f.value(f'or i1 {inf}, {self.is_nan(xs[0])}')}, true")
        if name in R.MATH_LOGS:
            bad = f.value(f"fcmp ole double {xs[0]}, 0.0")
            self.raise_if(bad, E.E["math_domain"], node)
            return self.libm(name, xs[0])
        r = self.libm(name, *xs)
        if name in ("copysign", "fabs"):
            return r
        # CPython math_1/math_2: NaN out of non-NaN in -> domain error;
        # inf out of finite in -> range error (if the function can overflow) or domain error
        any_nan = "false"
        all_finite = "true"
        for x in xs:
            any_nan = f.value(f"or i1 {any_nan}, {self.is_nan(x)}")
            fin = f.value(f"fcmp one double {self.fabs(x)}, {INF_BITS}")
            all_finite = f.value(f"and i1 {all_finite}, {fin}")
        nan_out = f.value(f"and i1 {self.is_nan(r)}, {f.value(f'xor i1 {any_nan}, true')}")
        self.raise_if(nan_out, E.E["math_domain"], node)
        if name == "atan2":
            return r
        inf_out = f.value(f"and i1 {self.is_inf(r)}, {all_finite}")
        code = E.E["math_range"] if name in R.MATH_CAN_OVERFLOW else E.E["math_domain"]
        self.raise_if(inf_out, code, node)
        return r

    def float_to_int(self, x: str, node: ast.AST) -> str:
        """int(x) for a float: errors for inf/NaN, hand-over beyond 64 bits."""
        f = self.f
        self.raise_if(self.is_nan(x), E.E["int_of_nan"], node)
        self.raise_if(self.is_inf(x), E.E["int_of_inf"], node)
        big = f.value(f"fcmp oge double {x}, 0x43E0000000000000")
        small = f.value(f"fcmp olt double {x}, 0xC3E0000000000000")
        self.raise_if(f.value(f"or i1 {big}, {small}"), E.E_DEOPT_OVERFLOW, node)
        return f.value(f"fptosi double {x} to i64")

    # -- builtins -----------------------------------------------------------------------------
    def builtin(self, name: str, args: list[Value], node: ast.AST, t: Type) -> str:
        f = self.f
        if args and args[0][1] == NUM and name in ("int", "abs", "round"):
            # run the int or the float version depending on what the value holds now
            return self.num_branch(args[0], None, t, lambda x, _: (self.builtin(name, [x], node, x[1] if name == "abs" else INT), x[1] if name == "abs" else INT),  # noqa: E501
                                   lambda x, _: (self.builtin(name, [x], node, FLOAT if name == "abs" else INT), FLOAT if name == "abs" else INT))[0]
        if name == "len":
            if isinstance(args[0][1], ListType):
                p = f.value(f"getelementptr i8, ptr {args[0][0]}, i64 16")
                return f.value(f"load i64, ptr {p}")
            assert isinstance(args[0][1], TupleType)
            return str(len(args[0][1].items))
        if name == "bool":
            return self.truth(args[0]) if args else "false"
        if name == "int":
            if not args:
                return "0"
            if args[0][1] == FLOAT:
                x = self.libm("trunc", args[0][0])
                return self.float_to_int(x, node)
            return self.coerce(args[0], INT)
        if name == "float":
            return self.coerce(args[0], FLOAT) if args else self.float_const(0.0)
        if name == "abs":
            if t == FLOAT:
                return self.fabs(args[0][0])
            x = self.coerce(args[0], INT)
            neg = f.value(f"icmp slt i64 {x}, 0")
            nx = self.overflow_op("ssub", "0", x, node)
            return f.value(f"select i1 {neg}, i64 {nx}, i64 {x}")
        if name in ("min", "max"):
            return self.min_max(name, args, t)
        if name == "round":
            return self.round_call(args, node, t)
        if name == "divmod":
            if t.items[0] == FLOAT:  # type: ignore[attr-defined]
                zero = f.value(f"fcmp oeq double {self.coerce(args[1], FLOAT)}, 0.0")
                self.raise_if(zero, E.E["float_divmod_zero"], node)  # its own message
            q = self.binop(ast.FloorDiv(), args[0], args[1], node, t.items[0])  # type: ignore[attr-defined]
            r = self.binop(ast.Mod(), args[0], args[1], node, t.items[0])  # type: ignore[attr-defined]
            out = f.value(f"insertvalue {t.llvm} poison, {q[1].llvm} {q[0]}, 0")
            return f.value(f"insertvalue {t.llvm} {out}, {r[1].llvm} {r[0]}, 1")
        if name == "pow":
            if len(args) == 3:
                return self.pycall(pow, args, INT, node)
            pow_node = ast.BinOp(node.args[0], ast.Pow(), node.args[1])  # type: ignore[attr-defined]
            ast.copy_location(pow_node, node)
            return self.binop(ast.Pow(), args[0], args[1], pow_node, t)[0]
        raise AssertionError(name)

    def min_max(self, name: str, args: list[Value], t: Type) -> str:
        """max keeps the first of equal items and takes a later one only if greater."""
        f = self.f
        if t == NUM:
            args = [(self.coerce(a, NUM), NUM) for a in args]
        best = args[0]
        op = ast.Gt() if name == "max" else ast.Lt()
        for a in args[1:]:
            better = self.compare(op, a, best)
            best = (f.value(f"select i1 {better}, {t.llvm} {a[0]}, {t.llvm} {best[0]}"), t)
        return best[0]

    def round_call(self, args: list[Value], node: ast.AST, t: Type) -> str:
        if len(args) == 2:
            return self.pycall(round, args, t, node)
        if args[0][1] != FLOAT:
            return self.coerce(args[0], INT)
        r = self.f.value(f"call double {self.need('mj.round_even')}(double {args[0][0]})")
        return self.float_to_int(r, node)


_ = (BOOL,)  # re-exported names used by subclasses
