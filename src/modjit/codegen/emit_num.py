"""Values that are an int or a float depending on the path taken (type int|float).

    s = 0                 # {is_float=0, i=0, f=_}
    for x in a: s += x    # int + float -> float: {is_float=1, i=_, f=s.i + x}

Each operation on such a value branches on the tag and runs the exact int or
float operation, so `print(s)` prints `0` when no float was ever added.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from modjit.codegen.emit_base import EmitBase, Value
from modjit.frontend.types import BOOL, FLOAT, INT, NUM, Type

NUM_LLVM = NUM.llvm


class EmitNum(EmitBase):
    def binop(self, op: ast.operator, a: Value, b: Value, node: ast.AST, result: Type) -> Value:
        raise NotImplementedError  # EmitOps

    def compare(self, op: ast.cmpop, a: Value, b: Value) -> str:
        raise NotImplementedError  # EmitOps

    def num_make(self, v: Value) -> str:
        """int, bool or float -> int|float."""
        f = self.f
        if v[1] == NUM:
            return v[0]
        if v[1] == FLOAT:
            x = f.value(f"insertvalue {NUM_LLVM} poison, i1 true, 0")
            x = f.value(f"insertvalue {NUM_LLVM} {x}, i64 0, 1")
            return f.value(f"insertvalue {NUM_LLVM} {x}, double {v[0]}, 2")
        i = self.coerce(v, INT)
        x = f.value(f"insertvalue {NUM_LLVM} poison, i1 false, 0")
        x = f.value(f"insertvalue {NUM_LLVM} {x}, i64 {i}, 1")
        return f.value(f"insertvalue {NUM_LLVM} {x}, double 0.0, 2")

    def num_is_float(self, v: Value) -> str:
        if v[1] == NUM:
            return self.f.value(f"extractvalue {NUM_LLVM} {v[0]}, 0")
        return "true" if v[1] == FLOAT else "false"

    def num_as_int(self, v: Value) -> Value:
        if v[1] == NUM:
            return self.f.value(f"extractvalue {NUM_LLVM} {v[0]}, 1"), INT
        return v

    def num_as_float(self, v: Value) -> Value:
        """The float value of `v` (an int converts, as in mixed arithmetic)."""
        f = self.f
        if v[1] == NUM:
            tag = f.value(f"extractvalue {NUM_LLVM} {v[0]}, 0")
            fv = f.value(f"extractvalue {NUM_LLVM} {v[0]}, 2")
            iv = f.value(f"extractvalue {NUM_LLVM} {v[0]}, 1")
            conv = f.value(f"sitofp i64 {iv} to double")
            return f.value(f"select i1 {tag}, double {fv}, double {conv}"), FLOAT
        return self.coerce(v, FLOAT), FLOAT

    def num_branch(self, a: Value, b: Value | None, result: Type,
                   on_ints: Callable[[Value, Value | None], Value],
                   on_floats: Callable[[Value, Value | None], Value]) -> Value:
        """Run `on_ints` when every int|float operand holds an int, else `on_floats`
        (operands whose static type is float force the float path at compile time)."""
        f = self.f
        ops = [a] if b is None else [a, b]
        if any(o[1] == FLOAT for o in ops):
            fa = self.num_as_float(a)
            fb = self.num_as_float(b) if b is not None else None
            r = on_floats(fa, fb)
            return (self.coerce(r, result) if result != NUM else self.num_make(r)), result
        any_float = "false"
        for o in ops:
            any_float = f.value(f"or i1 {any_float}, {self.num_is_float(o)}")
        slot = f.alloca(f.tmp("num"), result.llvm)
        ints, floats, done = f.new_label("numint"), f.new_label("numflt"), f.new_label("numdone")
        f.cbr(any_float, floats, ints)
        for label, fn, conv in ((ints, on_ints, self.num_as_int), (floats, on_floats, self.num_as_float)):
            f.block(label)
            r = fn(conv(a), conv(b) if b is not None else None)
            out = self.num_make(r) if result == NUM else self.coerce(r, result)
            f.emit(f"store {result.llvm} {out}, ptr {slot}")
            f.br(done)
        f.block(done)
        return f.value(f"load {result.llvm}, ptr {slot}"), result

    def num_binop(self, op: ast.operator, a: Value, b: Value, node: ast.AST, result: Type) -> Value:
        int_result = FLOAT if isinstance(op, ast.Div) or result == FLOAT else INT
        return self.num_branch(
            a, b, result,
            lambda x, y: self.binop(op, x, y, node, int_result),  # type: ignore[arg-type]
            lambda x, y: self.binop(op, x, y, node, FLOAT))  # type: ignore[arg-type]

    def num_compare(self, op: ast.cmpop, a: Value, b: Value) -> str:
        """Exact comparison whatever each side holds (int vs float compares exactly)."""
        f = self.f
        slot = f.alloca(f.tmp("numcmp"), "i1")
        done = f.new_label("numcmpdone")
        cases = [(ta, tb) for ta in self._kinds(a) for tb in self._kinds(b)]
        for ta, tb in cases:
            cond = f.value(f"and i1 {self._is_kind(a, ta)}, {self._is_kind(b, tb)}")
            yes, no = f.new_label("numcase"), f.new_label("numnext")
            f.cbr(cond, yes, no)
            f.block(yes)
            r = self.compare(op, self._as_kind(a, ta), self._as_kind(b, tb))
            f.emit(f"store i1 {r}, ptr {slot}")
            f.br(done)
            f.block(no)
        f.br(done)
        f.block(done)
        return f.value(f"load i1, ptr {slot}")

    def _kinds(self, v: Value) -> list[Type]:
        return [INT, FLOAT] if v[1] == NUM else [v[1]]

    def _is_kind(self, v: Value, k: Type) -> str:
        if v[1] != NUM:
            return "true"
        tag = self.num_is_float(v)
        return tag if k == FLOAT else self.f.value(f"xor i1 {tag}, true")

    def _as_kind(self, v: Value, k: Type) -> Value:
        if v[1] != NUM:
            return v
        return self.f.value(f"extractvalue {NUM_LLVM} {v[0]}, {2 if k == FLOAT else 1}"), k

    def num_truth(self, v: Value) -> str:
        f = self.f
        fv = self._as_kind(v, FLOAT)[0]
        iv = self._as_kind(v, INT)[0]
        ft = f.value(f"fcmp une double {fv}, 0.0")
        it = f.value(f"icmp ne i64 {iv}, 0")
        return f.value(f"select i1 {self.num_is_float(v)}, i1 {ft}, i1 {it}")

    def num_box(self, v: Value) -> str:
        f = self.f
        fobj = f.value(f"call ptr {self.need('PyFloat_FromDouble')}(double {self._as_kind(v, FLOAT)[0]})")
        iobj_slot = f.alloca(f.tmp("numbox"), "ptr")
        f.emit(f"store ptr {fobj}, ptr {iobj_slot}")
        isint, done = f.new_label("boxint"), f.new_label("boxed")
        f.cbr(self.num_is_float(v), done, isint)
        f.block(isint)
        self.decref(fobj)
        iobj = f.value(f"call ptr {self.need('PyLong_FromLongLong')}(i64 {self._as_kind(v, INT)[0]})")
        f.emit(f"store ptr {iobj}, ptr {iobj_slot}")
        f.br(done)
        f.block(done)
        return f.value(f"load ptr, ptr {iobj_slot}")


_ = BOOL
