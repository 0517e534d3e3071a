"""The REPL's core, shared by the terminal front end and pipe mode.

    console.push(line)  -> True while the input is incomplete (python3 would prompt '... ')
    console.run_input(src) runs one complete input: each statement a unit

Input is judged line by line as CPython's interactive parser takes it (not as
codeop does): only a completely empty line ends a block, a line of blanks is
skipped, and errors its compiler finds ('break' outside loop) come once the
whole input is read.  Errors never end the session: a traceback is printed
(modjit's own frames removed) by sys.excepthook, which is CPython's own printer
unless the program set another, and the namespace keeps every completed
assignment.  Lines that start with ':' are commands (not valid Python at the
start of a statement).
"""

from __future__ import annotations

import ast
import contextlib
import functools
import importlib.machinery
import io
import os
import re
import sys
import time
import tokenize
import types
import warnings
from typing import BinaryIO, TextIO

from modjit.driver.run import flush_stdout as _flush
from modjit.driver.run import hide_own_frames
from modjit.driver.session import Session, StrictModeError
from modjit.engine.base import PHASE_TITLES, PHASES
from modjit.errors import FatalRuntimeError
from modjit.options import JitOptions

HELP = """\
Commands (a line starting with ':'):
  :ir [name]         LLVM IR of the last compiled unit, or of every specialization of function `name`
  :asm [name]        machine code, likewise
  :time on|off       after each input, print the time of each compile phase
  :stats             session totals: units compiled, on CPython, modules alive, memory
  :engine mcjit|orc  switch JIT engine (functions are recompiled on their next call)
  :help              this text
  :quit              leave (as does Ctrl-D)
Each Python statement you enter is compiled into its own LLVM module when it can be;
what cannot be compiled runs on CPython in the same namespace."""

# Levels of modjit's own between run_pipe (or run_tty) and the program's code:
# Console.push, run_input, Session.run_statement, exec_on_cpython and exec().
# python3 -i runs an input right from its C loop, at the bottom of the stack.
PROGRAM_DEPTH = 5
_INPUT_DEPTH = 4  # Console.push (or finish), run_input, _compile_input and _COMPILE

# compile() through a partial, which CPython never specializes: the call counts
# one level against the recursion limit, as a plain call does only until the
# call site is quickened (after a few inputs), when the compiler's room grows.
_COMPILE = functools.partial(compile)


