"""Error codes written by compiled code, and the exact CPython exceptions they mean.

A compiled unit that raises stores (code, site) in the error cell and returns
to its caller, which propagates it; the entry wrapper returns a sentinel, and
`raise_at` raises the exception from a frame at the site's source line so that
tracebacks name the line.
"""

from __future__ import annotations

import ast
import sys
from types import CodeType, FrameType, TracebackType

E_NONE = 0
E_PYERR = 1  # a Python exception is set (a C API call failed)
E_DEOPT_OVERFLOW = 2  # a 64-bit int result left the range
E_DEOPT_TYPE = 3  # a global changed to a type the unit was not compiled for
E_DEOPT_VALUE = 4  # a value the compiled code cannot represent (e.g. int ** negative)
E_DEOPT_ITEM = 5  # a list item of a type the unit was not compiled for ([1.5, 2] for list[float])
E_DEOPT_OUTPUT = 6  # the print queue is full, and nothing has been printed (or done) for good yet
E_DEOPT_JOURNAL = 7  # a change the full journal cannot record: it was put back, CPython re-runs

DEOPT_CODES = (E_DEOPT_OVERFLOW, E_DEOPT_TYPE, E_DEOPT_VALUE, E_DEOPT_ITEM, E_DEOPT_OUTPUT,
               E_DEOPT_JOURNAL)  # one range: 2..7

DEOPT_MESSAGES = {
    E_DEOPT_OVERFLOW: "integer overflow: compiled code uses 64-bit ints (run with --no-jit for unbounded ints)",
    E_DEOPT_TYPE: "a global changed type while compiled code was running (run with --no-jit)",
    E_DEOPT_VALUE: "result not representable in compiled code (run with --no-jit)",
    E_DEOPT_ITEM: "a list item of another type reached compiled code (run with --no-jit)",
    E_DEOPT_OUTPUT: "more output than compiled code queues (run with --no-jit)",
    E_DEOPT_JOURNAL: "more list changes than compiled code can undo (run with --no-jit)",
}

# what --verbose says when compiled code hands a call or statement over to CPython
HANDOVER_REASONS = {
    E_DEOPT_OVERFLOW: "an int result left 64 bits",
    E_DEOPT_TYPE: "a global changed type",
    E_DEOPT_VALUE: "a value compiled code cannot represent",
    E_DEOPT_ITEM: "a list item of another type",
    E_DEOPT_OUTPUT: "more prints than the print queue holds",
    E_DEOPT_JOURNAL: "more list changes than the journal can undo",
}

# code -> (exception type, message)
EXCEPTIONS: dict[int, tuple[type[BaseException], str]] = {
    10: (ZeroDivisionError, "division by zero"),
    11: (ZeroDivisionError, "integer division or modulo by zero"),
    12: (ZeroDivisionError, "integer modulo by zero"),
    13: (ZeroDivisionError, "float division by zero"),
    14: (ZeroDivisionError, "float floor division by zero"),
    15: (ZeroDivisionError, "float modulo"),
    16: (ZeroDivisionError, "0.0 cannot be raised to a negative power"),
    17: (ZeroDivisionError, "float divmod()"),
    20: (ValueError, "math domain error"),
    21: (OverflowError, "math range error"),
    22: (OverflowError, "(34, 'Numerical result out of range')"),
    23: (OverflowError, "cannot convert float infinity to integer"),
    24: (ValueError, "cannot convert float NaN to integer"),
    25: (ValueError, "range() arg 3 must not be zero"),
    26: (ValueError, "negative shift count"),
    27: (RecursionError, "maximum recursion depth exceeded"),
    28: (RecursionError, "maximum recursion depth exceeded while calling a Python object"),
    40: (IndexError, "list index out of range"),
    41: (IndexError, "list assignment index out of range"),
    30: (NameError, "name '{name}' is not defined"),
    31: (UnboundLocalError, "cannot access local variable '{name}' where it is not associated with a value"),
    32: (NameError, "cannot access free variable '{name}' where it is not associated with a value in "
                    "enclosing scope"),
}

E = {
    "int_truediv_zero": 10, "int_floordiv_zero": 11, "int_mod_zero": 12,
    "float_div_zero": 13, "float_floordiv_zero": 14, "float_mod_zero": 15,
    "zero_neg_pow": 16, "float_divmod_zero": 17, "math_domain": 20, "math_range": 21, "pow_overflow": 22,
    "int_of_inf": 23, "int_of_nan": 24, "range_step_zero": 25, "negative_shift": 26,
    "recursion": 27, "recursion_call": 28, "list_index": 40, "list_assign_index": 41, "name_error": 30, "unbound_local": 31,
    "unbound_free": 32,
}


class Site:
    """Where compiled code raised: file, line, column, enclosing function, a name."""

    __slots__ = ("file", "line", "col", "func", "name", "end_line", "end_col", "_hash")

    def __init__(self, file: str, line: int, col: int, func: str, name: str = "",
                 end_line: int = 0, end_col: int = 0) -> None:
        self.file, self.line, self.col, self.func, self.name = file, line, col, func, name
        self.end_line, self.end_col = end_line, end_col  # where the expression ends (0-based col)
        self._hash = hash(self._key())  # (looked up at every raise)

    def _key(self) -> tuple[str, int, int, str, str, int, int]:
        return (self.file, self.line, self.col, self.func, self.name, self.end_line, self.end_col)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Site) and self._key() == other._key()

    def __hash__(self) -> int:
        return self._hash


