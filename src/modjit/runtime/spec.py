"""A function specialization: one compiled unit for one tuple of argument types."""

from __future__ import annotations

import ctypes
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
    # calls + loop iterations of the baseline code, counted by the code itself
    heat: ctypes.c_int64 = field(default_factory=ctypes.c_int64)
    heat_id: int = 0  # what the baseline code passes to the runtime's promote()
    # the incubator: this specialization's IR as a private copy to inline into
    # callers (text, declarations, helpers), made when a caller first wants it
    incubated: tuple[str, frozenset[str], frozenset[str]] | None = None
    inlined: list[Spec] = field(default_factory=list)  # callees copied into the hot code

    def __post_init__(self) -> None:
        self.int_positions = tuple(i for i, t in enumerate(self.param_types) if t == INT)

    @property
    def heat_address(self) -> int:
        return ctypes.addressof(self.heat)

    @property
    def title(self) -> str:
        return f"{self.jitfn.__name__}({', '.join(map(str, self.param_types))})"

    def args_fit(self, args: tuple[Any, ...]) -> bool:
        for i in self.int_positions:
            if not INT_MIN <= args[i] <= INT_MAX:
                return False
        return True
