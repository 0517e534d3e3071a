"""The C API and libm functions compiled code calls, registered with LLVM by name.

Compiled code runs with the GIL held (it is entered through ctypes.PYFUNCTYPE),
so it may call the C API directly.  Object layouts used by generated code
(CPython 3.11, 64-bit):

    PyObject       ob_refcnt @0, ob_type @8
    PyFloatObject  ob_fval @16
    PyTupleObject  ob_size @16, ob_item[] @24
    PyDictObject   ma_version_tag @24
"""

from __future__ import annotations

import ctypes
import functools

# name -> LLVM declaration
C_API = {
    "PyLong_FromLongLong": "declare ptr @PyLong_FromLongLong(i64)",
    "PyLong_AsLongLongAndOverflow": "declare i64 @PyLong_AsLongLongAndOverflow(ptr, ptr)",
    "PyFloat_FromDouble": "declare ptr @PyFloat_FromDouble(double)",
    "PyTuple_New": "declare ptr @PyTuple_New(i64)",
    "PyTuple_SetItem": "declare i32 @PyTuple_SetItem(ptr, i64, ptr)",
    "PyObject_Call": "declare ptr @PyObject_Call(ptr, ptr, ptr)",
    "Py_IncRef": "declare void @Py_IncRef(ptr)",
    "Py_EnterRecursiveCall": "declare i32 @Py_EnterRecursiveCall(ptr)",
    "Py_LeaveRecursiveCall": "declare void @Py_LeaveRecursiveCall()",
    "Py_DecRef": "declare void @Py_DecRef(ptr)",
    "_Py_Dealloc": "declare void @_Py_Dealloc(ptr)",
    "PyObject_Vectorcall": "declare ptr @PyObject_Vectorcall(ptr, ptr, i64, ptr)",
    "PyErr_Fetch": "declare void @PyErr_Fetch(ptr, ptr, ptr)",
    "PyErr_Restore": "declare void @PyErr_Restore(ptr, ptr, ptr)",
    "PyErr_SetObject": "declare void @PyErr_SetObject(ptr, ptr)",
    "PyDict_GetItem": "declare ptr @PyDict_GetItem(ptr, ptr)",
    "PyDict_SetItem": "declare i32 @PyDict_SetItem(ptr, ptr, ptr)",
    "PyErr_CheckSignals": "declare i32 @PyErr_CheckSignals()",
    "__errno_location": "declare ptr @__errno_location() nounwind",  # (libc's, as CPython reads errno)
    "PyEval_SaveThread": "declare ptr @PyEval_SaveThread()",
    "PyEval_RestoreThread": "declare void @PyEval_RestoreThread(ptr)",
    "PyThread_get_thread_ident": "declare i64 @PyThread_get_thread_ident()",
    "PyNumber_Power": "declare ptr @PyNumber_Power(ptr, ptr, ptr)",
    "PyNumber_TrueDivide": "declare ptr @PyNumber_TrueDivide(ptr, ptr)",
    "PyNumber_Add": "declare ptr @PyNumber_Add(ptr, ptr)",
    "PyNumber_Multiply": "declare ptr @PyNumber_Multiply(ptr, ptr)",
    "PyNumber_Remainder": "declare ptr @PyNumber_Remainder(ptr, ptr)",
    "PyLong_AsLongLong": "declare i64 @PyLong_AsLongLong(ptr)",
    "PyList_New": "declare ptr @PyList_New(i64)",
    "PyObject_Format": "declare ptr @PyObject_Format(ptr, ptr)",
    "PyObject_Repr": "declare ptr @PyObject_Repr(ptr)",
    "PyObject_Str": "declare ptr @PyObject_Str(ptr)",
    "PyObject_ASCII": "declare ptr @PyObject_ASCII(ptr)",
    "PyUnicode_Join": "declare ptr @PyUnicode_Join(ptr, ptr)",
    "PySequence_List": "declare ptr @PySequence_List(ptr)",
    "PyList_SetItem": "declare i32 @PyList_SetItem(ptr, i64, ptr)",
    "PyList_Append": "declare i32 @PyList_Append(ptr, ptr)",
    "PyList_Insert": "declare i32 @PyList_Insert(ptr, i64, ptr)",
    "PySlice_New": "declare ptr @PySlice_New(ptr, ptr, ptr)",
    "PyList_GetSlice": "declare ptr @PyList_GetSlice(ptr, i64, i64)",
    "PyList_SetSlice": "declare i32 @PyList_SetSlice(ptr, i64, i64, ptr)",
    "PyList_Reverse": "declare i32 @PyList_Reverse(ptr)",
    "PyDict_DelItem": "declare i32 @PyDict_DelItem(ptr, ptr)",
    "PyErr_Clear": "declare void @PyErr_Clear()",
    "PySys_GetObject": "declare ptr @PySys_GetObject(ptr)",
    "PyObject_GetItem": "declare ptr @PyObject_GetItem(ptr, ptr)",
    "PySequence_Contains": "declare i32 @PySequence_Contains(ptr, ptr)",
    "PySequence_InPlaceConcat": "declare ptr @PySequence_InPlaceConcat(ptr, ptr)",
    "PySequence_InPlaceRepeat": "declare ptr @PySequence_InPlaceRepeat(ptr, i64)",
    "PyObject_RichCompareBool": "declare i32 @PyObject_RichCompareBool(ptr, ptr, i32)",
    "PyObject_CallMethodObjArgs": "declare ptr @PyObject_CallMethodObjArgs(ptr, ptr, ...)",
    "PyMem_RawMalloc": "declare noalias ptr @PyMem_RawMalloc(i64)",
    "PyMem_RawCalloc": "declare noalias ptr @PyMem_RawCalloc(i64, i64)",
    "PyMem_RawFree": "declare void @PyMem_RawFree(ptr)",
    "PyBytes_FromStringAndSize": "declare ptr @PyBytes_FromStringAndSize(ptr, i64)",
}

