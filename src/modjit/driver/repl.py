"""`modjit` / `modjit repl`: the interactive REPL (terminal), or pipe mode when
stdin is not a terminal or with --plain."""

from __future__ import annotations

import sys

from modjit.options import JitOptions


def start_repl(engine: str = "mcjit", jit: bool = True, plain: bool = False, verbose: bool = False,
               options: JitOptions | None = None) -> int:
    from modjit.driver.console import Console, run_pipe

    console = Console(engine=engine, jit=jit, verbose=verbose, options=options)
    # (the terminal REPL needs a terminal to read from, and one to prompt on:
    # stdout, or stderr where stdout is redirected, as python3 prompts there)
    if plain or not sys.stdin.isatty() or not (sys.stdout.isatty() or sys.stderr.isatty()):
        return run_pipe(console, sys.stdin)
    from modjit.driver.console_tty import run_tty

    return run_tty(console)
