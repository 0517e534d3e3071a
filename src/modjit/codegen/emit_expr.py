"""Lowering of expressions: names, constants, operators, and/or, if-else, tuples.

    a < b <= c      ->  a < b, and only then b <= c (b evaluated once)
    x or y          ->  x if truth(x) else y   (an operand, not a bool)
"""

from __future__ import annotations

import ast
import builtins

from modjit.codegen.emit_arrays import EmitArrays
from modjit.codegen.emit_base import Value, list_parts
from modjit.codegen.emit_lists import constant_items
from modjit.codegen.irtext import ptr_const
from modjit.frontend import resolve as R
from modjit.frontend.infer import known_truth
from modjit.frontend.types import BOOL, FLOAT, INT, NONE, ListType, TupleType, Type
from modjit.runtime import capi
from modjit.runtime import errors as E


class EmitExpr(EmitArrays):
    def expr(self, node: ast.expr) -> Value:
        if isinstance(node, ast.Constant | ast.Name):
            return self._expr(node)
        outer, self.current_expr = self.current_expr, node
        try:
            return self._expr(node)
        finally:
            self.current_expr = outer

    def _expr(self, node: ast.expr) -> Value:
        t = self.u.types[node]
        if isinstance(node, ast.Constant):
            return self.constant(node.value, t), t
        if isinstance(node, ast.Name):
            return self.name(node)
        if isinstance(node, ast.BinOp) and self._is_mul_mod(node, t):
            return self.mul_mod(node), INT
        if isinstance(node, ast.BinOp):
            a, b = self.expr(node.left), self.expr(node.right)
            if isinstance(t, ListType):
                fn = "PyNumber_Add" if isinstance(node.op, ast.Add) else "PyNumber_Multiply"
                return self.object_binop(fn, a, b), t
            return self.binop(node.op, a, b, node, t)
        if isinstance(node, ast.UnaryOp):
            if isinstance(node.op, ast.Not):
                return self.f.value(f"xor i1 {self.test(node.operand)}, true"), BOOL
            return self.unary(node.op, self.expr(node.operand), node)
        if isinstance(node, ast.Compare):
            return self.compare_chain(node), BOOL
        if isinstance(node, ast.BoolOp):
            return self.bool_op(node, t), t
        if isinstance(node, ast.IfExp):
            return self.if_exp(node, t), t
        if isinstance(node, ast.Tuple):
            return self.tuple_expr(node, t), t
        if isinstance(node, ast.List):
            template = constant_items(node, t)
            if template is not None:
                return self.list_from_template(template), t
            return self.list_display([self.expr(e) for e in node.elts], t), t
        if isinstance(node, ast.ListComp):
            lst = self.list_display([], t)
            self.comp_lists.append((lst, t))
            self.comprehension_frame(node.mj_loop)  # type: ignore[attr-defined]
            self.comp_lists.pop()
            return lst, t
        if isinstance(node, ast.Subscript) and isinstance(self.u.types[node.value], ListType):
            seq = self.expr(node.value)
            if isinstance(node.slice, ast.Slice):
                return self.list_slice(seq, node.slice), t
            return self.list_get(seq, self.expr(node.slice), node)
        if isinstance(node, ast.Subscript):
            tv = self.expr(node.value)
            assert isinstance(tv[1], TupleType)
            idx = _const_index(node.slice) % len(tv[1].items)
            return self.f.value(f"extractvalue {tv[1].llvm} {tv[0]}, {idx}"), t
        if isinstance(node, ast.Attribute):
            return self.float_const(R.MATH_CONSTANTS[node.attr]), FLOAT
        if isinstance(node, ast.Call):
            return self.call(node, t)
        raise AssertionError(f"unexpected {type(node).__name__}")

    def constant(self, value: object, t: Type) -> str:
        if t == BOOL:
            return "true" if value else "false"
        if t == INT:
            return str(value)
        if t == FLOAT:
            return self.float_const(value)  # type: ignore[arg-type]
        if t == NONE:
            return "false"
        raise AssertionError(t)

    def name(self, node: ast.Name) -> Value:
        if node.id in self.var_slots:
            return self.load_var(node.id, node)
        t = self.u.declared_globals.get(node.id) or self.u.types[node]
        return self.load_global(node.id, t, node), t

    def load_global(self, name: str, t: Type, node: ast.AST) -> str:
        """Read the global as CPython would now (it may have been rebound),
        from the value this frame last read while the namespace's version
        tag says the dict has not changed since (CPython 3.11 bumps it on
        every change, whatever makes it: a callee, a signal handler, another
        thread, a finalizer).  A function reading `MOD` in its loop spent
        2.5x the time of one with a local `MOD` in dict lookups."""
        if not self.in_loop(node):
            return self.read_global(name, t, node)  # read once: nothing to keep
        f = self.f
        ns = self.ctx.keep(self.ctx.namespace)
        slots = self.global_reads.get((name, t))
        if slots is None:
            slots = (f.alloca(f.tmp(f"gver.{name}"), "i64"), f.alloca(f.tmp(f"gval.{name}"), t.llvm))
            f.allocas.append(f"  store i64 0, ptr {slots[0]}")  # (a namespace's version is never 0)
            self.global_reads[(name, t)] = slots
        version = f.value(f"load i64, ptr {f.value(f'getelementptr i8, ptr {ptr_const(ns)}, i64 {capi.DICT_VERSION}')}")
        hit, miss, done = f.new_label("ghit"), f.new_label("gmiss"), f.new_label("gread")
        f.cbr(f.value(f"icmp eq i64 {version}, {f.value(f'load i64, ptr {slots[0]}')}"), hit, miss)
        f.block(hit)
        cached = f.value(f"load {t.llvm}, ptr {slots[1]}")
        f.br(done)
        f.block(miss)
        fresh = self.read_global(name, t, node)
        f.emit(f"store {t.llvm} {fresh}, ptr {slots[1]}")
        f.emit(f"store i64 {version}, ptr {slots[0]}")
        after = f.open()
        f.br(done)
        f.block(done)
        return f.value(f"phi {t.llvm} [{cached}, %{hit}], [{fresh}, %{after}]")

    def in_loop(self, node: ast.AST) -> bool:
        if self.loop_nodes is None:
            self.loop_nodes = {id(n) for s in self.u.body for loop in ast.walk(s)
                               if isinstance(loop, (ast.For, ast.While)) for n in ast.walk(loop)}
        return id(node) in self.loop_nodes

    def read_global(self, name: str, t: Type, node: ast.AST) -> str:
        """Look the global up in the namespace; check its type."""
        key = self.ctx.keep(_intern(name))
        ns = self.ctx.keep(self.ctx.namespace)
        obj = self.f.value(f"call ptr {self.need('PyDict_GetItem')}(ptr {ptr_const(ns)}, ptr {ptr_const(key)})")
        # gone: NameError, or, where a builtin of that name shows through (`abs = 7`
        # ... `del abs`), CPython re-runs the call and reads it
        missing = E.E_DEOPT_TYPE if hasattr(builtins, name) else E.E["name_error"]
        self.raise_if(self.f.value(f"icmp eq ptr {obj}, null"), missing, node, name)
        return self.unbox(obj, t, node)

    def store_global(self, name: str, v: Value, effect: bool = True) -> None:
        key = self.ctx.keep(_intern(name))
        ns = self.ctx.keep(self.ctx.namespace)
        if effect:
            self.check_kept(v)
        obj = self.box(v)
        old = "null"
        if effect:  # journaled: a hand-over puts the old binding back
            old = self.f.value(f"call ptr {self.need('PyDict_GetItem')}(ptr {ptr_const(ns)}, ptr {ptr_const(key)})")
            self.hand_over_unless_inert(old)
            self.incref(old, nullable=True)
        self.f.emit(f"call i32 {self.need('PyDict_SetItem')}(ptr {ptr_const(ns)}, ptr {ptr_const(key)}, ptr {obj})")
        self.decref(obj)
        if effect:
            self.journal_global(ptr_const(ns), ptr_const(key), old)

    def compare_chain(self, node: ast.Compare) -> str:
        f = self.f
        left = self.expr(node.left)
        if len(node.ops) == 1:
            return self.compare(node.ops[0], left, self.expr(node.comparators[0]), node)
        slot = f.alloca(f.tmp("cmp"), "i1")
        done = f.new_label("cmpdone")
        mark = len(self.temps) + 1_000_000  # set after the first comparison
        for i, (op, comp) in enumerate(zip(node.ops, node.comparators, strict=True)):
            right = self.expr(comp)
            if i > 0:
                self.guard_temps(mark, node)
            c = self.compare(op, left, right, node)
            mark = len(self.temps)
            f.emit(f"store i1 {c}, ptr {slot}")
            if i < len(node.ops) - 1:
                nxt = f.new_label("cmpnext")
                f.cbr(c, nxt, done)
                f.block(nxt)
            left = right
        f.block(done)
        return f.value(f"load i1, ptr {slot}")

    def guard_temps(self, mark: int, node: ast.AST) -> None:
        """A conditionally evaluated part must not create new references (they
        would not dominate the statement's end, where temps are released)."""
        if len(self.temps) != mark:
            from modjit.errors import Unsupported

            raise Unsupported("a list built inside a conditional expression is not supported",
                              node, self.u.filename)

    def test(self, node: ast.expr) -> str:
        """The truth of a test; an and/or of operands of different types
        (typed for truth only, infer.truth) short-circuits on their truths."""
        if not (isinstance(node, ast.BoolOp) and getattr(node, "mj_truth", False)):
            return self.truth(self.expr(node))
        f = self.f
        slot = f.alloca(f.tmp("test"), "i1")
        done = f.new_label("testdone")
        for i, operand in enumerate(node.values):
            c = self.test(operand)
            f.emit(f"store i1 {c}, ptr {slot}")
            if i < len(node.values) - 1:
                nxt = f.new_label("testnext")
                f.cbr(c, nxt, done) if isinstance(node.op, ast.And) else f.cbr(c, done, nxt)
                f.block(nxt)
        f.br(done)
        f.block(done)
        return f.value(f"load i1, ptr {slot}")

    def bool_op(self, node: ast.BoolOp, t: Type) -> str:
        f = self.f
        slot = f.alloca(f.tmp("bool"), t.llvm)
        done = f.new_label("booldone")
        is_and = isinstance(node.op, ast.And)
        for i, operand in enumerate(node.values):
            v = self.branch_value(operand, t)
            f.emit(f"store {t.llvm} {v}, ptr {slot}")
            if i < len(node.values) - 1:
                nxt = f.new_label("boolnext")
                truth = self.truth((v, t))
                if is_and:
                    f.cbr(truth, nxt, done)
                else:
                    f.cbr(truth, done, nxt)
                f.block(nxt)
                for part in list_parts(v, t, f):  # not the result after all
                    self.decref(part)
        f.br(done)
        f.block(done)
        return self.merged_value(f.value(f"load {t.llvm}, ptr {slot}"), t)

    def _is_mul_mod(self, node: ast.BinOp, t: Type) -> bool:
        """`a * b % m` of ints: modular multiplication, whose product may leave
        64 bits while its result cannot (Miller-Rabin, hashing mod 2**61 - 1)."""
        left = node.left
        return (t == INT and isinstance(node.op, ast.Mod) and isinstance(left, ast.BinOp)
                and isinstance(left.op, ast.Mult)
                and all(self.u.types[x] in (INT, BOOL) for x in (left.left, left.right, node.right)))

    def mul_mod(self, node: ast.BinOp) -> str:
        """A product within 64 bits takes the plain path; one past it is
        multiplied and reduced by CPython (a 128-bit remainder would need
        libgcc's __modti3, which the JIT does not link)."""
        f = self.f
        assert isinstance(node.left, ast.BinOp)
        a, b, m = (self.coerce(self.expr(x), INT) for x in (node.left.left, node.left.right, node.right))
        self.raise_if(f.value(f"icmp eq i64 {m}, 0"), E.E["int_mod_zero"], node)
        self.need("smul")
        pair = f.value(f"call {{i64, i1}} @llvm.smul.with.overflow.i64(i64 {a}, i64 {b})")
        slot = f.alloca(f.tmp("mulmod"), "i64")
        small, big, done = f.new_label("mmsmall"), f.new_label("mmbig"), f.new_label("mmdone")
        f.cbr(f.value(f"extractvalue {{i64, i1}} {pair}, 1"), big, small)
        f.block(small)
        product = f.value(f"extractvalue {{i64, i1}} {pair}, 0")
        f.emit(f"store i64 {self.int_binop(ast.Mod(), product, m, node)}, ptr {slot}")
        f.br(done)
        f.block(big)
        ob = [self.box((v, INT)) for v in (a, b, m)]
        p = f.value(f"call ptr {self.need('PyNumber_Multiply')}(ptr {ob[0]}, ptr {ob[1]})")
        self.decref(ob[0])
        self.decref(ob[1])
        self.raise_pyerr_if_null(p)
        r = f.value(f"call ptr {self.need('PyNumber_Remainder')}(ptr {p}, ptr {ob[2]})")
        self.decref(ob[2])
        self.decref(p)
        self.raise_pyerr_if_null(r)
        as_int = self.need("PyLong_AsLongLong")  # |r| < |m|: it fits
        f.emit(f"store i64 {f.value(f'call i64 {as_int}(ptr {r})')}, ptr {slot}")
        self.decref(r)
        f.br(done)
        f.block(done)
        return f.value(f"load i64, ptr {slot}")

    def if_exp(self, node: ast.IfExp, t: Type) -> str:
        f = self.f
        known = known_truth(self.u, node.test)
        if known is not None:
            self.expr(node.test)
            return self.coerce(self.expr(node.body if known else node.orelse), t)
        slot = f.alloca(f.tmp("ifx"), t.llvm)
        yes, no, done = f.new_label("ifxyes"), f.new_label("ifxno"), f.new_label("ifxdone")
        f.cbr(self.test(node.test), yes, no)
        f.block(yes)
        f.emit(f"store {t.llvm} {self.branch_value(node.body, t)}, ptr {slot}")
        f.br(done)
        f.block(no)
        f.emit(f"store {t.llvm} {self.branch_value(node.orelse, t)}, ptr {slot}")
        f.br(done)
        f.block(done)
        return self.merged_value(f.value(f"load {t.llvm}, ptr {slot}"), t)

    def tuple_expr(self, node: ast.Tuple, t: Type) -> str:
        assert isinstance(t, TupleType)
        out = "poison" if t.items else "zeroinitializer"
        for i, (elt, it) in enumerate(zip(node.elts, t.items, strict=True)):
            v = self.coerce(self.expr(elt), it)
            if isinstance(it, ListType):  # the tuple holds its lists until the statement ends
                self.incref(v)
                self.temp(v)
            out = self.f.value(f"insertvalue {t.llvm} {out}, {it.llvm} {v}, {i}")
        return out


_INTERNED: dict[str, str] = {}


def _intern(name: str) -> str:
    import sys

    return _INTERNED.setdefault(name, sys.intern(name))


def _const_index(node: ast.AST) -> int:
    if isinstance(node, ast.Constant) and isinstance(node.value, int):
        return node.value
    assert isinstance(node, ast.UnaryOp) and isinstance(node.operand, ast.Constant)
    assert isinstance(node.operand.value, int)
    return -node.operand.value
