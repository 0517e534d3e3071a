"""Operators with CPython's exact semantics on 64-bit ints and doubles.

    a // b   (int)   -> sdiv, adjusted toward -inf; b == 0 raises, MIN // -1 hands over
    a % b    (float) -> CPython's fmod-based algorithm (helpers_ir.mj.fmod)
    a + b    (int)   -> llvm.sadd.with.overflow; overflow hands the work to CPython
"""

from __future__ import annotations

import ast

from modjit.codegen.emit_base import Value
from modjit.codegen.emit_num import EmitNum
from modjit.codegen.irtext import ptr_const
from modjit.frontend.types import BOOL, FLOAT, INT, NONE, NUM, ListType, TupleType, Type
from modjit.runtime import capi
from modjit.runtime import errors as E

INT_MIN = -(2**63)
_ICMP = {ast.Eq: "eq", ast.NotEq: "ne", ast.Lt: "slt", ast.LtE: "sle", ast.Gt: "sgt", ast.GtE: "sge"}
_FCMP = {ast.Eq: "oeq", ast.NotEq: "une", ast.Lt: "olt", ast.LtE: "ole", ast.Gt: "ogt", ast.GtE: "oge"}
_SWAP = {ast.Eq: ast.Eq, ast.NotEq: ast.NotEq, ast.Lt: ast.Gt, ast.LtE: ast.GtE, ast.Gt: ast.Lt, ast.GtE: ast.LtE}


