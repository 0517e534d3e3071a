"""Differential tests: every program in tests/cases/ runs under CPython and under
`modjit run`; stdout, exit status and the last line of stderr must be equal.

Every engine runs every program; MCJIT also runs them in each compiler mode:
tiered (default), eager promotion (every function promoted at its first call,
so inlined and baseline code both run), single tier, and no inlining.

A program whose first line is `# modjit: strict` also runs with MODJIT_STRICT=1,
which fails if any of its functions or top-level loops ran on CPython: that
proves its kernels were compiled. One whose first line is `# modjit: traceback`
must also print the same whole stderr (its traceback: every frame, compiled
ones included, lines and markers). Adding a program file adds a case.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

CASES = Path(__file__).parent / "cases"
PROGRAMS = sorted(p.name for p in CASES.glob("*.py"))
ENGINES = ["mcjit"] + (["orc"] if importlib.util.find_spec("modjit.engine.orc") else [])
TIMEOUT = 120
MODES = {
    "tiered": (),
    "eager": ("--hot-threshold", "1"),
    "one-tier": ("--no-tier",),
    "no-inline": ("--no-inline", "--hot-threshold", "1"),
}
RUNS = [("mcjit", mode) for mode in MODES] + [(e, m) for e in ENGINES[1:] for m in ("tiered", "eager")]


def run(cmd: tuple[str, ...], strict: bool = False) -> tuple[str, int, str]:
    """stdout, exit status, last line of stderr."""
    out, status, err = run_full(cmd, strict)
    lines = err.strip().splitlines()
    return out, status, lines[-1] if lines else ""


@functools.cache
def run_full(cmd: tuple[str, ...], strict: bool = False) -> tuple[str, int, str]:
    env = dict(os.environ)
    env.pop("MODJIT_STRICT", None)
    if strict:
        env["MODJIT_STRICT"] = "1"
    proc = subprocess.run(list(cmd), cwd=CASES, capture_output=True, text=True, timeout=TIMEOUT,
                          env=env)
    return proc.stdout, proc.returncode, proc.stderr


def cpython(prog: str) -> tuple[str, int, str]:
    return run((sys.executable, prog))


def modjit(prog: str, engine: str, strict: bool = False, mode: str = "tiered") -> tuple[str, int, str]:
    return run((sys.executable, "-m", "modjit", "run", "--engine", engine, *MODES[mode], prog), strict)


def assert_same(prog: str, got: tuple[str, int, str]) -> None:
    want = cpython(prog)
    assert got[0] == want[0], f"stdout differs for {prog}"
    assert got[1] == want[1], f"exit status differs for {prog}: {got[2]}"
    assert got[2] == want[2], f"last stderr line differs for {prog}"


@pytest.mark.parametrize(("engine", "mode"), RUNS, ids=[f"{e}-{m}" for e, m in RUNS])
@pytest.mark.parametrize("prog", PROGRAMS)
def test_same_as_cpython(prog: str, engine: str, mode: str) -> None:
    assert_same(prog, modjit(prog, engine, mode=mode))


STRICT = [p for p in PROGRAMS if (CASES / p).read_text().startswith("# modjit: strict")]


@pytest.mark.parametrize("mode", ["tiered", "eager"])
@pytest.mark.parametrize("prog", STRICT)
def test_strict_kernels_compiled(prog: str, mode: str) -> None:
    assert_same(prog, modjit(prog, "mcjit", strict=True, mode=mode))


TRACEBACKS = [p for p in PROGRAMS if (CASES / p).read_text().startswith("# modjit: traceback")]


@pytest.mark.parametrize(("engine", "mode"), RUNS, ids=[f"{e}-{m}" for e, m in RUNS])
@pytest.mark.parametrize("prog", TRACEBACKS)
def test_same_traceback(prog: str, engine: str, mode: str) -> None:
    cmd = (sys.executable, "-m", "modjit", "run", "--engine", engine, *MODES[mode], prog)
    assert run_full(cmd)[2] == run_full((sys.executable, prog))[2]


def test_corpus_is_large_enough() -> None:
    assert len(PROGRAMS) >= 40 and len(STRICT) >= 10
