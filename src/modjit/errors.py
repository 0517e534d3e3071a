"""Located errors: every user-facing message prints as `file:line:col: error: message`."""

from __future__ import annotations

import ast
import linecache


class Coord:
    """A source position; columns are 1-based like compilers print them."""

    __slots__ = ("file", "line", "col")

    def __init__(self, file: str, line: int, col: int) -> None:
        self.file, self.line, self.col = file, line, col

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Coord) and (self.file, self.line, self.col) == (other.file, other.line, other.col)

    def __hash__(self) -> int:
        return hash((self.file, self.line, self.col))

    def __repr__(self) -> str:
        return f"Coord({self.file!r}, {self.line}, {self.col})"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"

    @staticmethod
    def of(node: ast.AST | None, file: str) -> Coord:
        line = getattr(node, "lineno", 0) or 0
        col = getattr(node, "col_offset", -1)
        return Coord(file, line, (col if col is not None else -1) + 1)


class Unsupported(Exception):
    """The unit leaves the compilable subset; it runs on CPython instead.

    Raised by the front end with the construct's name and location, e.g.
    `prog.py:30:4: 'yield' is not supported`.
    """

    def __init__(self, message: str, node: ast.AST | None = None, file: str = "<unknown>"):
        super().__init__(message)
        self.message = message
        self.node = node
        self.file = file

    @property
    def coord(self) -> Coord:
        return Coord.of(self.node, self.file)

    def __str__(self) -> str:
        return f"{self.coord}: {self.message}"


class InternalError(Exception):
    """A bug inside modjit while compiling a unit; the unit then runs on CPython."""

    def __init__(self, message: str, coord: Coord | None = None):
        super().__init__(message)
        self.message = message
        self.coord = coord

    def __str__(self) -> str:
        where = f"{self.coord}: " if self.coord else ""
        return f"{where}internal compiler error: {self.message}"


class FatalRuntimeError(BaseException):
    """Compiled code cannot continue with CPython's semantics (e.g. 64-bit overflow
    after an observable side effect).  The driver prints it and exits non-zero.
    A BaseException, so that a program's `except Exception` cannot swallow it."""

    def __init__(self, coord: Coord, message: str):
        super().__init__(message)
        self.coord = coord
        self.message = message

    def __str__(self) -> str:
        return f"{self.coord}: error: {self.message}"


def source_line_with_caret(coord: Coord) -> str:
    """The source line of `coord` and a caret under its column, or '' if unreadable."""
    text = linecache.getline(coord.file, coord.line)
    if not text:
        return ""
    text = text.rstrip("\n")
    return f"    {text}\n    {' ' * max(coord.col - 1, 0)}^"
