"""MCJIT engine: one module per unit, code freed by retiring whole engines.

MCJIT frees machine code only when its engine is destroyed, so units live in
*generations*: an engine takes units until it holds `GENERATION_SIZE` of them,
then a new engine takes over; once every unit of a retired engine has been
released (its code will never run again), the engine is disposed and its code
memory given back.  Run-once statement units are released right after they
ran, so their generations die quickly; function specializations are released
when replaced.

Each tier (engine/tiers.py) has its own generations, because an MCJIT engine
is bound to one TargetMachine (and thus one codegen level).
"""

from __future__ import annotations

import llvmlite.binding as llvm

from modjit.engine.base import UnitHandle
from modjit.engine.llvm_setup import codegen_for, init_llvm, target_machine
from modjit.engine.tiers import CODEGEN_LEVEL, IR_LEVEL, codegen_tier, is_big, optimise_tier

# Modules per engine before a new engine takes over.  A retired engine's code is
# freed once all its units are released, so a generation bounds the memory that
# released-but-not-yet-freed units hold: run-once statements churn fast (512);
# function specializations live long and are few (64 keeps a redefinition loop
# near its starting memory).
GENERATION_SIZE = {"fast": 512, "light": 64, "opt": 64, "hot": 64, "big": 64}


class _Generation:
    def __init__(self, tier: str) -> None:
        self.tier = tier
        self.tm = target_machine(CODEGEN_LEVEL[tier])
        self._asm_tm: llvm.TargetMachine | None = None
        self.ee = llvm.create_mcjit_compiler(llvm.parse_assembly(""), self.tm)
        self.added = 0
        self.live = 0

    @property
    def asm_tm(self) -> llvm.TargetMachine:
        """A TargetMachine for `emit_assembly` only, made when first asked for
        (~0.3 ms per engine a run that writes no assembly need not pay)."""
        if self._asm_tm is None:
            self._asm_tm = target_machine(CODEGEN_LEVEL[self.tier])
        return self._asm_tm

    def dispose(self) -> None:
        self.ee.close()


def _break_cast_cycle(mod: llvm.ModuleRef) -> None:
    """llvmlite hashes a module (the engine keeps a set of them) through
    ctypes.cast, which leaves its pointer holding itself in its `_objects`:
    2 objects of cyclic garbage per unit, which the program's own gc.collect()
    counted and its collections traversed.  Emptied, the pointer is freed
    with the module."""
    objects = getattr(mod._ptr, "_objects", None)
    if isinstance(objects, dict):
        objects.clear()


class MCJITEngine:
    name = "mcjit"

    def __init__(self) -> None:
        init_llvm()
        self._current: dict[str, _Generation] = {}
        self._retired: list[_Generation] = []
        self.engines_created = 0
        self.engines_freed = 0
        self.modules_added = 0
        self.modules_released = 0

    def _generation(self, tier: str) -> _Generation:
        gen = self._current.get(tier)
        if gen is None or gen.added >= GENERATION_SIZE[tier]:
            if gen is not None:
                self._retire(gen)
            gen = _Generation(tier)
            self._current[tier] = gen
            self.engines_created += 1
        return gen

    def _retire(self, gen: _Generation) -> None:
        if gen.live == 0:
            gen.dispose()
            self.engines_freed += 1
        else:
            self._retired.append(gen)

    def add_module(self, ir: str, name: str, tier: str, keep_asm: bool = False) -> UnitHandle:
        handle = UnitHandle(name=name, tier=tier, ir=ir)
        big = is_big(ir, tier)
        gen = self._generation(codegen_tier(tier, big))
        t = handle.times
        with t.timing("parse"):
            mod = llvm.parse_assembly(ir)
            mod.verify()
        if IR_LEVEL[tier]:
            with t.timing("opt"):
                optimise_tier(mod, gen.tm, tier, big)
        if keep_asm:
            with codegen_for(big):
                handle.asm = gen.asm_tm.emit_assembly(mod)
            handle.ir = str(mod) if IR_LEVEL[tier] else ir
        with t.timing("codegen"), codegen_for(big):
            gen.ee.add_module(mod)
            gen.ee.finalize_object()
        gen.added += 1
        gen.live += 1
        handle.owner = (gen, mod)
        self.modules_added += 1
        return handle

    def lookup(self, handle: UnitHandle, symbol: str) -> int:
        gen: _Generation = handle.owner[0]  # type: ignore[index]
        with handle.times.timing("lookup"):
            addr = gen.ee.get_function_address(symbol)
        if not addr:
            raise KeyError(f"symbol {symbol!r} not found in unit {handle.name}")
        return int(addr)

    def release(self, handle: UnitHandle) -> None:
        if handle.released:
            return
        handle.released = True
        gen: _Generation = handle.owner[0]  # type: ignore[index]
        mod = handle.owner[1]  # type: ignore[index]
        handle.owner = (gen, None)
        gen.ee.remove_module(mod)  # frees the IR now
        _break_cast_cycle(mod)
        mod.close()
        gen.live -= 1
        self.modules_released += 1
        if gen.live == 0 and gen in self._retired:
            self._retired.remove(gen)
            gen.dispose()
            self.engines_freed += 1

    def stats(self) -> dict[str, int]:
        return {
            "modules_added": self.modules_added,
            "modules_alive": self.modules_added - self.modules_released,
            "engines_created": self.engines_created,
            "engines_freed": self.engines_freed,
        }
