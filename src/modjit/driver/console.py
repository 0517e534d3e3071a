"""The REPL's core, shared by the terminal front end and pipe mode.

    console.push(line)  -> True while the input is incomplete (a block is open)
    console.run_input(src) runs one complete input: each statement a unit

Errors never end the session: a traceback is printed (modjit's own frames
removed) and the namespace keeps every completed assignment.  Lines that start
with ':' are commands (not valid Python at the start of a statement).
"""

from __future__ import annotations

import ast
import codeop
import importlib.machinery
import os
import sys
import time
import traceback
import types
from typing import TextIO

from modjit.driver.run import flush_stdout as _flush
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


class Console:
    def __init__(self, engine: str = "mcjit", jit: bool = True, verbose: bool = False,
                 out: TextIO | None = None, options: JitOptions | None = None) -> None:
        self.session = Session("<stdin>", engine=engine, jit=jit, verbose=verbose, keep_asm=True,
                               options=options, namespace=_interactive_main().__dict__)
        self.out = out or sys.stdout
        self.buffer: list[str] = []
        self.show_time = False
        self._compiler = codeop.CommandCompiler()

    # -- input ---------------------------------------------------------------------
    def push(self, line: str) -> bool:
        """Add a line; run the input once it is complete. True: more lines needed."""
        if not self.buffer and line.strip().startswith(":"):
            self.command(line.strip())
            return False
        if not line.strip() and not _in_long_string(self.buffer):
            line = ""  # a blank (or indentation-only) line ends an open block
        self.buffer.append(line)
        source = "\n".join(self.buffer)
        try:
            incomplete = self._compiler(source, "<stdin>", "single") is None
        except Exception:  # noqa: BLE001 - SyntaxError, RecursionError, ...: run_input reports it
            incomplete = False
        if incomplete:
            return True
        self.buffer = []
        self.run_input(source)
        return False

    def reset(self) -> None:
        self.buffer = []

    def finish(self) -> None:
        """End of input: an input still open is run (CPython reports it as
        incomplete: '(' was never closed)."""
        if self.buffer:
            source, self.buffer = "\n".join(self.buffer), []
            self.run_input(source)

    # -- running ---------------------------------------------------------------------
    def run_input(self, source: str) -> None:
        if all(not ln.strip() or ln.strip().startswith("#") for ln in source.split("\n")):
            return  # blank lines and comments: nothing to run (and not a statement)
        before = self.session.stats.units_compiled
        t0 = time.perf_counter()
        try:
            # one interactive statement, as python3 -i compiles it: a line at
            # column 0 right after a block (no blank line between) is a SyntaxError
            tree = ast.parse(source, "<stdin>", "single")
        except SyntaxError as exc:
            if isinstance(exc, IndentationError):  # python3 -i marks one column, and an
                if exc.msg.startswith("unindent does not match") and exc.offset:  # unindent past the end
                    exc.offset += 1
                exc.end_offset = exc.offset
            traceback.print_exception(type(exc), exc, None, limit=0)
            return
        except RecursionError:  # an expression nested too deep, as CPython words it
            print("RecursionError: maximum recursion depth exceeded during compilation", file=sys.stderr)
            return
        try:
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
    """Pipe mode, as `python3 -i < script`: prompts on stderr, values on stdout."""
    print(banner(), file=sys.stderr)
    more = False
    try:
        while True:
            sys.stderr.write(str(sys.ps2) if more else str(sys.ps1))  # (before reading, as python3)
            sys.stderr.flush()
            try:
                raw = stream.readline()
            except KeyboardInterrupt:  # Ctrl-C at the prompt: the open input is dropped
                sys.stderr.write("\nKeyboardInterrupt\n")
                console.reset()
                more = False
                continue
            if not raw:
                break
            more = console.push(raw.rstrip("\n"))
        sys.stderr.write("\n")
        if more:  # end of input at a '... ' prompt: python3 ends the line and runs what is open
            if console.push(""):
                console.finish()
            sys.stderr.write(f"{sys.ps1}\n")
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    return 0


def _rss_mib() -> float:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return 0.0


def _in_long_string(lines: list[str]) -> bool:
    """Is a triple-quoted string still open at the end of `lines`?  (Its
    whitespace-only lines are text, not the blank line that ends a block.)"""
    import io
    import tokenize

    try:
        for _ in tokenize.generate_tokens(io.StringIO("\n".join(lines) + "\n").readline):
            pass
    except tokenize.TokenError as exc:
        return "string" in str(exc.args[0])
    except SyntaxError:
        return False
    return False


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
