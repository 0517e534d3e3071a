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
from prompt_toolkit.application import create_app_session, get_app
from prompt_toolkit.completion import WordCompleter
from prompt_toolkit.filters import Condition
from prompt_toolkit.history import FileHistory, History, InMemoryHistory
from prompt_toolkit.key_binding import KeyBindings
from prompt_toolkit.lexers import PygmentsLexer
from prompt_toolkit.output import create_output
from pygments.lexers.python import PythonLexer

from modjit.driver.console import PROGRAM_DEPTH, Console, banner
from modjit.driver.run import hide_own_frames

COMMANDS = [":ir", ":asm", ":time", ":stats", ":engine", ":help", ":quit"]


def history_path() -> Path:
    """Where the input history is kept."""
    state = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(state) / "modjit" / "history"


def _history() -> History:
    """The history file, or one in memory (with a warning) where the file
    cannot be made, read and written: the REPL starts all the same.  (Given a
    file it cannot use, prompt_toolkit reports the failure at every prompt, and
    its report waits for a key: Ctrl-D no longer left.)"""
    path = history_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a+b"):  # (made if missing, as FileHistory would at the first input)
            pass
    except OSError as exc:
        print(f"modjit: input history not kept ({exc.filename or path}: {exc.strerror})", file=sys.stderr)
        return InMemoryHistory()
    return FileHistory(str(path))


def _key_bindings() -> KeyBindings:
    """Tab at the start of a line (only blanks before the cursor) indents, as
    python3's REPL takes a typed tab; elsewhere it completes."""
    kb = KeyBindings()

    @Condition
    def at_indent() -> bool:
        before = get_app().current_buffer.document.current_line_before_cursor
        return before.strip() == ""

    @kb.add("tab", filter=at_indent)
    def _(event: object) -> None:
        event.current_buffer.insert_text("\t")  # type: ignore[attr-defined]

    return kb


def run_tty(console: Console) -> int:
    """The REPL on a terminal.  Prompts, the banner and messages go where
    python3 puts them: stderr, the terminal even with stdout redirected to a
    file (which gets the program's output only)."""
    ns = console.session.namespace

    def words() -> list[str]:
        return sorted(set(ns) | set(dir(builtins)) | set(keyword.kwlist) | set(COMMANDS))

    print(banner(), file=sys.stderr)
    # (prompt_toolkit's output is the session's, not the PromptSession's own,
    # which would turn off its plain prompt on a dumb terminal)
    with create_app_session(output=create_output(always_prefer_tty=True)):
        session: PromptSession[str] = PromptSession(
            history=_history(),
            key_bindings=_key_bindings(),
            lexer=PygmentsLexer(PythonLexer),
            completer=WordCompleter(words, WORD=True),
            complete_while_typing=False,
        )
        hide_own_frames(extra=PROGRAM_DEPTH)  # (run_tty is where run_pipe would be)
        more = False
        while True:
            sys.stdout.flush()  # (print(..., end="") shows before the prompt, as in python3)
            try:
                line = session.prompt(str(sys.ps2) if more else str(sys.ps1))
            except KeyboardInterrupt:
                console.reset()
                more = False
                print("KeyboardInterrupt", file=sys.stderr)
                continue
            except EOFError:
                if more:  # Ctrl-D at a '... ' prompt: the input ends there and runs, as in python3
                    print(file=sys.stderr)
                    console.finish()
                    more = False
                    continue
                return 0
            try:
                more = console.push(line)
            except SystemExit as exc:
                code = exc.code
                return code if isinstance(code, int) else (0 if code is None else 1)
