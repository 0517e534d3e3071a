"""The engine interface: add a module, look up a symbol, release it, report timings.

MCJIT (default) and ORC LLJIT implement it; the pipeline, the REPL and the
benchmark do not care which one they hold.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

PHASES = ("irgen", "parse", "opt", "codegen", "lookup", "run")
PHASE_TITLES = {
    "irgen": "IR generation",
    "parse": "IR parse/verify",
    "opt": "optimisation",
    "codegen": "codegen+link",
    "lookup": "symbol lookup",
    "run": "execution",
}


class PhaseTimes:
    """Seconds spent in each phase of compiling (and running) units."""

    __slots__ = PHASES

    def __init__(self) -> None:
        self.irgen = self.parse = self.opt = self.codegen = self.lookup = self.run = 0.0

    def add(self, other: PhaseTimes) -> None:
        self.irgen += other.irgen
        self.parse += other.parse
        self.opt += other.opt
        self.codegen += other.codegen
        self.lookup += other.lookup
        self.run += other.run

    @property
    def compile_total(self) -> float:
        return self.irgen + self.parse + self.opt + self.codegen + self.lookup

    def as_dict(self) -> dict[str, float]:
        return {name: getattr(self, name) for name in PHASES}

    @contextmanager
    def timing(self, phase: str) -> Iterator[None]:
        t0 = time.perf_counter()
        try:
            yield
        finally:
            setattr(self, phase, getattr(self, phase) + time.perf_counter() - t0)


class UnitHandle:
    """One module inside an engine, compiled at `tier` (engine/tiers.py)."""

    def __init__(self, name: str, tier: str, ir: str = "") -> None:
        self.name = name
        self.tier = tier
        self.times = PhaseTimes()
        self.ir = ir
        self.asm: str | None = None
        self.released = False
        self.owner: object = None  # engine-private bookkeeping


class Engine(Protocol):
    name: str

    def add_module(self, ir: str, name: str, tier: str, keep_asm: bool = False) -> UnitHandle:
        """Parse, verify, optimise (per tier) and compile `ir`; ready for lookup."""
        ...

    def lookup(self, handle: UnitHandle, symbol: str) -> int:
        """The address of `symbol` defined by the unit `handle`."""
        ...

    def release(self, handle: UnitHandle) -> None:
        """The unit's code will not run again: free what the engine can."""
        ...

    def stats(self) -> dict[str, int]:
        """Counts for `:stats`: modules alive, modules freed, engines created."""
        ...


ENGINES = ("mcjit", "orc")


def check_engine_name(name: str) -> None:
    if name not in ENGINES:
        raise ValueError(f"unknown engine {name!r} (choose 'mcjit' or 'orc')")


def create_engine(name: str) -> Engine:
    if name == "mcjit":
        from modjit.engine.mcjit import MCJITEngine

        return MCJITEngine()
    if name == "orc":
        from modjit.engine.orc import ORCEngine

        return ORCEngine()
    check_engine_name(name)
    raise AssertionError(name)
