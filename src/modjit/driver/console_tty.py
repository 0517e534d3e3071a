"""The terminal REPL on prompt_toolkit: prompts, history, highlighting, completion.

    >>> def f(x):
    ...     return x * 2
    ...
    >>> f(21)
    42

Lines are taken as typed, as python3's REPL takes them (it offers no
indentation): input that a test or a user sends as to `python3 -i` (a
dedented `else:`, a body without indentation and its IndentationError)
means the same here.

Ctrl-C at the prompt clears the input; during a run it raises KeyboardInterrupt
in the program (compiled loops poll for it); Ctrl-D leaves.
"""

from __future__ import annotations

import builtins
import keyword
import os
import sys
from pathlib import Path

from prompt_toolkit import PromptSession
from prompt_toolkit.completion import WordCompleter
from prompt_toolkit.history import FileHistory
from prompt_toolkit.lexers import PygmentsLexer
from pygments.lexers.python import PythonLexer

from modjit.driver.console import Console, banner

COMMANDS = [":ir", ":asm", ":time", ":stats", ":engine", ":help", ":quit"]


def history_path() -> Path:
    state = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    path = Path(state) / "modjit" / "history"
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def run_tty(console: Console) -> int:
    ns = console.session.namespace

    def words() -> list[str]:
        return sorted(set(ns) | set(dir(builtins)) | set(keyword.kwlist) | set(COMMANDS))

    session: PromptSession[str] = PromptSession(
        history=FileHistory(str(history_path())),
        lexer=PygmentsLexer(PythonLexer),
        completer=WordCompleter(words, WORD=True),
        complete_while_typing=False,
    )
    print(banner())
    more = False
    while True:
        sys.stdout.flush()  # (print(..., end="") shows before the prompt, as in python3)
        try:
            line = session.prompt(str(sys.ps2) if more else str(sys.ps1))
        except KeyboardInterrupt:
            console.reset()
            more = False
            print("KeyboardInterrupt")
            continue
        except EOFError:
            return 0
        try:
            more = console.push(line)
        except SystemExit as exc:
            code = exc.code
            return code if isinstance(code, int) else (0 if code is None else 1)
