"""`modjit run prog.py`: run a program as `python3 prog.py` would, compiling what it can."""

from __future__ import annotations

import ast
import atexit
import os
import re
import sys
import traceback
import types
import warnings
from collections.abc import Callable
from types import TracebackType

from modjit.errors import FatalRuntimeError, source_line_with_caret
from modjit.options import JitOptions
from modjit.runtime.imports import programs_modules_first
from modjit.runtime.memory import freeze_own_objects
from modjit.runtime.recursion import INT_MAX

_PKG_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_program(prog: str, args: list[str], engine: str = "mcjit", jit: bool = True,
                stats: bool = False, verbose: bool = False, dump_dir: str | None = None,
                session_out: list | None = None, options: JitOptions | None = None,
                stats_json: str | None = None) -> int:
    from modjit.driver.session import Session, StrictModeError

    if prog != "-" and (os.path.isdir(prog) or _is_zip(prog)):  # a package directory or zip with
        flush_stdout()  # __main__.py: CPython's runpy machinery runs it (sys.path, __main__ lookup, errors)
        os.execv(sys.executable, [sys.executable, prog, *args])
    try:
        if prog == "-":  # the program from stdin, as `python3 - args`
            source = sys.stdin.buffer.read()
        else:
            with open(prog, "rb") as f:
                source = f.read()
    except OSError as exc:
        print(f"modjit: can't open file {os.path.abspath(prog)!r}: [Errno {exc.errno}] {exc.strerror}",
              file=sys.stderr)
        return 2
    sys.argv = [prog, *args]
    if prog == "-":
        folder, prog, stdin_source = "", "<stdin>", source
    else:
        folder = os.path.dirname(os.path.realpath(prog))  # (CPython resolves links here)
        # CPython 3.11 names the script by its path joined to the current directory, unnormalised
        prog, stdin_source = (prog if os.path.isabs(prog) else os.path.join(os.getcwd(), prog)), None
    if jit:
        import modjit.pipeline  # noqa: F401  (the compiler, and the standard modules it uses)
    status, interrupted = 0, False
    session = None
    try:
        try:
            _decodes(source)
            with warnings.catch_warnings():  # (compile() below gives them, once, as CPython does)
                warnings.simplefilter("ignore")
                tree = ast.parse(source, prog)
            # CPython compiles the whole file before running any of it: errors its
            # compiler finds past the parser ('return' outside function, a global
            # declared after use, ...) stop the program before its first line
            compile(source, prog, "exec", dont_inherit=True)  # (the text: as deep as CPython goes)
        except (SyntaxError, ValueError, RecursionError, MemoryError, UnicodeDecodeError, LookupError) as exc:
            return _report_syntax_error(prog, args, exc, stdin_source)
        # The program's module and the session that refers to it come after the
        # freeze: a frozen namespace is never collected, so at exit the program's
        # objects in cycles with it (a class with __del__, an open file written
        # to) were never finalised (unflushed writes lost); python3's last
        # collection finalises them with the globals still in place.
        freeze_own_objects()
        namespace = main_module(prog).__dict__
        session = Session(prog, engine=engine, jit=jit, namespace=namespace, verbose=verbose,
                          dump_dir=dump_dir, options=options)
        if session_out is not None:
            session_out.append(session)
        atexit.register(session.rt.program_ended)  # (after the program's own: last in, first out)
        # only now the program's folder: the compiler's modules, imported above, found the
        # standard ones (a math.py or copy.py beside the program was imported instead)
        sys.path.insert(0, folder)
        programs_modules_first(folder)
        namespace["__doc__"] = ast.get_docstring(tree, clean=False)
        # session.run_statement, exec_on_cpython and exec()'s own level (with a
        # first call through a function's stand-in, as deep as python3 goes)
        hide_own_frames(extra=3)
        for stmt in tree.body:
            session.run_statement(stmt, filename=prog)
    except SystemExit as exc:
        status = _exit_status(exc)
    except FatalRuntimeError as exc:
        flush_stdout()
        print(f"{exc}", file=sys.stderr)
        caret = source_line_with_caret(exc.coord)
        if caret:
            print(caret, file=sys.stderr)
        status = 1
    except StrictModeError as exc:
        flush_stdout()
        print(f"modjit: {exc}", file=sys.stderr)
        status = 3
    except BaseException as exc:  # noqa: BLE001 - printed like CPython does
        flush_stdout()
        print_user_traceback(exc)
        interrupted = isinstance(exc, KeyboardInterrupt)
        status = 130 if interrupted else 1
    finally:
        limit = sys.getrecursionlimit()  # (the program's may be too low for rich's imports
        sys.setrecursionlimit(max(limit, 1000))  # below; its atexit functions get it back)
        try:
            if stats and session is not None:
                from modjit.runtime.imports import standard_modules

                with standard_modules():  # (rich's imports: not the program's own modules)
                    from modjit.driver.report import print_stats

                    print_stats(session)
            stats_json = stats_json or os.environ.get("MODJIT_STATS_JSON")
            if stats_json and session is not None:
                from modjit.driver.stats import write_stats_json

                write_stats_json(session, stats_json)
        finally:
            sys.setrecursionlimit(limit)
    flush_stdout()
    if interrupted:  # CPython then dies by SIGINT, so its parent sees the signal
        import signal

        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)
    return status


