"""ORC LLJIT engine: one JIT library per unit, freed when the unit is released.

llvmlite's JITLibraryBuilder links IR into a new named library and hands back
a ResourceTracker holding the exported addresses; disposing the tracker frees
the library's code (unlike MCJIT, where code lives as long as its engine).
Addresses are taken from the link itself: a tracker returned by LLJIT.lookup
would clear the whole library when dropped (LLVMLITE-NOTES trap 4).

Tiers (engine/tiers.py): 'fast' units are linked from their IR text as is,
with an O0 code generator; other units are parsed, verified and optimised by
us first, then linked by an LLJIT whose code generator runs at the tier's level.
"""

from __future__ import annotations

import itertools

import llvmlite.binding as llvm

from modjit.engine.base import UnitHandle
from modjit.engine.llvm_setup import codegen_for, init_llvm, target_machine
from modjit.engine.shared import ADDRESSES
from modjit.engine.tiers import CODEGEN_LEVEL, IR_LEVEL, codegen_tier, is_big, optimise_tier


class ORCEngine:
    name = "orc"

    def __init__(self) -> None:
        init_llvm()
        self._jits = {tier: llvm.create_lljit_compiler(target_machine(level))
                      for tier, level in CODEGEN_LEVEL.items()}
        self._opt_tm = target_machine(2)  # for the IR pipeline and emit_assembly only
        self._names = itertools.count(1)
        self.modules_added = 0
        self.modules_released = 0

    def add_module(self, ir: str, name: str, tier: str, keep_asm: bool = False) -> UnitHandle:
        handle = UnitHandle(name=name, tier=tier, ir=ir)
        t = handle.times
        text = ir
        mod = None
        big = is_big(ir, tier)
        if IR_LEVEL[tier] or keep_asm:
            with t.timing("parse"):
                mod = llvm.parse_assembly(ir)
                mod.verify()
            if IR_LEVEL[tier]:
                with t.timing("opt"):
                    optimise_tier(mod, self._opt_tm, tier, big)
                text = str(mod)
                handle.ir = text
            if keep_asm:
                with codegen_for(big):
                    handle.asm = self._opt_tm.emit_assembly(mod)
        builder = llvm.JITLibraryBuilder().add_ir(text).add_current_process()
        for symbol, address in ADDRESSES.items():  # (the process's search does not see add_symbol's)
            builder.import_symbol(symbol, address)
        exports = _defined_functions(text)
        for symbol in exports:
            builder.export_symbol(symbol)
        _hold_array_types(len(exports))
        with t.timing("codegen"), codegen_for(big):
            tracker = builder.link(self._jits[codegen_tier(tier, big)], f"u{next(self._names)}")
        handle.owner = tracker
        self.modules_added += 1
        return handle

    def lookup(self, handle: UnitHandle, symbol: str) -> int:
        with handle.times.timing("lookup"):
            try:
                address = handle.owner[symbol]  # type: ignore[index]
            except KeyError:
                raise KeyError(f"symbol {symbol!r} not found in unit {handle.name}") from None
        if not address:
            raise KeyError(f"symbol {symbol!r} not found in unit {handle.name}")
        return int(address)

    def release(self, handle: UnitHandle) -> None:
        if handle.released:
            return
        handle.released = True
        tracker, handle.owner = handle.owner, None
        tracker.close()  # type: ignore[attr-defined]  # frees the library's code
        self.modules_released += 1

    def stats(self) -> dict[str, int]:
        return {
            "modules_added": self.modules_added,
            "modules_alive": self.modules_added - self.modules_released,
            "libraries_freed": self.modules_released,
        }


def _defined_functions(ir: str) -> list[str]:
    """Names of the functions a module defines with external linkage."""
    names = []
    for line in ir.splitlines():
        if line.startswith("define ") and " internal " not in line and " private " not in line:
            at = line.index("@") + 1
            if line[at] == '"':
                names.append(line[at + 1:line.index('"', at + 1)])
            else:
                names.append(line[at:line.index("(", at)])
    return names


# JITLibraryBuilder.link makes ctypes array types for its arguments (entries,
# exports, imports); ctypes caches them weakly, and a type is a reference
# cycle: 21 objects of cyclic garbage per unit, which the program's own
# gc.collect() counted.  Held here, link finds them in ctypes' cache.
_ARRAY_TYPES: dict[tuple[str, int], type] = {}


def _hold_array_types(exports: int) -> None:
    from llvmlite.binding import orcjit

    for name, n in (("_LinkElement", 2), ("_SymbolAddress", exports), ("_SymbolAddress", len(ADDRESSES))):
        if (name, n) not in _ARRAY_TYPES and hasattr(orcjit, name):
            _ARRAY_TYPES[name, n] = getattr(orcjit, name) * n
