"""One-time LLVM initialisation and the pass pipelines, shared by the engines.

Pass-manager traps (../shared/LLVMLITE-NOTES.md): a PassBuilder reused across
runs slows down every run, a ModulePassManager must never run twice, and its
Python object does not free it.  So every optimisation builds a fresh
PassBuilder + ModulePassManager and frees both explicitly.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager

import llvmlite.binding as llvm
from llvmlite.binding import ffi


@functools.cache
def init_llvm() -> None:
    llvm.initialize_native_target()
    llvm.initialize_native_asmprinter()
    llvm.initialize_native_asmparser()


@functools.cache
def _host() -> tuple[str, str]:
    """The host CPU's name and features (asking LLVM for the features cost 0.4 ms)."""
    return llvm.get_host_cpu_name(), llvm.get_host_cpu_features().flatten()


def target_machine(opt: int) -> llvm.TargetMachine:
    """A fresh TargetMachine (an MCJIT engine takes ownership of the one it gets)."""
    init_llvm()
    target = llvm.Target.from_default_triple()
    cpu, features = _host()
    return target.create_target_machine(
        cpu=cpu,
        features=features,
        opt=opt,
        codemodel="small",
        reloc="pic",  # RIP-relative: JIT memory may lie above 4 GiB
    )


QUICK_PASSES = ("sroa", "instruction_combine", "simplify_cfg", "new_gvn", "instruction_combine",
                "simplify_cfg", "dead_code_elimination")


def optimise_quick(module: llvm.ModuleRef, tm: llvm.TargetMachine) -> None:
    """A short hand-picked pipeline: registers for locals (SROA), folding, CFG cleanup,
    redundancy elimination.  Several times cheaper than O2 on modjit's units."""
    with _pass_builder(tm, 1) as pb:
        _run_list(QUICK_PASSES, module, pb)


BIG_PASSES = ("sroa", "simplify_cfg", "dead_code_elimination")


def optimise_big(module: llvm.ModuleRef, tm: llvm.TargetMachine, inline: bool) -> None:
    """A big unit's pipeline: registers for locals and CFG cleanup only.
    instcombine (and the O2 simplification pipeline, which runs it) is
    superlinear in a long loop body of Python int arithmetic: 300 statements
    of `s = (s + k) % m` spent 1.4-1.8 s in it; without it 4 ms."""
    with _pass_builder(tm, 1) as pb:
        if inline:
            _inline_copies(module, pb)
        _run_list(BIG_PASSES, module, pb)


@contextmanager
def codegen_for(big: bool) -> Iterator[None]:
    """Code generation of a big unit without loop strength reduction: its
    IVUsers analysis was superlinear in a long loop body (0.5 s of a 1.2 s
    code generation at 300 statements); the benchmarks' loops ran as fast
    without it.  (A global LLVM option, set around this unit's code
    generation only; units are compiled one at a time.)"""
    if not big:
        yield
        return
    llvm.set_option("", "-disable-lsr=true")
    try:
        yield
    finally:
        llvm.set_option("", "-disable-lsr=false")


def optimise_inlined(module: llvm.ModuleRef, tm: llvm.TargetMachine) -> None:
    """The hot tier's pipeline: inline the callee copies (marked alwaysinline),
    then LLVM's O2 function simplification pipeline on what is left.  The full
    O2 module pipeline adds its own inliner, attribute inference and the
    vectorizers, which cost 15-25% more compile time on the benchmarks' hot
    units for no run-time gain (README); the quick list instead of the
    simplification pipeline was cheaper still but ran recursive and small
    loop code 25% slower."""
    with _pass_builder(tm, 2) as pb:
        _inline_copies(module, pb)
        _run_on_functions(pb.getFunctionPassManager(), module, pb)


def _inline_copies(module: llvm.ModuleRef, pb: llvm.PassBuilder) -> None:
    """Inline the callee copies (alwaysinline) and drop them."""
    mpm = llvm.create_new_module_pass_manager()
    try:
        mpm.add_always_inliner_pass()
        mpm.add_global_dead_code_eliminate_pass()
        mpm.run(module, pb)
    finally:
        ffi.lib.LLVMPY_DisposeNewModulePassManger(mpm)
        mpm.detach()


def _run_list(names: tuple[str, ...], module: llvm.ModuleRef, pb: llvm.PassBuilder) -> None:
    """Run the function passes `names`, in order, on each function of `module`."""
    fpm = llvm.create_new_function_pass_manager()
    for name in names:
        getattr(fpm, f"add_{name}_pass")()
    _run_on_functions(fpm, module, pb)


def _run_on_functions(fpm: llvm.FunctionPassManager, module: llvm.ModuleRef, pb: llvm.PassBuilder) -> None:
    """Run `fpm` on each function `module` defines, then free it."""
    try:
        for fn in module.functions:
            if not fn.is_declaration:
                fpm.run(fn, pb)
    finally:
        ffi.lib.LLVMPY_DisposeNewFunctionPassManger(fpm)
        fpm.detach()


def optimise(module: llvm.ModuleRef, tm: llvm.TargetMachine, level: int) -> None:
    """Run the default O`level` pipeline on `module` with fresh, freed managers."""
    with _pass_builder(tm, level) as pb:
        mpm = pb.getModulePassManager()
        try:
            mpm.run(module, pb)
        finally:
            ffi.lib.LLVMPY_DisposeNewModulePassManger(mpm)
            mpm.detach()


@contextmanager
def _pass_builder(tm: llvm.TargetMachine, level: int) -> Iterator[llvm.PassBuilder]:
    """A fresh PassBuilder (reusing one slows every run), freed on exit."""
    pto = llvm.create_pipeline_tuning_options(speed_level=level)
    pb = llvm.create_pass_builder(tm, pto)
    try:
        yield pb
    finally:
        pb.close()
        pto.close()
