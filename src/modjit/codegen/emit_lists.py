"""Lowering of list operations on real Python lists (PyListObject).

Compiled code reads and writes CPython's own list objects, so aliasing, and
mutations seen by code on CPython, are exact by construction:

    a[i]        -> bounds check (negative indices wrap), load ob_item[i],
                   check its type (a different type hands over), unbox
    a[i] = v    -> bounds check, box v, swap into ob_item[i], release the old item
                   (a float, or tuple of floats, the list alone holds is
                   overwritten in place; a bool already there is left)
    len(a)      -> ob_size
    a.append(v) -> PyList_Append; other methods call CPython's list methods

PyListObject (3.11, 64-bit): ob_size @16, ob_item (PyObject **) @24.
"""

from __future__ import annotations

import ast
import functools

from modjit.codegen.emit_base import Value
from modjit.codegen.emit_journal import JOURNALED, EmitJournal
from modjit.codegen.irtext import ptr_const
from modjit.frontend.types import BOOL, FLOAT, INT, NONE, ListType, TupleType, Type
from modjit.runtime import capi
from modjit.runtime import errors as E
from modjit.runtime.journal import J_GROW, J_INSERT, J_POP
from modjit.runtime.literals import ListTemplate, build

MUTATORS = frozenset({"append", "extend", "insert", "pop", "remove", "reverse", "sort", "clear"})


