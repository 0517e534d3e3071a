"""JIT engines behind one small interface (see base.Engine)."""

from modjit.engine.base import (
    ENGINES,
    Engine,
    PhaseTimes,
    UnitHandle,
    check_engine_name,
    create_engine,
)

__all__ = ["ENGINES", "Engine", "check_engine_name", "PhaseTimes", "UnitHandle", "create_engine"]
