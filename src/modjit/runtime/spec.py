"""A function specialization: one compiled unit for one tuple of argument types."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from modjit.frontend.types import BOTTOM, INT, Type
from modjit.runtime.memory import Slot

INT_MIN, INT_MAX = -(2**63), 2**63 - 1


@dataclass(eq=False)
class Spec:
    jitfn: Any
    param_types: tuple[Type, ...]
    symbol: str
    return_type: Type = BOTTOM
    unit: Any = None  # UnitTypes
    slot: Slot = field(default_factory=Slot)
    entry: Any = None  # ctypes function
    handle: Any = None  # engine UnitHandle
    record: Any = None  # UnitRecord
    deps: dict[str, object] = field(default_factory=dict)
    callees: list[Spec] = field(default_factory=list)
    compiled: bool = False
    invalid: bool = False
    deopts: int = 0

    def __post_init__(self) -> None:
        self.int_positions = tuple(i for i, t in enumerate(self.param_types) if t == INT)

    @property
    def title(self) -> str:
        return f"{self.jitfn.__name__}({', '.join(map(str, self.param_types))})"

    def args_fit(self, args: tuple[Any, ...]) -> bool:
        for i in self.int_positions:
            if not INT_MIN <= args[i] <= INT_MAX:
                return False
        return True
