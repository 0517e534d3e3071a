"""The helpers every unit may call (codegen/helpers_ir.SHARED), compiled once
per process into an MCJIT engine of their own that is never freed, and made
known to LLVM by name, as the C API is: units of any session and either
engine link to them.  (One copy per session would leave a later session's
units linked to an earlier one's freed code.)"""

from __future__ import annotations

import functools

import llvmlite.binding as llvm

from modjit.engine.llvm_setup import init_llvm, target_machine

_KEPT: list[object] = []  # the engine and its module: alive as long as the process
ADDRESSES: dict[str, int] = {}  # name -> address (ORC's libraries import them by these)


@functools.cache
def link_shared(ir: str, opt: int = 2) -> None:
    """Compile `ir` (C API symbols registered first; code generation at `opt`)
    and register each function it defines."""
    init_llvm()
    mod = llvm.parse_assembly(ir)
    mod.verify()
    engine = llvm.create_mcjit_compiler(mod, target_machine(opt))
    engine.finalize_object()
    for fn in mod.functions:
        if not fn.is_declaration:
            ADDRESSES[fn.name] = engine.get_function_address(fn.name)
            llvm.add_symbol(fn.name, ADDRESSES[fn.name])
    _KEPT.append((engine, mod))
