"""`modjit bench programs [DIR]`: whole programs under python3, modjit and pypy3.

Whole-process wall time (compile included), median of K runs; outputs must
agree with CPython's; modjit's compile time comes from its --stats report.
"""

from __future__ import annotations

import json
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

COMPILE_RE = re.compile(r"total compile\s*\S\s*([\d.]+)")


def default_dir() -> Path:
    return Path(__file__).resolve().parents[3] / "benchmarks"


def timed(cmd: list[str], cwd: Path) -> tuple[float, str, str, int]:
    t0 = time.perf_counter()
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=600)
    return time.perf_counter() - t0, p.stdout, p.stderr, p.returncode


def run_programs(directory: str | None, runs: int, modjit_args: list[str], json_path: str | None) -> int:
    root = Path(directory) if directory else default_dir()
    progs = sorted(root.glob("*.py"))
    if not progs:
        print(f"modjit bench programs: no *.py programs in {root}", file=sys.stderr)
        return 2
    pypy = shutil.which("pypy3")
    console = Console(stderr=True)
    records: list[dict[str, Any]] = []
    mismatches = 0
    for prog in progs:
        console.print(f"[dim]{prog.name}[/dim]")
        cmds = {"cpython": [sys.executable, prog.name],
                "modjit": [sys.executable, "-m", "modjit", "run", *modjit_args, prog.name]}
        if pypy:
            cmds["pypy"] = [pypy, prog.name]
        times: dict[str, float] = {}
        outputs: dict[str, str] = {}
        compile_ms: list[float] = []
        for name, cmd in cmds.items():
            samples = []
            for _ in range(runs):
                wall, out, err, _rc = timed(cmd if name != "modjit" else [*cmd[:4], "--stats", *cmd[4:]], root)
                samples.append(wall)
                outputs[name] = out
                if name == "modjit":
                    m = COMPILE_RE.search(err)
                    if m:
                        compile_ms.append(float(m.group(1)))
            times[name] = statistics.median(samples)
        same = all(o == outputs["cpython"] for o in outputs.values())
        mismatches += not same
        records.append({
            "program": prog.name, "seconds": times, "outputs_agree": same,
            "speedup_vs_cpython": times["cpython"] / times["modjit"],
            "modjit_compile_ms": statistics.median(compile_ms) if compile_ms else None,
        })
    table = Table(title=f"whole programs, median of {runs} run(s), seconds (compile included)")
    for col in ("program", "python3", "modjit", "pypy3", "speedup", "compile ms", "compile %", "output"):
        table.add_column(col, justify="left" if col == "program" else "right")
    for r in records:
        s = r["seconds"]
        c = r["modjit_compile_ms"]
        table.add_row(r["program"], f"{s['cpython']:.3f}", f"{s['modjit']:.3f}",
                      f"{s['pypy']:.3f}" if "pypy" in s else "-", f"{r['speedup_vs_cpython']:.1f}x",
                      f"{c:.0f}" if c is not None else "-",
                      f"{c / 10 / s['modjit']:.0f}%" if c is not None else "-",
                      "same" if r["outputs_agree"] else "[red]DIFFERS[/red]")
    speedups = [r["speedup_vs_cpython"] for r in records]
    Console().print(table)
    print(f"geometric mean speedup over CPython: {statistics.geometric_mean(speedups):.2f}x")
    if json_path:
        Path(json_path).write_text(json.dumps(records, indent=1))
    return 1 if mismatches else 0
