"""One latency configuration, measured in a process of its own.

    python -m modjit.bench.latency_worker CONFIG N OUT.json

The experiment: a no-op statement parsed once, then N times turned into a new
module, compiled, looked up and run.  Prints 'progress K' lines for the parent's
progress bar; writes one JSON record.
"""

from __future__ import annotations

import ast
import ctypes
import json
import sys
import time
from collections.abc import Callable

from modjit.engine.base import PHASES, PhaseTimes

STATEMENT = "pass"  # the no-op statement of the original experiment
PLOT_POINTS = 200


def rss_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096


def _load_and_run(ee: object, mod: object, name: str, t: PhaseTimes) -> None:
    """Add the module to the engine, finalize, look the function up and call it."""
    with t.timing("codegen"):
        ee.add_module(mod)  # type: ignore[attr-defined]
        ee.finalize_object()  # type: ignore[attr-defined]
    with t.timing("lookup"):
        addr = ee.get_function_address(name)  # type: ignore[attr-defined]
    with t.timing("run"):
        ctypes.CFUNCTYPE(None)(addr)()


def floor_step() -> Callable[[int], PhaseTimes]:
    """The least llvmlite needs per module: IR text, parse, add, finalize, look up, call."""
    import llvmlite.binding as llvm

    from modjit.engine.llvm_setup import init_llvm

    init_llvm()
    tm = llvm.Target.from_default_triple().create_target_machine(opt=0, codemodel="small")
    ee = llvm.create_mcjit_compiler(llvm.parse_assembly(""), tm)
    def step(i: int) -> PhaseTimes:
        t = PhaseTimes()
        with t.timing("irgen"):
            text = f"define void @f{i}() nounwind {{\n  ret void\n}}\n"
        with t.timing("parse"):
            mod = llvm.parse_assembly(text)
        _load_and_run(ee, mod, f"f{i}", t)
        return t

    return step


def seed_step() -> Callable[[int], PhaseTimes]:
    """The straightforward llvmlite user: llvmlite.ir, the O2 pipeline per module, O2 codegen."""
    import llvmlite.binding as llvm
    from llvmlite import ir

    from modjit.engine.llvm_setup import init_llvm, optimise

    init_llvm()
    tm = llvm.Target.from_default_triple().create_target_machine(opt=2)
    opt_tm = llvm.Target.from_default_triple().create_target_machine(opt=2)
    ee = llvm.create_mcjit_compiler(llvm.parse_assembly(""), tm)

    def step(i: int) -> PhaseTimes:
        t = PhaseTimes()
        with t.timing("irgen"):
            module = ir.Module(name=f"stmt{i}")
            fn = ir.Function(module, ir.FunctionType(ir.VoidType(), []), name=f"f{i}")
            ir.IRBuilder(fn.append_basic_block("entry")).ret_void()
            text = str(module)
        with t.timing("parse"):
            mod = llvm.parse_assembly(text)
            mod.verify()
        with t.timing("opt"):
            optimise(mod, opt_tm, 2)
        _load_and_run(ee, mod, f"f{i}", t)
        return t

    return step


def modjit_step(engine: str) -> Callable[[int], PhaseTimes]:
    """modjit's real statement path: generate the unit, compile, look up, run, release."""
    from modjit.driver.session import Session
    from modjit.pipeline import compile_statement

    session = Session("<bench>", engine=engine)
    stmt = ast.parse(STATEMENT).body[0]

    def step(i: int) -> PhaseTimes:
        unit = compile_statement(stmt, session.rt, "<bench>", False)
        assert unit is not None
        unit.run(False)
        return unit.record.times

    return step


REDEFINITION = "def f(x):\n    return x * 2 + 1\n"


def redefine_step() -> Callable[[int], PhaseTimes]:
    """Redefine a function and call it from CPython: its specialization (and
    the module of its entries) replaces the last one, which must be freed."""
    from modjit.driver.session import Session

    session = Session("<bench>")
    definition = ast.parse(REDEFINITION).body[0]
    totals = session.stats.times

    def step(i: int) -> PhaseTimes:
        before = {p: getattr(totals, p) for p in PHASES}
        session.run_statement(definition)
        session.namespace["f"](i)
        t = PhaseTimes()
        for p in PHASES:
            setattr(t, p, getattr(totals, p) - before[p])
        return t

    return step


CONFIGS: dict[str, Callable[[], Callable[[int], PhaseTimes]]] = {
    "seed": seed_step,
    "llvm-floor": floor_step,
    "modjit": lambda: modjit_step("mcjit"),
    "orc": lambda: modjit_step("orc"),
    "redefine": redefine_step,
}


def measure(config: str, n: int, progress: Callable[[int], None]) -> dict[str, object]:
    step = CONFIGS[config]()
    for i in range(min(50, n)):  # warm-up: first-call costs are not per-module costs
        step(-1 - i)
    per_module: list[float] = []
    totals = PhaseTimes()
    rss0 = rss_bytes()
    tick = max(n // 100, 1)
    for i in range(n):
        t0 = time.perf_counter()
        times = step(i)
        per_module.append(time.perf_counter() - t0)
        totals.add(times)
        if i % tick == 0:
            progress(i)
    rss1 = rss_bytes()
    tenth = max(n // 10, 1)
    tenths = [sum(per_module[k:k + tenth]) / len(per_module[k:k + tenth]) * 1e3
              for k in range(0, tenth * 10, tenth) if per_module[k:k + tenth]]
    stride = max(n // PLOT_POINTS, 1)
    curve = [sum(per_module[k:k + stride]) / len(per_module[k:k + stride]) * 1e3
             for k in range(0, n, stride)]
    return {
        "config": config,
        "n": n,
        "ms_per_module": sum(per_module) / n * 1e3,
        "ms_per_tenth": tenths,
        "growth": tenths[-1] / tenths[0] if tenths and tenths[0] else None,
        "phases": {p: getattr(totals, p) / n * 1e3 for p in PHASES},
        "rss_bytes_per_module": (rss1 - rss0) / n,
        "curve_stride": stride,
        "curve_ms": curve,
    }


def main(argv: list[str]) -> int:
    config, n, out = argv[0], int(argv[1]), argv[2]

    def progress(i: int) -> None:
        print(f"progress {i}", flush=True)

    record = measure(config, n, progress)
    with open(out, "w") as f:
        json.dump(record, f)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