class Raised(tuple):  # type: ignore[type-arg]
    """(exception,): what a native entry's error handler returns for the entry
    to raise itself (codegen/emit_native.py), so that no frame of modjit's
    stands between the program's frame and the exception's own frames."""

    __slots__ = ()


_PKG_DIR = __file__.rsplit("/", 2)[0]


def program_frames(tb: TracebackType | None) -> TracebackType | None:
    """`tb` from its first frame that is not modjit's own (the handler's, the
    runtime's, the dispatcher's it passed) on."""
    while tb is not None and tb.tb_frame.f_code.co_filename.startswith(_PKG_DIR):
        tb = tb.tb_next
    return tb


def raised(exc: BaseException) -> Raised:
    """`exc` boxed for a native entry to raise, its traceback without the
    frames of modjit's own it passed."""
    exc.__traceback__ = program_frames(exc.__traceback__)
    return Raised((exc,))


def make_exception(code: int, site: Site) -> BaseException:
    exc_type, message = EXCEPTIONS[code]
    return exc_type(message.format(name=site.name))


_CODE_CACHE: dict[tuple[Site, str], CodeType] = {}
_CALLER_FRAMES: dict[Site, tuple[FrameType, int]] = {}


def _code_at(site: Site, stmt_text: str) -> CodeType:
    """`stmt_text` (one statement, one expression) compiled as if written at
    `site`: tracebacks show the site's line and mark its expression's columns,
    in a frame named after the function that holds it."""
    key = (site, stmt_text)
    code = _CODE_CACHE.get(key)
    if code is None:
        if site.line and site.end_line:
            tree = ast.parse(stmt_text)
            for node in ast.walk(tree):
                if isinstance(node, ast.stmt | ast.expr):
                    node.lineno, node.col_offset = site.line, site.col - 1
                    node.end_lineno, node.end_col_offset = site.end_line, site.end_col
            compiled = compile(tree, site.file, "exec")
        else:
            compiled = compile("\n" * max(site.line - 1, 0) + stmt_text, site.file, "exec")
        code = compiled.replace(co_name=site.func)
        _CODE_CACHE[key] = code
    return code


def _caller_frame(site: Site) -> tuple[FrameType, int]:
    """A frame stopped at the call at `site`, and its instruction offset."""
    found = _CALLER_FRAMES.get(site)
    if found is None:
        box: list[tuple[FrameType, int]] = []

        def here() -> None:
            frame = sys._getframe(1)
            box.append((frame, frame.f_lasti))

        exec(_code_at(site, "__modjit_here__()"), {"__modjit_here__": here})  # noqa: S102
        found = _CALLER_FRAMES[site] = box[0]
    return found


# The site of a frame's entry, where a RecursionError is raised: CPython's
# traceback ends at the call that was refused, in the caller's frame
ENTRY = "<entry>"


def exception_at(exc: BaseException, site: Site, callers: list[Site] | None) -> BaseException | None:
    """`exc` with the traceback raise_at gives it, made from the frame kept for
    `site` (no exec, no raise: a loop catching an error of compiled code took
    ~8 us a call through raise_at); None for a site without columns."""
    if site.name == ENTRY and callers:
        site, callers = callers[0], callers[1:]
    if not (site.line and site.end_line):
        return None
    frame, lasti = _caller_frame(site)
    tb = TracebackType(None, frame, lasti, site.line)
    return exc.with_traceback(_through(tb, callers) if callers else tb)


def raise_at(exc: BaseException, site: Site, callers: list[Site] | None = None) -> None:
    """Raise `exc` from a frame at `site`: the traceback shows the source line,
    marked under the expression that raised as CPython marks it, below a frame
    for each compiled call it passed on its way out (`callers`, innermost first)."""
    placed = exception_at(exc, site, callers)
    if placed is not None:
        raise placed
    if site.name == ENTRY and callers:
        site, callers = callers[0], callers[1:]
    # No reference cycle through the exception: it holds its traceback, which
    # holds the frame at `site`, whose f_back is this frame; so this frame's
    # locals hold neither the exception nor a traceback when it is raised.  A
    # cycle per exception left each for the cyclic GC: a loop catching errors
    # of compiled code (try: f(0) except ZeroDivisionError) ran 5x python3's time.
    scope = {"__modjit_exc__": exc}
    del exc
    try:
        exec(_code_at(site, "raise __modjit_exc__"), scope)  # noqa: S102
    except BaseException as raised:
        scope.clear()
        if callers and raised.__traceback__ is not None and raised.__traceback__.tb_next is not None:
            raise raised.with_traceback(_through(raised.__traceback__.tb_next, callers))  # noqa: B904
        raise


def _through(tb: TracebackType, callers: list[Site]) -> TracebackType:
    """The traceback `tb` (at the site) below a frame for each compiled call site."""
    for caller in callers:
        frame, lasti = _caller_frame(caller)
        tb = TracebackType(tb, frame, lasti, caller.line)
    return tb
