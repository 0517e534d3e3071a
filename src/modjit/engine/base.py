"""The engine interface: add a module, look up a symbol, release it, report timings.

MCJIT (default) and ORC LLJIT implement it; the pipeline, the REPL and the
benchmark do not care which one they hold.
"""

from __future__ import annotations

import time
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

    def timing(self, phase: str) -> _Timing:
        """`with times.timing("parse"): ...` adds the block's seconds to the phase."""
        return _Timing(self, phase)


class _Timing:
    """A class, not a @contextmanager generator: a unit times up to five phases,
    and each generator-based block cost ~2 us of a no-op statement's ~0.9 ms."""

    __slots__ = ("times", "phase", "t0")

    def __init__(self, times: PhaseTimes, phase: str) -> None:
        self.times, self.phase = times, phase

    def __enter__(self) -> None:
        self.t0 = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        times, phase = self.times, self.phase
        setattr(times, phase, getattr(times, phase) + time.perf_counter() - self.t0)


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
