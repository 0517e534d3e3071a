"""What a session did: units compiled, units on CPython and why, time per phase."""

from __future__ import annotations

from modjit.engine.base import PhaseTimes


class UnitRecord:
    """One unit: a top-level statement or a function specialization."""

    def __init__(self, kind: str, name: str, ir: str = "", asm: str | None = None,
                 times: PhaseTimes | None = None) -> None:
        self.kind = kind  # 'statement' | 'function'
        self.name = name  # e.g. 'prog.py:12' or 'fib(int)'
        self.ir = ir
        self.asm = asm
        self.times = times if times is not None else PhaseTimes()


class SessionStats:
    def __init__(self) -> None:
        self.units_compiled = 0
        self.units_cpython = 0
        # First reason for each unit that ran on CPython: 'prog.py:30:4: 'yield' is not supported'
        self.cpython_reasons: list[str] = []
        self.internal_errors: list[str] = []
        self.times = PhaseTimes()
        self.promoted: list[str] = []
        self.deopts = 0

    def compiled(self, record: UnitRecord) -> None:
        self.units_compiled += 1
        self.times.add(record.times)

    def on_cpython(self, reason: str) -> None:
        self.units_cpython += 1
        if reason not in self.cpython_reasons:
            self.cpython_reasons.append(reason)
