"""Lowering of statements: assignment, if, while, for-range, break/continue, return.

    for i in range(a, b, s):   ->  s == 0 raises; i = a; while (s > 0 ? i < b : i > b):
        body                        body; i += s (stopping on 64-bit overflow)
    else: tail                     tail runs unless a break left the loop
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from modjit.codegen.emit_arrays import range_length
from modjit.codegen.emit_base import Value
from modjit.codegen.emit_expr import EmitExpr
from modjit.frontend.comprehensions import CompAppend
from modjit.frontend.infer import known_truth
from modjit.frontend.iterables import IterPlan
from modjit.frontend.types import BOOL, FLOAT, INT, NONE, ListType, TupleType, Type, tuple_of
from modjit.runtime import errors as E

INTERRUPT_MASK = 0xFFFF  # poll for Ctrl-C every 65,536 loop iterations


class EmitStmt(EmitExpr):
    def block_stmts(self, stmts: list[ast.stmt]) -> None:
        for s in stmts:
            self.stmt(s)

    def stmt(self, s: ast.stmt) -> None:
        mark = len(self.temps)
        outer, self.current_stmt = self.current_stmt, s
        try:
            self.stmt_body(s)
        finally:
            self.current_stmt = outer
        if not self.f.terminated:
            self.release_temps(mark)
        else:
            del self.temps[mark:]  # released on the way out (return) or unreachable

    def stmt_body(self, s: ast.stmt) -> None:
        if isinstance(s, ast.Assign):
            if self.array_assign(s) or self.element_moves(s):
                return
            v = self.expr(s.value)
            for target in s.targets:
                self.assign(target, v)
        elif isinstance(s, ast.AnnAssign):
            assert s.value is not None
            self.assign(s.target, self.expr(s.value))
        elif isinstance(s, ast.AugAssign) and isinstance(s.target, ast.Subscript):
            lst = self.expr(s.target.value)
            idx = self.expr(s.target.slice)
            cur = self.list_get(lst, idx, s.target)
            t = lst[1].elem  # type: ignore[attr-defined]
            self.list_set(lst, idx, self.binop(s.op, cur, self.expr(s.value), s, t), s.target)
        elif isinstance(s, ast.AugAssign):
            assert isinstance(s.target, ast.Name)
            cur = self.name(s.target)
            rhs = self.expr(s.value)
            t = self.target_type(s.target.id)
            if isinstance(t, ListType):  # `a += b`, `a *= n` change the list a names
                self.list_inplace(s, cur, rhs)
            else:
                self.assign(s.target, self.binop(s.op, cur, rhs, s, t))
        elif isinstance(s, ast.Expr):
            if not (isinstance(s.value, ast.Constant) and isinstance(s.value.value, str)):
                self.expression_statement(s)
        elif isinstance(s, ast.If):
            self.if_stmt(s)
        elif isinstance(s, ast.While | ast.For):
            before = set(self.bound)  # the body may run no time at all
            self.loop_bound.append(before)
            self.reset_snapshots(s)
            if isinstance(s, ast.While):
                self.while_stmt(s)
            else:
                self.for_stmt(s)
            self.loop_bound.pop()
            self.bound = before
        elif isinstance(s, ast.Return):
            self.return_stmt(s)
        elif isinstance(s, ast.Break):
            self.f.br(self.loops[-1][1])
        elif isinstance(s, ast.Continue):
            self.f.br(self.loops[-1][0])
        elif isinstance(s, ast.Pass | ast.Global):
            pass
        elif isinstance(s, CompAppend):
            lst = self.comp_lists[-1]
            self.list_method(lst, "append", [self.expr(s.value)], NONE, s)
        else:
            raise AssertionError(type(s).__name__)

    def expression_statement(self, s: ast.Expr) -> None:
        self.expr(s.value)

    def return_stmt(self, s: ast.Return) -> None:
        raise AssertionError("return outside a function")

    def target_type(self, name: str):  # type: ignore[no-untyped-def]
        if name in self.u.declared_globals:
            return self.u.declared_globals[name]
        return self.u.locals[name]

    def assign(self, target: ast.expr, v: Value) -> None:
        if isinstance(target, ast.Subscript) and isinstance(target.slice, ast.Slice):
            self.list_slice_set(self.expr(target.value), target.slice, v, target)
            return
        if isinstance(target, ast.Subscript):
            self.list_set(self.expr(target.value), self.expr(target.slice), v, target)
            return
        if isinstance(target, ast.Name):
            if target.id in self.var_slots:
                self.store_var(target.id, v)
            else:
                t = self.u.declared_globals[target.id]
                self.store_global(target.id, (self.coerce(v, t), t))
            return
        assert isinstance(target, ast.Tuple | ast.List)
        if isinstance(v[1], ListType):
            items = self.unpack_list(v, len(target.elts), target)
        else:
            assert isinstance(v[1], TupleType)
            items = [(self.f.value(f"extractvalue {v[1].llvm} {v[0]}, {i}"), it)
                     for i, it in enumerate(v[1].items)]
        for elt, item in zip(target.elts, items, strict=True):
            self.assign(elt, item)

    def unpack_list(self, v: Value, n: int, target: ast.expr) -> list[Value]:
        """The items of a list of exactly `n` items, read before any target is
        stored; another length hands over (CPython raises its ValueError)."""
        f, lt = self.f, v[1]
        assert isinstance(lt, ListType)
        self.raise_if(f.value(f"icmp ne i64 {self.list_len(v[0])}, {n}"), E.E_DEOPT_VALUE, target)
        base = f.value(f"load ptr, ptr {f.value(f'getelementptr i8, ptr {v[0]}, i64 24')}")
        objs = [f.value(f"load ptr, ptr {f.value(f'getelementptr ptr, ptr {base}, i64 {i}')}")
                for i in range(n)]
        return [(self.unbox(obj, lt.elem, target, deopt=E.E_DEOPT_ITEM), lt.elem) for obj in objs]

    def if_stmt(self, s: ast.If) -> None:
        f = self.f
        yes, no, done = f.new_label("then"), f.new_label("else"), f.new_label("endif")
        mark = len(self.temps)
        cond = self.test(s.test)
        self.release_temps(mark)
        known = known_truth(self.u, s.test)
        if known is not None:  # the other branch was never typed
            self.block_stmts(s.body if known else s.orelse)
            return
        f.cbr(cond, yes, no)
        before = set(self.bound)
        f.block(yes)
        self.block_stmts(s.body)
        after_body, body_ends = self.bound, f.terminated
        f.br(done)
        self.bound = set(before)
        f.block(no)
        self.block_stmts(s.orelse)
        else_ends = f.terminated
        f.br(done)
        f.block(done)
        # past a branch that returns or jumps away, what the other one bound
        if else_ends:
            self.bound = after_body
        elif not body_ends:
            self.bound = after_body & self.bound

    def count_iteration(self) -> None:
        """Baseline function code counts loop iterations toward promotion."""

    def poll_interrupt(self) -> None:
        """Every 65,536 back-edges, let CPython run signal handlers (Ctrl-C) and
        other threads (the GIL is let go and taken again): what either may
        change of the globals a statement keeps is written back and read again."""
        self.count_iteration()
        self.count_work()
        f = self.f
        if not self.interrupt_slot:
            self.interrupt_slot = f.alloca("%interrupt.count", "i64")
            f.allocas.append(f"  store i64 0, ptr {self.interrupt_slot}")
        self.poll_every(self.interrupt_slot, None)

    def poll_every(self, counter: str, node: ast.AST | None) -> None:
        """Count in `counter`; every INTERRUPT_MASK + 1 counts, poll (a
        KeyboardInterrupt raises at `node`)."""
        f = self.f
        masked = f.value(f"and i64 {self.bump(counter, 1)}, {INTERRUPT_MASK}")
        poll, go = f.new_label("poll"), f.new_label("nopoll")
        f.cbr(f.value(f"icmp eq i64 {masked}, 0"), poll, go)
        f.block(poll)
        self.before_call()
        state = f.value(f"call ptr {self.need('PyEval_SaveThread')}()")
        f.emit(f"call void {self.need('PyEval_RestoreThread')}(ptr {state})")
        r = f.value(f"call i32 {self.need('PyErr_CheckSignals')}()")
        self.raise_if(f.value(f"icmp ne i32 {r}, 0"), E.E_PYERR, node)
        self.after_call()
        f.br(go)
        f.block(go)

    def loop_rest(self, s: ast.For | ast.While, head: str, latch: str, orelse: str, done: str) -> None:
        """The body (break -> done, continue -> latch), the back-edge polling for
        Ctrl-C, and the else clause that runs unless a break left the loop."""
        f = self.f
        self.loops.append((latch, done))
        self.block_stmts(s.body)
        self.loops.pop()
        f.block(latch)
        self.poll_interrupt()
        f.br(head)
        self.bound = set(self.loop_bound[-1])  # (the else clause: perhaps no iteration ran)
        f.block(orelse)
        self.block_stmts(s.orelse)
        f.br(done)
        f.block(done)

    def while_stmt(self, s: ast.While) -> None:
        f = self.f
        head, body, orelse, done = (f.new_label("while"), f.new_label("wbody"),
                                    f.new_label("welse"), f.new_label("wend"))
        f.block(head)
        mark = len(self.temps)
        cond = self.test(s.test)
        self.release_temps(mark)
        f.cbr(cond, body, orelse)
        f.block(body)
        latch = f.new_label("wlatch")
        self.loop_rest(s, head, latch, orelse, done)

    def for_list(self, s: ast.For) -> None:
        """for x in lst, and reversed/zip/enumerate of lists (frontend/iterables.py):
        index-based, re-reading each length every step like CPython's list
        iterators (the list may change)."""
        f = self.f
        if self.array_of(s.iter) is not None:
            self.for_array(s)
            return
        info = self.u.calls.get(s.iter)
        if info is not None and info.kind == "tuple_iter" and _plain(info.result.elem):  # type: ignore[attr-defined]
            self.for_plain_tuple(s, self.expr(s.iter), info.result.elem)  # type: ignore[attr-defined]
            return
        plan = info.obj if info is not None and info.kind == "iter" else IterPlan([s.iter], [False])
        lists, last = [], []  # a reversed list is walked from its length as reversed() saw it,
        for e, rev in zip(plan.lists, plan.reverse, strict=True):  # before the next argument ran
            lists.append(self.expr(e))
            last.append(f.value(f"sub i64 {self.list_len(lists[-1][0])}, 1") if rev else None)
        if info is not None and info.kind == "tuple_iter":
            boxed = self.box(lists[0])
            as_list = f.value(f"call ptr {self.need('PySequence_List')}(ptr {boxed})")
            self.decref(boxed)
            self.raise_pyerr_if_null(as_list)
            lists = [(self.temp(as_list), info.result)]
        else:
            for lst, _ in lists:  # the loop's own reference, as CPython's iterator holds one: the
                self.incref(lst)  # body may rebind the variable (`for x in a: a = [...]`) and free it
                self.temp(lst)
        number = ""  # enumerate's count
        if plan.enumerate:
            number = f.alloca(f.tmp("count"), "i64")
            start = self.coerce(self.expr(plan.start), INT) if plan.start is not None else "0"
            f.emit(f"store i64 {start}, ptr {number}")
        counter = f.alloca(f.tmp("idx"), "i64")
        f.emit(f"store i64 0, ptr {counter}")
        head, body, latch, orelse, done = self.loop_labels("lfor")
        f.block(head)
        i = f.value(f"load i64, ptr {counter}")
        at = [i if top is None else f.value(f"sub i64 {top}, {i}") for top in last]
        more = "true"
        for (lst, _), k in zip(lists, at, strict=True):  # (unsigned: a reversed index below 0 is out too)
            more = f.value(f"and i1 {more}, {f.value(f'icmp ult i64 {k}, {self.list_len(lst)}')}")
        f.cbr(more, body, orelse)
        f.block(body)
        items = []
        for (lst, lt), k in zip(lists, at, strict=True):
            assert isinstance(lt, ListType)
            base = f.value(f"load ptr, ptr {f.value(f'getelementptr i8, ptr {lst}, i64 24')}")
            obj = f.value(f"load ptr, ptr {f.value(f'getelementptr ptr, ptr {base}, i64 {k}')}")
            items.append((self.unbox(obj, lt.elem, s.iter, deopt=E.E_DEOPT_ITEM), lt.elem))
        f.emit(f"store i64 {f.value(f'add i64 {i}, 1')}, ptr {counter}")
        item = self.pack(items) if plan.zipped else items[0]
        if plan.enumerate:
            n = f.value(f"load i64, ptr {number}")
            # the next count leaving 64 bits hands over (CPython's counter goes on as a big int)
            f.emit(f"store i64 {self.overflow_op('sadd', n, '1', s.iter)}, ptr {number}")
            item = self.pack([(n, INT), item])
        self.assign(s.target, (item[0], self.u.types.get(s.target, item[1])))
        self.loop_rest(s, head, latch, orelse, done)

    def for_plain_tuple(self, s: ast.For, v: Value, elem: Type) -> None:
        """for d in (-1, 0, 1), for dx, dy in ((0, 1), (1, 0)): a tuple of one
        type of plain values (numbers, tuples of them) walked from an array on
        the stack.  (Boxed into a tuple, copied into a list and unboxed item by
        item at every entry of the loop, a grid's neighbour loop ran 1.6x
        python3's speed where range() ran 15x.)"""
        f = self.f
        tt = v[1]
        assert isinstance(tt, TupleType)
        n = len(tt.items)
        arr = f.alloca(f.tmp("titems"), f"[{n} x {elem.llvm}]")
        for k, it in enumerate(tt.items):
            value = self.coerce((f.value(f"extractvalue {tt.llvm} {v[0]}, {k}"), it), elem)
            f.emit(f"store {elem.llvm} {value}, ptr {f.value(f'getelementptr [{n} x {elem.llvm}], ptr {arr}, i64 0, i64 {k}')}")

        def item(k: str) -> Value:
            at = f.value(f"sub i64 {n - 1}, {k}")
            slot = f.value(f"getelementptr [{n} x {elem.llvm}], ptr {arr}, i64 0, i64 {at}")
            return f.value(f"load {elem.llvm}, ptr {slot}"), self.u.types.get(s.target, elem)

        self.for_counted(s, "tfor", str(n), item)

    def for_reversed_range(self, s: ast.For, start: str, stop: str, step: str) -> None:
        """for i in reversed(range(a, b, c)): the range's items from its last,
        a + k*c for k = len-1 down to 0 (wrapping arithmetic: each item fits)."""
        f = self.f
        self.for_counted(s, "rfor", range_length(f, start, stop, step),
                         lambda k: (f.value(f"add i64 {start}, {f.value(f'mul i64 {k}, {step}')}"), INT))

    def for_array(self, s: ast.For) -> None:
        """for x in a, `a` a native array (the loop does not bind it again, so
        its buffer and length stay as they are; its items may change)."""
        f = self.f
        assert isinstance(s.iter, ast.Name)
        data, count = self.expr(s.iter)[0], f.value(f"load i64, ptr {self.array_lens[s.iter.id]}")
        item = self.arrays[s.iter.id]

        def at(k: str) -> Value:
            return self.item_at(item, data, f.value(f"sub i64 {f.value(f'sub i64 {count}, 1')}, {k}")), item

        self.for_counted(s, "afor", count, at)

    def for_counted(self, s: ast.For, tag: str, count: str, item: Callable[[str], Value]) -> None:
        """A for loop of `count` steps whose target gets `item(k)`, for k from
        count-1 down to 0."""
        f = self.f
        left = f.alloca(f.tmp("left"), "i64")
        f.emit(f"store i64 {count}, ptr {left}")
        head, body, latch, orelse, done = self.loop_labels(tag)
        f.block(head)
        k = f.value(f"load i64, ptr {left}")
        f.cbr(f.value(f"icmp ne i64 {k}, 0"), body, orelse)
        f.block(body)
        k1 = f.value(f"sub i64 {k}, 1")
        f.emit(f"store i64 {k1}, ptr {left}")
        self.assign(s.target, item(k1))
        self.loop_rest(s, head, latch, orelse, done)

    def loop_labels(self, tag: str) -> tuple[str, str, str, str, str]:
        """head, body, latch (continue), else, end of a loop."""
        return tuple(self.f.new_label(tag + part) for part in ("", "body", "latch", "else", "end"))  # type: ignore[return-value]

    def pack(self, values: list[Value]) -> Value:
        t = tuple_of(tuple(v[1] for v in values))
        out = "poison"
        for k, (v, vt) in enumerate(values):
            out = self.f.value(f"insertvalue {t.llvm} {out}, {vt.llvm} {v}, {k}")
        return out, t

    def for_stmt(self, s: ast.For) -> None:
        f = self.f
        call = s.iter
        info = self.u.calls.get(call)
        if info is None or info.kind != "range":
            self.for_list(s)
            return
        call = info.obj  # the range() call (s.iter, or inside reversed())
        assert isinstance(call, ast.Call)
        args = [self.coerce(self.expr(a), INT) for a in call.args]
        start, stop, step = ("0", args[0], "1") if len(args) == 1 else (
            (args[0], args[1], "1") if len(args) == 2 else tuple(args))
        if step == "0":  # range(n, 0, 0): CPython's ValueError, always
            self.raise_code(E.E["range_step_zero"], call)
            step = "1"  # (the rest is unreachable)
        elif not _is_const(step):
            self.raise_if(f.value(f"icmp eq i64 {step}, 0"), E.E["range_step_zero"], call)
        if info.name == "reversed":
            self.for_reversed_range(s, start, stop, step)
            return
        counter = f.alloca(f.tmp("range"), "i64")
        f.emit(f"store i64 {start}, ptr {counter}")
        head, body, latch, orelse, done = self.loop_labels("for")
        f.block(head)
        i = f.value(f"load i64, ptr {counter}")
        if _is_const(step):
            cond = f.value(f"icmp {'slt' if int(step) > 0 else 'sgt'} i64 {i}, {stop}")
        else:
            up = f.value(f"icmp sgt i64 {step}, 0")
            lt = f.value(f"icmp slt i64 {i}, {stop}")
            gt = f.value(f"icmp sgt i64 {i}, {stop}")
            cond = f.value(f"select i1 {up}, i1 {lt}, i1 {gt}")
        f.cbr(cond, body, orelse)
        f.block(body)
        self.assign(s.target, (i, INT))
        self.loops.append((latch, done))
        self.block_stmts(s.body)
        self.loops.pop()
        f.block(latch)
        self.poll_interrupt()
        cur = f.value(f"load i64, ptr {counter}")
        pair = f.value(f"call {{i64, i1}} {self.need('sadd') and '@llvm.sadd.with.overflow.i64'}(i64 {cur}, i64 {step})")
        nxt = f.value(f"extractvalue {{i64, i1}} {pair}, 0")
        ovf = f.value(f"extractvalue {{i64, i1}} {pair}, 1")
        f.emit(f"store i64 {nxt}, ptr {counter}")
        f.cbr(ovf, orelse, head)
        f.block(orelse)
        self.block_stmts(s.orelse)
        f.br(done)
        f.block(done)


def _plain(t: Type) -> bool:
    """A value with no object behind it: an int, float or bool, or a tuple of them."""
    if isinstance(t, TupleType):
        return all(_plain(i) for i in t.items)
    return t in (INT, FLOAT, BOOL)


def _is_const(v: str) -> bool:
    return v.lstrip("-").isdigit()


_ = NONE