def main_module(prog: str) -> types.ModuleType:
    """The program's module, as CPython makes it for a script: sys.modules
    names it __main__ (pickle, doctest, unittest.main and typing look it up
    there) and its globals hold what a script's do."""
    import builtins
    from importlib.machinery import SourceFileLoader

    module = types.ModuleType("__main__")
    module.__dict__.update({"__loader__": SourceFileLoader("__main__", prog),
                            "__annotations__": {}, "__builtins__": builtins,  # (CPython's order)
                            "__file__": prog, "__cached__": None})
    sys.modules["__main__"] = module
    return module


def _levels_in_use() -> int | None:
    """How many recursion levels CPython counts now: frames, and C calls that
    count too (`python -m modjit` runs modjit under runpy's exec()).  Read from
    the thread state; None where it does not keep them as CPython 3.11 does."""
    import ctypes

    from modjit.runtime.memory import recursion_counter

    counter = recursion_counter()
    if not counter:
        return None
    return ctypes.c_int.from_address(counter + 4).value - ctypes.c_int.from_address(counter).value


def hide_own_frames(extra: int) -> None:
    """The program's code runs under modjit's own Python frames (these, and
    `extra` more below the program's), which CPython counts against the
    recursion limit: the program could recurse ~7 levels less deep than under
    python3.  Raise the limit by that many, and show the program the limit it
    set (sys.getrecursionlimit / setrecursionlimit see and set the limit
    without them)."""
    used = _levels_in_use()
    if used is not None:
        offset = used - 2 + extra  # (less this function's level and _levels_in_use's)
    else:
        offset = extra
        frame: types.FrameType | None = sys._getframe(1)
        while frame is not None:
            offset, frame = offset + 1, frame.f_back
    real_get, real_set = sys.getrecursionlimit, sys.setrecursionlimit
    set_unchecked = _unchecked_setter()
    asked = [real_get(), 0]  # the program's limit, and the real one for it (real_for)

    def real_for(limit: int) -> int:
        # `offset` more; below SMALL_LIMIT a few more still, for this module's own
        # frames: at a limit of 3 a program can still call setrecursionlimit(1000)
        return min(limit + offset + (SMALL_ROOM if limit < SMALL_LIMIT else 0), INT_MAX)

    def getrecursionlimit() -> int:  # (no call but real_get: a program may ask at its limit)
        real = real_get()
        return asked[0] if real == asked[1] else real - offset

    def setrecursionlimit(limit: int) -> None:
        if not isinstance(limit, int) or not 1 <= limit <= INT_MAX:
            real_set(limit)  # raises CPython's TypeError, ValueError or OverflowError
        limit = int(limit)  # (True is 1, as CPython takes it)
        target = real_for(limit)  # (worked out first: past the check, no level is to spare)
        try:
            # CPython refuses a limit at or below the depth in use, which counts
            # this function's frame as well: asked one higher, it refuses where
            # python3 would (a limit of 3 at top level), and is then set exactly
            real_set(min(limit + offset + 1, INT_MAX))
        except RecursionError as exc:  # too low for the depth in use: in the program's numbers
            depth = re.search(r"depth (\d+)", str(exc))
            if depth is None:
                raise
            shown = int(depth.group(1)) - offset - 1  # (less this function's frame)
            raise RecursionError(f"cannot set the recursion limit to {limit} at the recursion "
                                 f"depth {shown}: the limit is too low") from None
        set_unchecked(target)
        asked[:] = limit, target

    getrecursionlimit.__doc__, setrecursionlimit.__doc__ = real_get.__doc__, real_set.__doc__
    getrecursionlimit.__wrapped__ = real_get  # type: ignore[attr-defined]  # (memory.recursion_counter)
    asked[1] = real_for(asked[0])
    real_set(asked[1])
    sys.getrecursionlimit, sys.setrecursionlimit = getrecursionlimit, setrecursionlimit


