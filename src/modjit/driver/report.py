"""Human-readable session statistics (`--stats`, `:stats`), as a rich table."""

from __future__ import annotations

import sys
from typing import Any

from rich.console import Console
from rich.table import Table

from modjit.engine.base import PHASE_TITLES, PHASES


def print_stats(session: Any, file: Any = None) -> None:
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
