"""Lowering of the `random` module's functions (runtime/rng.py), as random.py
and _randommodule.c of CPython 3.11 compute them from genrand_uint32 (mj.draw):

    random()          (a >> 5, b >> 6 of two draws) -> (a * 2**26 + b) / 2**53
    uniform(a, b)     a + (b - a) * random()
    randrange(n)      _randbelow(n): getrandbits(n.bit_length()) until below n
    randrange(a, b)   a + _randbelow(b - a)
    randint(a, b)     randrange(a, b + 1)
    choice(lst)       lst[_randbelow(len(lst))]
    shuffle(lst)      for i in reversed(range(1, len(lst))): swap i, _randbelow(i + 1)
    getrandbits(k)    one draw >> (32 - k) for k <= 32; else the low word, then
                      the high one >> (64 - k)

An empty range (CPython's ValueError) or an int leaving 64 bits hands over, as
does a draw the journal has no room to make undoable.
"""

from __future__ import annotations

import ast

from modjit.codegen.emit_base import Value
from modjit.codegen.emit_ops import EmitOps
from modjit.codegen.irtext import ptr_const
from modjit.frontend.types import BOOL, FLOAT, INT, Type
from modjit.runtime import errors as E
from modjit.runtime import rng

# The levels CPython's calls count, in the order each depth is first reached
# (random.py, CPython 3.11): randint's frame, randrange's, then operator.index
# (C), then _randbelow's frame beside it and bit_length (C) below
LEVELS = {
    "random": ("C",),
    "uniform": ("frame", "C"),  # then self.random()
    "randrange": ("frame", "C", "C"),  # _index; _randbelow; bit_length / getrandbits
    "randint": ("frame", "frame", "C", "C"),
    "choice": ("frame", "frame", "C"),  # (its len() calls are specialised, and count no level)
    "shuffle": ("frame", "frame", "C"),  # (so are len, reversed and range; then _randbelow)
}


