"""The benchmark commands behave (never their speed: benchmarks are not tests)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REQUIRED = {"config", "n", "ms_per_module", "ms_per_tenth", "growth", "phases", "rss_bytes_per_module"}


def modjit(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "modjit", *args], capture_output=True, text=True,
                          timeout=300, cwd=cwd)


def test_latency_json_and_plot(tmp_path: Path) -> None:
    out, png = tmp_path / "lat.json", tmp_path / "lat.png"
    p = modjit("bench", "latency", "-n", "20", "--config", "llvm-floor", "--config", "seed",
               "--config", "modjit", "--json", str(out), "--plot", str(png))
    assert p.returncode == 0, p.stderr
    records = json.loads(out.read_text())
    assert [r["config"] for r in records] == ["llvm-floor", "seed", "modjit"]
    for r in records:
        assert REQUIRED <= set(r)
        assert r["n"] == 20 and len(r["ms_per_tenth"]) == 10
        assert set(r["phases"]) == {"irgen", "parse", "opt", "codegen", "lookup", "run"}
        assert r["ms_per_module"] > 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "ms/mod" in p.stdout


def test_latency_redefine_config(tmp_path: Path) -> None:
    out = tmp_path / "redef.json"
    p = modjit("bench", "latency", "-n", "20", "--config", "redefine", "--json", str(out))
    assert p.returncode == 0, p.stderr
    (record,) = json.loads(out.read_text())
    assert REQUIRED <= set(record) and record["config"] == "redefine" and record["n"] == 20
    assert record["phases"]["codegen"] > 0  # every step compiled the new definition


def test_latency_bad_options_fail_cleanly() -> None:
    for args in (["-n", "zero"], ["-n", "-5"], ["--config", "nope"]):
        p = modjit("bench", "latency", *args)
        assert p.returncode == 2 and "error:" in p.stderr and "Traceback" not in p.stderr


def test_programs_on_a_small_folder(tmp_path: Path) -> None:
    (tmp_path / "tiny.py").write_text("def f(n):\n    return n * 2\nprint(f(21))\n")
    out = tmp_path / "progs.json"
    p = modjit("bench", "programs", str(tmp_path), "--runs", "1", "--json", str(out))
    assert p.returncode == 0, p.stderr
    (record,) = json.loads(out.read_text())
    assert record["program"] == "tiny.py" and record["outputs_agree"] is True
    assert record["modjit_compile_ms"] is not None and "geometric mean" in p.stdout


def test_programs_reports_a_mismatch(tmp_path: Path) -> None:
    (tmp_path / "clock.py").write_text("import time\nprint(time.perf_counter_ns())\n")
    p = modjit("bench", "programs", str(tmp_path), "--runs", "1")
    assert p.returncode == 1 and "DIFFERS" in p.stdout


def test_programs_empty_folder(tmp_path: Path) -> None:
    p = modjit("bench", "programs", str(tmp_path))
    assert p.returncode == 2 and "no *.py programs" in p.stderr