class Console:
    def __init__(self, engine: str = "mcjit", jit: bool = True, verbose: bool = False,
                 out: TextIO | None = None, options: JitOptions | None = None) -> None:
        self.session = Session("<stdin>", engine=engine, jit=jit, verbose=verbose, keep_asm=True,
                               options=options, namespace=_interactive_main().__dict__)
        self.out = out or sys.stdout
        self.buffer: list[str] = []
        self.unfinished = False  # the buffer's last line is the input's, without its newline
        self.show_time = False

    # -- input ---------------------------------------------------------------------
    def push(self, line: str) -> bool:
        """Add a line (without its newline); run the input once it is complete.
        True: more lines needed."""
        if not self.buffer and line.startswith(":"):
            self.command(line.strip())
            return False
        if not self.buffer and _is_blank(line):
            return False  # blanks or a comment where a statement starts: an empty statement
        self.buffer.append(line)
        verdict = judge(self.buffer, self.session.future_flags)
        if verdict is MORE:
            return True
        source, self.buffer = _text(self.buffer), []
        if isinstance(verdict, BaseException):
            self.report(verdict)
        else:
            self.run_input(source)
        return False

    def push_unfinished(self, line: str) -> bool:
        """The last line of the input, without its newline.  python3 reads on
        for the rest of it (True: it prompts '... ' and finds the end of the
        input: finish) unless its parser fails before the line's last token."""
        if not self.buffer and line.startswith(":"):
            self.command(line.strip())
            return False
        if _is_blank(line) or _in_long_string(self.buffer):
            verdict: object = MORE  # (a blank line cut short is not blank: see finish)
        else:
            verdict = judge([*self.buffer, line], self.session.future_flags)
        if isinstance(verdict, SyntaxError) and _fails_before_the_end(verdict, self.buffer, line,
                                                                      self.session.future_flags):
            if verdict.lineno == len(self.buffer) + 1 and (verdict.offset or 0) > len(line):
                verdict.offset = len(line)  # (an indentation error at the end, as placed with no newline)
            self.buffer = []
            self.report(verdict)
            return False
        self.buffer.append(line)
        self.unfinished = True
        return True

    def push_undecodable(self, exc: UnicodeDecodeError) -> None:
        """A line python3 -i cannot decode: the open input ends with its error."""
        error, self.buffer = undecodable_line_error(exc, self.buffer), []
        self.report(error)

    def reset(self) -> None:
        self.buffer, self.unfinished = [], False

    def finish(self) -> bool:
        """End of input: an input still open ends there (its blocks closed, as
        at an empty line) and runs, or is reported ('(' was never closed).
        False where python3 leaves at once: a comment alone (or a form feed),
        cut short, is an input at its end (it prompts no more)."""
        lines, self.buffer = self.buffer, []
        source = _text(lines)
        if self.unfinished:
            source, self.unfinished = source[:-1], False
            if len(lines) == 1 and _no_indentation(lines[0]):
                return False
        if lines:
            self.run_input(source)
        return True

    def report(self, exc: BaseException) -> None:
        """An input that did not compile, reported as python3 -i reports it."""
        _flush()
        exc.__traceback__ = None
        sys.last_type, sys.last_value, sys.last_traceback = type(exc), exc, None
        sys.excepthook(type(exc), exc, None)

    # -- running ---------------------------------------------------------------------
    def run_input(self, source: str) -> None:
        """Compile one complete input as python3 -i does (its errors and warnings,
        once), then run its statements."""
        try:
            tree, warned = self._compile_input(source)
        except Exception as exc:  # noqa: BLE001 - SyntaxError, MemoryError, RecursionError: reported
            if isinstance(exc, SyntaxError):
                if source.endswith("\n\n"):
                    _at_empty_line(exc, source.count("\n"))
                _on_its_line(exc, source)
            self.report(exc)
            return
        before = self.session.stats.units_compiled
        t0 = time.perf_counter()
        try:
            # (the session compiles statements again: their SyntaxWarnings were shown once)
            with _filtering("ignore", SyntaxWarning, "<stdin>") if warned else contextlib.nullcontext():
                for stmt in tree.body:
                    self.session.run_statement(stmt, interactive=True, filename="<stdin>")
        except SystemExit as exc:
            if exc.code is not None and not isinstance(exc.code, int):
                _flush()
                print(exc.code, file=sys.stderr)  # exit("bye"), as CPython prints it
            raise
        except FatalRuntimeError as exc:
            _flush()
            print(f"{exc}", file=sys.stderr)
        except StrictModeError as exc:
            _flush()
            print(f"modjit: {exc}", file=sys.stderr)
        except BaseException as exc:  # noqa: BLE001 - the session survives anything
            from modjit.driver.run import print_user_traceback

            _flush()
            sys.last_type, sys.last_value, sys.last_traceback = type(exc), exc, exc.__traceback__
            print_user_traceback(exc)
        finally:
            if self.show_time:
                self.print_times(self.session.stats.units_compiled - before, time.perf_counter() - t0)

    def _compile_input(self, source: str) -> tuple[ast.Interactive, bool]:
        """The input's tree, compiled as python3 -i compiles it (its errors and
        warnings shown), and whether its compiler warned: the session compiles
        its statements again, and those warnings are then not to show again.
        (No warnings filter is left in place for the run of other inputs.)"""
        flags = self.session.future_flags
        with _recursion_as_in_python3():
            _COMPILE(source, "<stdin>", "single", flags, dont_inherit=True)
            with _filtering("ignore", Warning), _filtering("error", SyntaxWarning, "<stdin>"):
                warned = isinstance(_compile_error(source, flags), SyntaxError)
        with _filtering("ignore", Warning):  # (the parser's were shown just now)
            tree = compile(source, "<stdin>", "single", flags | _ONLY_AST, dont_inherit=True)
        return tree, warned

    def print_times(self, new_units: int, wall: float) -> None:
        units = self.session.units[-new_units:] if new_units else []
        totals = {p: sum(getattr(u.times, p) for u in units) * 1e3 for p in PHASES}
        parts = ", ".join(f"{PHASE_TITLES[p]} {totals[p]:.3f}" for p in PHASES)
        print(f"[{new_units} unit(s) compiled; ms: {parts}; wall {wall * 1e3:.1f}]", file=self.out)

    # -- commands -------------------------------------------------------------------------
    def command(self, line: str) -> None:
        name, _, arg = line[1:].partition(" ")
        arg = arg.strip()
        handler = getattr(self, f"cmd_{name}", None)
        if handler is None:
            print(f"unknown command ':{name}' (try :help)", file=self.out)
            return
        handler(arg)

    def cmd_help(self, arg: str) -> None:
        print(HELP, file=self.out)

    def cmd_quit(self, arg: str) -> None:
        raise SystemExit(0)

    def _units(self, arg: str) -> list:
        if arg:
            records = self.session.rt.function_records(arg)
            if not records:
                print(f"no compiled specializations of {arg!r}", file=self.out)
            return records
        if not self.session.units:
            print("no unit compiled yet", file=self.out)
            return []
        return [self.session.units[-1]]

    def cmd_ir(self, arg: str) -> None:
        for u in self._units(arg):
            print(f"; {u.kind} {u.name}\n{u.ir}", file=self.out)

    def cmd_asm(self, arg: str) -> None:
        for u in self._units(arg):
            print(f"# {u.kind} {u.name}\n{u.asm or '(not kept)'}", file=self.out)

    def cmd_time(self, arg: str) -> None:
        if arg not in ("on", "off"):
            print("usage: :time on|off", file=self.out)
            return
        self.show_time = arg == "on"
        print(f"phase times {arg}", file=self.out)

    def cmd_stats(self, arg: str) -> None:
        from modjit.driver.report import print_stats

        print_stats(self.session, file=self.out)
        print(f"resident memory: {_rss_mib():.1f} MiB", file=self.out)

    def cmd_engine(self, arg: str) -> None:
        if arg not in ("mcjit", "orc"):
            print(f"usage: :engine mcjit|orc (now {self.session.engine_name})", file=self.out)
            return
        try:
            self.session.set_engine(arg)
        except (ImportError, ValueError, RuntimeError) as exc:
            print(f"cannot switch to {arg}: {exc}", file=self.out)
            return
        print(f"engine: {arg}", file=self.out)


