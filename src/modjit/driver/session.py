"""A Session runs top-level statements one unit at a time in one namespace.

    session.run_source(src)          # a script: statement after statement
    session.run_statement(stmt, interactive=True)   # one REPL input

Each statement is first offered to the compiler (`pipeline.compile_statement`);
what it rejects is executed by CPython in the same namespace.  Functions that a
statement defines are wrapped in a dispatcher (`runtime.dispatch.JitFunction`)
that compiles a specialization per argument types at the first call.
"""

from __future__ import annotations

import ast
import functools
import os
import sys
import types
import warnings
from typing import Any

from modjit.driver.stats import SessionStats, UnitRecord
from modjit.engine import check_engine_name
from modjit.errors import InternalError, Unsupported
from modjit.options import JitOptions
from modjit.runtime.recursion import compiler_room, restore_recursion_limit

# exec() through a partial, which CPython never specializes: a plain exec()
# call site, once quickened (after ~8 statements), calls exec without counting
# it against the recursion limit, so the program's depth would shift by one
# level after its first statements (run.hide_own_frames counts exec's level).
_EXEC = functools.partial(exec)


_QUIET = [("ignore", None, SyntaxWarning, None, 0), ("ignore", None, DeprecationWarning, None, 0)]


def _compile_quietly(module: ast.mod, filename: str, mode: str, flags: int) -> types.CodeType:
    """_compile_deep without the compiler's warnings.  The filters list is
    changed in place: warnings.catch_warnings() tells the warnings module that
    filters changed, which makes every record of warnings already shown stale
    (a warning shown once per place came again after every statement)."""
    filters = warnings.filters
    if type(filters) is not list:  # (the program's own: the plain way)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SyntaxWarning)
            warnings.simplefilter("ignore", DeprecationWarning)
            return _compile_deep(module, filename, mode, flags)
    filters[:0] = _QUIET
    try:
        return _compile_deep(module, filename, mode, flags)
    finally:
        filters[:] = [f for f in filters if not any(f is q for q in _QUIET)]  # (by identity)


class StrictModeError(BaseException):
    """MODJIT_STRICT=1: a unit that should have compiled was handed to CPython.
    A BaseException: neither the program nor the compiler's safety net may catch it."""


