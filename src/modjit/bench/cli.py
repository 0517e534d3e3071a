"""`modjit bench ...` sub-commands (placeholder until the benchmark issue lands)."""

from __future__ import annotations

import argparse


def add_bench_commands(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="bench_command", metavar="BENCH")
    lat = sub.add_parser("latency", help="per-module compile latency")
    lat.add_argument("-n", type=int, action="append", help="number of modules (repeatable)")


def run_bench(args: argparse.Namespace) -> int:
    print("benchmarks not implemented yet")
    return 2