class EmitOps(EmitNum):
    # -- truth -----------------------------------------------------------------
    def truth(self, v: Value) -> str:
        text, t = v
        if t == BOOL:
            return text
        if t == INT:
            return self.f.value(f"icmp ne i64 {text}, 0")
        if t == FLOAT:
            return self.f.value(f"fcmp une double {text}, 0.0")
        if t == NONE:
            return "false"
        if t == NUM:
            return self.num_truth(v)
        if isinstance(t, TupleType):
            return "true" if t.items else "false"
        if isinstance(t, ListType):
            p = self.f.value(f"getelementptr i8, ptr {text}, i64 16")
            n = self.f.value(f"load i64, ptr {p}")
            return self.f.value(f"icmp ne i64 {n}, 0")
        raise AssertionError(t)

    # -- arithmetic -------------------------------------------------------------
    def binop(self, op: ast.operator, a: Value, b: Value, node: ast.AST, result: Type) -> Value:
        if isinstance(result, TupleType):  # tuple concatenation
            return self.tuple_concat(a, b, result)
        if NUM in (a[1], b[1]):
            return self.num_binop(op, a, b, node, result)
        if result == FLOAT or isinstance(op, ast.Div):
            return self.float_binop(op, a, b, node)
        if result == BOOL:  # bool & | ^ bool
            instr = {ast.BitAnd: "and", ast.BitOr: "or", ast.BitXor: "xor"}[type(op)]
            return self.f.value(f"{instr} i1 {a[0]}, {b[0]}"), BOOL
        x, y = self.coerce(a, INT), self.coerce(b, INT)
        return self.int_binop(op, x, y, node), INT

    def overflow_op(self, kind: str, x: str, y: str, node: ast.AST) -> str:
        self.need(kind)
        pair = self.f.value(f"call {{i64, i1}} @llvm.{kind}.with.overflow.i64(i64 {x}, i64 {y})")
        ovf = self.f.value(f"extractvalue {{i64, i1}} {pair}, 1")
        self.raise_if(ovf, E.E_DEOPT_OVERFLOW, node)
        return self.f.value(f"extractvalue {{i64, i1}} {pair}, 0")

    def int_binop(self, op: ast.operator, x: str, y: str, node: ast.AST) -> str:
        f = self.f
        if isinstance(op, ast.Add):
            return self.overflow_op("sadd", x, y, node)
        if isinstance(op, ast.Sub):
            return self.overflow_op("ssub", x, y, node)
        if isinstance(op, ast.Mult):
            return self.overflow_op("smul", x, y, node)
        if isinstance(op, ast.FloorDiv | ast.Mod) and _literal(y) > 0:  # x % 200: no checks
            q = f.value(f"sdiv i64 {x}, {y}")
            r = f.value(f"srem i64 {x}, {y}")
            neg = f.value(f"icmp slt i64 {r}, 0")  # (the divisor is positive)
            if isinstance(op, ast.Mod):
                return f.value(f"select i1 {neg}, i64 {f.value(f'add i64 {r}, {y}')}, i64 {r}")
            return f.value(f"select i1 {neg}, i64 {f.value(f'sub i64 {q}, 1')}, i64 {q}")
        if isinstance(op, ast.FloorDiv | ast.Mod):
            code = E.E["int_floordiv_zero"] if isinstance(op, ast.FloorDiv) else E.E["int_mod_zero"]
            self.raise_if(f.value(f"icmp eq i64 {y}, 0"), code, node)
            minus1 = f.value(f"icmp eq i64 {y}, -1")
            if isinstance(op, ast.FloorDiv):
                is_min = f.value(f"icmp eq i64 {x}, {INT_MIN}")
                self.raise_if(f.value(f"and i1 {minus1}, {is_min}"), E.E_DEOPT_OVERFLOW, node)
            safe_y = f.value(f"select i1 {minus1}, i64 1, i64 {y}")  # MIN % -1 traps in hardware
            q = f.value(f"sdiv i64 {x}, {safe_y}")
            r = f.value(f"srem i64 {x}, {safe_y}")
            signs = f.value(f"xor i64 {r}, {y}")
            neg = f.value(f"icmp slt i64 {signs}, 0")
            nz = f.value(f"icmp ne i64 {r}, 0")
            fix = f.value(f"and i1 {neg}, {nz}")
            if isinstance(op, ast.Mod):
                r2 = f.value(f"add i64 {r}, {y}")
                return f.value(f"select i1 {fix}, i64 {r2}, i64 {r}")
            qneg = f.value(f"sub i64 0, {x}")
            q = f.value(f"select i1 {minus1}, i64 {qneg}, i64 {q}")
            q2 = f.value(f"sub i64 {q}, 1")
            return f.value(f"select i1 {fix}, i64 {q2}, i64 {q}")
        if isinstance(op, ast.Pow):
            return self.int_pow(x, y, node)
        if isinstance(op, ast.LShift | ast.RShift):
            self.raise_if(f.value(f"icmp slt i64 {y}, 0"), E.E["negative_shift"], node)
            big = f.value(f"icmp sge i64 {y}, 64")
            sy = f.value(f"select i1 {big}, i64 63, i64 {y}")
            if isinstance(op, ast.RShift):
                return f.value(f"ashr i64 {x}, {sy}")
            r = f.value(f"shl i64 {x}, {sy}")
            back = f.value(f"ashr i64 {r}, {sy}")
            lost = f.value(f"icmp ne i64 {back}, {x}")
            nz = f.value(f"icmp ne i64 {x}, 0")
            big_nz = f.value(f"and i1 {big}, {nz}")
            self.raise_if(f.value(f"or i1 {lost}, {big_nz}"), E.E_DEOPT_OVERFLOW, node)
            return f.value(f"select i1 {big}, i64 0, i64 {r}")
        instr = {ast.BitAnd: "and", ast.BitOr: "or", ast.BitXor: "xor"}[type(op)]
        return f.value(f"{instr} i64 {x}, {y}")

    def int_pow(self, x: str, y: str, node: ast.AST) -> str:
        """Square-and-multiply with overflow checks; a negative exponent hands over."""
        f = self.f
        self.raise_if(f.value(f"icmp slt i64 {y}, 0"), E.E_DEOPT_VALUE, node)
        res = f.alloca(f.tmp("pres"), "i64")
        base = f.alloca(f.tmp("pbase"), "i64")
        exp = f.alloca(f.tmp("pexp"), "i64")
        f.emit(f"store i64 1, ptr {res}")
        f.emit(f"store i64 {x}, ptr {base}")
        f.emit(f"store i64 {y}, ptr {exp}")
        head, body, done = f.new_label("pow"), f.new_label("powbody"), f.new_label("powdone")
        f.block(head)
        e = f.value(f"load i64, ptr {exp}")
        f.cbr(f.value(f"icmp ne i64 {e}, 0"), body, done)
        f.block(body)
        odd = f.value(f"and i64 {e}, 1")
        mul, skip = f.new_label("powmul"), f.new_label("powsq")
        f.cbr(f.value(f"icmp ne i64 {odd}, 0"), mul, skip)
        f.block(mul)
        r = f.value(f"load i64, ptr {res}")
        bv = f.value(f"load i64, ptr {base}")
        f.emit(f"store i64 {self.overflow_op('smul', r, bv, node)}, ptr {res}")
        f.block(skip)
        e2 = f.value(f"ashr i64 {e}, 1")
        f.emit(f"store i64 {e2}, ptr {exp}")
        last = f.value(f"icmp eq i64 {e2}, 0")
        sq, nxt = f.new_label("powsquare"), f.new_label("pownext")
        f.cbr(last, done, sq)
        f.block(sq)
        bv2 = f.value(f"load i64, ptr {base}")
        f.emit(f"store i64 {self.overflow_op('smul', bv2, bv2, node)}, ptr {base}")
        f.block(nxt)
        f.br(head)
        f.block(done)
        return f.value(f"load i64, ptr {res}")

    def float_binop(self, op: ast.operator, a: Value, b: Value, node: ast.AST) -> Value:
        f = self.f
        if isinstance(op, ast.Div) and a[1] != FLOAT and b[1] != FLOAT:
            return self.int_truediv(self.coerce(a, INT), self.coerce(b, INT), node), FLOAT
        if isinstance(op, ast.Pow):
            return self.float_pow(a, b, node), FLOAT
        x, y = self.coerce(a, FLOAT), self.coerce(b, FLOAT)
        if isinstance(op, ast.Add | ast.Sub | ast.Mult):
            instr = {ast.Add: "fadd", ast.Sub: "fsub", ast.Mult: "fmul"}[type(op)]
            return f.value(f"{instr} double {x}, {y}"), FLOAT
        zero = f.value(f"fcmp oeq double {y}, 0.0")
        if isinstance(op, ast.Div):
            self.raise_if(zero, E.E["float_div_zero"], node)
            return f.value(f"fdiv double {x}, {y}"), FLOAT
        if isinstance(op, ast.FloorDiv):
            self.raise_if(zero, E.E["float_floordiv_zero"], node)
            return f.value(f"call double {self.need('mj.ffloordiv')}(double {x}, double {y})"), FLOAT
        if isinstance(op, ast.Mod):
            self.raise_if(zero, E.E["float_mod_zero"], node)
            return f.value(f"call double {self.need('mj.fmod')}(double {x}, double {y})"), FLOAT
        raise AssertionError(op)

    def int_truediv(self, x: str, y: str, node: ast.AST) -> str:
        """Exact when both fit in 53 bits (CPython's fast path); else CPython divides."""
        f = self.f
        self.raise_if(f.value(f"icmp eq i64 {y}, 0"), E.E["int_truediv_zero"], node)
        out = f.alloca(f.tmp("div"), "double")
        limit = 2**53
        xa = f.value(f"add i64 {x}, {limit}")
        ya = f.value(f"add i64 {y}, {limit}")
        fits = f.value(f"and i1 {f.value(f'icmp ule i64 {xa}, {2 * limit}')}, "
                       f"{f.value(f'icmp ule i64 {ya}, {2 * limit}')}")
        fast, slow, done = f.new_label("divfast"), f.new_label("divslow"), f.new_label("divdone")
        f.cbr(fits, fast, slow)
        f.block(fast)
        fx = f.value(f"sitofp i64 {x} to double")
        fy = f.value(f"sitofp i64 {y} to double")
        f.emit(f"store double {f.value(f'fdiv double {fx}, {fy}')}, ptr {out}")
        f.br(done)
        f.block(slow)
        r = self.call_cpython_binary("PyNumber_TrueDivide", (x, INT), (y, INT), FLOAT, node)
        f.emit(f"store double {r}, ptr {out}")
        f.br(done)
        f.block(done)
        return f.value(f"load double, ptr {out}")

    def float_pow(self, a: Value, b: Value, node: ast.AST) -> str:
        """x ** y with a float result: CPython's float_pow on float(x), float(y)
        (an int ** a negative int too), natively; a negative base to a
        fractional power (a complex number) hands over to CPython."""
        f = self.f
        x, y = self.coerce(a, FLOAT), self.coerce(b, FLOAT)
        r = f.value(f"call {{ double, i32 }} {self.need('mj.fpow')}(double {x}, double {y})")
        status = f.value(f"extractvalue {{ double, i32 }} {r}, 1")
        self.raise_if(f.value(f"icmp eq i32 {status}, 1"), E.E["zero_neg_pow"], node)
        self.raise_if(f.value(f"icmp eq i32 {status}, 2"), E.E["pow_overflow"], node)
        self.raise_if(f.value(f"icmp eq i32 {status}, 3"), E.E_DEOPT_VALUE, node)
        return f.value(f"extractvalue {{ double, i32 }} {r}, 0")

    def fabs(self, x: str) -> str:
        return self.f.value(f"call double {self.need('fabs')}(double {x})")

    def call_cpython_binary(self, fn: str, a: Value, b: Value, result: Type, node: ast.AST,
                            ternary: bool = False) -> str:
        """Apply CPython's own operator to boxed operands; unbox the result as `result`."""
        oa, ob = self.box(a), self.box(b)
        extra = f", ptr {ptr_const(capi.PY_NONE)}" if ternary else ""
        r = self.f.value(f"call ptr {self.need(fn)}(ptr {oa}, ptr {ob}{extra})")
        self.decref(oa)
        self.decref(ob)
        self.raise_pyerr_if_null(r)
        native = self.unbox(r, result, node)
        self.decref(r)
        return native

    def tuple_concat(self, a: Value, b: Value, result: Type) -> Value:
        out = "poison"
        i = 0
        for text, t0 in (a, b):
            t: Type = t0
            assert isinstance(t, TupleType)
            for j, it in enumerate(t.items):
                item = self.f.value(f"extractvalue {t.llvm} {text}, {j}")
                out = self.f.value(f"insertvalue {result.llvm} {out}, {it.llvm} {item}, {i}")
                i += 1
        return out, result

    # -- unary ---------------------------------------------------------------------
    def unary(self, op: ast.unaryop, v: Value, node: ast.AST) -> Value:
        f = self.f
        if isinstance(op, ast.Not):
            return f.value(f"xor i1 {self.truth(v)}, true"), BOOL
        if v[1] == NUM:
            return self.num_branch(v, None, NUM, lambda x, _: self.unary(op, x, node),
                                   lambda x, _: self.unary(op, x, node))
        if v[1] == FLOAT:
            if isinstance(op, ast.UAdd):
                return v
            return self.fneg(v[0]), FLOAT
        x = self.coerce(v, INT)
        if isinstance(op, ast.UAdd):
            return x, INT
        if isinstance(op, ast.Invert):
            return f.value(f"xor i64 {x}, -1"), INT
        return self.overflow_op("ssub", "0", x, node), INT

    def fneg(self, x: str) -> str:
        if self.ctx.inline_floats:
            return self.f.value(f"fneg double {x}")
        # integer sign flip: no constant-pool entry in run-once units
        bits = self.f.value(f"bitcast double {x} to i64")
        flipped = self.f.value(f"xor i64 {bits}, -9223372036854775808")
        return self.f.value(f"bitcast i64 {flipped} to double")

    # -- comparisons -----------------------------------------------------------------
    def tuple_compare(self, op: ast.cmpop, a: Value, b: Value, node: ast.AST | None) -> str:
        """Tuples of numbers of one length, as CPython compares them: the first
        items that differ decide; all equal, the lengths do (equal).  CPython
        finds an item equal to itself by identity, so a NaN in either tuple
        hands over: unboxed floats have no identity."""
        f = self.f
        ta, tb = a[1], b[1]
        assert isinstance(ta, TupleType) and isinstance(tb, TupleType)
        pairs = []
        for i, (xt, yt) in enumerate(zip(ta.items, tb.items, strict=True)):
            xi = f.value(f"extractvalue {ta.llvm} {a[0]}, {i}")
            yi = f.value(f"extractvalue {tb.llvm} {b[0]}, {i}")
            for v, vt in ((xi, xt), (yi, yt)):
                if vt == FLOAT:
                    self.raise_if(f.value(f"fcmp uno double {v}, {v}"), E.E_DEOPT_VALUE, node)
            pairs.append(((xi, xt), (yi, yt)))
        if isinstance(op, ast.Eq | ast.NotEq):
            acc = "true"
            for x, y in pairs:
                acc = f.value(f"and i1 {acc}, {self.compare(ast.Eq(), x, y)}")
            return acc if isinstance(op, ast.Eq) else f.value(f"xor i1 {acc}, true")
        acc = "true" if isinstance(op, ast.LtE | ast.GtE) else "false"
        for x, y in reversed(pairs):
            same = self.compare(ast.Eq(), x, y)
            acc = f.value(f"select i1 {same}, i1 {acc}, i1 {self.compare(op, x, y)}")
        return acc

    def tuple_contains(self, a: Value, b: Value, node: ast.AST | None) -> str:
        """`x in (p, q, r)`: x is p or x == p, ...; a NaN x hands over (which of
        the items is the very same float object is lost once unboxed)."""
        f = self.f
        tb = b[1]
        assert isinstance(tb, TupleType)
        if a[1] == FLOAT:
            self.raise_if(f.value(f"fcmp uno double {a[0]}, {a[0]}"), E.E_DEOPT_VALUE, node)
        acc = "false"
        for i, it in enumerate(tb.items):
            item = f.value(f"extractvalue {tb.llvm} {b[0]}, {i}")
            acc = f.value(f"or i1 {acc}, {self.compare(ast.Eq(), a, (item, it))}")
        return acc

    def compare(self, op: ast.cmpop, a: Value, b: Value, node: ast.AST | None = None) -> str:
        f = self.f
        ta, tb = a[1], b[1]
        if isinstance(op, ast.Is | ast.IsNot):
            same = (ta == NONE) == (tb == NONE)
            return "true" if same == isinstance(op, ast.Is) else "false"
        if ta == NONE and tb == NONE:
            return "true" if isinstance(op, ast.Eq) else "false"
        if isinstance(op, ast.In | ast.NotIn):
            if isinstance(tb, TupleType):
                r = self.tuple_contains(a, b, node)
            else:
                r = self.list_contains(a, b)  # type: ignore[attr-defined]
            return r if isinstance(op, ast.In) else f.value(f"xor i1 {r}, true")
        if isinstance(ta, ListType):
            r = self.list_equal(a, b)  # type: ignore[attr-defined]
            return r if isinstance(op, ast.Eq) else f.value(f"xor i1 {r}, true")
        if NUM in (ta, tb):
            return self.num_compare(op, a, b)
        if isinstance(ta, TupleType) and isinstance(tb, TupleType):
            return self.tuple_compare(op, a, b, node)
        if ta != FLOAT and tb != FLOAT:
            x, y = self.coerce(a, INT), self.coerce(b, INT)
            return f.value(f"icmp {_ICMP[type(op)]} i64 {x}, {y}")
        if ta == FLOAT and tb == FLOAT:
            return f.value(f"fcmp {_FCMP[type(op)]} double {a[0]}, {b[0]}")
        if ta == FLOAT:  # float op int  ==  int swapped(op) float
            return self.compare(_SWAP[type(op)](), b, a)
        r = f.value(f"call i32 {self.need('mj.cmp_if')}(i64 {self.coerce(a, INT)}, double {b[0]})")
        if isinstance(op, ast.Eq):
            return f.value(f"icmp eq i32 {r}, 0")
        if isinstance(op, ast.NotEq):
            return f.value(f"icmp ne i32 {r}, 0")
        want = {ast.Lt: (-1,), ast.LtE: (-1, 0), ast.Gt: (1,), ast.GtE: (1, 0)}[type(op)]
        acc = "false"
        for w in want:
            acc = f.value(f"or i1 {acc}, {f.value(f'icmp eq i32 {r}, {w}')}")
        return acc


def _literal(v: str) -> int:
    """The value of an int constant operand, or 0 for any other operand."""
    try:
        return int(v)
    except ValueError:
        return 0
