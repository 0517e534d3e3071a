"""`modjit bench programs [DIR]`: whole programs under python3, modjit and pypy3.

Whole-process wall time (compile included), median of K runs; outputs must
agree with CPython's.  modjit's compile and execution time come from the
JSON its runs write (MODJIT_STATS_JSON: no --stats table, whose rich import
would add ~50 ms to the time measured).  `--variant ARGS` adds modjit runs with other switches (e.g.
`--variant=--no-inline`), each reported as a time and as its ratio to the
default configuration, whole process and execution alone.
"""

from __future__ import annotations

import compileall
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table


def default_dir() -> Path:
    return Path(__file__).resolve().parents[3] / "benchmarks"


def timed(cmd: list[str], cwd: Path) -> tuple[float, str, dict[str, Any] | None]:
    """Wall seconds, stdout, and (for modjit) the run's --stats numbers."""
    with tempfile.TemporaryDirectory() as tmp:
        stats_path = Path(tmp) / "stats.json"
        env = {**os.environ, "MODJIT_STATS_JSON": str(stats_path)}
        t0 = time.perf_counter()
        p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=600, env=env)
        wall = time.perf_counter() - t0
        stats = json.loads(stats_path.read_text()) if stats_path.exists() else None
    return wall, p.stdout, stats


def commands(prog: Path, modjit_args: list[str], variants: list[str]) -> dict[str, list[str]]:
    modjit = [sys.executable, "-m", "modjit", "run", *modjit_args]
    cmds = {"cpython": [sys.executable, prog.name], "modjit": [*modjit, prog.name]}
    for v in variants:
        cmds[f"modjit {v}"] = [*modjit, *shlex.split(v), prog.name]
    pypy = shutil.which("pypy3")
    if pypy:
        cmds["pypy"] = [pypy, prog.name]
    return cmds


def measure(prog: Path, cmds: dict[str, list[str]], runs: int) -> dict[str, Any]:
    seconds: dict[str, float] = {}
    compile_ms: dict[str, float] = {}
    execution_ms: dict[str, float] = {}
    outputs: dict[str, str] = {}
    for name, cmd in cmds.items():
        walls, compiles, executions = [], [], []
        for _ in range(runs):
            wall, out, stats = timed(cmd, prog.parent)
            walls.append(wall)
            outputs[name] = out
            if stats is not None:
                compiles.append(stats["compile_seconds"] * 1e3)
                executions.append(stats["seconds"]["run"] * 1e3)
        seconds[name] = statistics.median(walls)
        if compiles:
            compile_ms[name] = statistics.median(compiles)
        if executions:
            execution_ms[name] = statistics.median(executions)
    return {
        "program": prog.name, "seconds": seconds, "compile_ms": compile_ms,
        "execution_ms": execution_ms,
        "outputs_agree": all(o == outputs["cpython"] for o in outputs.values()),
        "speedup_vs_cpython": seconds["cpython"] / seconds["modjit"],
        "modjit_compile_ms": compile_ms.get("modjit"),
    }


def run_programs(directory: str | None, runs: int, modjit_args: list[str], json_path: str | None,
                 variants: list[str] | None = None) -> int:
    variants = variants or []
    root = Path(directory) if directory else default_dir()
    progs = sorted(root.glob("*.py"))
    if not progs:
        print(f"modjit bench programs: no *.py programs in {root}", file=sys.stderr)
        return 2
    # each run starts a fresh modjit: its own bytecode must be cached, or every
    # start compiles modjit's sources again (PYTHONDONTWRITEBYTECODE=1 machines)
    compileall.compile_dir(str(Path(__file__).resolve().parents[1]), quiet=1)
    console = Console(stderr=True)
    records = []
    for prog in progs:
        console.print(f"[dim]{prog.name}[/dim]")
        records.append(measure(prog, commands(prog, modjit_args, variants), runs))
    Console(width=None if sys.stdout.isatty() else 200).print(_table(records, runs, variants))
    speedups = [r["speedup_vs_cpython"] for r in records]
    print(f"geometric mean speedup over CPython: {statistics.geometric_mean(speedups):.2f}x")
    for v in variants:
        ratios = [r["seconds"][f"modjit {v}"] / r["seconds"]["modjit"] for r in records]
        print(f"geometric mean time of `{v}` / default: {statistics.geometric_mean(ratios):.2f}")
    if json_path:
        Path(json_path).write_text(json.dumps(records, indent=1))
    return 0 if all(r["outputs_agree"] for r in records) else 1


def _table(records: list[dict[str, Any]], runs: int, variants: list[str]) -> Table:
    table = Table(title=f"whole programs, median of {runs} run(s), seconds (compile included)")
    columns = ["program", "python3", "pypy3", "modjit", "speedup", "compile ms", "exec ms"]
    for v in variants:
        columns += [v, "ratio", "exec ratio"]
    columns.append("output")
    for col in columns:
        table.add_column(col, justify="left" if col == "program" else "right")
    for r in records:
        s, c, e = r["seconds"], r["compile_ms"], r["execution_ms"]
        row = [r["program"], f"{s['cpython']:.3f}", f"{s['pypy']:.3f}" if "pypy" in s else "-",
               f"{s['modjit']:.3f}", f"{r['speedup_vs_cpython']:.1f}x", _ms(c.get("modjit")),
               _ms(e.get("modjit"))]
        for v in variants:
            key = f"modjit {v}"
            row += [f"{s[key]:.3f}", f"{s[key] / s['modjit']:.2f}", _ratio(e.get(key), e.get("modjit"))]
        row.append("same" if r["outputs_agree"] else "[red]DIFFERS[/red]")
        table.add_row(*row)
    return table


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"


def _ratio(a: float | None, b: float | None) -> str:
    return "-" if not a or not b else f"{a / b:.2f}"