def banner() -> str:
    from modjit import __version__

    return (f"modjit {__version__} (Python {sys.version.split()[0]}, LLVM via llvmlite) -- "
            "':help' for commands")


def run_pipe(console: Console, stream: TextIO) -> int:
    """Pipe mode, as `python3 -i < script`: prompts on stderr, values on stdout.
    Lines are read as bytes and decoded one by one, as python3 reads them: a
    line that is not valid text is an error of the input it ends, not of the session."""
    print(banner(), file=sys.stderr)
    hide_own_frames(extra=PROGRAM_DEPTH)
    raw_stream, encoding = stream.buffer, stream.encoding or "utf-8"
    more = False
    try:
        while True:
            sys.stderr.write(str(sys.ps2) if more else str(sys.ps1))  # (before reading, as python3)
            sys.stderr.flush()
            try:
                raw = read_line(raw_stream)
            except KeyboardInterrupt:  # Ctrl-C at the prompt: the open input is dropped
                sys.stderr.write("\nKeyboardInterrupt\n")
                console.reset()
                more = False
                continue
            if not raw:
                break
            try:
                line = raw.decode(encoding)
            except UnicodeDecodeError as exc:
                console.push_undecodable(exc)
                more = False
                continue
            if line.endswith("\n") or line.endswith("\r"):  # (a CR ends a line for python3's tokenizer)
                more = console.push(line[:-2] if line.endswith("\r\n") else line[:-1])
            else:  # the last line, cut short: python3 reads on for the rest of it
                more = console.push_unfinished(line)
        sys.stderr.write("\n")
        if more and console.finish():  # end of input at a '... ' prompt: python3 ends the line
            sys.stderr.write(f"{sys.ps1}\n")  # and runs what is open
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    return 0


def read_line(stream: BinaryIO) -> bytes:
    """A line as python3 -i reads it (C strings): a NUL byte ends the text read
    so far, and the next line is read on to the same line."""
    line = stream.readline()
    while b"\0" in line:
        rest = stream.readline()
        line = line[:line.index(b"\0")] + rest
        if not rest:
            break
    return line


# -- judging input as CPython's interactive parser does ------------------------------------

MORE = "more"  # judge(): the parser reads another line
COMPLETE = "complete"  # judge(): one statement, to compile and run