class EmitLists(EmitJournal):
    def list_len(self, lst: str) -> str:
        p = self.f.value(f"getelementptr i8, ptr {lst}, i64 16")
        return self.f.value(f"load i64, ptr {p}")

    def item_slot(self, lst: str, index: str, node: ast.AST, code: int) -> str:
        """Address of ob_item[index] after Python's index rules (IndexError `code`)."""
        return self.item_slot_at(lst, index, node, code)[0]

    def item_slot_at(self, lst: str, index: str, node: ast.AST, code: int) -> tuple[str, str]:
        """item_slot, and the index it wrapped to."""
        f = self.f
        n = self.list_len(lst)
        neg = f.value(f"icmp slt i64 {index}, 0")
        wrapped = f.value(f"add i64 {index}, {n}")
        i = f.value(f"select i1 {neg}, i64 {wrapped}, i64 {index}")
        self.raise_if(f.value(f"icmp uge i64 {i}, {n}"), code, node)
        ip = f.value(f"getelementptr i8, ptr {lst}, i64 24")
        items = f.value(f"load ptr, ptr {ip}")
        return f.value(f"getelementptr ptr, ptr {items}, i64 {i}"), i

    def list_get(self, lst: Value, index: Value, node: ast.AST) -> Value:
        t = lst[1]
        assert isinstance(t, ListType)
        slot = self.item_slot(lst[0], self.coerce(index, INT), node, E.E["list_index"])
        obj = self.f.value(f"load ptr, ptr {slot}")
        return self.unbox(obj, t.elem, node, deopt=E.E_DEOPT_ITEM), t.elem

    def list_set(self, lst: Value, index: Value, v: Value, node: ast.AST) -> None:
        t = lst[1]
        assert isinstance(t, ListType)
        assert isinstance(node, ast.Subscript)
        seen = self.mutation_visible(node.value)
        slot, at = self.item_slot_at(lst[0], self.coerce(index, INT), node, E.E["list_assign_index"])
        value = self.coerce(v, t.elem)
        self.check_kept((value, t.elem), node)
        old = self.f.value(f"load ptr, ptr {slot}")

        def store(seen: bool) -> None:
            if t.elem == FLOAT or (isinstance(t.elem, TupleType) and all(i == FLOAT for i in t.elem.items)):
                self.owned_store(lst[0], at, slot, old, value, t.elem, seen)
                return
            if t.elem == BOOL:
                self.bool_store(lst[0], at, slot, old, value, seen)
                return
            if t.elem == INT and capi.SMALL_INTS is not None:
                self.f.emit(f"store ptr {self.box_int_cached(value)}, ptr {slot}")
            else:
                self.f.emit(f"store ptr {self.box((value, t.elem))}, ptr {slot}")
            self.release_replaced(lst[0], at, old, seen)

        def recorded() -> None:  # (until the list is copied: a new object, the record by a call)
            self.f.emit(f"store ptr {self.box((value, t.elem))}, ptr {slot}")
            self.recorded_store(lst[0], at, old)

        self.snapshot_store(node.value, lst[0], seen, store, recorded)

    def element_moves(self, s: ast.Assign) -> bool:
        """`a[i], a[j] = a[j], a[i]` and `a[i] = b[j]` (list items to list items
        of the same type): the item objects move, as in CPython, instead of
        being unboxed, checked and boxed again (a swap was most of fannkuch's
        inner loop, a shift of items its next loop).  Each is
        read (IndexError as a read's), then each target stored in order (as a
        store's), as CPython does.  False, with nothing emitted, for other
        assignments."""
        if len(s.targets) != 1:
            return False
        if _item_subscript(s.targets[0]) and _item_subscript(s.value):  # a[i] = b[j]
            targets, sources = [s.targets[0]], [s.value]
        elif isinstance(s.targets[0], ast.Tuple | ast.List) and isinstance(s.value, ast.Tuple | ast.List):
            targets, sources = s.targets[0].elts, s.value.elts
            if len(targets) != len(sources) or len(targets) < 2:
                return False
        else:
            return False
        for src, tgt in zip(sources, targets, strict=True):
            if not (_item_subscript(src) and _item_subscript(tgt)):
                return False
            st, tt = self.u.types.get(src.value), self.u.types.get(tgt.value)  # type: ignore[attr-defined]
            if not (isinstance(st, ListType) and isinstance(tt, ListType) and st.elem == tt.elem):
                return False
        f = self.f
        if self.pure_swap(sources, targets):
            return True
        objs = []
        for src in sources:
            assert isinstance(src, ast.Subscript)
            lst = self.expr(src.value)
            slot = self.item_slot(lst[0], self.coerce(self.expr(src.slice), INT), src, E.E["list_index"])
            obj = f.value(f"load ptr, ptr {slot}")
            self.incref(obj)
            objs.append(self.temp(obj))  # (held until the statement ends: a later target may raise)
        for tgt, obj in zip(targets, objs, strict=True):
            assert isinstance(tgt, ast.Subscript)
            seen = self.mutation_visible(tgt.value)
            lst = self.expr(tgt.value)
            slot, at = self.item_slot_at(lst[0], self.coerce(self.expr(tgt.slice), INT), tgt,
                                         E.E["list_assign_index"])
            old = f.value(f"load ptr, ptr {slot}")
            self.incref(obj)  # the list's reference
            f.emit(f"store ptr {obj}, ptr {slot}")
            self.snapshot_store(tgt.value, lst[0], seen, functools.partial(self.release_replaced, lst[0], at, old))
        return True

    def pure_swap(self, sources: list[ast.expr], targets: list[ast.expr]) -> bool:
        """`a[i], a[j] = a[j], a[i]` (or `= a[i], a[j]`) on a list no one else
        sees, with side-effect-free indices: both reads are checked, then the
        two pointers trade places.  The stores hit the slots just read, so they
        cannot fail, and the list keeps the same objects: no reference counts
        change (CPython's increfs and decrefs cancel).  Two items only: with
        three, aliased indices can leave an object twice in the list."""
        if len(sources) != 2:
            return False
        names = {n.value.id if isinstance(n, ast.Subscript) and isinstance(n.value, ast.Name) else None
                 for n in (*sources, *targets)}
        if len(names) != 1 or None in names or self.mutation_visible(targets[0].value):  # type: ignore[attr-defined]
            return False
        keys = [ast.dump(n.slice) for n in sources]  # type: ignore[attr-defined]
        order = [ast.dump(n.slice) for n in targets]  # type: ignore[attr-defined]
        if sorted(keys) != sorted(order) or not all(_pure_index(n.slice) for n in sources):  # type: ignore[attr-defined]
            return False
        f = self.f
        lst = self.expr(sources[0].value)  # type: ignore[attr-defined]
        slots = [self.item_slot(lst[0], self.coerce(self.expr(n.slice), INT), n,  # type: ignore[attr-defined]
                                E.E["list_index"]) for n in sources]
        objs = [f.value(f"load ptr, ptr {slot}") for slot in slots]
        for k, key in enumerate(order):
            f.emit(f"store ptr {objs[k]}, ptr {slots[keys.index(key)]}")
        return True

    def bool_store(self, lst: str, i: str, slot: str, old: str, value: str, seen: bool) -> None:
        """a[i] = b for a bool b: nothing to do when the slot holds that object."""
        f = self.f
        obj = f.value(f"select i1 {value}, ptr {ptr_const(capi.PY_TRUE)}, ptr {ptr_const(capi.PY_FALSE)}")
        swap, done = f.new_label("bset"), f.new_label("bdone")
        f.cbr(f.value(f"icmp eq ptr {obj}, {old}"), done, swap)
        f.block(swap)
        self.incref(obj)
        f.emit(f"store ptr {obj}, ptr {slot}")
        self.release_replaced(lst, i, old, seen)
        f.br(done)
        f.block(done)

    def box_int_cached(self, value: str) -> str:
        """An int object for `value`: -5..256 are CPython's shared objects, taken
        from their array inline; other values ask PyLong_FromLongLong."""
        f = self.f
        base, stride = capi.SMALL_INTS  # type: ignore[misc]
        small, big, done = f.new_label("ismall"), f.new_label("ibig"), f.new_label("iboxed")
        index = f.value(f"add i64 {value}, 5")
        f.cbr(f.value(f"icmp ult i64 {index}, 262"), small, big)
        f.block(small)
        obj = f.value(f"getelementptr i8, ptr {ptr_const(base)}, i64 {f.value(f'mul i64 {index}, {stride}')}")
        refs = f.value(f"load i64, ptr {obj}")
        f.emit(f"store i64 {f.value(f'add i64 {refs}, 1')}, ptr {obj}")
        f.br(done)
        f.block(big)
        new = self.box((value, INT))
        big_end = f.open()
        f.br(done)
        f.block(done)
        return f.value(f"phi ptr [{obj}, %{small}], [{new}, %{big_end}]")

    def sole(self, obj: str, type_address: int) -> str:
        """i1: `obj` is exactly of that type and nobody but its one holder references it."""
        f = self.f
        ty = self.ob_type(obj)
        refs = f.value(f"load i64, ptr {obj}")
        return f.value(f"and i1 {f.value(f'icmp eq ptr {ty}, {ptr_const(type_address)}')}, "
                       f"{f.value(f'icmp eq i64 {refs}, 1')}")

    def owned_store(self, lst: str, i: str, slot: str, old: str, value: str, t: Type, seen: bool) -> None:
        """a[i] = x for a float x, or a tuple of floats: when the list alone holds
        the old float (and the tuple alone its floats), it is overwritten in
        place, as no one can see the difference; otherwise new objects.  The
        allocations were most of the time of matmul and of a tuple n-body."""
        f = self.f
        inplace, boxed, done = f.new_label("oset"), f.new_label("obox"), f.new_label("odone")
        if t == FLOAT:
            f.cbr(self.sole(old, capi.FLOAT_TYPE), inplace, boxed)
        else:
            assert isinstance(t, TupleType)
            items = f.new_label("oitems")
            size = f.value(f"load i64, ptr {f.value(f'getelementptr i8, ptr {old}, i64 16')}")
            own = self.sole(old, capi.TUPLE_TYPE)
            f.cbr(f.value(f"and i1 {own}, {f.value(f'icmp eq i64 {size}, {len(t.items)}')}"), items, boxed)
            f.block(items)
            objs = [f.value(f"load ptr, ptr {f.value(f'getelementptr i8, ptr {old}, i64 {24 + 8 * k}')}")
                    for k in range(len(t.items))]
            all_sole = "true"
            for obj in objs:
                all_sole = f.value(f"and i1 {all_sole}, {self.sole(obj, capi.FLOAT_TYPE)}")
            f.cbr(all_sole, inplace, boxed)
        f.block(inplace)
        for obj in ([old] if t == FLOAT else objs) if seen else []:
            self.journal_float(obj, lst, boxed)
        if t == FLOAT:
            f.emit(f"store double {value}, ptr {f.value(f'getelementptr i8, ptr {old}, i64 16')}")
        else:
            for k, obj in enumerate(objs):
                item = f.value(f"extractvalue {t.llvm} {value}, {k}")
                f.emit(f"store double {item}, ptr {f.value(f'getelementptr i8, ptr {obj}, i64 16')}")
        f.br(done)
        f.block(boxed)
        f.emit(f"store ptr {self.box((value, t))}, ptr {slot}")
        self.release_replaced(lst, i, old, seen)
        f.br(done)
        f.block(done)

    def list_display(self, elems: list[Value], t: Type) -> str:
        assert isinstance(t, ListType)
        lst = self.f.value(f"call ptr {self.need('PyList_New')}(i64 {len(elems)})")
        self.raise_pyerr_if_null(lst)
        values = [(self.coerce(v, t.elem), t.elem) for v in elems]
        for v in values:  # (all before the first is stored)
            self.check_kept(v)
        for i, v in enumerate(values):
            obj = self.box(v)
            self.f.emit(f"call i32 {self.need('PyList_SetItem')}(ptr {lst}, i64 {i}, ptr {obj})")
        return self.temp(lst)

    def list_from_template(self, template: ListTemplate) -> str:
        """A list literal of constants: a new list of the constants' objects, as
        CPython builds it from its code's constant tuple (an 8,000-number table
        took 0.5 s to compile item by item); a list of such lists is rebuilt
        by literals.build (a 200x40 matrix took 0.8 s)."""
        f = self.f
        if any(type(x) is ListTemplate for x in template):
            args = f.alloca(f.tmp("tmpl"), "ptr")
            f.emit(f"store ptr {self.obj_const(template)}, ptr {args}")
            lst = f.value(f"call ptr {self.need('PyObject_Vectorcall')}(ptr {self.obj_const(build)}, "
                          f"ptr {args}, i64 1, ptr null)")
        else:
            lst = f.value(f"call ptr {self.need('PySequence_List')}(ptr {self.obj_const(template)})")
        self.raise_pyerr_if_null(lst)
        return self.temp(lst)

    def object_binop(self, fn: str, a: Value, b: Value) -> str:
        """list * int, list + list: CPython's own operator, a new list."""
        oa, ob = self.box(a), self.box(b)
        r = self.f.value(f"call ptr {self.need(fn)}(ptr {oa}, ptr {ob})")
        self.decref(oa)
        self.decref(ob)
        self.raise_pyerr_if_null(r)
        return self.temp(r)

    def list_slice(self, lst: Value, sl: ast.Slice) -> str:
        vals = [None if part is None else self.expr(part) for part in (sl.lower, sl.upper, sl.step)]
        if vals[2] is None and all(v is None or v[1] in (INT, BOOL) for v in vals):
            return self.list_range_copy(lst[0], vals[:2])
        parts = ["null" if v is None else self.box(v) for v in vals]
        s = self.f.value(f"call ptr {self.need('PySlice_New')}(ptr {parts[0]}, ptr {parts[1]}, ptr {parts[2]})")
        for p in parts:
            if p != "null":
                self.decref(p)
        self.raise_pyerr_if_null(s)
        r = self.f.value(f"call ptr {self.need('PyObject_GetItem')}(ptr {lst[0]}, ptr {s})")
        self.decref(s)
        self.raise_pyerr_if_null(r)
        return self.temp(r)

    def list_range_copy(self, lst: str, bounds: list[Value | None]) -> str:
        """a[i:j] with int bounds: Python's wrapping of negative bounds here, then
        PyList_GetSlice (which clamps), with no slice object made and freed."""
        ends = self.slice_ends(lst, bounds)
        r = self.f.value(f"call ptr {self.need('PyList_GetSlice')}(ptr {lst}, i64 {ends[0]}, i64 {ends[1]})")
        self.raise_pyerr_if_null(r)
        return self.temp(r)

    def list_slice_set(self, lst: Value, sl: ast.Slice, v: Value, node: ast.Subscript) -> None:
        """a[i:j] = b (the value already evaluated, as in CPython): wrapped
        bounds, then PyList_SetSlice, which clamps them and copies b first
        when it is a itself.  A list others may see is kept for a hand-over."""
        bounds = [None if b is None else self.expr(b) for b in (sl.lower, sl.upper)]
        if self.mutation_visible(node.value):
            self.journal_snapshot(lst[0])
        ends = self.slice_ends(lst[0], bounds)
        r = self.f.value(f"call i32 {self.need('PyList_SetSlice')}(ptr {lst[0]}, i64 {ends[0]}, "
                         f"i64 {ends[1]}, ptr {v[0]})")
        self.raise_if(self.f.value(f"icmp slt i32 {r}, 0"), E.E_PYERR, None)

    def slice_ends(self, lst: str, bounds: list[Value | None]) -> list[str]:
        """Slice bounds wrapped as Python wraps negative ones (clamped at 0)."""
        return self.slice_ends_of(self.list_len(lst), bounds)

    def slice_ends_of(self, n: str, bounds: list[Value | None]) -> list[str]:
        """slice_ends of a sequence `n` long."""
        ends = []
        for b, default in zip(bounds, ("0", n), strict=True):
            if b is None:
                ends.append(default)
                continue
            ends.append(self.wrapped_at_zero(self.coerce(b, INT), n))
        return ends

    def wrapped_at_zero(self, i: str, n: str) -> str:
        """A position in a list `n` long as a slice bound or list.insert take
        it: a negative one wrapped once, clamped at 0."""
        wrapped = self.f.value(f"add i64 {i}, {n}")
        wrapped = self.f.value(f"select i1 {self.f.value(f'icmp slt i64 {wrapped}, 0')}, i64 0, i64 {wrapped}")
        return self.f.value(f"select i1 {self.f.value(f'icmp slt i64 {i}, 0')}, i64 {wrapped}, i64 {i}")

    def list_contains(self, item: Value, lst: Value) -> str:
        self.check_kept(item)
        obj = self.box(item)
        r = self.f.value(f"call i32 {self.need('PySequence_Contains')}(ptr {lst[0]}, ptr {obj})")
        self.decref(obj)
        self.raise_if(self.f.value(f"icmp slt i32 {r}, 0"), E.E_PYERR, None)
        return self.f.value(f"icmp eq i32 {r}, 1")

    def list_equal(self, a: Value, b: Value) -> str:
        r = self.f.value(f"call i32 {self.need('PyObject_RichCompareBool')}(ptr {a[0]}, ptr {b[0]}, i32 2)")
        self.raise_if(self.f.value(f"icmp slt i32 {r}, 0"), E.E_PYERR, None)
        return self.f.value(f"icmp eq i32 {r}, 1")

    def list_inplace(self, node: ast.AugAssign, lst: Value, rhs: Value) -> None:
        """`a += b` extends the list a (journaled like extend); `a *= n` repeats it."""
        f = self.f
        grow = isinstance(node.op, ast.Add)
        seen = self.mutation_visible(node.target)
        if seen and not grow:
            self.journal_snapshot(lst[0])
        before = self.list_len(lst[0]) if seen and grow else "0"
        if grow:
            r = f.value(f"call ptr {self.need('PySequence_InPlaceConcat')}(ptr {lst[0]}, ptr {rhs[0]})")
        else:
            count = self.coerce(rhs, INT)
            r = f.value(f"call ptr {self.need('PySequence_InPlaceRepeat')}(ptr {lst[0]}, i64 {count})")
        self.raise_pyerr_if_null(r)
        self.decref(r)  # the list itself, which the variable holds already
        if seen and grow:
            self.journal_grown(lst[0], before)

    def list_method(self, lst: Value, name: str, args: list[Value], result: Type, node: ast.AST,
                    kwargs: dict[str, object] | None = None) -> str:
        f = self.f
        # (a comprehension's own list is not a Call)
        seen = (name in MUTATORS and isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and self.mutation_visible(node.func.value))
        undo = JOURNALED.get(name) if seen else None
        if name in ("pop", "insert") and args and args[0][1] != INT:
            undo = None  # (a bool position: the copy)
        for a in args:  # before anything happens that a hand-over would have to undo
            self.check_kept(a, node)
        if seen and undo is None:
            self.journal_snapshot(lst[0])  # sort, remove, clear
        before = self.list_len(lst[0]) if undo in (J_GROW, J_POP, J_INSERT) else "0"
        at = self._position(name, args, before) if undo in (J_POP, J_INSERT) else "0"
        if name == "append":
            t = lst[1]
            assert isinstance(t, ListType)
            obj = self.box((self.coerce(args[0], t.elem), t.elem))
            r = f.value(f"call i32 {self.need('PyList_Append')}(ptr {lst[0]}, ptr {obj})")
            self.decref(obj)
            self.raise_if(f.value(f"icmp slt i32 {r}, 0"), E.E_PYERR, None)
            if undo is not None:
                self.journal_grown(lst[0], before)
            return "false"
        if kwargs:  # lst.sort(reverse=True): list.sort(lst, reverse=True)
            self.pycall(list.sort, [lst], NONE, node, kwargs)
            return "false"
        boxed = [self.box(a) for a in args]
        from modjit.codegen.emit_expr import _intern

        name_obj = ptr_const(self.ctx.keep(_intern(name)))
        call_args = "".join(f", ptr {b}" for b in boxed)
        r = f.value(f"call ptr (ptr, ptr, ...) {self.need('PyObject_CallMethodObjArgs')}"
                    f"(ptr {lst[0]}, ptr {name_obj}{call_args}, ptr null)")
        for b in boxed:
            self.decref(b)
        self.raise_pyerr_if_null(r)
        if undo == J_POP:
            self.journal_popped(lst[0], r, at)
        elif undo == J_INSERT:
            self.journal_inserted(lst[0], at)
        elif undo == J_GROW:
            self.journal_grown(lst[0], before)
        elif undo is not None:
            self.journal_reversed(lst[0])
        if isinstance(result, ListType):
            return self.temp(r)
        if result == NONE:
            self.decref(r)
            return "false"
        native = self.unbox(r, result, node, deopt=E.E_DEOPT_ITEM)
        self.decref(r)
        return native

    def _position(self, name: str, args: list[Value], n: str) -> str:
        """Where lst.pop(i) / lst.insert(i, v) takes or puts its item in a list
        `n` long, as CPython works it out: pop() the last, pop(i) i wrapped
        once (out of range, the call raises and nothing is recorded), insert
        i wrapped once and clamped to 0..n."""
        f = self.f
        if not args:
            return f.value(f"sub i64 {n}, 1")
        i = self.coerce(args[0], INT)
        if name == "pop":
            return f.value(f"select i1 {f.value(f'icmp slt i64 {i}, 0')}, i64 {f.value(f'add i64 {i}, {n}')}, i64 {i}")
        low = self.wrapped_at_zero(i, n)
        return f.value(f"select i1 {f.value(f'icmp sgt i64 {low}, {n}')}, i64 {n}, i64 {low}")


