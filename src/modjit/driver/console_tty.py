"""The terminal REPL on prompt_toolkit: prompts, history, highlighting, completion.

    >>> def f(x):
    ...     return x * 2          (indentation offered after a ':')
    ...
    >>> f(21)
    42

Ctrl-C at the prompt clears the input; during a run it raises KeyboardInterrupt
in the program (compiled loops poll for it); Ctrl-D leaves.
"""

from __future__ import annotations

import builtins
import keyword
import os
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
    indent = ""
    while True:
        try:
            line = session.prompt("... " if more else ">>> ", default=indent if more else "")
        except KeyboardInterrupt:
            console.reset()
            more, indent = False, ""
            print("KeyboardInterrupt")
            continue
        except EOFError:
            print()
            return 0
        line = own_indentation(line, indent if more else "")
        try:
            more = console.push(line)
        except SystemExit as exc:
            code = exc.code
            return code if isinstance(code, int) else (0 if code is None else 1)
        indent = _next_indent(line) if more else ""


def own_indentation(line: str, offered: str) -> str:
    """A line typed with its own indentation after the offered one (as in
    python3's REPL, which offers none): the offer is dropped, not added."""
    if offered and line.startswith(offered) and line[len(offered):][:1] in (" ", "\t"):
        return line[len(offered):]
    return line


def _next_indent(line: str) -> str:
    """Keep the indentation of the previous line, one level deeper after ':'."""
    stripped = line.rstrip()
    current = line[: len(line) - len(line.lstrip())]
    if not stripped:
        return ""
    return current + "    " if stripped.endswith(":") else current
