"""`modjit bench latency`: per-module compile latency, configuration by configuration.

Each (configuration, N) runs in a fresh subprocess (latency_worker), so one
configuration's memory and engine state cannot affect another's, and a crash
is reported instead of ending the run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from modjit.engine.base import PHASE_TITLES, PHASES

DEFAULT_CONFIGS = ["seed", "llvm-floor", "modjit", "orc"]


def orc_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("modjit.engine.orc") is not None


def run_latency(ns: list[int], configs: list[str], json_path: str | None, plot_path: str | None) -> int:
    console = Console(stderr=True)
    if "orc" in configs and not orc_available():
        console.print("[yellow]orc: the ORC engine is not available; row skipped[/yellow]")
        configs = [c for c in configs if c != "orc"]
    records: list[dict[str, Any]] = []
    failures = 0
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console) as progress:
        for n in ns:
            for config in configs:
                task = progress.add_task(f"{config:>10} n={n}", total=n)
                record = _run_worker(config, n, lambda i, t=task: progress.update(t, completed=i))
                progress.update(task, completed=n)
                if "error" in record:
                    failures += 1
                    console.print(f"[red]{config} n={n}: {record['error']}[/red]")
                records.append(record)
    print_table(records)
    if json_path:
        with open(json_path, "w") as f:
            json.dump(records, f, indent=1)
    if plot_path:
        plot(records, plot_path)
    return 1 if failures else 0


def _run_worker(config: str, n: int, on_progress: Any) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "record.json")
        proc = subprocess.Popen([sys.executable, "-m", "modjit.bench.latency_worker", config, str(n), out],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("progress "):
                on_progress(int(line.split()[1]))
        err = proc.stderr.read() if proc.stderr else ""
        if proc.wait() != 0 or not os.path.exists(out):
            tail = err.strip().splitlines()[-1:] or [f"exit status {proc.returncode}"]
            return {"config": config, "n": n, "error": tail[0]}
        with open(out) as f:
            return json.load(f)  # type: ignore[no-any-return]


def print_table(records: list[dict[str, Any]]) -> None:
    table = Table(title="per-module latency of a no-op statement (ms; phases in ms per module)",
                  caption="growth = last tenth / first tenth; phases: " + ", ".join(
                      f"{p} = {PHASE_TITLES[p]}" for p in PHASES))
    for col in ("config", "N", "ms/mod", "×floor", "growth", *PHASES, "RSS B/mod"):
        table.add_column(col, justify="left" if col == "config" else "right")
    floors = {r["n"]: r["ms_per_module"] for r in records if r["config"] == "llvm-floor" and "error" not in r}
    for r in records:
        if "error" in r:
            table.add_row(r["config"], str(r["n"]), "failed", *[""] * (len(PHASES) + 3))
            continue
        floor = floors.get(r["n"])
        ratio = f"{r['ms_per_module'] / floor:.2f}" if floor else "-"
        phases = [f"{r['phases'][p]:.3f}" for p in PHASES]
        growth = f"{r['growth']:.2f}" if r.get("growth") else "-"
        table.add_row(r["config"], str(r["n"]), f"{r['ms_per_module']:.3f}", ratio, growth, *phases,
                      f"{r['rss_bytes_per_module']:.0f}")
    Console(width=max(Console().width, 120)).print(table)


def plot(records: list[dict[str, Any]], path: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 5))
    for r in records:
        if "error" in r or not r.get("curve_ms"):
            continue
        xs = [i * r["curve_stride"] for i in range(len(r["curve_ms"]))]
        ax.plot(xs, r["curve_ms"], label=f"{r['config']} (N={r['n']})", linewidth=1)
    ax.set_xlabel("module index")
    ax.set_ylabel("ms per module")
    ax.set_yscale("log")
    ax.set_title("modjit bench latency: one module per no-op statement")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
