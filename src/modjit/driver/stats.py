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


def write_stats_json(session: object, path: str) -> None:
    """`--stats-json PATH` (env MODJIT_STATS_JSON): --stats' numbers as JSON,
    for tools (`modjit bench programs`); no table, so no rich import (~50 ms)
    in the run being measured."""
    import json

    s = session.stats  # type: ignore[attr-defined]
    record = {"units_compiled": s.units_compiled, "units_cpython": s.units_cpython,
              "deopts": s.deopts, "cpython_reasons": s.cpython_reasons,
              "internal_errors": s.internal_errors, "promoted": s.promoted,
              "seconds": s.times.as_dict(), "compile_seconds": s.times.compile_total}
    with open(path, "w") as f:
        json.dump(record, f, indent=1)
