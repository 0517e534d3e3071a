"""`modjit run` as a program runner, differential against python3: syntax
errors (the whole stderr, as python3 words them for a file), arguments passed
through verbatim, the main module's docstring and globals.  Each case is a
program's bytes and its arguments."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

CASES = {
    "missing_colon_block": (b"def f(x):\n", []),
    "unindented_return": (b"def f(x):\nreturn x\n", []),
    "return_outside_function": (b"print(1)\nreturn 5\n", []),
    "null_byte": (b"x = 1\n\x00\nprint(x)\n", []),
    "not_utf8": (b'x = "\xff\xfe"\n', []),
    # python3's file tokenizer checks comments too (compile() of the bytes does not)
    "not_utf8_in_a_comment": (b"x = 1\n# \xff\nprint(x)\n", []),
    "latin1_declared": (b"# -*- coding: latin-1 -*-\nx = 1\n# \xff\nprint(x, '\xe9')\n", []),
    "cookie_after_code": (b"x = 1\n# coding: latin-1\nprint(x)\n# \xff\n", []),
    "unknown_encoding": (b"# coding: bogus-enc\nx = 1\n", []),
    "caret_after_wide_chars": ('s = "日本語"; t = (1 +\n'.encode(), []),
    "tab_space_mix": (b"if True:\n        x = 1\n\ty = 2\n", []),
    "leading_double_dash": (b"import sys\nprint(sys.argv[1:])\n", ["--", "-x", "--"]),
    "docstring_and_globals": (b'"""The docstring."""\nimport sys\n'
                              b"print(__doc__, sys.modules['__main__'].__doc__, list(globals()))\n", ["a"]),
    # nothing compiles (str values): modjit never loads LLVM, so llvmlite is as absent as under python3
    "compiles_nothing": (b'import sys\nwords = "a b".split()\nprint(words, "llvmlite" in sys.modules)\n', []),
    # the compiler's warnings once each, as python3 compiles the file once
    "syntax_warnings_once": (b"x = 5\nprint(x is 5)\nassert (x == 2, 'never')\n"
                             b"def f():\n    return x is 5\nprint(f())\n", []),
    # exit status -2: python3 dies by SIGINT after the traceback
    "keyboard_interrupt": (b"def f(n):\n    return n + 1\nprint(f(1))\nraise KeyboardInterrupt\n", []),
}


def run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[str, int, str]:
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=60,
                          env=None if env is None else {**os.environ, **env})
    return proc.stdout, proc.returncode, proc.stderr


@pytest.mark.parametrize("name", sorted(CASES))
def test_runner_same_as_python3(name: str, tmp_path: Path) -> None:
    source, args = CASES[name]
    (tmp_path / "prog.py").write_bytes(source)
    want = run([sys.executable, "prog.py", *args], tmp_path)
    got = run([sys.executable, "-m", "modjit", "run", "prog.py", *args], tmp_path)
    assert got == want


def test_missing_program(tmp_path: Path) -> None:
    want = run([sys.executable, "nope.py"], tmp_path)
    got = run([sys.executable, "-m", "modjit", "run", "nope.py"], tmp_path)
    assert got[1] == want[1] == 2
    assert got[2].split(": ", 1)[1] == want[2].split(": ", 1)[1]  # past the program's own name


def test_program_options_are_the_programs(tmp_path: Path) -> None:
    """`modjit run prog.py --stats -x` (no option of modjit's before the
    program: its fast path, without argparse) passes every argument on."""
    (tmp_path / "prog.py").write_text("import sys\nprint(sys.argv[1:])\n")
    args = ["--stats", "-x", "--", "run", "-"]
    want = run([sys.executable, "prog.py", *args], tmp_path)
    assert run([sys.executable, "-m", "modjit", "run", "prog.py", *args], tmp_path) == want
    stats = run([sys.executable, "-m", "modjit", "run", "--stats", "prog.py", *args], tmp_path)
    assert stats[0].startswith(want[0]) and "units compiled" in stats[0] + stats[2]


def test_stats_as_json(tmp_path: Path) -> None:
    """`--stats-json PATH` (and MODJIT_STATS_JSON, through the fast path) write
    the --stats numbers for tools; the program's output is untouched."""
    import json

    (tmp_path / "prog.py").write_text("def f(n):\n    return n * 2\nprint(f(21))\nprint('x' * 2)\n")
    want = run([sys.executable, "prog.py"], tmp_path)
    by_option = run([sys.executable, "-m", "modjit", "run", "--stats-json", "a.json", "prog.py"], tmp_path)
    env = {**os.environ, "MODJIT_STATS_JSON": str(tmp_path / "b.json")}
    proc = subprocess.run([sys.executable, "-m", "modjit", "run", "prog.py"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60, env=env)
    assert by_option == want == (proc.stdout, proc.returncode, proc.stderr)
    for name in ("a.json", "b.json"):
        record = json.loads((tmp_path / name).read_text())
        assert record["units_compiled"] >= 2 and record["units_cpython"] == 1  # (def, f(int), print(f(21)))
        assert record["compile_seconds"] == pytest.approx(sum(v for k, v in record["seconds"].items() if k != "run"))
        assert record["compile_seconds"] > 0


def test_unknown_engine_in_environment(tmp_path: Path) -> None:
    (tmp_path / "prog.py").write_text("print(1)\n")
    for cmd in (["run", "prog.py"], ["repl", "--plain"]):
        proc = subprocess.run([sys.executable, "-m", "modjit", *cmd], cwd=tmp_path, capture_output=True,
                              text=True, timeout=60, env={**os.environ, "MODJIT_ENGINE": "nope"}, input="")
        assert proc.returncode == 2
        assert proc.stderr.splitlines()[-1] == ("modjit: error: MODJIT_ENGINE: unknown engine 'nope' "
                                                "(choose 'mcjit' or 'orc')")


def test_script_paths_as_python3_names_them(tmp_path: Path) -> None:
    """__file__ is the path given joined to the current directory, unnormalised
    (tracebacks show it so); sys.path[0] is the script's real directory, so a
    script reached through a symlink imports the modules beside its target."""
    real, link = tmp_path / "real", tmp_path / "link"
    real.mkdir()
    link.mkdir()
    (real / "helper.py").write_text("def double(n):\n    return 2 * n\n")
    (real / "main.py").write_text("import sys\nimport helper\nprint(__file__, sys.path[0], sys.argv[0])\n"
                                  "print(helper.double(21))\n")
    (link / "main.py").symlink_to(real / "main.py")
    for path in ("./real/main.py", "real/../real/main.py", "link/main.py"):
        want = run([sys.executable, path], tmp_path)
        assert run([sys.executable, "-m", "modjit", "run", path], tmp_path) == want


def test_directory_with_main_runs_as_python3_runs_it(tmp_path: Path) -> None:
    """`modjit run DIR` (or a zip): its __main__.py, with python3's sys.path
    and argv; a directory without one fails as python3 fails (status 1)."""
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__main__.py").write_text("import sys\nprint('main', sys.argv, sys.path[0])\n")
    (tmp_path / "empty").mkdir()
    for target in ("app", "empty"):
        want = run([sys.executable, target, "x"], tmp_path)
        got = run([sys.executable, "-m", "modjit", "run", target, "x"], tmp_path)
        assert got[:2] == want[:2]
        assert got[2].split(": ", 1)[-1] == want[2].split(": ", 1)[-1]  # (past the interpreter's path)


def test_ctrl_c_in_a_loop_on_cpython(tmp_path: Path) -> None:
    """SIGINT while a top-level loop runs on CPython: its traceback (a frame
    whose line is None between lines) printed as python3 prints it, and the
    process dies by SIGINT; modjit crashed building the traceback."""
    import signal
    import time

    (tmp_path / "prog.py").write_text("d = {}\nfor j in range(10**12):\n    if j % 7 == 0:\n        d[0] = j\n")
    results = []
    for cmd in ([sys.executable, "prog.py"], [sys.executable, "-m", "modjit", "run", "prog.py"]):
        p = subprocess.Popen(cmd, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(2.0)
        p.send_signal(signal.SIGINT)
        _, err = p.communicate(timeout=60)
        results.append((p.returncode, err.strip().splitlines()[-1]))
    assert results[0] == results[1] == (-signal.SIGINT, "KeyboardInterrupt")


@pytest.mark.parametrize("import_first", [True, False])
def test_programs_own_module_named_as_a_standard_one(import_first: bool, tmp_path: Path) -> None:
    """A random.py beside the program: its `import random` is its own, as under
    python3, whether it imports it before or after LLVM loads (llvmlite imports
    the standard random through tempfile), and code still compiles."""
    (tmp_path / "random.py").write_text("def helper():\n    return 4\n")
    body = "def f(n):\n    return n * 2\nprint(f(3))\n"
    imp = "import random\nprint(random.helper(), random.__file__ == __file__.replace('prog', 'random'))\n"
    (tmp_path / "prog.py").write_text(imp + body if import_first else body + imp)
    want = run([sys.executable, "prog.py"], tmp_path)
    got = run([sys.executable, "-m", "modjit", "run", "--stats", "prog.py"], tmp_path)
    assert got[:2] == want[:2]
    assert "2 units compiled" in got[2] or "3 units compiled" in got[2], got[2]


def test_a_modjit_folder_beside_the_program(tmp_path: Path) -> None:
    """A folder named modjit beside the program (a checkout): the engine's own
    modules, imported while LLVM loads, stay loaded once (dropped as the
    program's, they loaded again, and ORC's units looked for the lazily
    compiled random helper in the other copy's table: "Symbols not found")."""
    (tmp_path / "modjit").mkdir()
    (tmp_path / "modjit" / "__init__.py").write_text("")
    (tmp_path / "prog.py").write_text("import random\nrandom.seed(5)\ndef f(n):\n    s = 0.0\n"
                                      "    for _ in range(n):\n        s += random.random()\n    return s\n"
                                      "print(f(100))\n")
    want = run([sys.executable, "prog.py"], tmp_path)
    script = str(Path(sys.executable).parent / "modjit")  # (`-m modjit` would find the folder)
    got = run([script, "run", "--engine", "orc", "prog.py"], tmp_path, {"MODJIT_STRICT": "1"})
    assert got[:2] == want[:2], got[2]
    assert "JIT session error" not in got[2]


@pytest.mark.parametrize("source", [b"import sys\nprint(sys.argv, __name__, __file__, sys.path[0] == '')\n",
                                    b"x = (1 +\n", b"def f(n):\n    return n // 0\nprint(f(3))\n"])
def test_program_from_stdin(source: bytes, tmp_path: Path) -> None:
    """`modjit run - a b` reads the program from stdin, as `python3 - a b` does."""
    def both(cmd: list[str]) -> tuple[bytes, int, bytes]:
        p = subprocess.run(cmd, input=source, cwd=tmp_path, capture_output=True, timeout=60)
        return p.stdout, p.returncode, p.stderr.strip().splitlines()[-1:][0] if p.stderr.strip() else b""

    assert both([sys.executable, "-m", "modjit", "run", "-", "a", "b"]) == both([sys.executable, "-", "a", "b"])


def test_program_from_a_fifo(tmp_path: Path) -> None:
    """A FIFO (or `<(...)`) as the program: read once, as python3 reads it
    (a zip check that read its first bytes left nothing to run, or hung)."""
    import threading

    fifo = tmp_path / "prog.fifo"
    os.mkfifo(fifo)

    def feed() -> None:
        with open(fifo, "wb") as f:
            f.write(b"def f(n):\n    return n * 3\nprint(f(14))\n")

    writer = threading.Thread(target=feed)
    writer.start()
    got = run([sys.executable, "-m", "modjit", "run", str(fifo)], tmp_path)
    writer.join(timeout=10)
    assert got[:2] == ("42\n", 0), got[2]


@pytest.mark.parametrize(("argv", "env", "words"), [
    (["run"], {}, "modjit run: error: the following arguments are required: prog"),
    (["dump"], {}, "modjit dump: error: the following arguments are required: prog"),
    (["run", "--bogus", "p.py"], {}, "modjit run: error: unrecognized arguments: --bogus"),
    (["run", "p.py"], {"MODJIT_HOT_THRESHOLD": "abc"},
     "modjit: MODJIT_HOT_THRESHOLD: expected a whole number of calls, got 'abc'"),
])
def test_command_line_errors_are_located(argv: list[str], env: dict[str, str], words: str, tmp_path: Path) -> None:
    """Bad command lines get the command's own usage and a one-line error, never a traceback."""
    (tmp_path / "p.py").write_text("print(1)\n")
    out, status, err = run([sys.executable, "-m", "modjit", *argv], tmp_path, env)
    assert status in (1, 2) and out == ""
    assert err.splitlines()[-1] == words and "Traceback" not in err


def test_version(tmp_path: Path) -> None:
    from modjit import __version__

    out, status, _ = run([sys.executable, "-m", "modjit", "--version"], tmp_path)
    assert status == 0 and out.startswith(f"modjit {__version__} (Python {sys.version.split()[0]}, llvmlite ")
    assert "LLVM " in out


@pytest.mark.parametrize("how", ["script", "-m"])
def test_standard_module_names_beside_the_program(how: str, tmp_path: Path) -> None:
    """copy.py, enum.py, ... beside a program that never imports them: the
    compiler's own imports (and --stats' report) still find the standard ones
    (before, modjit imported them from the program's folder: extra output, or
    a crash), also as `python -m modjit` from that folder."""
    names = ["copy", "tokenize", "dataclasses", "fractions"]  # (runpy, behind -m, imports enum, re, ...)
    for name in names + (["enum", "re", "operator"] if how == "script" else []):
        (tmp_path / f"{name}.py").write_text(f"print('the program folder\'s {name}.py')\n")
    (tmp_path / "prog.py").write_text("def f(n):\n    return n * 2\nprint(f(21))\n")
    want = run([sys.executable, "prog.py"], tmp_path)
    command = [str(Path(sys.executable).parent / "modjit")] if how == "script" else [sys.executable, "-m", "modjit"]
    got = run([*command, "run", "--stats", "prog.py"], tmp_path)
    assert got[:2] == want[:2], got[2]
    assert "1 units compiled" in got[2] or "2 units compiled" in got[2], got[2]


def test_programs_own_modules_named_as_ones_modjit_loaded(tmp_path: Path) -> None:
    """token.py, copy.py, traceback.py, textwrap.py beside the program, which
    python3 has not loaded when a program begins but modjit had for itself:
    the program's imports find its own (they found the standard ones), and
    modjit still compiles, raises from compiled code and prints tracebacks."""
    for name in ("token", "copy", "traceback", "textwrap"):
        (tmp_path / f"{name}.py").write_text(f"def which():\n    return 'own {name}'\n")
    (tmp_path / "prog.py").write_text(
        "import token, copy, traceback, textwrap\n"
        "print(token.which(), copy.which(), traceback.which(), textwrap.which())\n"
        "def f(n):\n    s = 0\n    for i in range(n):\n        s += 10 // (n - i - 1)\n    return s\n"
        "print(f(5))\nprint(f(6))\n")
    want = run([sys.executable, "prog.py"], tmp_path)
    got = run([sys.executable, "-m", "modjit", "run", "--stats", "prog.py"], tmp_path)
    assert got[:2] == want[:2], got[2]
    assert got[2].split("\n")[:5] == want[2].split("\n")[:5]  # (the traceback)
    assert "units compiled" in got[2] and "0 units compiled" not in got[2], got[2]


def test_stats_after_a_low_recursion_limit(tmp_path: Path) -> None:
    """The report's imports (rich) need more levels than a program's limit of 60 left."""
    (tmp_path / "prog.py").write_text("import sys\nsys.setrecursionlimit(60)\n"
                                      "def f(n):\n    return n + 1\nprint(f(2))\n")
    out, status, err = run([sys.executable, "-m", "modjit", "run", "--stats", "prog.py"], tmp_path)
    assert (out, status) == ("3\n", 0), err
    assert "units compiled" in err


def test_loading_llvm_leaves_importlib_resources_to_the_program(tmp_path: Path) -> None:
    """llvmlite finds its library through importlib.resources, whose imports
    (pathlib, tempfile, zipfile, ...) cost ~13 ms of each start: a stand-in
    serves it, and the program sees the modules python3 would have loaded."""
    (tmp_path / "prog.py").write_text(
        "import sys\ntotal = 0\nfor i in range(100):\n    total += i\n"
        "print(total, 'importlib.resources' in sys.modules, 'pathlib' in sys.modules)\n")
    want = run([sys.executable, "prog.py"], tmp_path)
    got = run([sys.executable, "-m", "modjit", "run", "--stats", "prog.py"], tmp_path)
    assert got[:2] == want[:2], got[2]
    assert "units compiled" in got[2] and "0 units compiled" not in got[2], got[2]