SMALL_LIMIT, SMALL_ROOM = 10, 3


def _unchecked_setter() -> Callable[[int], None]:
    """Py_SetRecursionLimit: sets the limit without sys.setrecursionlimit's
    check against the depth in use (which counts modjit's own frame).  One
    C call: called where no level is to spare."""
    import ctypes

    setter = ctypes.pythonapi.Py_SetRecursionLimit
    setter.restype = None  # (no argtypes: their conversion costs a level of its own)
    return setter  # type: ignore[no-any-return]


def _decodes(source: bytes) -> None:
    """Raise UnicodeDecodeError (or SyntaxError, LookupError) unless the whole
    of `source` decodes in its declared encoding: CPython's file tokenizer
    checks every line, comments too, where compile() of bytes lets a bad
    byte in a comment pass."""
    import io
    import tokenize

    encoding, _ = tokenize.detect_encoding(io.BytesIO(source).readline)
    source.decode(encoding)


def _is_zip(path: str) -> bool:
    if not os.path.isfile(path):  # (a FIFO, `<(...)`: its first bytes would be gone)
        return False
    try:
        with open(path, "rb") as f:
            return f.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def _report_syntax_error(prog: str, args: list[str], exc: BaseException, stdin_source: bytes | None = None) -> int:
    """A program CPython will not compile: let python3 itself report it, as
    it reports it for a file (its file tokenizer words some errors and places
    some carets otherwise than compile() does for a string).  Nothing of the
    program has run, and nothing will: python3 stops at the same error.
    (`stdin_source`: the program read from stdin, given to python3 the same way.)"""
    import subprocess

    flush_stdout()
    try:
        if stdin_source is not None:
            return subprocess.run([sys.executable, "-", *args], input=stdin_source, check=False).returncode
        return subprocess.run([sys.executable, prog, *args], check=False).returncode
    except OSError:
        traceback.print_exception(type(exc), exc, None, limit=0)
        return 1


def _exit_status(exc: SystemExit) -> int:
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def flush_stdout() -> None:
    try:
        sys.stdout.flush()
    except Exception:  # noqa: BLE001
        pass


def user_frames(tb: TracebackType | None) -> TracebackType | None:
    """`tb` without the frames of modjit itself, so tracebacks read like CPython's."""
    frames = []
    while tb is not None:
        if not tb.tb_frame.f_code.co_filename.startswith(_PKG_DIR):
            frames.append(tb)
        tb = tb.tb_next
    head = None
    for f in reversed(frames):  # (a line of None, a KeyboardInterrupt between lines: -1, as CPython prints)
        head = TracebackType(head, f.tb_frame, f.tb_lasti, f.tb_lineno if f.tb_lineno is not None else -1)
    return head


def print_user_traceback(exc: BaseException) -> None:
    seen: set[int] = set()

    def strip(e: BaseException | None) -> None:
        while e is not None and id(e) not in seen:
            seen.add(id(e))
            e.__traceback__ = user_frames(e.__traceback__)
            strip(e.__context__)
            e = e.__cause__

    strip(exc)
    # CPython reports an uncaught exception through sys.excepthook (the
    # program may have set its own); the default one adds "Did you mean".
    sys.excepthook(type(exc), exc, exc.__traceback__)


def dump_program(prog: str, args: list[str], ir: bool, asm: bool, engine: str,
                 options: JitOptions | None = None) -> int:
    """Run `prog`, then print every compiled unit's IR and/or assembly."""
    sessions: list = []
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        status = run_program(prog, args, engine=engine, dump_dir=tmp, session_out=sessions,
                             options=options)
        for name in sorted(os.listdir(tmp)):
            if (name.endswith(".ll") and ir) or (name.endswith(".s") and asm):
                print(f"; ==== {name} ====")
                with open(os.path.join(tmp, name)) as f:
                    print(f.read())
    return status
