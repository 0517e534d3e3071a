"""Human-readable session statistics (`--stats`, `:stats`), as a rich table."""

from __future__ import annotations

import sys
from typing import Any

from modjit.engine.base import PHASE_TITLES, PHASES


def print_stats(session: Any, file: Any = None) -> None:
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:  # (a program's own random.py, imported first, shadows the one rich imports)
        _print_plain(session, file or sys.stderr)
        return
    console = Console(file=file or sys.stderr, highlight=False)
    s = session.stats
    console.print(f"modjit: {s.units_compiled} units compiled, {s.units_cpython} on CPython, "
                  f"{s.deopts} hand-overs at run time")
    for reason in s.cpython_reasons:
        console.print(f"  on CPython: {reason}", markup=False)
    for err in s.internal_errors:
        console.print(f"  {err}", markup=False)
    for name in s.promoted:
        console.print(f"  promoted: {name}", markup=False)
    table = Table(title="compile time per phase")
    table.add_column("phase")
    table.add_column("ms", justify="right")
    for phase in PHASES:
        table.add_row(PHASE_TITLES[phase], f"{getattr(s.times, phase) * 1e3:.2f}")
    table.add_row("total compile", f"{s.times.compile_total * 1e3:.2f}")
    console.print(table)
    if session.rt.engine_started:
        console.print("engine: " + ", ".join(f"{k}={v}" for k, v in session.rt.engine.stats().items()))


def _print_plain(session: Any, file: Any) -> None:
    s = session.stats
    print(f"modjit: {s.units_compiled} units compiled, {s.units_cpython} on CPython, "
          f"{s.deopts} hand-overs at run time", file=file)
    for line in [*(f"on CPython: {r}" for r in s.cpython_reasons), *s.internal_errors,
                 *(f"promoted: {n}" for n in s.promoted)]:
        print(f"  {line}", file=file)
    for phase in PHASES:
        print(f"  {PHASE_TITLES[phase]}: {getattr(s.times, phase) * 1e3:.2f} ms", file=file)
    print(f"  total compile: {s.times.compile_total * 1e3:.2f} ms", file=file)
