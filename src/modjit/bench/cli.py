"""`modjit bench latency|programs`: argument parsing for the benchmarks."""

from __future__ import annotations

import argparse

CONFIGS = ["seed", "llvm-floor", "modjit", "orc", "redefine"]


def add_bench_commands(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="bench_command", metavar="BENCH", required=True)
    lat = sub.add_parser(
        "latency", help="per-module compile latency of a no-op statement",
        description="Compile a no-op statement into a new module N times (look up, run) per "
                    "configuration: seed (MCJIT + O2 per module, as a plain llvmlite user would), "
                    "llvm-floor (the least llvmlite needs), modjit (the real statement path), "
                    "orc (modjit on ORC LLJIT); and, only when asked for, redefine (a function "
                    "redefined and called from CPython per step: its replaced code must be "
                    "freed). Reports ms/module, growth, phases, memory.")
    lat.add_argument("-n", type=_positive, action="append", metavar="N",
                     help="number of modules (repeatable; default 1000 and 10000)")
    lat.add_argument("--config", choices=CONFIGS, action="append",
                     help="configuration (repeatable; default all but redefine)")
    lat.add_argument("--json", metavar="PATH", help="write the records as JSON")
    lat.add_argument("--plot", metavar="PATH.png", help="plot ms per module against module index")
    progs = sub.add_parser(
        "programs", help="whole programs under python3, modjit and pypy3",
        description="Run each program of DIR (default: the repository's benchmarks/) under "
                    "python3, modjit and pypy3 (if installed); median wall time of --runs runs, "
                    "speedup over CPython, compile share, and whether outputs agree.")
    progs.add_argument("dir", nargs="?", help="folder of *.py programs")
    progs.add_argument("--runs", type=_positive, default=3, help="runs per program (median quoted)")
    progs.add_argument("--modjit-arg", action="append", default=[], metavar="ARG",
                       help="extra argument for `modjit run` (repeatable)")
    progs.add_argument("--variant", action="append", default=[], metavar="ARGS",
                       help="also run modjit with these switches and report the ratio to the "
                            "default, e.g. --variant=--no-inline (repeatable)")
    progs.add_argument("--json", metavar="PATH", help="write the records as JSON")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be positive: {value}")
    return value


def run_bench(args: argparse.Namespace) -> int:
    if args.bench_command == "latency":
        from modjit.bench.latency import DEFAULT_CONFIGS, run_latency

        return run_latency(args.n or [1000, 10000], args.config or DEFAULT_CONFIGS, args.json, args.plot)
    from modjit.bench.programs import run_programs

    return run_programs(args.dir, args.runs, args.modjit_arg, args.json, args.variant)
