"""Pipe mode compared with CPython's `python3 -i` on the same input."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

TRANSCRIPTS = {
    "expressions": "x = 1\nx + 1\n2.5 * x\n(x, -0.0)\nNone\n_\n",
    "defs_and_loops": "def f(a):\n    return a * 2\n\nf(3)\nfor i in range(3):\n    f(i)\n\ntotal = 0\nfor i in range(10):\n    total += i\n\ntotal\n",
    "exception_midway": "a = 5\na // 0\na\nimport math\nmath.sqrt(-1)\nprint('after')\n",
    "syntax_error": "def f(:\n    pass\n\n1 + 1\n",
    "redefinition": "def g():\n    return 1\n\ndef h():\n    return g()\n\nh()\ndef g():\n    return 2\n\nh()\n",
    "echo_in_blocks": "for i in range(3):\n    i * 2\n\nfor i in range(2):\n    print(i)\n\nif 1:\n    None\n    7\n\n",
    "overflow_continues": "def fact(n):\n    r = 1\n    for i in range(2, n + 1):\n        r *= i\n    return r\n\nfact(25)\nfact(5)\n",
    "string_echo": "'abc'\n_\n\"x\" + 'y'\n",
    "main_module": "x = 42\nimport __main__\n__main__.x\nclass A:\n    pass\n\n"
                   "import pickle; len(pickle.dumps(A())) > 0\nsorted(dir())\n__doc__\n",
    "blank_lines_in_strings": 's = """a\n   \nb"""\ns\n',
    "last_exception": "1/0\nimport sys\nsys.last_type\nsys.argv\n",
    "open_at_end": "print(1)\n(1,\n",
    "exit_message": "print(1)\nexit('bye')\nprint(2)\n",
    "deep_expressions": "x = " + "+".join(["1"] * 1000) + "\nx\ny = " + "+".join(["1"] * 3000) + "\nprint(2)\n",
    # a line at column 0 right after a block, with no blank line: one SyntaxError for both
    "block_then_statement": "def f(x):\n    return x * 2\nf(3)\nf\nif 1:\n    pass\nprint(1)\nprint(2)\n",
    "indentation_error": "def f():\nreturn 1\nif 1:\n    x = 1\n  y = 2\n",
    "prompts_and_path": 'import sys\nsys.ps1 = "X> "\nsys.ps2 = "| "\nif 1:\n    2\n\nsys.path[0]\n',
    "comments_and_blanks": "# a comment\n\n   \nx = 3  # c\nx\n",
    # an input python3 cannot parse (too deep for its parser) is reported, and the session goes on
    "parser_memory_error": "z = " + "-" * 6000 + "1\nz\nprint(9)\n",
    # only a completely empty line ends a block; one right after a header is an error
    "blank_after_header": "def f():\n\n    return 1\n\nf()\nclass A:\n\n    pass\n\nA\n"
                          "@staticmethod\n\ndef g(): pass\n\ng.__name__\n",
    "whitespace_line_in_block": "if 1:\n    x=1\n    \nx\nif 1:\n    y = 2\n    \n    y += 1\n\ny\n",
    # the compiler's errors come after the whole input is read, once for all of it
    "compiler_errors_after_block": "if 1:\n    break\n    x = 2\n\nprint('next')\nclass C:\n    return 1\n\n"
                                   "x = 1\ndef f():\n    x = 1\n    global x\n\ndef g():\n    nonlocal z\n\n"
                                   "print('end')\n",
    # SyntaxErrors as CPython's own printer shows them
    "syntax_error_display": "x = 1 +\n[1, 2\n3]\nif 1:\n\tx = 1\n        y = 2\n\n(1, 2\nprint('after')\n"
                            "print('x')\n",
    "syntax_warnings_once": "x = 1\nx is 1\nassert (x, 'msg')\ndef f():\n    return x is 2\n\nf()\n",
    "warning_once_per_location": "import warnings\nwarnings.warn('hey')\nwarnings.warn('hey')\n",
    # the program's warnings filters are its own: as python3's while an input runs, and obeyed
    "warnings_filters": "import warnings\nwarnings.filters[0]\nx = 1\nx is 1\nwarnings.filters[0]\n"
                        "warnings.simplefilter('error')\nx is 1\nx = '\\d'\nwarnings.simplefilter('always')\n"
                        "x is 1\nwarnings.warn('a')\nwarnings.warn('a')\n",
    # the console's own frames do not count against the program's recursion limit
    "recursion_depth": "def q(n):\n    return 0 if n == 0 else 1 + q(n - 1)\n\nq(990)\nimport sys\n"
                       "def d(n):\n    try:\n        return d(n + 1)\n    except RecursionError:\n        return n\n\n"
                       "d(0)\nsys.getrecursionlimit()\n",
    "compile_depth_boundary": "x = " + "+".join(["1"] * 2999) + "\nx\ny = " + "+".join(["1"] * 3000) + "\n",
    "no_newline_at_end": "x = 1\nx",
    "comment_without_newline_at_end": "x = 1\n# c",
    "blanks_without_newline_at_end": "x = 1\n   ",
    # where python3 -i places errors at an empty line, and on a line a backslash continues
    "errors_at_empty_lines": "class A:\n    @staticmethod\n\n    def f(): return 1\n\nx = 1 + \\\n\nx\n"
                             "if 1:\n    pass\nelse:\n\nprint(1)\n",
    # python3 -i's parser reads no further than its error: not "'(' was never closed" nor an
    # error of the tokenizer further on; and the warnings of what it read come first
    "errors_where_the_parser_fails": "print(1{1,\n2\n= 1;} y (= 2\nprint('a')intrint('\nx = 1if True e 2int(1)\n"
                                     "fis 1or x in (1, 2):\n1\n",
    "unfinished_line_error": "x = 1\n= ",
    "unfinished_line_in_brackets": "x =( 1\nx",
    "unfinished_string": 'print("abc',
    "parser_warning_once": "x = '\\d'\nx\ndef f():\n    return '\\q'\n\nf()\n",
}

# Inputs that are not UTF-8 text, or hold bytes a text transcript cannot show
BYTE_TRANSCRIPTS = {
    "non_utf8": b'x = 1\ns = "\xff"\nx\nprint("after")\n',
    "non_utf8_in_block": b"if 1:\n    y = 2\n    \xff\n    z=1\n\ny\n(1,\n\xff)\n2\n",
    "crlf": b"def f():\r\n    x = 1\r\n    return x\r\n\r\nf()\r\nif 1:\r\n    y = 2\r\n    \r\ny\r\n",
    "null_byte": b'x = 1\nx = 2 \x00 + 3\nx\nprint("a\x00b")\nx\n',
}


def run(cmd: list[str], text: str | bytes) -> tuple[str, str, int]:
    env = dict(os.environ)
    env.pop("MODJIT_STRICT", None)
    data = text.encode() if isinstance(text, str) else text
    p = subprocess.run(cmd, input=data, capture_output=True, timeout=60, env=env)
    return (p.stdout.decode("utf-8", "surrogateescape"), p.stderr.decode("utf-8", "surrogateescape"),
            p.returncode)


@pytest.mark.parametrize("name", sorted(TRANSCRIPTS) + sorted(BYTE_TRANSCRIPTS))
def test_pipe_mode_matches_python_interactive(name: str) -> None:
    text = TRANSCRIPTS.get(name) or BYTE_TRANSCRIPTS[name]
    want_out, want_err, want_rc = run([sys.executable, "-i"], text)
    got_out, got_err, got_rc = run([sys.executable, "-m", "modjit", "repl", "--verbose"], text)
    assert got_out == want_out
    assert got_rc == want_rc
    # --verbose reports hand-overs on lines of their own; none may be a compiler failure
    reports = re.findall(r"modjit: .*\n", got_err)
    assert not [r for r in reports if "internal" in r]
    got_err = re.sub(r"modjit: .*\n", "", got_err)
    # stderr: the same prompts and tracebacks; only the banner differs
    assert got_err.splitlines()[1:] == want_err.splitlines()[2:]


def test_plain_flag_and_commands() -> None:
    out, err, rc = run([sys.executable, "-m", "modjit", "repl", "--plain"],
                       "def sq(x):\n    return x * x\n\nsq(4)\n:ir sq\n:stats\n")
    assert rc == 0 and "16" in out and "define" in out and "units compiled" in out


def test_ctrl_c_while_waiting_for_input_goes_on() -> None:
    """SIGINT while the console waits for a line (pipe mode, `repl --plain`):
    python3 -i prints KeyboardInterrupt and reads on; modjit died."""
    import signal
    import time

    env = dict(os.environ)
    env.pop("MODJIT_STRICT", None)
    p = subprocess.Popen([sys.executable, "-m", "modjit", "repl", "--plain"], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    assert p.stdin is not None
    p.stdin.write("x = 41\n")
    p.stdin.flush()
    time.sleep(2.0)  # (waiting for the next line by now)
    p.send_signal(signal.SIGINT)
    time.sleep(0.5)
    out, err = p.communicate("print(x + 1)\n", timeout=60)
    assert p.returncode == 0, err
    assert out == "42\n" and "KeyboardInterrupt" in err
