"""JIT engines behind one small interface (see base.Engine)."""

from modjit.engine.base import Engine, PhaseTimes, UnitHandle, create_engine

__all__ = ["Engine", "PhaseTimes", "UnitHandle", "create_engine"]
