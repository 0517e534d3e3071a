"""Per-session runtime state shared by the compiler and the dispatchers (stub)."""

from __future__ import annotations

from typing import Any


class RuntimeContext:
    def __init__(self, session: Any, engine: Any) -> None:
        self.session = session
        self.engine = engine

    def switch_engine(self, engine: Any) -> None:
        self.engine = engine

    def function_records(self, name: str) -> list:
        """UnitRecords of the compiled specializations of the function bound to `name`."""
        return []