_ONLY_AST = 0x400  # ast.PyCF_ONLY_AST
_DONT_IMPLY_DEDENT = 0x200  # the end of the text does not close blocks
_ALLOW_INCOMPLETE_INPUT = 0x4000  # "incomplete input" when the parser fails at the end of the text
_PROBE = _ONLY_AST | _DONT_IMPLY_DEDENT | _ALLOW_INCOMPLETE_INPUT

# After the lines read, a backslash alone at the start of a line: the first
# token the parser takes from it is an error at the end of the text (so it
# fails there: "incomplete input"), it makes no indentation tokens, and a
# statement complete without it leaves text behind ("multiple statements").
_NEXT_LINE_UNKNOWN = "\\\n"


def judge(lines: list[str], flags: int = 0) -> object:
    """What CPython's interactive parser makes of `lines`, the input so far
    (the first not blank): MORE (it reads another line), COMPLETE, or the
    SyntaxError it reports.  It parses as the lines come, so it needs another
    line exactly when it asks for a token past the last one read."""
    if lines[-1] == "" and _ends_clean(lines[:-1]):
        return COMPLETE  # a completely empty line: the blocks end (run_input reports what is wrong)
    text = _text(lines)
    exc = _probe(text, flags)
    if not isinstance(exc, SyntaxError) or exc.msg.startswith("multiple statements found"):
        return COMPLETE  # (a MemoryError, a RecursionError: compiling it again reports it)
    if exc.msg == "incomplete input":
        return MORE
    exc = _error_as_reported(text, len(lines), flags) or exc
    return _on_its_line(_with_its_warnings(exc, text, flags), text)


def _probe(text: str, flags: int, quiet: bool = True) -> Exception | None:
    """What compiling `text` raises where the line after it is not known yet
    (its warnings not shown: they come once, when the input is compiled to run)."""
    with _filtering("ignore", Warning) if quiet else contextlib.nullcontext():
        return _compile_error(text + _NEXT_LINE_UNKNOWN, flags | _PROBE)


def _compile_error(text: str, flags: int) -> Exception | None:
    """What compiling `text` as an interactive input raises."""
    try:
        _COMPILE(text, "<stdin>", "single", flags, dont_inherit=True)
    except Exception as exc:  # noqa: BLE001 - SyntaxError, MemoryError, RecursionError
        return exc
    return None


def _error_as_reported(text: str, n_lines: int, flags: int) -> SyntaxError | None:
    """The error python3 -i reports for `text`, where its parser failed before
    the end.  It then parses the text again to word the error, and that second
    pass reads no further line: it finds the end of the input there, as
    compile() finds it at the end of `text` (which closes blocks as python3
    does)...  except in brackets, where compile() says "'(' was never closed":
    a token no rule takes ('$') stands for the end there, and closing
    brackets after it keep compile() from that message."""
    closers = _closers(text)
    with _filtering("ignore", Warning):
        exc = _compile_error(text + "$" + closers + "\n" if closers else text, flags | _ONLY_AST)
    if not isinstance(exc, SyntaxError) or not 1 <= (exc.lineno or 0) <= n_lines:
        return None
    return _first_error(exc, text, flags)


def _first_error(exc: SyntaxError, text: str, flags: int) -> SyntaxError:
    """compile() reads the text to its end after the parser's error, and an
    error its tokenizer finds there (unmatched ')', an unterminated string)
    takes its place; python3 -i reads no further than the parser did.  Where
    the parser fails in the text before the error reported, that failure is
    python3's error."""
    for _ in range(4):  # (each error found is earlier than the last)
        cut = _text_before(exc, text)
        again = _probe(cut, flags) if cut is not None else None
        if (not isinstance(again, SyntaxError) or again.msg == "incomplete input"
                or again.msg == "unexpected EOF while parsing" or again.msg.endswith("was never closed")
                or not _earlier(again, exc)):
            break  # (the parser reads as far as the error: it is python3's)
        exc = _on_line_of(again, text)
    return exc


def _with_its_warnings(exc: SyntaxError, text: str, flags: int) -> SyntaxError:
    """The warnings python3 -i shows before it reports `exc` (an invalid
    escape, '1if'), those of the text its tokenizer read: to the end of the
    error (and of a number or name running on from it); one of them the
    program makes an error is reported instead."""
    lines = text.split("\n")
    lineno, offset = exc.end_lineno or exc.lineno, exc.end_offset
    if not lineno or not 1 <= lineno <= len(lines):
        return exc
    line = lines[lineno - 1]
    end = offset - 1 if offset and offset > 0 else len(line)
    while end < len(line) and (line[end].isalnum() or line[end] == "_"):
        end += 1
    read = "\n".join(lines[:lineno - 1] + [line[:end]])
    shown = _probe(read, flags, quiet=False)
    if (isinstance(shown, SyntaxError) and _earlier(shown, exc)
            and shown.args != getattr(_probe(read, flags), "args", None)):
        return _on_line_of(shown, text)
    return exc


