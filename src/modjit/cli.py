"""The `modjit` command: run a program, start the REPL, dump IR/asm, benchmark."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from modjit.engine.base import ENGINES
from modjit.options import JitOptions

if TYPE_CHECKING:
    import argparse


def _add_run_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--engine", choices=ENGINES, default=os.environ.get("MODJIT_ENGINE", "mcjit"),
                   help="JIT engine (default: mcjit; env MODJIT_ENGINE)")
    p.add_argument("--no-jit", action="store_true", help="run everything on CPython")
    p.add_argument("--stats", action="store_true",
                   help="after the run, print units compiled/on CPython (with reasons) and time per phase")
    p.add_argument("--verbose", action="store_true", help="report every hand-over to CPython as it happens")
    p.add_argument("--dump", metavar="DIR", help="write each unit's LLVM IR and assembly into DIR")
    _add_compiler_options(p)


def _add_compiler_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--no-inline", action="store_true",
                   help="never copy callees into a caller's module for inlining (env MODJIT_INLINE=0)")
    p.add_argument("--no-tier", action="store_true",
                   help="compile every function once, optimised, instead of baseline code first "
                        "and optimised code when hot (env MODJIT_TIER=0)")
    p.add_argument("--hot-threshold", type=int, metavar="N",
                   help="calls + loop iterations before a function is promoted to optimised code "
                        "(default 1000; 256x that for a function with loops whose first call ran "
                        "briefly, which starts with baseline code; env MODJIT_HOT_THRESHOLD)")


def _options(args: argparse.Namespace) -> JitOptions:
    return JitOptions.from_env(inline=False if getattr(args, "no_inline", False) else None,
                               tier=False if getattr(args, "no_tier", False) else None,
                               hot_threshold=getattr(args, "hot_threshold", None))


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="modjit",
        description="A JIT compiler for Python on LLVM: one module per function specialization "
                    "and per top-level statement. With no command, starts the REPL.",
    )
    parser.add_argument("--version", action="store_true", help="print modjit's, Python's and LLVM's versions")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = sub.add_parser("run", help="run a Python program, compiling what it can",
                         description="Run PROG exactly as `python3 PROG ARGS` would, compiling what it can.")
    _add_run_options(run)
    run.add_argument("--stats-json", metavar="PATH",
                     help="after the run, write --stats' numbers (seconds per phase) as JSON to PATH "
                          "(env MODJIT_STATS_JSON)")
    run.add_argument("prog", nargs="?", help="the Python program to run ('-': read it from stdin)")
    run.add_argument("args", nargs=argparse.REMAINDER, help="arguments passed to the program (sys.argv[1:])")

    dump = sub.add_parser("dump", help="run a program and print each unit's LLVM IR and/or assembly",
                          description="Run PROG and print the LLVM IR (--ir) and/or machine code (--asm) of every compiled unit.")
    dump.add_argument("--ir", action="store_true", help="print LLVM IR")
    dump.add_argument("--asm", action="store_true", help="print assembly")
    dump.add_argument("--engine", choices=ENGINES, default="mcjit", help="JIT engine")
    _add_compiler_options(dump)
    dump.add_argument("prog", nargs="?", help="the Python program")
    dump.add_argument("args", nargs=argparse.REMAINDER, help="arguments passed to the program")

    repl = sub.add_parser("repl", help="interactive REPL (the default command)",
                          description="Interactive Python REPL; each input statement is compiled into its own module.")
    _add_run_options(repl)
    repl.add_argument("--plain", action="store_true",
                      help="read statements from stdin without prompt_toolkit (pipe mode)")

    bench = sub.add_parser("bench", help="benchmarks: per-module latency, whole programs",
                           description="Benchmarks (see `modjit bench latency -h`, `modjit bench programs -h`).")
    from modjit.bench.cli import add_bench_commands

    add_bench_commands(bench)
    parser.set_defaults(commands=sub.choices)
    return parser




def _program_args(parser: argparse.ArgumentParser, argv: list[str], command: str) -> list[str] | None:
    """PROG's arguments exactly as given after it (argparse's REMAINDER drops
    a leading '--', which python3 passes on: `prog.py -- -5`), or None."""
    if command not in argv:
        return None
    import argparse

    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    options = sub.choices[command]._option_string_actions
    i = argv.index(command) + 1
    while i < len(argv) and argv[i].startswith("-") and argv[i] != "-":
        name = argv[i].split("=", 1)[0]
        action = options.get(name)
        takes_value = action is not None and action.nargs != 0 and "=" not in argv[i]
        i += 2 if takes_value else 1
    return argv[i + 1:] if i < len(argv) else None


def _versions() -> str:
    import platform

    import llvmlite
    import llvmlite.binding as llvm

    from modjit import __version__

    llvm_version = ".".join(map(str, llvm.llvm_version_info))
    return f"modjit {__version__} (Python {platform.python_version()}, llvmlite {llvmlite.__version__}, LLVM {llvm_version})"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    env_engine = os.environ.get("MODJIT_ENGINE", "mcjit")
    if len(argv) >= 2 and argv[0] == "run" and not argv[1].startswith("-") and env_engine in ENGINES:
        # `modjit run prog.py args...`, no options: no argparse (importing it and
        # building the parser was ~35 ms of a ~120 ms start)
        from modjit.driver.run import run_program

        return run_program(argv[1], argv[2:], engine=env_engine, options=JitOptions.from_env())
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    command_parser = args.commands.get(args.command, parser) if args.command else parser
    if args.version:
        print(_versions())
        return 0
    if unknown:  # (reported with the command's usage, not the top level's)
        command_parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    if args.command in ("run", "dump") and args.prog is None:
        command_parser.error("the following arguments are required: prog")
    engine = getattr(args, "engine", None) or env_engine
    if engine not in ENGINES:  # from MODJIT_ENGINE (argparse checks only the switch)
        parser.error(f"MODJIT_ENGINE: unknown engine {engine!r} (choose 'mcjit' or 'orc')")
    if args.command in ("run", "dump"):
        given = _program_args(parser, argv, args.command)
        if given is not None:
            args.args = given
    if args.command == "run":
        from modjit.driver.run import run_program

        return run_program(args.prog, args.args, engine=args.engine, jit=not args.no_jit,
                           stats=args.stats, verbose=args.verbose, dump_dir=args.dump,
                           options=_options(args), stats_json=args.stats_json)
    if args.command == "dump":
        from modjit.driver.run import dump_program

        return dump_program(args.prog, args.args, ir=args.ir or not args.asm, asm=args.asm,
                            engine=args.engine, options=_options(args))
    if args.command == "bench":
        from modjit.bench.cli import run_bench

        return run_bench(args)
    # default: the REPL
    from modjit.driver.repl import start_repl

    return start_repl(
        engine=engine,
        jit=not getattr(args, "no_jit", False),
        plain=getattr(args, "plain", False),
        verbose=getattr(args, "verbose", False),
        options=_options(args),
    )


if __name__ == "__main__":
    sys.exit(main())