class Session:
    def __init__(
        self,
        filename: str = "<stdin>",
        engine: str = "mcjit",
        jit: bool = True,
        namespace: dict[str, Any] | None = None,
        verbose: bool = False,
        dump_dir: str | None = None,
        keep_asm: bool = False,
        options: JitOptions | None = None,
    ) -> None:
        from modjit.runtime.context import RuntimeContext

        self.filename = filename
        self.jit = jit
        self.verbose = verbose
        self.strict = os.environ.get("MODJIT_STRICT") == "1"
        self.dump_dir = dump_dir
        self.keep_asm = keep_asm or dump_dir is not None
        self.options = options or JitOptions.from_env()
        if namespace is None:
            namespace = {"__name__": "__main__", "__builtins__": __builtins__}
        self.namespace = namespace
        self.future_flags = 0  # from the program's `from __future__ import ...`
        self.stats = SessionStats()
        self.units: list[UnitRecord] = []  # recent units (bounded), for :ir / :asm
        if jit:
            check_engine_name(engine)  # (the engine itself is made when the first unit compiles)
        self.engine_name = engine
        self.rt = RuntimeContext(self, engine if jit else None)

    # -- engines ----------------------------------------------------------
    def set_engine(self, name: str) -> None:
        """Switch engine; compiled functions are recompiled on their next call."""
        self.rt.switch_engine(name)
        self.engine_name = name

    # -- running ----------------------------------------------------------
    def run_source(self, source: str, filename: str | None = None) -> None:
        filename = filename or self.filename
        tree = ast.parse(source, filename)
        for stmt in tree.body:
            self.run_statement(stmt, filename=filename)

    def run_statement(self, stmt: ast.stmt, interactive: bool = False,
                      filename: str | None = None) -> None:
        filename = filename or self.filename
        if self.jit:
            from modjit.pipeline import compile_statement

            try:
                unit = compile_statement(stmt, self.rt, filename, interactive)
            except Unsupported as exc:
                self._handed_over(exc, stmt)
            except InternalError as exc:
                self._internal_error(exc)
            except RecursionError:  # the compiler walks expressions recursively
                self._handed_over(Unsupported("an expression nested too deep to compile", stmt, filename),
                                  stmt)
            except Exception as exc:  # a compiler bug must never kill the program
                self._internal_error(InternalError(f"{type(exc).__name__}: {exc}"))
            else:
                if unit is not None:
                    try:
                        unit.run(interactive)
                    finally:
                        restore_recursion_limit()
                    return
        try:
            self.exec_on_cpython(stmt, interactive, filename)
        finally:
            restore_recursion_limit()

    def exec_on_cpython(self, stmt: ast.stmt, interactive: bool, filename: str) -> None:
        mode = "single" if interactive else "exec"
        module = ast.Interactive([stmt]) if interactive else ast.Module([stmt], [])
        if isinstance(stmt, ast.ImportFrom) and stmt.module == "__future__":
            import __future__

            for alias in stmt.names:  # in force for the rest of the module, as in CPython
                self.future_flags |= getattr(getattr(__future__, alias.name, None), "compiler_flag", 0)
        # (not inheriting modjit's own `from __future__ import annotations`)
        if interactive:
            code = _compile_deep(module, filename, mode, self.future_flags)
        else:  # the whole file's compile() gave its warnings (SyntaxWarning: "is" with a literal) once
            code = _compile_quietly(module, filename, mode, self.future_flags)
        defined = _defined_functions(stmt) if self.jit else []
        previous = {node.name: self.namespace.get(node.name) for node in defined}
        try:
            _EXEC(code, self.namespace)
        finally:
            if self.jit:
                self.wrap_new_functions(stmt)
                self.retire_replaced(previous)

    def wrap_new_functions(self, stmt: ast.stmt) -> None:
        """Replace the plain functions `stmt` defined by compiling dispatchers."""
        from modjit.frontend.unsupported import never_compiles
        from modjit.runtime.dispatch import JitFunction

        for node in _defined_functions(stmt):
            fn = self.namespace.get(node.name)
            if (type(fn) is types.FunctionType and fn.__globals__ is self.namespace
                    and not node.decorator_list and fn.__code__.co_firstlineno == node.lineno):
                # A function that can never compile (a generator, one with `try`)
                # stays the plain function: no stand-in between CPython and it
                # (its calls cost nothing more, and its recursion is as deep as
                # python3's).  Strict mode keeps the stand-in, which fails its calls.
                hopeless = None if self.strict else never_compiles(node, self.filename, self.namespace)
                if hopeless is None:
                    self.namespace[node.name] = JitFunction(fn, self.rt, node)
                else:
                    self.stats.on_cpython(str(hopeless))
                    if self.verbose:
                        print(f"modjit: on CPython: {hopeless}", file=sys.stderr)

    def retire_replaced(self, previous: dict[str, Any]) -> None:
        """A redefined function's old specializations give their code back."""
        from modjit.runtime.dispatch import JitFunction

        for name, old in previous.items():
            if isinstance(old, JitFunction) and self.namespace.get(name) is not old:
                self.rt.retire_function(old)

    # -- reporting --------------------------------------------------------
    def _handed_over(self, exc: Unsupported, stmt: ast.stmt) -> None:
        reason = str(exc)
        self.stats.on_cpython(reason)
        if self.verbose:
            print(f"modjit: on CPython: {reason}", file=sys.stderr)
        if self.strict and _strict_applies(stmt):
            raise StrictModeError(f"MODJIT_STRICT: statement handed to CPython: {reason}")

    def handed_over_function(self, jitfn: object, exc: Unsupported) -> None:
        """A function specialization runs on CPython (reported once per reason)."""
        reason = str(exc)
        self.stats.on_cpython(reason)
        if self.verbose:
            print(f"modjit: on CPython: {reason}", file=sys.stderr)
        if self.strict:
            raise StrictModeError(f"MODJIT_STRICT: function handed to CPython: {reason}")

    def handed_over_at_run_time(self, site: Any, code: int, what: str) -> None:
        """Compiled code stopped at `site` and CPython runs `what` again from its start."""
        from modjit.runtime.errors import HANDOVER_REASONS

        self.stats.deopts += 1
        if self.verbose:
            print(f"modjit: hand-over at {site.file}:{site.line}:{site.col}: {HANDOVER_REASONS[code]}; "
                  f"{what} runs on CPython", file=sys.stderr)

    def _internal_error(self, exc: InternalError) -> None:
        self.stats.internal_errors.append(str(exc))
        self.stats.units_cpython += 1
        if self.verbose:
            print(f"modjit: {exc}", file=sys.stderr)
        if self.strict:
            raise StrictModeError(str(exc))

    def record_unit(self, record: UnitRecord) -> None:
        self.stats.compiled(record)
        self.units.append(record)
        if len(self.units) > 256:
            del self.units[:128]
        if self.dump_dir:
            _dump_unit(self.dump_dir, len(self.stats.cpython_reasons) + self.stats.units_compiled, record)


def _strict_applies(stmt: ast.stmt) -> bool:
    """Strict mode fails loops handed to CPython; defs, imports and plain glue are expected there."""
    return any(isinstance(n, (ast.For, ast.While)) for n in ast.walk(stmt)) and not any(
        isinstance(n, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)) for n in ast.walk(stmt))


def _defined_functions(stmt: ast.stmt) -> list[ast.FunctionDef]:
    """The functions `stmt` defines at module level (in its blocks, not in a
    class).  Only statements are visited, without recursion: an expression
    thousands of levels deep is no concern here."""
    names: list[ast.FunctionDef] = []
    stack: list[ast.AST] = [stmt]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.FunctionDef):
            names.append(node)
            continue
        if isinstance(node, (ast.ClassDef, ast.AsyncFunctionDef)):
            continue
        for field in ("body", "orelse", "finalbody", "handlers", "cases"):
            stack.extend(c for c in getattr(node, field, None) or ()
                         if isinstance(c, ast.stmt | ast.excepthandler | ast.match_case))
    return sorted(names, key=lambda n: (n.lineno, n.col_offset))


def _dump_unit(directory: str, index: int, record: UnitRecord) -> None:
    os.makedirs(directory, exist_ok=True)
    safe = "".join(c if c.isalnum() or c in "._-" else "_" for c in record.name)
    base = os.path.join(directory, f"{index:05d}_{record.kind}_{safe}")
    with open(base + ".ll", "w") as f:
        f.write(record.ir)
    if record.asm:
        with open(base + ".s", "w") as f:
            f.write(record.asm)


def _compile_deep(tree: ast.mod, filename: str, mode: str, flags: int) -> Any:
    """compile() of a statement's tree.  Turning a tree back into CPython's
    own counts against the recursion limit, which compiling the text does
    not: an expression of 1,000 terms that python3 compiles would fail here
    under modjit's deeper stack.  Such a tree gets room (the parser made it,
    so it is at most a few thousand levels deep)."""
    try:
        return compile(tree, filename, mode, flags, True)  # type: ignore[call-overload]
    except RecursionError:
        with compiler_room(10000):
            return compile(tree, filename, mode, flags, True)  # type: ignore[call-overload]