def _on_line_of(exc: SyntaxError, text: str) -> SyntaxError:
    """`exc`, found in a part of `text`, showing its line of the whole."""
    lines = text.split("\n")
    if exc.lineno and 1 <= exc.lineno <= len(lines):
        exc.text = lines[exc.lineno - 1] + "\n"
    return exc


def _text_before(exc: SyntaxError, text: str) -> str | None:
    """`text` up to where `exc` is placed; None where it is placed nowhere."""
    lines = text.split("\n")
    if not exc.lineno or not 1 <= exc.lineno <= len(lines) or not exc.offset or exc.offset < 1:
        return None
    return "\n".join(lines[:exc.lineno - 1] + [lines[exc.lineno - 1][:exc.offset - 1]])


def _earlier(a: SyntaxError, b: SyntaxError) -> bool:
    return (a.lineno or 0, a.offset or 0) < (b.lineno or 0, b.offset or 0)


def _on_its_line(exc: SyntaxError, text: str) -> SyntaxError:
    """compile() shows all the lines a backslash joins; python3 -i the error's own line."""
    if "\n" in (exc.text or "").removesuffix("\n") and exc.lineno:
        lines = text.split("\n")
        if 1 <= exc.lineno <= len(lines):
            exc.text = lines[exc.lineno - 1] + "\n"
    return exc


def _at_empty_line(exc: SyntaxError, lineno: int) -> None:
    """An error at the empty line that ended the input: compile() places it at
    the end of the text; python3 -i at the line's own tokens, its NEWLINE (a
    caret at column 0) or the DEDENT before it (no caret)."""
    if exc.lineno != lineno:
        return
    if exc.msg == "unexpected unindent":
        exc.offset = exc.end_offset = 0
    elif not exc.offset and not isinstance(exc, IndentationError):
        exc.offset, exc.end_offset = 1, 2


class _recursion_as_in_python3:  # noqa: N801 - used as `with _recursion_as_in_python3():`
    """CPython's compiler may nest as deep as the recursion limit less the
    levels in use (times 3).  python3 -i compiles an input from its C loop,
    with none in use; it is compiled _INPUT_DEPTH levels below run_pipe, and
    hide_own_frames set the limit for the program's code, PROGRAM_DEPTH levels
    below: the limit, less the difference, gives the compiler python3's room."""

    __slots__ = ("limit",)

    def __enter__(self) -> None:
        self.limit = sys.getrecursionlimit()
        sys.setrecursionlimit(max(1, self.limit - (PROGRAM_DEPTH - _INPUT_DEPTH)))

    def __exit__(self, *exc: object) -> None:
        sys.setrecursionlimit(self.limit)


def undecodable_line_error(exc: UnicodeDecodeError, lines: list[str]) -> SyntaxError:
    """The SyntaxError python3 -i reports for a line it cannot decode: placed
    after the last token it read (nowhere, line 0, in a new input)."""
    msg = f"(unicode error) {exc}"
    code = [(n, ln) for n, ln in enumerate(lines, 1) if not _is_blank(ln)]
    if not code:
        return SyntaxError(msg, ("<stdin>", 0, 0, "", 0, 0))
    lineno, line = code[-1]
    return SyntaxError(msg, ("<stdin>", lineno, len(line) + 1, line + "\n", lineno, len(line) + 1))


