"""The optimisation tiers, shared by the engines: what each unit kind gets.

    fast  run-once top-level statements: no IR passes, O0 code generation
          (a statement whose loops may run long gets `opt`: frontend/trips.py)
    light a loop-free function's first code (baseline): no IR passes, O0 codegen
    opt   the first code of a function with loops (baseline): the quick pass
          list, O2 codegen
    hot   a function promoted after it ran hot, with its small callees copied
          in to be inlined: the copies inlined, then LLVM's O2 function
          simplification pipeline, O2 codegen

Measured on the benchmarks (README): the default O2 IR pipeline cost 3-4x more
than the quick list on a baseline function with no run-time gain there (no
callees to inline); O0 code generation was 3-4x cheaper but ran 1.4-4x slower.
MODJIT_IR_LEVEL=0..3 / MODJIT_CODEGEN_LEVEL=0..3 override the baseline tier;
MODJIT_HOT_IR_LEVEL=1..3 gives the hot tier LLVM's whole O1..O3 pipeline.
"""

from __future__ import annotations

import os

import llvmlite.binding as llvm

from modjit.engine.llvm_setup import optimise, optimise_big, optimise_inlined, optimise_quick

QUICK = 9  # stands for the quick pass list in IR_LEVEL
INLINED = 8  # stands for optimise_inlined
CODEGEN_LEVEL = {"fast": 0, "light": 0, "opt": int(os.environ.get("MODJIT_CODEGEN_LEVEL", "2")),
                 "hot": 2, "big": 0}
IR_LEVEL = {"fast": 0, "light": 0, "opt": int(os.environ.get("MODJIT_IR_LEVEL", str(QUICK))),
            "hot": int(os.environ.get("MODJIT_HOT_IR_LEVEL", str(INLINED)))}


# IR lines from which a unit is big: its IR passes are only SROA and CFG cleanup, and its
# code generation skips loop strength reduction (llvm_setup.optimise_big, codegen_for).
# The benchmarks' biggest units have ~2,000; LLVM's cost grew superlinearly past ~3,000.
BIG_UNIT = 4000


def codegen_tier(tier: str, big: bool) -> str:
    """The tier whose code generation a unit gets: a big unit's is O0's.
    O2's instruction selection and register allocation grew superlinearly
    in a function of 600 branches in a loop (31,000 IR lines): 2.3 s at O2
    (O1: 2.0 s), 0.11-0.15 s at O0, whose code ran its 10,000 iterations in
    36 ms against 10 ms (python3 ran the program in 0.35 s)."""
    return "big" if big else tier


def is_big(ir: str, tier: str) -> bool:
    """Does a unit at `tier` get the big units' pipeline?  (Tiers without IR
    passes have O0 code generation, which runs no loop strength reduction.)"""
    return IR_LEVEL[tier] > 0 and ir.count("\n") > BIG_UNIT


def optimise_tier(module: llvm.ModuleRef, tm: llvm.TargetMachine, tier: str, big: bool = False) -> None:
    level = IR_LEVEL[tier]
    if big:
        optimise_big(module, tm, inline=level == INLINED)
    elif level == QUICK:
        optimise_quick(module, tm)
    elif level == INLINED:
        optimise_inlined(module, tm)
    elif level:
        optimise(module, tm, level)