def _item_subscript(node: ast.expr) -> bool:
    return isinstance(node, ast.Subscript) and not isinstance(node.slice, ast.Slice)


def _pure_index(node: ast.expr) -> bool:
    """An index whose evaluation reads locals and constants only (the same value twice)."""
    if isinstance(node, ast.Name) or (isinstance(node, ast.Constant) and type(node.value) is int):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Sub):
        return _pure_index(node.left) and _pure_index(node.right)
    return isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and _pure_index(node.operand)


_ = capi


TEMPLATE_MIN = 8  # list literals this long, of constants alone, are copied from a tuple
_PYTYPE = {INT: int, FLOAT: float, BOOL: bool}


def constant_items(node: ast.List, t: Type) -> ListTemplate | None:
    """The values of a list literal of `t` whose items are all constants of its
    element type (numbers, signed numbers, tuples and list literals of them),
    else None."""
    if len(node.elts) < TEMPLATE_MIN:
        return None
    values = _constant(node, t)
    return values if isinstance(values, ListTemplate) else None


_NOT_CONSTANT = object()


def _constant(node: ast.expr, t: Type) -> object:
    if isinstance(t, ListType):
        if not isinstance(node, ast.List):
            return _NOT_CONSTANT
        values = ListTemplate(_constant(e, t.elem) for e in node.elts)
        return _NOT_CONSTANT if _NOT_CONSTANT in values else values
    if isinstance(t, TupleType):
        if not isinstance(node, ast.Tuple) or len(node.elts) != len(t.items) \
                or any(isinstance(it, ListType) for it in t.items):  # (a list in a tuple: built anew)
            return _NOT_CONSTANT
        items = tuple(_constant(e, it) for e, it in zip(node.elts, t.items, strict=True))
        return _NOT_CONSTANT if _NOT_CONSTANT in items else items
    negated = False
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        if t == BOOL:  # (-True is an int)
            return _NOT_CONSTANT
        negated, node = isinstance(node.op, ast.USub), node.operand
    if not isinstance(node, ast.Constant) or type(node.value) is not _PYTYPE.get(t):
        return _NOT_CONSTANT
    value = node.value
    assert isinstance(value, (int, float))
    if negated:
        value = -value
    return value if t != INT or -(1 << 63) <= value < (1 << 63) else _NOT_CONSTANT