def _fails_before_the_end(exc: SyntaxError, lines: list[str], line: str, flags: int) -> bool:
    """Does python3's parser fail (first with `exc`) before its tokenizer
    needs more than `line`, the last of the input, with no newline?  It needs
    more to end a token at the very end of the line, or to find the one after
    the line's last.  So the parser fails before if it fails on the text cut
    there, with the rest unknown."""
    if isinstance(exc, IndentationError) and not exc.msg.startswith("expected"):
        return True  # (found at the start of the line, before its tokens)
    spans = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(line).readline):
            if tok.type in (tokenize.NEWLINE, tokenize.NL, tokenize.COMMENT, tokenize.ENDMARKER,
                            tokenize.INDENT, tokenize.DEDENT):
                continue
            spans.append((tok.start[1], tok.end[1]))
            if tok.type == tokenize.ERRORTOKEN and tok.string[:1] in "'\"":
                spans[-1] = (tok.start[1], len(line))  # (a string not closed: to the end of the line)
                break
    except tokenize.TokenError as error:
        if "string" in error.args[0]:  # (a triple-quoted string open to the end)
            spans.append((error.args[1][1], len(line)))
    except SyntaxError:
        pass
    if not spans:
        return False
    last_start, last_end = spans[-1]
    cut = last_start if last_end == len(line) else last_end
    again = _probe(_text(lines) + line[:cut], flags)
    return not (isinstance(again, SyntaxError) and again.msg == "incomplete input")


def _text(lines: list[str]) -> str:
    return "".join(line + "\n" for line in lines)


def _is_blank(line: str) -> bool:
    """Blanks, perhaps a comment: no token for the parser."""
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def _ends_clean(lines: list[str]) -> bool:
    """Do `lines` end outside any string, bracket or backslash continuation?
    (Only there is an empty line the end of a block.)"""
    try:
        for _ in tokenize.generate_tokens(io.StringIO(_text(lines)).readline):
            pass
    except tokenize.TokenError:  # EOF in a multi-line string or statement
        return False
    except SyntaxError:  # (an indentation error: compiling it reports it)
        return True
    return True


def _no_indentation(line: str) -> bool:
    """A blank line, cut short, that makes no indentation: a comment, or no
    blank after a form feed (which puts the column back to 0)."""
    rest = line.rsplit("\x0c", 1)[-1]
    return _is_blank(line) and (rest == "" or rest.strip().startswith("#"))


def _in_long_string(lines: list[str]) -> bool:
    """Do `lines` end in a triple-quoted string?"""
    try:
        for _ in tokenize.generate_tokens(io.StringIO(_text(lines)).readline):
            pass
    except tokenize.TokenError as exc:
        return "string" in str(exc.args[0])
    except SyntaxError:
        pass
    return False


def _closers(text: str) -> str:
    """The brackets that close those left open at the end of `text`."""
    pairs = {"(": ")", "[": "]", "{": "}"}
    open_: list[str] = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(text).readline):
            if tok.type == tokenize.OP and tok.string in pairs:
                open_.append(pairs[tok.string])
            elif tok.type == tokenize.OP and tok.string in ")]}" and open_:
                open_.pop()
    except (tokenize.TokenError, SyntaxError):
        pass
    return "".join(reversed(open_))


class _filtering:  # noqa: N801 - used as `with _filtering(...)`, like a function
    """A warnings filter put first for a while: `action` for warnings of
    `category` (from `module`, where given).  Not warnings.catch_warnings: that
    also makes every warning shown once so far show again (it resets the
    registries the default filter keeps), which python3's REPL never does."""

    __slots__ = ("filter",)

    def __init__(self, action: str, category: type[Warning], module: str | None = None) -> None:
        self.filter = (action, None, category, re.compile(re.escape(module) + r"\Z") if module else None, 0)

    def __enter__(self) -> None:
        warnings.filters.insert(0, self.filter)  # type: ignore[attr-defined]  # (a list)

    def __exit__(self, *exc: object) -> None:
        filters: list = warnings.filters  # type: ignore[assignment]  # (the program may have replaced it)
        for i, item in enumerate(filters):
            if item is self.filter:
                del filters[i]
                break


def _rss_mib() -> float:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return 0.0


def _interactive_main() -> types.ModuleType:
    """The session's namespace as CPython's REPL has it: the module
    sys.modules["__main__"] (pickle and `import __main__` find its names),
    with a REPL's globals, sys.argv [''] and sys.ps1/ps2."""
    import builtins

    module = types.ModuleType("__main__")
    module.__dict__.update({"__loader__": importlib.machinery.BuiltinImporter,
                            "__annotations__": {}, "__builtins__": builtins})
    sys.modules["__main__"] = module
    sys.argv = [""]
    if sys.path and sys.path[0] != "":
        sys.path[0] = ""  # (python3 -i: the current directory; modjit's was its own bin)
    sys.ps1, sys.ps2 = ">>> ", "... "
    return module
