"""A function specialization: one compiled unit for one tuple of argument types."""

from __future__ import annotations

import ctypes
from typing import Any

from modjit.frontend.types import BOTTOM, INT, Type
from modjit.runtime.memory import Slot

INT_MIN, INT_MAX = -(2**63), 2**63 - 1


class Incubated:
    """A specialization's IR as an internal, always-inline function, kept for
    callers to paste into their modules, with what the copy needs there."""

    __slots__ = ("text", "declarations", "helpers", "slot_callees")

    def __init__(self, text: str, declarations: frozenset[str], helpers: frozenset[str],
                 slot_callees: frozenset[Spec]) -> None:
        self.text = text
        self.declarations = declarations
        self.helpers = helpers
        self.slot_callees = slot_callees  # calls the copy makes through slots


class Spec:
    """One specialization of a function; compared by identity."""

    def __init__(self, jitfn: Any, param_types: tuple[Type, ...], symbol: str) -> None:
        self.jitfn = jitfn
        self.param_types = param_types
        self.symbol = symbol
        self.return_type: Type = BOTTOM
        self.unit: Any = None  # UnitTypes
        self.slot = Slot()
        self.entry: Any = None  # ctypes function, made at the first call from CPython
        self.entry_handle: Any = None  # engine UnitHandle of the entries' module
        self.handle: Any = None  # engine UnitHandle
        self.record: Any = None  # UnitRecord
        self.deps: dict[str, object] = {}
        self.callees: list[Spec] = []
        self.compiled = False
        self.invalid = False
        # calls from CPython (its entries count them), and the count at each of
        # the last MAX_DEOPTS hand-overs: retiring needs them close together
        self.calls = ctypes.c_int64()
        self.deopt_calls: list[int] = []
        # calls + loop iterations of the baseline code, counted by the code itself
        self.heat = ctypes.c_int64()
        self.heat_id = 0  # what the baseline code passes to the runtime's promote()
        # the incubator: this specialization's IR as a private copy to inline into
        # callers (text, declarations, helpers), made when a caller first wants it
        self.incubated: Incubated | None = None
        self.inlined: list[Spec] = []  # callees copied into the hot code
        # specializations this one's code calls through their slots: compiled
        # before it runs (callees that are only inlined are never compiled alone)
        self.slot_callees: set[Spec] = set()
        self.native_def: Any = None  # the PyMethodDef of its native entry (kept alive)
        self.native_address = 0  # the entry itself: the stand-in's vectorcall
        self.native: Any = None  # the function object of its native entry
        # what its native entry tail-calls for other arguments: the stand-in's
        # dispatcher, or the native entry of another specialization (a chain)
        self.next_call: Any = None
        self.next_cell = ctypes.c_void_p()  # its address, as the entry reads it
        self.on_error: Any = None  # runtime handler its native entry calls on errors
        self.defaults: tuple[Any, ...] = ()  # default values its native entry points at
        # the values of its first call's arguments by parameter name, where known
        # (its first code is chosen by how long that call's loops run)
        self.first_args: dict[str, Any] | None = None
        self.infer_seconds = 0.0  # type inference, not yet counted in a unit's IR generation
        self.int_positions = tuple(i for i, t in enumerate(param_types) if t == INT)

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
