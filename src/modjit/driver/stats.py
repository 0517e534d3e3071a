"""What a session did: units compiled, units on CPython and why, time per phase."""

from __future__ import annotations

from dataclasses import dataclass, field

from modjit.engine.base import PhaseTimes


@dataclass
class UnitRecord:
    """One unit: a top-level statement or a function specialization."""

    kind: str  # 'statement' | 'function'
    name: str  # e.g. 'prog.py:12' or 'fib(int)'
    ir: str = ""
    asm: str | None = None
    times: PhaseTimes = field(default_factory=PhaseTimes)


@dataclass
class SessionStats:
    units_compiled: int = 0
    units_cpython: int = 0
    # First reason for each unit that ran on CPython: 'prog.py:30:4: 'yield' is not supported'
    cpython_reasons: list[str] = field(default_factory=list)
    internal_errors: list[str] = field(default_factory=list)
    times: PhaseTimes = field(default_factory=PhaseTimes)
    promoted: list[str] = field(default_factory=list)
    deopts: int = 0

    def compiled(self, record: UnitRecord) -> None:
        self.units_compiled += 1
        self.times.add(record.times)

    def on_cpython(self, reason: str) -> None:
        self.units_cpython += 1
        if reason not in self.cpython_reasons:
            self.cpython_reasons.append(reason)