# fmod is not LLVM's builtin: LLVM 22 folded a call of it with a NaN operand to
# poison (math.fmod's own checks run first, but nothing is gained from folding)
LIBM = {
    name: f"declare double @{name}({', '.join(['double'] * arity)}) nounwind"
          + (" nobuiltin" if name == "fmod" else "")
    for name, arity in {
        "fmod": 2, "floor": 1, "ceil": 1, "sqrt": 1, "sin": 1, "cos": 1, "tan": 1,
        "atan": 1, "atan2": 2, "exp": 1, "log": 1, "log10": 1, "log2": 1, "hypot": 2,
        "fabs": 1, "round": 1, "trunc": 1, "asin": 1, "acos": 1, "sinh": 1, "cosh": 1,
        "tanh": 1, "copysign": 2, "pow": 2, "expm1": 1, "log1p": 1,
    }.items()
}


@functools.cache
def register_symbols() -> None:
    """Tell LLVM where every external symbol of generated code lives (once per process)."""
    import llvmlite.binding as llvm  # (not at import: a program that compiles nothing never loads LLVM)

    api = ctypes.pythonapi
    for name in C_API:
        llvm.add_symbol(name, ctypes.cast(getattr(api, name), ctypes.c_void_p).value)
    libm = _load_libm()
    _LIBM.append(libm)  # (kept: a dropped CDLL and its function pointers are cyclic garbage
    for name in LIBM:   # that the program's gc.collect() would count)
        llvm.add_symbol(name, ctypes.cast(getattr(libm, name), ctypes.c_void_p).value)


_LIBM: list[ctypes.CDLL] = []


def _load_libm() -> ctypes.CDLL:
    """libm by its soname; ctypes.util.find_library would shell out to ldconfig."""
    try:
        return ctypes.CDLL("libm.so.6")
    except OSError:
        from ctypes import util

        return ctypes.CDLL(util.find_library("m"))


def addr(obj: object) -> int:
    """The address of a Python object (CPython: its id), for baking into IR."""
    return id(obj)


PY_TRUE = addr(True)
PY_FALSE = addr(False)
PY_NONE = addr(None)
FLOAT_TYPE = addr(float)
INT_TYPE = addr(int)
BOOL_TYPE = addr(bool)
TUPLE_TYPE = addr(tuple)
LIST_TYPE = addr(list)
DICT_VERSION = 24  # offset of a dict's ma_version_tag, bumped on every change (3.11)
# Py_EnterRecursiveCall's `where`: a compiled frame's RecursionError reads
# "maximum recursion depth exceeded", as a Python frame's does
_NOWHERE = ctypes.create_string_buffer(b"")
NOWHERE = ctypes.addressof(_NOWHERE)


def _small_ints() -> tuple[int, int] | None:
    """(address of -5, stride): CPython keeps the ints -5..256 as one array of
    objects, which code may then index instead of calling PyLong_FromLongLong.
    None if this interpreter lays them out otherwise."""
    base, stride = addr(-5), addr(-4) - addr(-5)
    ok = all(addr(k) == base + (k + 5) * stride for k in range(-5, 257))
    return (base, stride) if ok else None


SMALL_INTS = _small_ints()