class EmitRandom(EmitOps):
    def random_call(self, name: str, node: ast.Call) -> str:
        args = [self.expr(a) for a in node.args]  # type: ignore[attr-defined]
        self.recursion_room(name, node, args)
        if name == "random":
            return self.draw_float(node)
        if name == "choice":  # seq[_randbelow(len(seq))] of a list (empty: CPython's IndexError)
            n = self.list_len(args[0][0])  # type: ignore[attr-defined]
            self.raise_if(self.f.value(f"icmp eq i64 {n}, 0"), E.E_DEOPT_VALUE, node)
            return self.list_get(args[0], (self.below(n, node), INT), node)[0]  # type: ignore[attr-defined]
        if name == "shuffle":
            self.shuffle(args[0][0], node)
            return "false"
        if name == "uniform":
            a, b = args
            span = self.binop(ast.Sub(), b, a, node, _sum_type(a[1], b[1]))
            spread = self.binop(ast.Mult(), span, (self.draw_float(node), FLOAT), node, FLOAT)
            return self.binop(ast.Add(), a, spread, node, FLOAT)[0]
        ints = [self.coerce(a, INT) for a in args]
        if name == "randrange" and len(ints) == 1:
            self.raise_if(self.f.value(f"icmp sle i64 {ints[0]}, 0"), E.E_DEOPT_VALUE, node)
            return self.below(ints[0], node)
        start, stop = ints
        if name == "randint":
            stop = self.overflow_op("sadd", stop, "1", node)
        width = self.overflow_op("ssub", stop, start, node)
        self.raise_if(self.f.value(f"icmp sle i64 {width}, 0"), E.E_DEOPT_VALUE, node)
        return self.f.value(f"add i64 {start}, {self.below(width, node)}")

    def recursion_room(self, name: str, node: ast.Call, args: list[Value]) -> None:
        """CPython's call counts levels against the recursion limit before it
        draws (LEVELS); the first one past the limit raises RecursionError,
        its message saying whether a frame or a C call was refused.  shuffle
        of fewer than 2 items calls no _randbelow: its frame alone counts."""
        counter = self.ctx.cells.recursion_remaining_addr
        if not counter:
            return
        f = self.f
        room = f.value(f"load i32, ptr {ptr_const(counter)}")
        levels = LEVELS[name]
        for r, kind in enumerate(levels):  # (the first refused level is number `room`)
            code = E.E["recursion"] if kind == "frame" else E.E["recursion_call"]
            refused = f.value(f"icmp sle i32 {room}, {r}")
            if name == "shuffle" and r:
                many = f.value(f"icmp sgt i64 {self.list_len(args[0][0])}, 1")  # type: ignore[attr-defined]
                refused = f.value(f"and i1 {refused}, {many}")
            self.raise_if(refused, code, node)

    def shuffle(self, lst: str, node: ast.Call) -> None:
        """random.shuffle(lst): for i from len-1 down to 1, swap items i and
        _randbelow(i + 1) (pointers trade places: no count changes); a list
        others see is copied first (journal), as for sort()."""
        f = self.f
        if self.mutation_visible(node.args[0]):  # type: ignore[attr-defined]
            self.journal_snapshot(lst)  # type: ignore[attr-defined]
        items = f.value(f"load ptr, ptr {f.value(f'getelementptr i8, ptr {lst}, i64 24')}")
        last = f.value(f"sub i64 {self.list_len(lst)}, 1")  # type: ignore[attr-defined]

        def swap(k: str) -> None:  # i = last - k: from the end down to 1
            i = f.value(f"sub i64 {last}, {k}")
            j = self.below(f.value(f"add i64 {i}, 1"), node)
            pi = f.value(f"getelementptr ptr, ptr {items}, i64 {i}")
            pj = f.value(f"getelementptr ptr, ptr {items}, i64 {j}")
            xi, xj = f.value(f"load ptr, ptr {pi}"), f.value(f"load ptr, ptr {pj}")
            f.emit(f"store ptr {xj}, ptr {pi}")
            f.emit(f"store ptr {xi}, ptr {pj}")

        self.each_index(last, swap)

    def draw(self, node: ast.AST) -> str:
        """One genrand_uint32, as an i64."""
        cells = self.ctx.cells
        jr = cells.journal
        inst = rng.instance()
        assert inst is not None
        v = self.f.value(f"call i64 {self.need('mj.draw')}(ptr {self.obj_const(inst)}, ptr {ptr_const(jr.count_addr)}, "
                         f"ptr {ptr_const(jr.base)}, ptr {ptr_const(cells.entry_mark_addr)}, "
                         f"ptr {ptr_const(jr.rng_at_addr)})")
        self.raise_if(self.f.value(f"icmp slt i64 {v}, 0"), E.E_DEOPT_JOURNAL, node)
        return v

    def draw_float(self, node: ast.AST) -> str:
        f = self.f
        a = f.value(f"uitofp i64 {f.value(f'lshr i64 {self.draw(node)}, 5')} to double")
        b = f.value(f"uitofp i64 {f.value(f'lshr i64 {self.draw(node)}, 6')} to double")
        high = f.value(f"fmul double {a}, {self.float_const(67108864.0)}")
        return f.value(f"fmul double {f.value(f'fadd double {high}, {b}')}, {self.float_const(1.0 / 9007199254740992.0)}")

    def below(self, n: str, node: ast.AST) -> str:
        """_randbelow(n) for n > 0."""
        f = self.f
        ctlz = self.need("ctlz") and "@llvm.ctlz.i64"
        k = f.value(f"sub i64 64, {f.value(f'call i64 {ctlz}(i64 {n}, i1 true)')}")
        again, small, large, got = (f.new_label(x) for x in ("rbelow", "rsmall", "rlarge", "rgot"))
        f.br(again)
        f.block(again)
        f.cbr(f.value(f"icmp ule i64 {k}, 32"), small, large)
        f.block(small)
        one = f.value(f"lshr i64 {self.draw(node)}, {f.value(f'sub i64 32, {k}')}")
        small_end = f.open()
        f.br(got)
        f.block(large)
        low = self.draw(node)
        high = f.value(f"lshr i64 {self.draw(node)}, {f.value(f'sub i64 64, {k}')}")
        two = f.value(f"or i64 {low}, {f.value(f'shl i64 {high}, 32')}")
        large_end = f.open()
        f.br(got)
        f.block(got)
        r = f.value(f"phi i64 [{one}, %{small_end}], [{two}, %{large_end}]")
        done = f.new_label("rdone")
        f.cbr(f.value(f"icmp uge i64 {r}, {n}"), again, done)
        f.block(done)
        return r


def _sum_type(a: Type, b: Type) -> Type:
    return INT if a in (INT, BOOL) and b in (INT, BOOL) else FLOAT
